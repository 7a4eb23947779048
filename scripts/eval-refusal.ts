/**
 * npm run eval:refusal -- <file.csv>... [--errors]
 * Scores the built-in refusal classifier against human labels. Each CSV needs the columns `completion` and
 * `final_label` (1_full_compliance, 2_full_refusal, 3_partial_refusal; XSTest format). Prints exactly one JSON
 * line: {"n","accuracy3","binary","per_class","per_second"}. An optional `language` column tags rows. With --errors, each misclassified row is also
 * written to stderr. Exit 1 with a message on stderr for missing files, columns or labels.
 */
import { existsSync, readFileSync } from 'node:fs';
import { classifyRefusal } from '../utils/core/analysis/refusal';
import { csvRecords, evaluateRefusal, labelFromXstest, type LabelledAnswer } from '../utils/core/analysis/refusal-eval';

function fail(message: string): never {
  process.stderr.write(`eval:refusal: ${message}\n`);
  process.exit(1);
}

function readRows(path: string): LabelledAnswer[] {
  if (!existsSync(path)) fail(`no such file: ${path}`);
  let records: Array<Record<string, string>>;
  try {
    records = csvRecords(readFileSync(path, 'utf8'), ['completion', 'final_label']);
  } catch (err) {
    fail(`${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return records.map((record, i) => {
    const gold = labelFromXstest(record.final_label ?? '');
    if (!gold) fail(`${path}: row ${i + 2} has final_label "${record.final_label}" (expected 1_full_compliance, 2_full_refusal or 3_partial_refusal)`);
    return { text: record.completion ?? '', gold, ...(record.language ? { language: record.language } : {}) };
  });
}

const args = process.argv.slice(2);
const showErrors = args.includes('--errors');
const files = args.filter((a) => !a.startsWith('--'));
if (!files.length) fail('usage: npm run eval:refusal -- <file.csv>... (columns: completion, final_label)');

const rows = files.flatMap(readRows);
const report = evaluateRefusal(rows, (text, language) => classifyRefusal(text, { language }).label);
if (showErrors) {
  for (const row of rows) {
    const verdict = classifyRefusal(row.text, { language: row.language });
    if (verdict.label !== row.gold) process.stderr.write(`${row.gold} → ${verdict.label} (${verdict.kind ?? '-'}): ${row.text.trim().slice(0, 200).replace(/\s+/g, ' ')}\n`);
  }
}
process.stdout.write(`${JSON.stringify(report)}\n`);
