/** A box on screen, in CSS pixels from the viewport's top left. */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Where the indicator sits: its distance from the viewport's right and bottom edges (it is position: fixed). */
export interface Place {
  right: number;
  bottom: number;
}

/** Space kept from the viewport's edges and from the composer. */
export const MARGIN = 16;
const GAP = 10;

/** Overlap, with a few pixels of air around `b`. */
const overlaps = (a: Box, b: Box, air = 4) => a.left < b.right + air && a.right > b.left - air && a.top < b.bottom + air && a.bottom > b.top - air;

/** The smallest box holding all of these (the composer with its buttons); null for none. */
export function union(boxes: readonly Box[]): Box | null {
  const real = boxes.filter((b) => b.right > b.left && b.bottom > b.top);
  if (!real.length) return null;
  return {
    left: Math.min(...real.map((b) => b.left)),
    top: Math.min(...real.map((b) => b.top)),
    right: Math.max(...real.map((b) => b.right)),
    bottom: Math.max(...real.map((b) => b.bottom)),
  };
}

/**
 * Where to put an indicator of `size` so that it covers none of the composer (`avoid`: the composer and its
 * send/stop buttons), in this order: the bottom-right corner when the composer is elsewhere; just above the
 * composer, lined up with its right edge (the corner a composer at the bottom leaves free is usually its
 * buttons); the top-right corner; the left-hand corners. When none is clear, the bottom-right corner.
 */
export function indicatorPlace(viewport: { width: number; height: number }, size: { width: number; height: number }, avoid: Box | null): Place {
  const corner: Place = { right: MARGIN, bottom: MARGIN };
  if (!avoid) return corner;
  const boxOf = (p: Place): Box => ({
    left: viewport.width - p.right - size.width,
    right: viewport.width - p.right,
    top: viewport.height - p.bottom - size.height,
    bottom: viewport.height - p.bottom,
  });
  const fits = (b: Box) => b.left >= 0 && b.top >= 0 && b.right <= viewport.width && b.bottom <= viewport.height;
  const above: Place = {
    right: Math.max(MARGIN, Math.min(viewport.width - avoid.right, viewport.width - size.width - MARGIN)),
    bottom: Math.max(MARGIN, viewport.height - avoid.top + GAP),
  };
  const top = Math.max(MARGIN, viewport.height - MARGIN - size.height);
  const left = Math.max(MARGIN, viewport.width - MARGIN - size.width);
  const candidates: Place[] = [corner, above, { right: MARGIN, bottom: top }, { right: left, bottom: MARGIN }, { right: left, bottom: top }];
  return candidates.find((p) => fits(boxOf(p)) && !overlaps(boxOf(p), avoid)) ?? corner;
}
