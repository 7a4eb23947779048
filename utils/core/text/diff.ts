/** One piece of a word diff. */
export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

/** Words, whitespace runs and single punctuation marks, so joining the parts gives the text back. */
function tokenize(text: string): string[] {
  return text.match(/\s+|[\p{L}\p{N}\p{M}_'’-]+|[^\s\p{L}\p{N}\p{M}]/gu) ?? [];
}

/**
 * The LCS table is at most this many cells (2 bytes each: 8 MB). Longer inputs, after the shared start and end
 * are set aside, are compared line by line; whatever the input, the table never grows past this.
 */
export const MAX_CELLS = 4_000_000;

/** A word (or punctuation mark) with the whitespace after it: compared by the word, shown with its spacing. */
interface Unit {
  key: string;
  text: string;
}

function wordUnits(text: string): Unit[] {
  const units: Unit[] = [];
  for (const token of tokenize(text)) {
    if (/^\s+$/.test(token)) {
      const last = units[units.length - 1];
      if (last) last.text += token;
      else units.push({ key: '', text: token }); // leading whitespace
    } else units.push({ key: token, text: token });
  }
  return units;
}

function lineUnits(text: string): Unit[] {
  return text.split(/(?<=\n)/).map((line) => ({ key: line.replace(/\s+/g, ' ').trim(), text: line }));
}

/** Appends to the last part when it is of the same kind. */
function push(parts: DiffPart[], kind: DiffPart['kind'], text: string) {
  const last = parts[parts.length - 1];
  if (last?.kind === kind) last.text += text;
  else if (text) parts.push({ kind, text });
}

/** LCS diff of two unit lists, appended to `parts`; false (nothing appended) when its table would pass {@link MAX_CELLS}. */
function lcsDiff(a: Unit[], b: Unit[], parts: DiffPart[]): boolean {
  const n = a.length;
  const m = b.length;
  if (n && m && (n + 1) * (m + 1) > MAX_CELLS) return false;
  // An LCS is no longer than the shorter side, at most √MAX_CELLS = 2000 here: it fits 16 bits.
  const w = m + 1;
  const table = new Uint16Array(n && m ? (n + 1) * w : 0);
  // Keys as small integers: the inner loop compares numbers in typed arrays.
  const ids = new Map<string, number>();
  const idOf = (u: Unit) => ids.get(u.key) ?? (ids.set(u.key, ids.size), ids.size - 1);
  const x = Int32Array.from(a, idOf);
  const y = Int32Array.from(b, idOf);
  for (let i = n - 1; i >= 0; i--) {
    const row = i * w;
    const below = row + w;
    const xi = x[i];
    for (let j = m - 1; j >= 0; j--) {
      if (xi === y[j]) table[row + j] = table[below + j + 1]! + 1;
      else {
        const down = table[below + j]!;
        const right = table[row + j + 1]!;
        table[row + j] = down >= right ? down : right;
      }
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i]!.key === b[j]!.key) {
      push(parts, 'same', b[j]!.text);
      i++;
      j++;
    } else if (table[(i + 1) * w + j]! >= table[i * w + j + 1]!) push(parts, 'removed', a[i++]!.text);
    else push(parts, 'added', b[j++]!.text);
  }
  while (i < n) push(parts, 'removed', a[i++]!.text);
  while (j < m) push(parts, 'added', b[j++]!.text);
  return true;
}

/** Diffs two unit lists: shared start and end set aside first (cheap, and most of two similar answers). */
function diffUnits(a: Unit[], b: Unit[]): DiffPart[] | null {
  let start = 0;
  while (start < a.length && start < b.length && a[start]!.key === b[start]!.key) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end]!.key === b[b.length - 1 - end]!.key) end++;
  const parts: DiffPart[] = [];
  for (const u of b.slice(0, start)) push(parts, 'same', u.text);
  if (!lcsDiff(a.slice(start, a.length - end), b.slice(start, b.length - end), parts)) return null;
  for (const u of b.slice(b.length - end)) push(parts, 'same', u.text);
  return parts;
}

/**
 * Word-level diff of `other` against `base`: what `other` adds and what it leaves out. Pure; whitespace-only
 * differences count as the same. Long answers whose differing middle would not fit {@link MAX_CELLS} are
 * compared by line; when even the lines do not fit, the whole of each is one change.
 */
export function wordDiff(base: string, other: string): DiffPart[] {
  const byWord = diffUnits(wordUnits(base), wordUnits(other));
  if (byWord) return byWord;
  const byLine = diffUnits(lineUnits(base), lineUnits(other));
  if (byLine) return byLine;
  const parts: DiffPart[] = [];
  push(parts, 'removed', base);
  push(parts, 'added', other);
  return parts;
}

const wordCount = (text: string) => tokenize(text).filter((t) => /\S/.test(t)).length;
const countOf = (parts: DiffPart[], kind: DiffPart['kind']) => parts.filter((p) => p.kind === kind).reduce((n, p) => n + wordCount(p.text), 0);

/** Share of `other`'s words that also stand in `base` (1 = same words). */
export function sameShare(parts: DiffPart[]): number {
  const same = countOf(parts, 'same');
  const total = same + countOf(parts, 'added');
  return total ? same / total : 1;
}

/** Below this share of words in common (of both answers' words), a word diff is a tangle: it is not shown. */
export const MIN_SHARED = 0.3;

/** A diff worth reading, or the word that the two answers are too different for one. */
export type ReadableDiff = { kind: 'diff'; parts: DiffPart[]; shared: number } | { kind: 'too-different'; shared: number };

function words(text: string): string[] {
  return tokenize(text).filter((t) => /\S/.test(t));
}

/**
 * The word diff of two answers if they share enough to read one: `shared` is the words in common over the
 * words of both (2·common / (words in base + words in other)). A bag-of-words count, an upper bound of it,
 * rules out unrelated answers before any diff is computed.
 */
export function readableDiff(base: string, other: string): ReadableDiff {
  const a = words(base);
  const b = words(other);
  const total = a.length + b.length;
  if (!total) return { kind: 'diff', parts: [], shared: 1 };
  const counts = new Map<string, number>();
  for (const w of a) counts.set(w, (counts.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of b) {
    const left = counts.get(w) ?? 0;
    if (left > 0) {
      common++;
      counts.set(w, left - 1);
    }
  }
  const bound = (2 * common) / total;
  if (bound < MIN_SHARED) return { kind: 'too-different', shared: bound };
  const parts = wordDiff(base, other);
  const shared = (2 * countOf(parts, 'same')) / total;
  return shared < MIN_SHARED ? { kind: 'too-different', shared } : { kind: 'diff', parts, shared };
}

const cache = new Map<string, ReadableDiff>();
/** Diffs kept for re-renders: a few per comparison's columns. */
const CACHE_SIZE = 48;

/**
 * {@link readableDiff}, computed once per pair of texts and kept (the least recently used of
 * {@link CACHE_SIZE} pairs is dropped), so re-rendering a column does not diff again.
 */
export function cachedReadableDiff(base: string, other: string): ReadableDiff {
  const key = `${base.length}:${base}\u0000${other}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const result = readableDiff(base, other);
  cache.set(key, result);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  return result;
}
