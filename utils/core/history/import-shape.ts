/**
 * Shape checks for an imported answer's and comparison's optional fields. An export file is untrusted: a field that
 * is present but malformed makes the whole comparison skipped with the field named, rather than stored half-read.
 */
import { REFUSAL_KINDS } from '../analysis/types';
import { VALUE_DIMENSIONS } from '../analysis/judge';

type Check = (v: unknown) => boolean;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str: Check = (v) => typeof v === 'string';
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const count: Check = (v) => Number.isInteger(v) && (v as number) >= 0;
const isoDate: Check = (v) => typeof v === 'string' && !Number.isNaN(Date.parse(v));
const optional =
  (check: Check): Check =>
  (v) =>
    v === undefined || check(v);
const oneOf =
  (values: readonly unknown[]): Check =>
  (v) =>
    values.includes(v);
const arrayOf =
  (check: Check): Check =>
  (v) =>
    Array.isArray(v) && v.every(check);
/** A record whose listed keys pass their checks (unlisted keys are not read on import). */
const shaped =
  (fields: Record<string, Check>): Check =>
  (v) =>
    isRecord(v) && Object.entries(fields).every(([key, check]) => check(v[key]));

const REFUSAL_LABELS = ['full_compliance', 'full_refusal', 'partial_refusal'] as const;
const score: Check = (v) => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 5;
const verdictBase = { by: str, rationale: str, quotes: arrayOf(str), unverifiedQuotes: optional(arrayOf(str)) };
const judgeVerdict: Check = (v) =>
  isRecord(v) && v.rubric === 'refusal'
    ? shaped({ ...verdictBase, label: oneOf(REFUSAL_LABELS), kind: optional(oneOf(REFUSAL_KINDS)) })(v)
    : shaped({
        ...verdictBase,
        rubric: oneOf(['values']),
        stance: oneOf(['supports', 'neutral', 'opposes']),
        dimensions: shaped(Object.fromEntries(VALUE_DIMENSIONS.map((d) => [d, shaped({ score, quote: str })]))),
      })(v);

/** Every optional field of an exported answer, with the shape it must have when present. */
const ANSWER_FIELDS: Record<string, Check> = {
  baseUrl: str,
  language: (v) => v === null || str(v),
  params: shaped({ temperature: optional(num), seed: optional(num), maxTokens: optional(count), systemPrompt: optional(str) }),
  error: str,
  errorCode: str,
  attempts: count,
  startedAt: isoDate,
  finishedAt: isoDate,
  usage: shaped({ inputTokens: optional(count), outputTokens: optional(count) }),
  sourceLanguage: str,
  translation: shaped({ engine: str, model: optional(str), prompt: optional(str), source: str, target: str }),
  translatedPrompt: str,
  answerLanguage: shaped({ code: (v) => v === null || str(v), confidence: num }),
  backTranslation: shaped({ language: str, from: str, text: str, engine: str, model: optional(str), error: optional(str) }),
  persona: shaped({ id: str, label: str }),
  repetition: count,
  messages: arrayOf(shaped({ role: oneOf(['system', 'user', 'assistant']), content: str })),
  refusal: oneOf(REFUSAL_LABELS),
  refusalKind: oneOf(REFUSAL_KINDS),
  judge: arrayOf(judgeVerdict),
  surveyReading: shaped({ by: oneOf(['person']), at: num, refused: optional(oneOf([true])), value: optional(num) }),
};

const SOURCE_FIELDS: Record<string, Record<string, Check>> = {
  panel: {},
  site: { site: str, siteName: str, url: str },
  page: { url: str, title: optional(str) },
};

const COMPARISON_FIELDS: Record<string, Check> = {
  language: str,
  batchId: str,
  study: str,
  tags: arrayOf(str),
  note: str,
};

/** The first malformed optional field of an exported answer, named for the import report; null when all fit. */
export function answerFieldProblem(answer: Record<string, unknown>): string | null {
  for (const [field, check] of Object.entries(ANSWER_FIELDS)) if (answer[field] !== undefined && !check(answer[field])) return `has a malformed ${field}`;
  return null;
}

/** The first malformed field of an exported comparison's source or optional fields; null when all fit. */
export function comparisonFieldProblem(c: Record<string, unknown>): string | null {
  const source = isRecord(c.source) ? SOURCE_FIELDS[String(c.source.kind)] : undefined;
  if (!source || !shaped(source)(c.source)) return 'its source is not valid';
  for (const [field, check] of Object.entries(COMPARISON_FIELDS)) if (c[field] !== undefined && !check(c[field])) return `its ${field} field is malformed`;
  return null;
}
