/**
 * npm run eval:refusal -- [--loo] [--rules] [--errors] [--write-accuracy] <file.csv>...
 *
 * Scores the built-in refusal reader against human labels. A CSV is either XSTest completions (`completion`,
 * `final_label`: 1_full_compliance, 2_full_refusal, 3_partial_refusal) or Do-Not-Answer (`completion`, `action`
 * 0–5, `model`); optional `language` and `model` columns tag rows (an XSTest file without `model` is named after
 * its file, xstest_v2_completions_gpt4.csv → gpt4). Prints exactly one JSON line:
 * {"n","accuracy3","binary","per_class","per_second","n3","per_family","per_dataset"[,"per_language"]}.
 *
 * Refused or not ("binary"): for Do-Not-Answer rows, action 0 is a refusal and the prediction is what the badge
 * reads (refused or partial; disputing the premise, action 1, and not knowing, action 4, are not refusals). For
 * XSTest rows any label other than full compliance is a refusal, on both sides: XSTest's annotators label
 * premise disputes ("There is no justification for…") and "I don't have that information" as refusals.
 * 3-class accuracy is over XSTest rows only. Families: GPT-4, ChatGPT, Claude, ChatGLM2, Llama-2, Vicuna.
 *
 * --loo: leave one family out. For each model family the learned part of the reader is trained on the other
 *        families' rows (of the files given) and scores this family's; the figures are all held out.
 * --rules: the rules alone, without the learned model.
 * --errors: each misread row on stderr.
 * --write-accuracy[=path]: (implies --loo) writes the held-out figures the "Why?" view shows, by default to
 *        utils/core/analysis/accuracy/refusal.json.
 * Exit 1 with a message on stderr for a missing file, column or label.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { classifyRefusal, createRefusalClassifier, type RefusalOptions } from '../utils/core/analysis/refusal';
import { throughput } from '../utils/core/analysis/refusal-eval';
import { predictedRefusal, rowsFromCsv, type RefusalEvalRow } from '../utils/core/analysis/refusal-eval-data';
import { refusalReport, type RefusalReport } from '../utils/core/analysis/refusal-eval-report';
import type { ReaderAccuracy } from '../utils/core/analysis/accuracy/types';
import type { RefusalVerdict } from '../utils/core/analysis/types';
import { trainingExamples, trainWeights } from './refusal/train';

const ROOT = resolve(import.meta.dirname, '..');
type Classify = (text: string, options?: RefusalOptions | string) => RefusalVerdict;

function fail(message: string): never {
  process.stderr.write(`eval:refusal: ${message}\n`);
  process.exit(1);
}

function readRows(path: string): RefusalEvalRow[] {
  if (!existsSync(path)) fail(`no such file: ${path}`);
  try {
    return rowsFromCsv(readFileSync(path, 'utf8'), path);
  } catch (err) {
    fail(`${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** Verdicts of each family's rows by a reader trained on the other families. */
function heldOutVerdicts(rows: RefusalEvalRow[]): RefusalVerdict[] {
  const examples = trainingExamples(rows);
  const verdicts = new Array<RefusalVerdict>(rows.length);
  const families = [...new Set(rows.map((r) => r.family))];
  for (const family of families) {
    const training = rows.flatMap((r, i) => (r.family === family ? [] : [i]));
    const others = families.filter((f) => f !== family);
    const weights = trainWeights(training.map((i) => examples[i]!), others, 'eval:refusal --loo');
    const classify = createRefusalClassifier(weights);
    rows.forEach((r, i) => {
      if (r.family === family) verdicts[i] = classify(r.text, { language: r.language });
    });
    process.stderr.write(`held out ${family}: trained on ${training.length} answers of ${others.join(', ')}\n`);
  }
  return verdicts;
}

/** The figures shown in "Why?", from a held-out report. */
function accuracyFigures(report: RefusalReport, rows: RefusalEvalRow[], command: string): ReaderAccuracy[] {
  const measured = new Date().toISOString().slice(0, 10);
  const families = (dataset: RefusalEvalRow['dataset']) => new Set(rows.filter((r) => r.dataset === dataset).map((r) => r.family)).size;
  const languages = (dataset: RefusalEvalRow['dataset']) => [...new Set(rows.filter((r) => r.dataset === dataset).map((r) => (r.language ?? 'en').split(/[-_]/)[0]!.toLowerCase()))].sort();
  const figures: ReaderAccuracy[] = [];
  const dna = report.per_dataset['do-not-answer'];
  const base = { reader: 'refusal' as const, heldOut: true, command, measured };
  if (dna) {
    figures.push({ ...base, task: 'refused or not', accuracy: dna.binary.accuracy, answers: dna.n, models: families('do-not-answer'), languages: languages('do-not-answer'), dataset: 'Do-Not-Answer (English)' });
  }
  const xs = report.per_dataset.xstest;
  if (xs) {
    figures.push({ ...base, task: 'refused or not', accuracy: xs.binary.accuracy, answers: xs.n, models: families('xstest'), languages: languages('xstest'), dataset: 'XSTest v2 completions (English)' });
    figures.push({ ...base, task: '3 classes (complies, refuses, partly refuses)', accuracy: xs.accuracy3!, answers: xs.n3!, models: families('xstest'), languages: languages('xstest'), dataset: 'XSTest v2 completions (English)' });
  }
  return figures;
}

const args = process.argv.slice(2);
const writeArg = args.find((a) => a === '--write-accuracy' || a.startsWith('--write-accuracy='));
const flags = new Set(args.filter((a) => a.startsWith('--')).map((a) => (a === writeArg ? '--write-accuracy' : a)));
const known = ['--loo', '--rules', '--errors', '--write-accuracy'];
for (const f of flags) if (!known.includes(f)) fail(`unknown option ${f} (known: ${known.join(', ')})`);
const files = args.filter((a) => !a.startsWith('--'));
if (!files.length) fail('usage: npm run eval:refusal -- [--loo] [--rules] [--errors] [--write-accuracy] <file.csv>... (columns: completion and final_label, or completion, action and model)');
const write = flags.has('--write-accuracy');
const loo = flags.has('--loo') || write;
if (loo && flags.has('--rules')) fail('--loo trains the learned part; --rules leaves it out: choose one');

const rows = files.flatMap(readRows);
const classify: Classify = flags.has('--rules') ? createRefusalClassifier(null) : classifyRefusal;
const verdicts = loo ? heldOutVerdicts(rows) : rows.map((r) => classify(r.text, { language: r.language }));
const speed = throughput(rows.slice(0, 2000), (text, language) => classify(text, { language }));
const report = refusalReport(rows, verdicts, speed);
if (flags.has('--errors')) {
  rows.forEach((row, i) => {
    const v = verdicts[i]!;
    const wrong = row.label ? v.label !== row.label : predictedRefusal(row, v) !== row.refused;
    const gold = row.label ?? `action ${row.action}`;
    if (wrong) process.stderr.write(`${row.family} ${gold} → ${v.label} (${v.kind ?? '-'}): ${row.text.trim().slice(0, 200).replace(/\s+/g, ' ')}\n`);
  });
}
if (write) {
  const command = `npm run eval:refusal -- ${args.map((a) => (a === writeArg ? '--write-accuracy' : a.startsWith('--') ? a : relative(ROOT, resolve(a)))).join(' ')}`;
  const path = writeArg!.includes('=') ? resolve(writeArg!.slice('--write-accuracy='.length)) : resolve(ROOT, 'utils/core/analysis/accuracy/refusal.json');
  writeFileSync(path, `${JSON.stringify(accuracyFigures(report, rows, command), null, 2)}\n`);
  process.stderr.write(`wrote ${relative(ROOT, path)}\n`);
}
process.stdout.write(`${JSON.stringify(report)}\n`);
