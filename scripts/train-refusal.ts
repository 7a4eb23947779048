/**
 * npm run train:refusal [-- <file.csv>...]
 * Trains the learned part of the refusal reader on human-labelled answers (by default the shared development
 * sets in ../shared/eval: XSTest's GPT-4 and Llama-2 completions and Do-Not-Answer) and writes
 * utils/core/analysis/refusal-weights.json: numbers only (hashed n-gram buckets and weights, no text).
 * Judge a change with `npm run eval:refusal -- --loo <files>` (leave one model family out), not with the
 * figures of the data trained on. Exit 1 with a message when a file is missing or malformed.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { rowsFromCsv } from '../utils/core/analysis/refusal-eval-data';
import { trainingExamples, trainWeights } from './refusal/train';

const ROOT = resolve(import.meta.dirname, '..');
const SHARED = resolve(ROOT, '../shared/eval');
const DEFAULT_FILES = ['xstest_v2_completions_gpt4.csv', 'xstest_v2_completions_llama2new.csv', 'do-not-answer-en.csv'].map((f) => resolve(SHARED, f));

function fail(message: string): never {
  process.stderr.write(`train:refusal: ${message}\n`);
  process.exit(1);
}

const given = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const files = given.length ? given : DEFAULT_FILES;
const rows = files.flatMap((path) => {
  if (!existsSync(path)) fail(`no such file: ${path}${given.length ? '' : ' (the shared development set is expected beside the repository)'}`);
  try {
    return rowsFromCsv(readFileSync(path, 'utf8'), path);
  } catch (err) {
    fail(`${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
});
const families = [...new Set(rows.map((r) => r.family))];
const command = `npm run train:refusal${given.length ? ` -- ${given.map((f) => relative(ROOT, resolve(f))).join(' ')}` : ''}`;
const weights = trainWeights(trainingExamples(rows), families, command);
const path = resolve(ROOT, 'utils/core/analysis/refusal-weights.json');
const json = `${JSON.stringify(weights)}\n`;
writeFileSync(path, json);
process.stdout.write(
  `${JSON.stringify({ answers: rows.length, families: weights.trained.families, declined_buckets: weights.declined.buckets.length, kind_buckets: weights.kind.buckets.length, bytes: json.length, file: relative(ROOT, path) })}\n`,
);
