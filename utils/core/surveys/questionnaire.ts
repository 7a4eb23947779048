/**
 * Reads a pasted questionnaire in any language into numbered questions and answer-option blocks.
 *
 * Accepted layouts (mixable):
 * - questions numbered `1.`, `1)`, `1:`, `01.`, `Q1`, `m01` — optionally followed by answer columns `1 2 3 4 5`;
 * - answer options as `1 = label`, `(1) label`, `[1] label`, `1 - label`, or `1. label` right under a question;
 * - several `n = label` options on one line.
 * A plain `n.` line is a question when it continues the question numbering and an option otherwise; a run of
 * such lines that is followed by a longer run restarting at the same number is a scale, not questions. It
 * continues an open option block only when that block is written the same way ("n." lines), so item 6 after
 * options "1 = …" … "5 = …" is item 6, not option 6.
 */
import { splitInlineOptions } from './inline-options';

/** One answer option as written. */
export interface ParsedOption {
  value: number;
  label: string;
}

/** One numbered question with the option blocks written after it (before the next question). */
interface ParsedQuestion {
  number: number;
  text: string;
  /** 1-based line in the pasted text, for error messages. */
  line: number;
  blocksAfter: ParsedOption[][];
}

/** The questionnaire as read: option blocks before the first question, then the questions in order. */
export interface ParsedQuestionnaire {
  leadingBlocks: ParsedOption[][];
  questions: ParsedQuestion[];
}

type Line =
  | { kind: 'blank' }
  | { kind: 'text'; text: string }
  | { kind: 'item'; n: number; text: string; line: number }
  | { kind: 'option'; n: number; text: string }
  | { kind: 'numbered'; n: number; text: string; line: number };

const EXPLICIT_ITEM = /^(?:[mMqQ]\s?0*(\d{1,3})|0(\d))\s*[.):\-–]?\s*(.*)$/;
const OPTION = /^(?:[([（](\d{1,2})[)\]）]|(\d{1,2})\s*(?:=|＝|-|–|—))\s*(.+)$/;
const NUMBERED = /^(\d{1,3})\s*[.)．、:：]\s*(.+)$/;
const ANSWER_COLUMNS = /(?:\s+\d{1,2}){2,}\s*$/;

/** Native digits (Arabic-Indic, Persian, Devanagari, Bengali, full-width) as ASCII. */
export function asciiDigits(text: string): string {
  return text.replace(/[٠-٩۰-۹०-९০-৯０-９]/g, (d) => {
    const code = d.charCodeAt(0);
    for (const zero of [0x660, 0x6f0, 0x966, 0x9e6, 0xff10]) if (code >= zero && code <= zero + 9) return String(code - zero);
    return d;
  });
}

function classify(raw: string, line: number): Line[] {
  const text = asciiDigits(raw).replace(/\s+/g, ' ').trim();
  if (!text) return [{ kind: 'blank' }];
  if (/^\d{1,2}(?:\s+\d{1,2})+$/.test(text)) return []; // answer columns on their own line
  // Several options on one line ("1 = a 2 = b", "(1) a; (2) b"), alone or after the question they belong to.
  const inline = splitInlineOptions(text);
  if (inline) {
    const options = inline.options.map((o): Line => ({ kind: 'option', n: o.value, text: o.label }));
    return [...(inline.before ? classifyOne(inline.before, line) : []), ...options];
  }
  return classifyOne(text, line);
}

function classifyOne(text: string, line: number): Line[] {
  // "(1) label" and "1 = label" are options even when zero-padded ("05 = …").
  const strictOption = OPTION.exec(text);
  if (strictOption && (strictOption[1] || /^\d{1,2}\s*[=＝]/.test(text)))
    return [{ kind: 'option', n: Number(strictOption[1] ?? strictOption[2]), text: strictOption[3]!.trim() }];
  const explicit = EXPLICIT_ITEM.exec(text);
  if (explicit && (explicit[3] || /^[mMqQ]/.test(text))) {
    return [{ kind: 'item', n: Number(explicit[1] ?? explicit[2]), text: stripColumns(explicit[3] ?? ''), line }];
  }
  const option = OPTION.exec(text);
  if (option) return [{ kind: 'option', n: Number(option[1] ?? option[2]), text: option[3]!.trim() }];
  const numbered = NUMBERED.exec(text);
  if (numbered) return [{ kind: 'numbered', n: Number(numbered[1]), text: stripColumns(numbered[2]!), line }];
  return [{ kind: 'text', text }];
}

/** Remove trailing answer columns "1 2 3 4 5" (an ascending run from 1), keeping a number that ends the text. */
function stripColumns(text: string): string {
  const tail = ANSWER_COLUMNS.exec(text);
  if (!tail) return text.trim();
  const numbers = tail[0].trim().split(/\s+/).map(Number);
  for (let start = 0; start < numbers.length - 1; start++) {
    if (numbers.slice(start).every((n, i) => n === i + 1)) {
      const keep = numbers.slice(0, start).join(' ');
      return `${text.slice(0, tail.index)}${keep ? ` ${keep}` : ''}`.trim();
    }
  }
  return text.trim();
}

/** Length of the run of consecutive numbers starting at `lines[i]` (numbered lines only, blanks skipped). */
function runFrom(lines: Line[], i: number): { length: number; next: number } {
  let length = 0;
  let expect = (lines[i] as { n: number }).n;
  let j = i;
  for (; j < lines.length; j++) {
    const l = lines[j]!;
    if (l.kind === 'blank') continue;
    if ((l.kind === 'numbered' || l.kind === 'item') && l.n === expect) {
      length++;
      expect++;
    } else break;
  }
  return { length, next: j };
}

/** True when a run of plain-numbered lines is a scale: it restarts right after with a longer run. */
function looksLikeScale(lines: Line[], i: number): boolean {
  const first = (lines[i] as { n: number }).n;
  const run = runFrom(lines, i);
  if (run.length < 2) return false;
  let next = run.next;
  while (lines[next]?.kind === 'text' || lines[next]?.kind === 'blank') next++;
  const after = lines[next];
  if (!after || (after.kind !== 'numbered' && after.kind !== 'item') || after.n !== first) return false;
  return runFrom(lines, next).length > run.length;
}

/** True when the next numbered line after `lines[i]` starts a new option list (0 or 1). */
function optionsRestartAfter(lines: Line[], i: number): boolean {
  for (let j = i + 1; j < lines.length; j++) {
    const l = lines[j]!;
    if (l.kind === 'option' || l.kind === 'numbered' || l.kind === 'item') return l.kind !== 'item' && l.n <= 1;
  }
  return false;
}

/** Split pasted questionnaire text into numbered questions and option blocks. Never throws. */
export function parseQuestionnaire(text: string): ParsedQuestionnaire {
  const lines = text.split(/\r\n?|\n/).flatMap((raw, i) => classify(raw, i + 1));
  const result: ParsedQuestionnaire = { leadingBlocks: [], questions: [] };
  let expected = 1;
  let current: ParsedQuestion | null = null;
  let block: ParsedOption[] | null = null;
  let textContinues = false;

  /** The open block was written as plain "n." lines (only such a block can go on with another "n." line). */
  let blockPlain = false;
  const addOption = (n: number, label: string, plain: boolean) => {
    const last = block?.[block.length - 1];
    if (!block || !last || n <= last.value) {
      block = [];
      blockPlain = true;
      (current ? current.blocksAfter : result.leadingBlocks).push(block);
    }
    block.push({ value: n, label });
    blockPlain &&= plain;
    textContinues = false;
  };

  lines.forEach((l, i) => {
    if (l.kind === 'blank') return void (textContinues = false);
    if (l.kind === 'text') {
      if (current && textContinues) current.text = `${current.text} ${l.text}`.trim();
      else block = null;
      return;
    }
    if (l.kind === 'option') {
      addOption(l.n, l.text, false);
      return;
    }
    // A plain "n." continues an open block of "n." options when it is the block's next value, unless it is the
    // next question and options restart right after it.
    const open = block;
    const continuesBlock = !!open && blockPlain && open[open.length - 1]!.value === l.n - 1 && !(l.n === expected && optionsRestartAfter(lines, i));
    // Skipping ahead by a few numbers is allowed, so a missing item is reported rather than derailing the rest.
    const next = l.n >= expected && l.n <= expected + 3;
    const isItem = l.kind === 'item' || (next && !continuesBlock && !looksLikeScale(lines, i));
    if (!isItem) {
      addOption(l.n, l.text, true);
      return;
    }
    current = { number: l.n, text: l.text, line: l.line, blocksAfter: [] };
    result.questions.push(current);
    expected = Math.max(expected, l.n + 1);
    block = null;
    textContinues = true;
  });
  return result;
}

/**
 * The answer options of one question as sent to a model ("…? (1) always; (2) usually; …", or "1 = …" lines): the
 * longest option block in the text (the last of equally long ones), read as the importer reads a questionnaire.
 */
export function questionOptions(text: string): ParsedOption[] {
  const parsed = parseQuestionnaire(text);
  const blocks = [...parsed.leadingBlocks, ...parsed.questions.flatMap((q) => q.blocksAfter)];
  return blocks.reduce<ParsedOption[]>((best, b) => (b.length >= best.length ? b : best), []);
}
