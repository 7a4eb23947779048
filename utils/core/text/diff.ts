/** One piece of a word diff. */
export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Words, whitespace runs and single punctuation marks, so joining the parts gives the text back. */
export function tokenize(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}\p{M}_'’-]+|[^\s\p{L}\p{N}\p{M}]/gu) ?? [];
}

/** Beyond this many tokens on a side the diff compares lines instead (keeps it fast on long answers). */
const MAX_TOKENS = 4000;

function lcsDiff(a: string[], b: string[]): DiffPart[] {
  const n = a.length;
  const m = b.length;
  const table = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      table[i * (m + 1) + j] = a[i] === b[j] ? table[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(table[(i + 1) * (m + 1) + j]!, table[i * (m + 1) + j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart['kind'], text: string) => {
    const last = parts[parts.length - 1];
    if (last?.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      push('same', a[i]!);
      i++;
      j++;
    } else if (table[(i + 1) * (m + 1) + j]! >= table[i * (m + 1) + j + 1]!) push('removed', a[i++]!);
    else push('added', b[j++]!);
  }
  while (i < n) push('removed', a[i++]!);
  while (j < m) push('added', b[j++]!);
  return parts;
}

/**
 * Word-level diff of `other` against `base`: what `other` adds and what it leaves out. Pure; whitespace-only
 * differences count as the same.
 */
export function wordDiff(base: string, other: string): DiffPart[] {
  let a = tokenize(base);
  let b = tokenize(other);
  if (a.length > MAX_TOKENS || b.length > MAX_TOKENS) {
    a = base.split(/(?<=\n)/);
    b = other.split(/(?<=\n)/);
  }
  const norm = (t: string) => (/^\s+$/.test(t) ? ' ' : t);
  return mergeGaps(lcsDiff(a.map(norm), b.map(norm)));
}

/** "but" + " " + "not" (added, same space, added) reads as one change: "but not". */
function mergeGaps(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const prev = out[out.length - 1];
    const next = parts[i + 1];
    if (part.kind === 'same' && /^\s+$/.test(part.text) && prev && next && prev.kind === next.kind) {
      prev.text += part.text + next.text;
      i++;
    } else if (prev && prev.kind === part.kind) prev.text += part.text;
    else out.push({ ...part });
  }
  return out;
}

/** Share of `other`'s words that also stand in `base` (1 = same words). */
export function sameShare(parts: DiffPart[]): number {
  const words = (kind: DiffPart['kind']) => parts.filter((p) => p.kind === kind).reduce((n, p) => n + tokenize(p.text).filter((t) => /\S/.test(t)).length, 0);
  const same = words('same');
  const total = same + words('added');
  return total ? same / total : 1;
}
