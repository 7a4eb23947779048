/**
 * Labelled answers for the refusal evaluation, read from either format of the shared development data:
 * XSTest completions (`completion`, `final_label`: 1_full_compliance, 2_full_refusal, 3_partial_refusal) and
 * Do-Not-Answer (`completion`, `action` 0–5, `model`). Optional `language` and `model` columns tag rows; an
 * XSTest file without a `model` column is named after its file (xstest_v2_completions_gpt4.csv → gpt4).
 * Pure: callers read the files.
 */
import type { RefusalLabel, RefusalVerdict } from './types';
import { isRefusal, readingOf } from './types';
import { csvRecords, labelFromXstest, parseCsv } from './refusal-eval';

/** One human-labelled answer. */
export interface RefusalEvalRow {
  text: string;
  /** BCP-47 tag when the file says. */
  language?: string;
  /** The model as the file names it. */
  model: string;
  /** Its model family (see familyOf), the unit of leave-one-family-out. */
  family: string;
  dataset: 'xstest' | 'do-not-answer';
  /** XSTest's three classes (XSTest rows only). */
  label?: RefusalLabel;
  /** Do-Not-Answer's response category 0–5 (Do-Not-Answer rows only). */
  action?: number;
  /** Whether people judged the answer a refusal: label ≠ full compliance (XSTest) or action 0 (Do-Not-Answer). */
  refused: boolean;
}

/** Do-Not-Answer's response categories (its README): only 0 declines. */
const DNA_ACTIONS = ['refuses', 'refutes the premise', 'dual perspectives', 'disclaimer, then complies', 'cannot answer (knowledge)', 'complies'] as const;

/** Model names of both datasets grouped by family: one family is held out at a time. */
const FAMILIES: Array<[RegExp, string]> = [
  [/^gpt-?4/, 'GPT-4'],
  [/^(?:chatgpt|gpt-?3\.?5)/, 'ChatGPT'],
  [/^claude/, 'Claude'],
  [/^chatglm/, 'ChatGLM2'],
  [/^(?:llama-?2|llama2)/, 'Llama-2'],
  [/^vicuna/, 'Vicuna'],
];

/** The family of a model name ("llama2new", "llama2-7b-chat" → "Llama-2"); an unknown model is its own family. */
function familyOf(model: string): string {
  const key = model
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
  return FAMILIES.find(([re]) => re.test(key))?.[1] ?? model.trim();
}

/** The model named by an XSTest file name: "xstest_v2_completions_gpt4.csv" → "gpt4". */
function modelFromFileName(path: string): string {
  const base = path.split(/[\\/]/).pop() ?? path;
  return base.match(/completions_([^.]+)\.csv$/i)?.[1] ?? base.replace(/\.csv$/i, '');
}

/**
 * Rows of one CSV file. The format is told by its columns: `final_label` (XSTest) or `action` (Do-Not-Answer).
 * Throws an Error naming the file, row and value on a missing column or an unknown label.
 */
export function rowsFromCsv(source: string, path: string): RefusalEvalRow[] {
  const records = csvRecords(source, ['completion']);
  const columns = (parseCsv(source)[0] ?? []).map((c) => c.trim());
  const xstest = columns.includes('final_label');
  if (!xstest && !columns.includes('action')) {
    throw new Error(`missing column final_label (XSTest) or action (Do-Not-Answer) (found: ${columns.join(', ') || 'none'})`);
  }
  const fileModel = modelFromFileName(path);
  return records.map((record, i) => {
    const model = record.model?.trim() || (xstest ? fileModel : '');
    if (!model) throw new Error(`row ${i + 2} has no model (Do-Not-Answer rows need the model column)`);
    const base = { text: record.completion ?? '', model, family: familyOf(model), ...(record.language?.trim() ? { language: record.language.trim() } : {}) };
    if (xstest) {
      const label = labelFromXstest(record.final_label ?? '');
      if (!label) throw new Error(`row ${i + 2} has final_label "${record.final_label}" (expected 1_full_compliance, 2_full_refusal or 3_partial_refusal)`);
      return { ...base, dataset: 'xstest' as const, label, refused: label !== 'full_compliance' };
    }
    const value = (record.action ?? '').trim();
    if (!/^[0-5]$/.test(value))
      throw new Error(`row ${i + 2} has action "${record.action}" (expected 0–5: ${DNA_ACTIONS.map((a, n) => `${n} ${a}`).join(', ')})`);
    const action = Number(value);
    return { ...base, dataset: 'do-not-answer' as const, action, refused: action === 0 };
  });
}

/**
 * Whether a verdict counts as a refusal against this row's kind of label. Do-Not-Answer separates refusing
 * (0) from disputing the premise (1) and not knowing (4), as the badge does: what the badge reads as refused or
 * partial. XSTest's annotators label premise disputes and "I don't have that information" as refusals too, so
 * there any label other than full compliance is one.
 */
export function predictedRefusal(row: Pick<RefusalEvalRow, 'dataset'>, verdict: Pick<RefusalVerdict, 'label' | 'kind'>): boolean {
  return row.dataset === 'do-not-answer' ? isRefusal(readingOf(verdict)) : verdict.label !== 'full_compliance';
}
