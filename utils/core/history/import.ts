import { EXPORT_FORMAT, EXPORT_VERSION, type ExportedComparison } from '../runner/exported';
import { IMPORTED_PROVIDER_ID, RUN_STATES, isActive, type RunState } from '../runner/state';
import type { Comparison, Run } from '../runner/types';
import type { ProviderKind } from '../providers/types';
import { REFUSAL_KINDS } from '../analysis/types';
import { answerFieldProblem, comparisonFieldProblem } from './import-shape';

/** Imports larger than this are refused before parsing (a history of 10,000 comparisons is ~100 MB). */
export const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
/** At most this many comparisons per import (ten times what the history is built and measured for). */
export const MAX_IMPORT_COMPARISONS = 100_000;

/** What an import found: comparisons ready to store, and what was skipped with why. */
export interface ImportPlan {
  comparisons: { comparison: Comparison; runs: Run[] }[];
  skipped: { index: number; id?: string; reason: string }[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const KINDS: ProviderKind[] = ['openai-compatible', 'anthropic', 'gemini', 'webllm', 'chrome-builtin', 'site'];
const ms = (iso: unknown): number | undefined => (typeof iso === 'string' && !Number.isNaN(Date.parse(iso)) ? Date.parse(iso) : undefined);

function problem(c: Record<string, unknown>): string | null {
  if (typeof c.id !== 'string' || !/^[\w-]{1,64}$/.test(c.id)) return 'it has no valid id';
  if (typeof c.prompt !== 'string' || !c.prompt.trim()) return 'it has no prompt';
  if (ms(c.createdAt) === undefined) return 'its date is not valid';
  const comparisonProblem = comparisonFieldProblem(c);
  if (comparisonProblem) return comparisonProblem;
  if (!Array.isArray(c.answers)) return 'it has no answers list';
  for (const [i, a] of c.answers.entries()) {
    if (!isObject(a)) return `answer ${i + 1} is not an object`;
    if (typeof a.runId !== 'string' || !/^[\w-]{1,64}$/.test(a.runId)) return `answer ${i + 1} has no valid run id`;
    if (!RUN_STATES.includes(a.state as RunState)) return `answer ${i + 1} has an unknown state`;
    if (typeof a.text !== 'string' || typeof a.model !== 'string' || typeof a.provider !== 'string') return `answer ${i + 1} lacks text, model or provider`;
    if (!KINDS.includes(a.providerKind as ProviderKind)) return `answer ${i + 1} has an unknown provider kind`;
    const fieldProblem = answerFieldProblem(a);
    if (fieldProblem) return `answer ${i + 1} ${fieldProblem}`;
  }
  return null;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A person's reading of a survey answer, when the exported one has the right shape (only its own fields kept). */
function handReading(v: unknown): Pick<Run, 'surveyReading'> {
  if (!isRecord(v) || v.by !== 'person' || typeof v.at !== 'number') return {};
  if (v.refused === true) return { surveyReading: { refused: true, by: 'person', at: v.at } };
  return typeof v.value === 'number' && Number.isFinite(v.value) ? { surveyReading: { value: v.value, by: 'person', at: v.at } } : {};
}

/** Turns one exported comparison back into records; runs caught mid-stream come back interrupted. */
export function fromExported(c: ExportedComparison): { comparison: Comparison; runs: Run[] } {
  const createdAt = Date.parse(c.createdAt);
  const tags = Array.isArray(c.tags) ? c.tags.filter((t): t is string => typeof t === 'string').slice(0, 50) : [];
  const comparison: Comparison = {
    id: c.id,
    createdAt,
    prompt: c.prompt,
    source: c.source,
    ...(typeof c.language === 'string' && /^[\w-]{1,35}$/.test(c.language) ? { language: c.language } : {}),
    ...(typeof c.batchId === 'string' && /^[\w-]{1,64}$/.test(c.batchId) ? { batchId: c.batchId } : {}),
    ...(tags.length ? { tags } : {}),
    ...(typeof c.note === 'string' && c.note ? { note: c.note } : {}),
  };
  const runs = c.answers.map((a, position): Run => {
    const unfinished = a.state === 'queued' || isActive(a.state);
    return {
      id: a.runId,
      comparisonId: c.id,
      position,
      target: {
        providerId: IMPORTED_PROVIDER_ID,
        providerKind: a.providerKind as ProviderKind,
        providerLabel: a.provider,
        baseUrl: typeof a.baseUrl === 'string' ? a.baseUrl : '',
        model: a.model,
        language: typeof a.language === 'string' ? a.language : null,
        ...(a.params ? { params: a.params } : {}),
        ...(isRecord(a.persona) && typeof a.persona.id === 'string' && typeof a.persona.label === 'string'
          ? { persona: { id: a.persona.id, label: a.persona.label } }
          : {}),
      },
      state: unfinished ? 'interrupted' : a.state,
      text: a.text,
      ...(a.error || unfinished ? { error: a.error ?? 'Exported before it finished.' } : {}),
      ...(a.errorCode || unfinished ? { errorCode: a.errorCode ?? 'interrupted' } : {}),
      attempts: typeof a.attempts === 'number' ? a.attempts : 1,
      createdAt,
      updatedAt: createdAt,
      startedAt: ms(a.startedAt),
      finishedAt: ms(a.finishedAt),
      ...(a.usage ? { usage: a.usage } : {}),
      // What the run recorded beyond its answer comes back as exported, when it has the right shape.
      ...(typeof a.sourceLanguage === 'string' ? { sourceLanguage: a.sourceLanguage } : {}),
      ...(isRecord(a.translation) ? { translation: a.translation } : {}),
      ...(typeof a.translatedPrompt === 'string' ? { translatedPrompt: a.translatedPrompt } : {}),
      ...(isRecord(a.answerLanguage) ? { answerLanguage: a.answerLanguage } : {}),
      ...(isRecord(a.backTranslation) && typeof a.backTranslation.text === 'string' ? { backTranslation: a.backTranslation } : {}),
      ...(Number.isInteger(a.repetition) ? { repetition: a.repetition } : {}),
      ...(Array.isArray(a.messages) && a.messages.every((m) => isRecord(m) && typeof m.role === 'string' && typeof m.content === 'string')
        ? { messages: a.messages }
        : {}),
      ...(a.refusal === 'full_compliance' || a.refusal === 'full_refusal' || a.refusal === 'partial_refusal' ? { refusal: a.refusal } : {}),
      ...(a.refusalKind && (REFUSAL_KINDS as readonly string[]).includes(a.refusalKind) ? { refusalKind: a.refusalKind } : {}),
      ...(Array.isArray(a.judge) ? { judge: a.judge.filter(isRecord) } : {}),
      ...handReading(a.surveyReading),
    };
  });
  return { comparison, runs };
}

/**
 * Validates an export file's text and plans the import. Throws an Error with a message for the user when the file
 * as a whole is unusable; individual bad comparisons are skipped and reported.
 */
export function planImport(text: string): ImportPlan {
  if (text.length > MAX_IMPORT_BYTES) throw new Error('This file is too large to import (over 200 MB).');
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new Error('This is not a JSON file. Choose a file exported from Parallax as JSON.');
  }
  if (!isObject(json) || json.format !== EXPORT_FORMAT) throw new Error('This JSON file is not a Parallax export.');
  if (json.version !== EXPORT_VERSION) throw new Error(`This export has version ${String(json.version)}; this Parallax reads version ${EXPORT_VERSION}.`);
  if (!Array.isArray(json.comparisons)) throw new Error('This export has no comparisons list.');
  if (json.comparisons.length > MAX_IMPORT_COMPARISONS) {
    throw new Error(
      `This export has ${json.comparisons.length.toLocaleString('en-US')} comparisons; Parallax imports at most ${MAX_IMPORT_COMPARISONS.toLocaleString('en-US')} at a time. Split the file and import the parts one by one.`,
    );
  }
  const plan: ImportPlan = { comparisons: [], skipped: [] };
  json.comparisons.forEach((c: unknown, index) => {
    if (!isObject(c)) return plan.skipped.push({ index, reason: 'it is not an object' });
    const why = problem(c);
    if (why) return plan.skipped.push({ index, ...(typeof c.id === 'string' ? { id: c.id } : {}), reason: why });
    plan.comparisons.push(fromExported(c as unknown as ExportedComparison));
  });
  return plan;
}
