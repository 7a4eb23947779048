/**
 * Whether an answer is cheap enough to format as Markdown. marked's inline lexer slows down with the square of the
 * emphasis-like markers in one paragraph (200 KB of `_a` took minutes), and answers can come from a page, a model
 * or an imported file; above these limits the panel shows the answer as plain text instead.
 */

/** Longer answers are shown as plain text (normal prose of this length lexes in about 15 ms). */
const MARKDOWN_MAX_CHARS = 60_000;
/**
 * Budget for the sum over paragraphs of (markers in the paragraph)²: one paragraph of 500 markers, or 100
 * paragraphs of 50. Measured in `npm run bench` (hostile_text_ms).
 */
const MARKDOWN_MARKER_BUDGET = 500 * 500;

const MARKERS = new Set(['*', '_', '~', '`', '[', ']']);
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** True when the text should be shown as plain text rather than formatted. Linear in the text's length. */
export function markdownTooCostly(text: string): boolean {
  if (text.length > MARKDOWN_MAX_CHARS) return true;
  let cost = 0;
  let inBlock = 0;
  let fence: string | null = null;
  for (const line of text.split('\n')) {
    const fenceMark = FENCE.exec(line)?.[1];
    if (fence) {
      // Code blocks are not lexed for emphasis: their markers are free.
      if (fenceMark && fenceMark[0] === fence[0] && fenceMark.length >= fence.length) fence = null;
      continue;
    }
    if (fenceMark) {
      cost += inBlock * inBlock;
      inBlock = 0;
      fence = fenceMark;
      continue;
    }
    if (line.trim() === '') {
      cost += inBlock * inBlock;
      inBlock = 0;
      continue;
    }
    for (const ch of line) if (MARKERS.has(ch)) inBlock++;
    if (cost + inBlock * inBlock > MARKDOWN_MARKER_BUDGET) return true;
  }
  return cost + inBlock * inBlock > MARKDOWN_MARKER_BUDGET;
}
