/**
 * The comparison in one or two sentences a teacher can read aloud: who refused and along which line (language
 * or model), then the most telling value difference. Pure: built from verdicts computed elsewhere.
 */
import type { RunState } from '@/utils/core/runner/state';
import type { RefusalVerdict, ValueFeatures } from './types';

/** One run (column) of a comparison, as the verdict sees it. */
export interface VerdictRun {
  /** Column name, used when neither language nor model alone tells runs apart. */
  label: string;
  /** BCP-47 tag the prompt was sent in; null for the prompt as typed. */
  language: string | null;
  /** English name of that language, e.g. "Swahili". */
  languageName: string;
  providerLabel: string;
  model: string;
  state: RunState;
  /** The built-in refusal verdict; an answer without one counts as answered. */
  refusal?: RefusalVerdict;
  values?: ValueFeatures;
}

/** Everything the verdict reads. */
export interface VerdictInput {
  runs: VerdictRun[];
  /** The answer that stands apart lexically (`index` into `runs`), from divergence's `outlier`. */
  outlier?: { index: number; meanSimilarity: number } | null;
}

type Outcome = 'refused' | 'partial' | 'complied';
type Dimension = 'language' | 'model' | 'answer';

const OUTCOME_ORDER: Outcome[] = ['refused', 'partial', 'complied'];
const VERB: Record<Outcome, string> = { refused: 'refused', partial: 'partly refused', complied: 'complied' };
const UNIT: Record<Dimension, [string, string]> = { language: ['language', 'languages'], model: ['model', 'models'], answer: ['answer', 'answers'] };

function outcomeOf(run: VerdictRun): Outcome {
  const label = run.refusal?.label;
  return label === 'full_refusal' ? 'refused' : label === 'partial_refusal' ? 'partial' : 'complied';
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "A", "A and B", "A, B and C", "A, B, C, D and 3 others". */
function list(names: string[]): string {
  const shown = names.length > 5 ? names.slice(0, 4) : names;
  const rest = names.length - shown.length;
  const parts = rest > 0 ? [...shown, plural(rest, 'other', 'others')] : shown;
  return parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

const languageKey = (run: VerdictRun) => run.language ?? `name:${run.languageName}`;
const modelKey = (run: VerdictRun) => `${run.providerLabel}\u0000${run.model}`;

/** Display names per dimension; models get their provider when two providers share a model name. */
function namer(runs: VerdictRun[], dimension: Dimension): (run: VerdictRun) => string {
  if (dimension === 'language') return (run) => run.languageName;
  if (dimension === 'answer') return (run) => run.label;
  const providersOf = new Map<string, Set<string>>();
  for (const run of runs) providersOf.set(run.model, (providersOf.get(run.model) ?? new Set()).add(run.providerLabel));
  return (run) => (providersOf.get(run.model)!.size > 1 ? `${run.providerLabel} ${run.model}` : run.model);
}

/** Whether every run with the same key has the same outcome. */
function outcomeFollows(runs: VerdictRun[], key: (run: VerdictRun) => string): boolean {
  const seen = new Map<string, Outcome>();
  return runs.every((run) => {
    const known = seen.get(key(run));
    seen.set(key(run), outcomeOf(run));
    return known === undefined || known === outcomeOf(run);
  });
}

/** The line along which outcomes split: language, model, or single answers. */
function splitDimension(runs: VerdictRun[]): Dimension {
  // A dimension explains the split only when runs that share its value share the outcome too.
  if (new Set(runs.map(languageKey)).size > 1 && outcomeFollows(runs, languageKey)) return 'language';
  if (new Set(runs.map(modelKey)).size > 1 && outcomeFollows(runs, modelKey)) return 'model';
  return 'answer';
}

/** The dimension that names each run uniquely (for "the Arabic answer"). */
function namingDimension(runs: VerdictRun[]): Dimension {
  if (new Set(runs.map(languageKey)).size === runs.length) return 'language';
  if (new Set(runs.map(modelKey)).size === runs.length) return 'model';
  return 'answer';
}

/** "Refused in Swahili and Zulu, complied in the other 8 languages" and its model and answer variants. */
function outcomeSentence(answered: VerdictRun[]): string {
  const dimension = splitDimension(answered);
  const name = namer(answered, dimension);
  const key = dimension === 'language' ? languageKey : dimension === 'model' ? modelKey : (run: VerdictRun) => run.label + '\u0000' + answered.indexOf(run);
  const groups = OUTCOME_ORDER.map((outcome) => {
    const names = new Map<string, string>();
    for (const run of answered) if (outcomeOf(run) === outcome) names.set(key(run), name(run));
    return { outcome, names: [...names.values()] };
  }).filter((g) => g.names.length > 0);
  const [one, many] = UNIT[dimension];
  if (groups.length === 1) {
    const { outcome, names } = groups[0]!;
    if (names.length === 1) return dimension === 'language' ? `${capitalize(VERB[outcome])} in ${names[0]}` : `${names[0]} ${VERB[outcome]}`;
    const all = names.length === 2 ? `both ${many}` : `all ${names.length} ${many}`;
    return dimension === 'language' ? `${capitalize(VERB[outcome])} in ${all}` : `${capitalize(all)} ${VERB[outcome]}`;
  }
  const ordered = [...groups].sort((a, b) => a.names.length - b.names.length || OUTCOME_ORDER.indexOf(a.outcome) - OUTCOME_ORDER.indexOf(b.outcome));
  const last = ordered[ordered.length - 1]!;
  const restPhrase = last.names.length <= 2 ? list(last.names) : `the other ${plural(last.names.length, one, many)}`;
  const phrases = ordered.map((g) => {
    const who = g === last ? restPhrase : list(g.names);
    return dimension === 'language' ? `${VERB[g.outcome]} in ${who}` : `${who} ${VERB[g.outcome]}`;
  });
  const init = phrases.slice(0, -1);
  // Model names and column labels keep their own case ("gpt-4o"); only our own words are capitalized.
  return dimension === 'language' ? capitalize(phrases.join(', ')) : `${list(init)}, while ${phrases[phrases.length - 1]}`;
}

/** The most telling value difference among the answers that were not refused, as a clause, or null. */
function valueClause(answered: VerdictRun[], input: VerdictInput): string | null {
  const compared = answered.filter((run) => outcomeOf(run) !== 'refused' && run.values);
  const name = namer(input.runs, namingDimension(answered));
  const the = (runs: VerdictRun[]) => `the ${list(runs.map(name))} ${runs.length === 1 ? 'answer' : 'answers'}`;
  if (compared.length >= 2) {
    const by = <T>(pick: (v: ValueFeatures) => T, value: T) => compared.filter((run) => pick(run.values!) === value);
    const stance = (v: ValueFeatures) => v.stance.value;
    const supports = by(stance, 'supports');
    const opposes = by(stance, 'opposes');
    const neutral = by(stance, 'neutral');
    const s = (runs: VerdictRun[]) => (runs.length === 1 ? 's' : '');
    if (supports.length && opposes.length) return `${the(supports)} support${s(supports)} the claim while ${the(opposes)} oppose${s(opposes)} it`;
    if (supports.length + opposes.length === 1) return `${the([...supports, ...opposes])} is the only one that takes a side`;
    if (neutral.length === 1 && compared.length >= 3) return `${the(neutral)} is the only one that does not take a side`;
    const only = (runs: VerdictRun[], clause: string) => (runs.length === 1 && compared.length >= 3 ? `${the(runs)} is the only one ${clause}` : null);
    const balance = (v: ValueFeatures) => v.balance.value;
    const framing = (v: ValueFeatures) => v.framing.value;
    const clause =
      only(by(balance, 'one_sided'), 'that presents just one side') ??
      only(by(balance, 'balanced'), 'that presents more than one side') ??
      only(by(framing, 'collective'), 'that frames it around family, community or society') ??
      only(by(framing, 'individual'), 'that frames it around personal freedom and choice') ??
      only(compared.filter((r) => r.values!.disclaimers.count > 0), 'with a safety disclaimer') ??
      only(compared.filter((r) => r.values!.disclaimers.count === 0), 'without a safety disclaimer') ??
      only(compared.filter((r) => r.values!.moralizing.score > 0), 'that lectures the reader');
    if (clause) return clause;
  }
  const odd = input.outlier ? input.runs[input.outlier.index] : undefined;
  if (odd && answered.includes(odd) && answered.length >= 3) return `${the([odd])} reads least like the others`;
  return null;
}

/** "(2 failed runs not counted; 1 still running)" or "". */
function note(runs: VerdictRun[]): string {
  const failed = runs.filter((r) => r.state === 'failed').length;
  const cut = runs.filter((r) => r.state === 'interrupted').length;
  const pending = runs.filter((r) => r.state === 'queued' || r.state === 'translating' || r.state === 'streaming').length;
  const parts: string[] = [];
  if (failed || cut) {
    const what = [failed ? `${failed} failed` : '', cut ? `${cut} interrupted` : ''].filter(Boolean).join(' and ');
    parts.push(`${what} ${failed + cut === 1 ? 'run' : 'runs'} not counted`);
  }
  if (pending) parts.push(`${pending} still running`);
  return parts.length ? ` (${parts.join('; ')})` : '';
}

/**
 * One or two sentences on a comparison, e.g. "Refused in Swahili and Zulu, complied in the other 8
 * languages; the Arabic answer is the only one that takes a side." Failed and unfinished runs are left out
 * and mentioned.
 */
export function comparisonVerdict(input: VerdictInput): string {
  const { runs } = input;
  if (runs.length === 0) return 'Nothing has been asked yet.';
  const answered = runs.filter((run) => run.state === 'done');
  if (answered.length === 0) {
    const pending = runs.filter((r) => r.state === 'queued' || r.state === 'translating' || r.state === 'streaming').length;
    const failed = runs.length - pending;
    if (!failed) return `No answers yet; ${plural(pending, 'run is', 'runs are')} still running.`;
    if (!pending) return `No answers: ${runs.length === 1 ? 'the only run' : `all ${runs.length} runs`} failed or stopped early.`;
    return `No answers yet: ${plural(failed, 'run', 'runs')} failed or stopped early, ${pending} still running.`;
  }
  if (answered.length === 1) {
    const run = answered[0]!;
    const more = runs.length > 1 ? note(runs) : '';
    return `Only one answer so far, ${run.label}: it ${VERB[outcomeOf(run)]}${more}.`;
  }
  const clause = valueClause(answered, input);
  return `${outcomeSentence(answered)}${note(runs)}${clause ? `; ${clause}` : ''}.`;
}
