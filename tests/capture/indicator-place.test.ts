import { describe, expect, test } from 'vitest';
import { MARGIN, indicatorPlace, union, type Box } from '@/utils/platform/capture/indicator-place';

const viewport = { width: 1280, height: 800 };
const size = { width: 300, height: 40 };
/** The indicator's box for a place. */
const boxAt = (p: { right: number; bottom: number }): Box => ({
  left: viewport.width - p.right - size.width,
  right: viewport.width - p.right,
  top: viewport.height - p.bottom - size.height,
  bottom: viewport.height - p.bottom,
});
const clearOf = (a: Box, b: Box) => a.right <= b.left || a.left >= b.right || a.bottom <= b.top || a.top >= b.bottom;

describe('where the page indicator goes', () => {
  test('no composer found: the bottom-right corner', () => {
    expect(indicatorPlace(viewport, size, null)).toEqual({ right: MARGIN, bottom: MARGIN });
  });

  test('ChatGPT at 1280 × 800 (composer at the bottom, Stop at its right end): above the composer, clear of Stop', () => {
    const composer: Box = { left: 386, right: 1154, top: 706, bottom: 776 };
    const stop: Box = { left: 1108, right: 1144, top: 723, bottom: 759 };
    const place = indicatorPlace(viewport, size, union([composer, stop]));
    expect(clearOf(boxAt(place), composer)).toBe(true);
    expect(clearOf(boxAt(place), stop)).toBe(true);
    expect(boxAt(place).right).toBe(1154); // lined up with the composer
    expect(boxAt(place).bottom).toBeLessThanOrEqual(706);
  });

  test('a composer in the middle of the page leaves the corner free', () => {
    expect(indicatorPlace(viewport, size, { left: 386, right: 1154, top: 330, bottom: 400 })).toEqual({ right: MARGIN, bottom: MARGIN });
  });

  test('a full-width composer at the bottom of a narrow window: above it, inside the window', () => {
    const narrow = { width: 400, height: 700 };
    const place = indicatorPlace(narrow, size, { left: 0, right: 400, top: 600, bottom: 700 });
    expect(place.right).toBe(MARGIN);
    expect(narrow.height - place.bottom).toBeLessThanOrEqual(600);
  });

  test('a composer down the whole right side: a left-hand corner', () => {
    const tall: Box = { left: 900, right: 1280, top: 0, bottom: 800 };
    const place = indicatorPlace(viewport, size, tall);
    expect(place).toEqual({ right: 1280 - MARGIN - size.width, bottom: MARGIN });
    expect(clearOf(boxAt(place), tall)).toBe(true);
  });

  test('no room above the composer nor on the right: the bottom-left corner; nowhere clear at all: the bottom-right corner', () => {
    const low: Box = { left: 400, right: 1280, top: 30, bottom: 800 };
    expect(indicatorPlace(viewport, size, low)).toEqual({ right: 1280 - MARGIN - size.width, bottom: MARGIN });
    const page = { left: 0, right: 1280, top: 0, bottom: 800 };
    expect(indicatorPlace(viewport, size, page)).toEqual({ right: MARGIN, bottom: MARGIN }); // nowhere clear: the corner
  });

  test('union holds the composer and its buttons; empty boxes (hidden elements) are left out', () => {
    expect(
      union([
        { left: 10, right: 20, top: 5, bottom: 9 },
        { left: 15, right: 40, top: 0, bottom: 8 },
        { left: 0, right: 0, top: 0, bottom: 0 },
      ]),
    ).toEqual({ left: 10, right: 40, top: 0, bottom: 9 });
    expect(union([])).toBeNull();
  });
});
