/**
 * npm run survey:parse -- <answers.csv> [--expected <column>]
 * Reads each answer the way the Studies page does and prints one JSON line per data row, in order:
 * {"row":1,"value":2.5,"via":"two-options"}, {"row":2,"refused":true} or {"row":3,"invalid":"why"}.
 * Columns: `question` (the item as sent, with its options as written: "(1) …; (2) …" or "1 = …" lines; read
 * with the questionnaire importer's code), `answer`, `language` (a code such as en, zh, de). With --expected, the
 * named column holds the right reading (a number, "refused" or "invalid") and a summary goes to stderr.
 * Exit 1 with a message when the file or a column is missing.
 */
import { readFileSync } from 'node:fs';
import { csvRecords } from '../utils/core/analysis/refusal-eval';
import type { AnswerScale } from '../utils/core/surveys/instrument';
import { parseAnswer, type ParsedAnswer } from '../utils/core/surveys/parse-answer';
import { questionOptions } from '../utils/core/surveys/questionnaire';

const USAGE = 'usage: npm run survey:parse -- <answers.csv> [--expected <column>]';
const LANGUAGE = /^([a-z]{2,3})(?:[-_][A-Za-z0-9]{2,8})*$/i;

function fail(message: string): never {
  process.stderr.write(`survey:parse: ${message}\n`);
  process.exit(1);
}

/** One row read: the reader's verdict, or why the row itself cannot be read. */
function readRow(question: string, answer: string, language: string): ParsedAnswer {
  const code = LANGUAGE.exec(language.trim())?.[1]?.toLowerCase();
  if (!code) return { invalid: `language "${language}" is not a language code (e.g. en, zh, de)` };
  const options = questionOptions(question);
  if (options.length < 2) return { invalid: 'no answer options found in the question ("(1) …; (2) …" or "1 = …")' };
  const scale: AnswerScale = { id: 'question', points: options.map((o) => ({ value: o.value, label: { [code]: o.label } })) };
  return parseAnswer(answer, scale, code);
}

const verdict = (p: ParsedAnswer) => ('value' in p ? String(p.value) : 'refused' in p ? 'refused' : 'invalid');

function main() {
  // `| head` closes the pipe early: stop quietly.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => (err.code === 'EPIPE' ? process.exit(0) : fail(err.message)));
  const args = process.argv.slice(2);
  let expectedColumn: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--expected') expectedColumn = args[++i] ?? fail('--expected needs a column name');
    else if (arg.startsWith('--expected=')) expectedColumn = arg.slice('--expected='.length);
    else if (arg.startsWith('--')) fail(`unknown option ${arg}\n${USAGE}`);
    else files.push(arg);
  }
  if (files.length !== 1) fail(USAGE);
  const path = files[0]!;
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch (err) {
    fail(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(err)}`);
  }
  let rows: Record<string, string>[];
  try {
    rows = csvRecords(source, ['question', 'answer', 'language', ...(expectedColumn ? [expectedColumn] : [])]);
  } catch (err) {
    fail(`${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  let exact = 0;
  let covered = 0;
  rows.forEach((r, i) => {
    const parsed = readRow(r.question!, r.answer!, r.language!);
    process.stdout.write(`${JSON.stringify({ row: i + 1, ...parsed })}\n`);
    if (!('invalid' in parsed)) covered++;
    if (expectedColumn && verdict(parsed) === String(Number(r[expectedColumn]) || r[expectedColumn]!.trim().toLowerCase())) exact++;
  });
  if (expectedColumn && rows.length) {
    const share = (n: number) => Math.round((n / rows.length) * 1000) / 1000;
    process.stderr.write(`${JSON.stringify({ rows: rows.length, exact: share(exact), coverage: share(covered) })}\n`);
  }
}

main();
