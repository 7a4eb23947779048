/**
 * npm run eval:values -- <file.csv>... [--do-not-answer] [--by <column>] [--errors]
 *                        [--only <column>=<v1,v2>] [--write-accuracy[=stance|balance]] [--dataset <name>] [--held-out]
 *                        [--accuracy-file <path>]
 * Scores the built-in stance and balance readers against human labels. Each CSV needs the columns `prompt`,
 * `completion`, `language`, `stance` (supports | opposes | neutral | mixed; empty = not scored) and `balance`
 * (balanced | one_sided; empty = not scored). With --do-not-answer the files are in the Do-Not-Answer format
 * (prompt, completion, action): action 2 = balanced, action 1 = one_sided, stance not scored.
 * Prints exactly one JSON line: {"stance":{"n","accuracy","per_class"},"balance":{…}}; with --by <column> it
 * also holds "by": the same report per value of that column; --only keeps the rows whose column has one of the values. --errors writes each misread row to stderr.
 * --write-accuracy merges the figures into utils/core/analysis/accuracy/values.json (replacing figures of the
 * same reader and dataset), with this command (--accuracy-file writes elsewhere, for tests). Exit 1 with a message on stderr for a missing file, column or
 * an unknown label.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { ReaderAccuracy } from '../utils/core/analysis/accuracy/types';
import { csvRecords } from '../utils/core/analysis/refusal-eval';
import { valueFeatures } from '../utils/core/analysis/values';
import { accuracyFigures, doNotAnswerRows, evaluateValues, mergeFigures, valuesRows, type ValuesRow } from '../utils/core/analysis/values-eval';

const DEFAULT_FIGURES = resolve(import.meta.dirname, '../utils/core/analysis/accuracy/values.json');

/** An argument as a POSIX shell would need it typed. */
const shellQuoted = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

function fail(message: string): never {
  process.stderr.write(`eval:values: ${message}\n`);
  process.exit(1);
}

const args = process.argv.slice(2);
const valueOf = (flag: string) => {
  const at = args.indexOf(flag);
  if (at < 0) return undefined;
  const value = args[at + 1];
  if (!value || value.startsWith('--')) fail(`${flag} needs a value`);
  return value;
};
const dna = args.includes('--do-not-answer');
const by = valueOf('--by');
const dataset = valueOf('--dataset');
const accuracyFile = valueOf('--accuracy-file');
const only = valueOf('--only');
const [onlyColumn, onlyValues] = only ? [only.split('=')[0]!, new Set(only.split('=').slice(1).join('=').split(','))] : [undefined, undefined];
if (only && (!onlyColumn || !only.includes('='))) fail(`--only takes <column>=<value,value> (got "${only}")`);
const FIGURES = accuracyFile ? resolve(accuracyFile) : DEFAULT_FIGURES;
const write = args.find((a) => a === '--write-accuracy' || a.startsWith('--write-accuracy='));
const readers = write?.includes('=') ? write.split('=')[1]!.split(',') : ['stance', 'balance'];
if (readers.some((r) => r !== 'stance' && r !== 'balance')) fail(`--write-accuracy takes stance, balance or both (got "${write}")`);
const optionValues = new Set([by, dataset, accuracyFile, only]);
const files = args.filter((a, i) => !a.startsWith('--') && !(optionValues.has(a) && args[i - 1]?.startsWith('--')));
if (!files.length) fail('usage: npm run eval:values -- <file.csv>... (columns: prompt, completion, language, stance, balance)');

function readRows(path: string): ValuesRow[] {
  if (!existsSync(path)) fail(`no such file: ${path}`);
  try {
    const records = csvRecords(
      readFileSync(path, 'utf8'),
      dna ? ['prompt', 'completion', 'action'] : ['prompt', 'completion', 'language', 'stance', 'balance'],
    );
    for (const column of [by, onlyColumn]) if (column && records.length && !(column in records[0]!)) throw new Error(`missing column ${column}`);
    const rows = dna ? doNotAnswerRows(records) : valuesRows(records);
    return onlyColumn ? rows.filter((r) => onlyValues.has(r.extra[onlyColumn] ?? '')) : rows;
  } catch (err) {
    fail(`${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

const rows = files.flatMap(readRows);
const read = (row: ValuesRow) => valueFeatures(row.completion, { language: row.language || undefined, prompt: row.prompt });
const report: Record<string, unknown> = { ...evaluateValues(rows, read) };
if (by) {
  const groups = [...new Set(rows.map((r) => r.extra[by] ?? ''))].sort();
  report.by = Object.fromEntries(
    groups.map((g) => [
      g,
      evaluateValues(
        rows.filter((r) => (r.extra[by] ?? '') === g),
        read,
      ),
    ]),
  );
}
if (args.includes('--errors')) {
  for (const row of rows) {
    const got = read(row);
    const stance = got.stance.value === 'mixed' && row.stance !== 'mixed' ? 'neutral' : got.stance.value;
    const line = (what: string, gold: string, value: string) =>
      `${what} ${gold} → ${value} [${row.language}] ${row.prompt.slice(0, 80)} | ${row.completion.trim().slice(0, 240).replace(/\s+/g, ' ')}\n`;
    if (row.stance && row.stance !== stance) process.stderr.write(line('stance', row.stance, got.stance.value));
    if (row.balance && row.balance !== got.balance.value) process.stderr.write(line('balance', row.balance, got.balance.value));
  }
}
if (write) {
  const named =
    dataset ??
    (dna
      ? 'Do-Not-Answer (English): action 2 = balanced, action 1 = one_sided'
      : `Parallax's own labelled answers (${files.map((f) => basename(f)).join(', ')})`);
  const meta = {
    dataset: named,
    heldOut: args.includes('--held-out'),
    command: `npm run eval:values -- ${args
      .filter((a, i) => a !== '--accuracy-file' && args[i - 1] !== '--accuracy-file')
      .map(shellQuoted)
      .join(' ')}`,
    measured: new Date().toISOString().slice(0, 10),
  };
  const existing = existsSync(FIGURES) ? (JSON.parse(readFileSync(FIGURES, 'utf8')) as ReaderAccuracy[]) : [];
  const figures = mergeFigures(existing, accuracyFigures(evaluateValues(rows, read), rows, meta, readers as Array<'stance' | 'balance'>));
  writeFileSync(FIGURES, `${JSON.stringify(figures, null, 2)}\n`);
}
process.stdout.write(`${JSON.stringify(report)}\n`);
