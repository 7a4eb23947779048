import { lexer } from 'marked';
import { inertMarkdown } from '../../utils/core/history/inert-markdown';
import { parseJudgeAnswer } from '../../utils/core/analysis/judge';
import { markdownTooCostly } from '../../utils/core/text/markdown-budget';

const SIZE = 200_000;
const fill = (unit: string, tail = '') => unit.repeat(Math.ceil((SIZE - tail.length) / unit.length)).slice(0, SIZE - tail.length) + tail;
const VERDICT = '{"label":"full_refusal","kind":null,"rationale":"r","quotes":[]}';

/** Inputs built to hit each text path's worst case (each about 200 KB). */
const EXPORT_INPUTS = [fill('\\', '![x](javascript:1)'), fill('\\!['), fill(']('), fill('<'), fill('\\]:')];
const MARKDOWN_INPUTS = [
  fill('_a'),
  fill('*a_'),
  fill('**a'),
  fill('`a'),
  // Near the worst that is still formatted: one paragraph of 400 markers, then short paragraphs with emphasis to the length limit.
  `${'*a_'.repeat(200)}\n\n${'An ordinary sentence of an answer with a **bold** word and _one_ `code` span.\n\n'.repeat(1_000)}`.slice(0, 60_000),
];
const JUDGE_INPUTS = [fill('{', VERDICT), fill('<think>', VERDICT), fill('{"a":1} ', VERDICT), fill('```', VERDICT), fill('{"', VERDICT)];

/** The formatted worst case must really be formatted, or the figure would time the plain-text fallback only. */
if (markdownTooCostly(MARKDOWN_INPUTS.at(-1)!)) throw new Error('the formatted worst case is over the budget');

function slowest(inputs: string[], run: (text: string) => unknown): number {
  return Math.max(
    ...inputs.map((text) => {
      run(text);
      const times = Array.from({ length: 3 }, () => {
        const t = performance.now();
        run(text);
        return performance.now() - t;
      });
      return Math.min(...times);
    }),
  );
}

/**
 * Hostile text (about 200 KB each, built to make a naive regex or marked's emphasis lexer quadratic) through the
 * Markdown export's escaping, the panel's format-or-plain decision plus lexing, and the judge reply parser. Each
 * figure is the slowest input's best of 3; hostile_text_ms is the slowest path.
 */
export function benchHostileText(): Record<string, number> {
  const round = (ms: number) => Math.round(ms * 10) / 10;
  const results = {
    hostile_export_escaping_ms: round(slowest(EXPORT_INPUTS, inertMarkdown)),
    hostile_markdown_render_ms: round(slowest(MARKDOWN_INPUTS, (text) => (markdownTooCostly(text) ? text : lexer(text, { gfm: true })))),
    hostile_judge_parse_ms: round(slowest(JUDGE_INPUTS, (text) => parseJudgeAnswer('refusal', text))),
  };
  return { hostile_text_ms: Math.max(...Object.values(results)), ...results };
}
