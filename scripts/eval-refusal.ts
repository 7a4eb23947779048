/**
 * npm run eval:refusal -- [--loo] [--rules] [--errors] [--write-accuracy] [<file.csv>...]
 *
 * Without files it reads the shared development sets (../shared/eval: XSTest's GPT-4 and Llama-2 completions,
 * Do-Not-Answer) and the multilingual answers written for Parallax (tests/fixtures/refusal-multilingual.csv).
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
 * --write-accuracy[=path]: (implies --loo) writes the figures the "Why?" view shows, by default to
 *        utils/core/analysis/accuracy/refusal.json: one per source (Do-Not-Answer, XSTest, answers written for
 *        Parallax). Answers written for Parallax count no models and are not held out (the lexicons were
 *        written with them in view), so "Why?" never shows them as an estimate.
 * Exit 1 with a message on stderr for a missing file, column or label.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, relative, resolve } from 'node:path';
import { classifyRefusal, createRefusalClassifier, type RefusalOptions } from '../utils/core/analysis/refusal';
import { throughput } from '../utils/core/analysis/refusal-eval';
import { predictedRefusal, rowsFromCsv, type RefusalEvalRow } from '../utils/core/analysis/refusal-eval-data';
import { refusalReport } from '../utils/core/analysis/refusal-eval-report';
import type { ReaderAccuracy } from '../utils/core/analysis/accuracy/types';
import type { RefusalVerdict } from '../utils/core/analysis/types';
import { trainingExamples, trainWeights } from './refusal/train';

const ROOT = resolve(import.meta.dirname, '..');
const SHARED = resolve(ROOT, '../shared/eval');
const DEFAULT_FILES = [
  ...['xstest_v2_completions_gpt4.csv', 'xstest_v2_completions_llama2new.csv', 'do-not-answer-en.csv'].map((f) => resolve(SHARED, f)),
  resolve(ROOT, 'tests/fixtures/refusal-multilingual.csv'),
];
type Classify = (text: string, options?: RefusalOptions | string) => RefusalVerdict;

function fail(message: string): never {
  process.stderr.write(`eval:refusal: ${message}\n`);
  process.exit(1);
}

function readRows(path: string): RefusalEvalRow[] {
  if (!existsSync(path)) fail(`no such file: ${path}`);
  try {
    const rows = rowsFromCsv(readFileSync(path, 'utf8'), path);
    for (const row of rows) fileOf.set(row, path);
    return rows;
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
    const weights = trainWeights(
      training.map((i) => examples[i]!),
      others,
      'eval:refusal --loo',
    );
    const classify = createRefusalClassifier(weights);
    rows.forEach((r, i) => {
      if (r.family === family) verdicts[i] = classify(r.text, { language: r.language });
    });
    process.stderr.write(`held out ${family}: trained on ${training.length} answers of ${others.join(', ')}\n`);
  }
  return verdicts;
}

/** The file each row was read from. */
const fileOf = new Map<RefusalEvalRow, string>();
/** Answers written for Parallax are no model's answers. */
const written = (row: RefusalEvalRow) => /^parallax-written/i.test(row.model);

/** How "Why?" names the labelled data of one file, and what was held out. */
function datasetName(file: string, part: RefusalEvalRow[]): string {
  const base = basename(file);
  const families = new Set(part.map((r) => r.family)).size;
  const languages = new Set(part.map((r) => r.language ?? 'en')).size;
  if (part.every(written))
    return `${base}: answers written for Parallax in ${languages} language${languages > 1 ? 's' : ''}, no model's answers; the lexicons were written with them in view`;
  const shared = /^do-not-answer/i.test(base) ? 'Do-Not-Answer (English)' : /^xstest/i.test(base) ? 'XSTest v2 completions (English)' : base;
  const note = shared === base ? '' : '; the rule lexicons were revised with these development answers in view';
  return `${shared}: ${families} model famil${families > 1 ? 'ies' : 'y'}, each scored by a reader whose learned part was trained without it${note}`;
}

/** The figures shown in "Why?", from held-out verdicts: one set per source of answers (the shape of values.json). */
function accuracyFigures(rows: RefusalEvalRow[], verdicts: RefusalVerdict[], command: string): ReaderAccuracy[] {
  const measured = new Date().toISOString().slice(0, 10);
  const figures: ReaderAccuracy[] = [];
  const groups = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const key = written(r) ? `written:${fileOf.get(r)}` : datasetName(fileOf.get(r) ?? '', [r]).split(':')[0]!;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  for (const idx of groups.values()) {
    const part = idx.map((i) => rows[i]!);
    const report = refusalReport(
      part,
      idx.map((i) => verdicts[i]!),
    );
    const ours = part.every(written);
    const figure = (task: string, accuracy: number, answers: number): ReaderAccuracy => ({
      reader: 'refusal',
      task,
      accuracy,
      answers,
      models: ours ? 0 : new Set(part.map((r) => r.family)).size,
      languages: [...new Set(part.map((r) => (r.language ?? 'en').split(/[-_]/)[0]!.toLowerCase()))].sort(),
      dataset: datasetName(fileOf.get(part[0]!) ?? '', part),
      heldOut: !ours,
      command,
      measured,
    });
    figures.push(figure('refused or not', report.binary.accuracy, report.n));
    if (report.accuracy3 !== null && report.n3) figures.push(figure('3 classes (complies, refuses, partly refuses)', report.accuracy3, report.n3));
  }
  return figures;
}

const args = process.argv.slice(2);
const writeArg = args.find((a) => a === '--write-accuracy' || a.startsWith('--write-accuracy='));
const flags = new Set(args.filter((a) => a.startsWith('--')).map((a) => (a === writeArg ? '--write-accuracy' : a)));
const known = ['--loo', '--rules', '--errors', '--write-accuracy'];
for (const f of flags) if (!known.includes(f)) fail(`unknown option ${f} (known: ${known.join(', ')})`);
const given = args.filter((a) => !a.startsWith('--'));
const files = given.length ? given : DEFAULT_FILES;
if (!given.length) {
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length)
    fail(
      `no such file: ${missing.join(', ')} (without files, the shared development set is read from ../shared/eval; usage: npm run eval:refusal -- [--loo] [--rules] [--errors] [--write-accuracy] [<file.csv>...], columns: completion and final_label, or completion, action and model)`,
    );
  process.stderr.write(`reading ${files.map((f) => relative(ROOT, f)).join(', ')}\n`);
}
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
  const command = `npm run eval:refusal${args.length ? ' --' : ''} ${args.map((a) => (a === writeArg ? '--write-accuracy' : a.startsWith('--') ? a : relative(ROOT, resolve(a)))).join(' ')}`;
  const path = writeArg!.includes('=') ? resolve(writeArg!.slice('--write-accuracy='.length)) : resolve(ROOT, 'utils/core/analysis/accuracy/refusal.json');
  writeFileSync(path, `${JSON.stringify(accuracyFigures(rows, verdicts, command), null, 2)}\n`);
  process.stderr.write(`wrote ${relative(ROOT, path)}\n`);
}
process.stdout.write(`${JSON.stringify(report)}\n`);
