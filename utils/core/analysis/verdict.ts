/**
 * What differs in a comparison, as findings ranked by how much they matter to someone reading the answers:
 * who declined in which language, whose stance flips between languages, who disputes the premise, whose
 * stance differs, who is one-sided where others give both sides, which answer stands apart. Pure: findings
 * hold names, never sentences; verdict-text.ts words them in the UI language.
 */
import type { RunState } from '../runner/state';
import type { RefusalReading, Stance } from './types';

/** One run (column) of a comparison, as the verdict sees it. */
export interface VerdictRun {
  /** *model · language* (· persona): names this answer alone. */
  name: string;
  /** Same for runs of one model (and persona) asked in several languages. */
  voiceKey: string;
  /** The model (· persona) without the language. */
  voice: string;
  /** The language the prompt was asked in (catalogue code), or null when unknown. */
  language: string | null;
  /** That language's name in the UI language. */
  languageName: string;
  state: RunState;
  /** What the refusal badge says; absent while not analysed. */
  reading?: RefusalReading;
  stance?: Stance;
  balance?: 'one_sided' | 'balanced' | 'unclear';
}

/** A run's outcome on the refusal line. */
export type Outcome = 'declined' | 'partly' | 'answered';

/** One thing that differs, with the names it is about. */
export type Finding =
  /** Every answer (of two or more) declined. */
  | { kind: 'all-declined'; answers: number }
  /** Every voice declined in `declined` languages and answered in `answered` ones. */
  | { kind: 'language-split'; declined: string[]; answered: string[] }
  /** Per voice, where it declined, partly declined and answered (only voices with a refusal, plus who answered everywhere). */
  | { kind: 'voice-split'; voices: { voice: string; declined: string[]; partly: string[]; answered: string[] }[]; languages: number }
  /** Single answers that declined when no voice or language explains it. */
  | { kind: 'answers-declined'; declined: string[]; partly: string[]; others: number }
  /** One voice's stance changes with the language. */
  | { kind: 'stance-flip'; voice: string; by: { stance: Stance; languages: string[] }[] }
  /** Answers that dispute the question's premise (not counted as refusals). */
  | { kind: 'disputes'; names: string[] }
  /** Answers (or voices) disagree on the proposition. */
  | { kind: 'stance-split'; by: { stance: Stance; names: string[] }[] }
  /** Some present one side, others both. */
  | { kind: 'balance-split'; oneSided: string[]; balanced: string[] }
  /** The answer that reads least like the others. */
  | { kind: 'outlier'; name: string };

/** Everything the verdict reads. */
export interface VerdictInput {
  runs: VerdictRun[];
  /** Index into `runs` of the answer that stands apart (from divergence). */
  outlier?: number | null;
}

/** The findings, most important first, and how many runs are not (yet) counted. */
export interface Verdict {
  findings: Finding[];
  answered: number;
  total: number;
  failed: number;
  pending: number;
}

const PENDING: RunState[] = ['queued', 'translating', 'streaming'];

export const outcomeOf = (run: VerdictRun): Outcome => (run.reading === 'refused' ? 'declined' : run.reading === 'partial' ? 'partly' : 'answered');

const unique = <T>(xs: T[]): T[] => [...new Set(xs)];

/** Groups runs by a key, keeping first-seen order. */
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

/** The most common outcome of repeated asks (ties lean toward declining: a refusal is the finding to check). */
function cellOutcome(runs: VerdictRun[]): Outcome {
  const count = (o: Outcome) => runs.filter((r) => outcomeOf(r) === o).length;
  return (['declined', 'partly', 'answered'] as const).reduce((best, o) => (count(o) > count(best) ? o : best), 'declined');
}

function refusalFinding(done: VerdictRun[]): Finding | null {
  const declining = done.filter((r) => outcomeOf(r) !== 'answered');
  if (!declining.length) return null;
  if (declining.length === done.length && done.every((r) => outcomeOf(r) === 'declined')) return { kind: 'all-declined', answers: done.length };
  const languages = unique(done.map((r) => r.languageName));
  const voices = groupBy(done, (r) => r.voiceKey);
  // Each voice × language cell (repetitions folded into their usual outcome).
  const cells = [...voices.values()].map((runs) => ({
    voice: runs[0]!.voice,
    byLanguage: [...groupBy(runs, (r) => r.languageName)].map(([language, rs]) => ({ language, outcome: cellOutcome(rs) })),
  }));
  if (voices.size > 1 && languages.length > 1) {
    // The language alone explains it: in each language every voice did the same.
    const perLanguage = groupBy(
      cells.flatMap((c) => c.byLanguage),
      (c) => c.language,
    );
    const uniform = [...perLanguage.values()].every((cs) => new Set(cs.map((c) => c.outcome)).size === 1);
    const declinedIn = [...perLanguage].filter(([, cs]) => cs[0]!.outcome !== 'answered').map(([l]) => l);
    if (uniform && declinedIn.length < languages.length)
      return { kind: 'language-split', declined: declinedIn, answered: languages.filter((l) => !declinedIn.includes(l)) };
  }
  if (voices.size === 1 && languages.length === 1) {
    const declined = done.filter((r) => outcomeOf(r) === 'declined').map((r) => r.name);
    const partly = done.filter((r) => outcomeOf(r) === 'partly').map((r) => r.name);
    return { kind: 'answers-declined', declined, partly, others: done.length - declined.length - partly.length };
  }
  const rows = cells.map((c) => ({
    voice: c.voice,
    declined: c.byLanguage.filter((l) => l.outcome === 'declined').map((l) => l.language),
    partly: c.byLanguage.filter((l) => l.outcome === 'partly').map((l) => l.language),
    answered: c.byLanguage.filter((l) => l.outcome === 'answered').map((l) => l.language),
  }));
  return { kind: 'voice-split', voices: rows, languages: languages.length };
}

/** Voices whose stance (supports / opposes) changes with the language. */
function stanceFlips(done: VerdictRun[]): Finding[] {
  const flips: Finding[] = [];
  for (const runs of groupBy(
    done.filter((r) => outcomeOf(r) === 'answered' && r.stance),
    (r) => r.voiceKey,
  ).values()) {
    const sided = runs.filter((r) => r.stance === 'supports' || r.stance === 'opposes');
    if (new Set(sided.map((r) => r.stance)).size < 2) continue;
    const by = [...groupBy(runs, (r) => r.stance!)].map(([stance, rs]) => ({ stance: stance as Stance, languages: unique(rs.map((r) => r.languageName)) }));
    // A flip is between languages: the same language saying both (repetitions) is noise, not a finding.
    const languagesBySide = by.filter((b) => b.stance === 'supports' || b.stance === 'opposes').map((b) => b.languages);
    if (languagesBySide.length === 2 && languagesBySide[0]!.every((l) => languagesBySide[1]!.includes(l))) continue;
    flips.push({ kind: 'stance-flip', voice: runs[0]!.voice, by });
  }
  return flips;
}

/** Stance differences between answers when no single voice flips (e.g. one model for, another against). */
function stanceSplit(done: VerdictRun[]): Finding | null {
  const answered = done.filter((r) => outcomeOf(r) === 'answered' && r.stance);
  const sides = new Set(answered.map((r) => r.stance));
  if (!(sides.has('supports') && sides.has('opposes'))) return null;
  // Name voices when each voice keeps one stance, else single answers.
  const voices = groupBy(answered, (r) => r.voiceKey);
  const consistent = [...voices.values()].every((rs) => new Set(rs.map((r) => r.stance)).size === 1);
  const nameOf = (r: VerdictRun) => (consistent && voices.size > 1 ? r.voice : r.name);
  const by = [...groupBy(answered, (r) => r.stance!)].map(([stance, rs]) => ({ stance: stance as Stance, names: unique(rs.map(nameOf)) }));
  return { kind: 'stance-split', by };
}

/** One-sided answers beside balanced ones, named by voice when each voice is consistent. */
function balanceSplit(done: VerdictRun[]): Finding | null {
  const read = done.filter((r) => outcomeOf(r) === 'answered' && (r.balance === 'one_sided' || r.balance === 'balanced'));
  const voices = groupBy(read, (r) => r.voiceKey);
  const consistent = voices.size > 1 && [...voices.values()].every((rs) => new Set(rs.map((r) => r.balance)).size === 1);
  const nameOf = (r: VerdictRun) => (consistent ? r.voice : r.name);
  const oneSided = unique(read.filter((r) => r.balance === 'one_sided').map(nameOf));
  const balanced = unique(read.filter((r) => r.balance === 'balanced').map(nameOf));
  return oneSided.length && balanced.length ? { kind: 'balance-split', oneSided, balanced } : null;
}

/** Ranks what differs in a comparison; failed and unfinished runs are counted, not read. */
export function comparisonFindings(input: VerdictInput): Verdict {
  const { runs } = input;
  const done = runs.filter((r) => r.state === 'done');
  const pending = runs.filter((r) => PENDING.includes(r.state)).length;
  const base = { answered: done.length, total: runs.length, failed: runs.length - done.length - pending, pending };
  if (done.length < 2) return { ...base, findings: [] };
  const findings: Finding[] = [];
  const refusal = refusalFinding(done);
  if (refusal) findings.push(refusal);
  findings.push(...stanceFlips(done));
  const disputes = done.filter((r) => r.reading === 'disputes_premise').map((r) => r.name);
  if (disputes.length && disputes.length < done.length) findings.push({ kind: 'disputes', names: disputes });
  if (!findings.some((f) => f.kind === 'stance-flip')) {
    const split = stanceSplit(done);
    if (split) findings.push(split);
  }
  const balance = balanceSplit(done);
  if (balance) findings.push(balance);
  const odd = input.outlier != null ? runs[input.outlier] : undefined;
  if (odd && odd.state === 'done' && done.length >= 3) findings.push({ kind: 'outlier', name: odd.name });
  return { ...base, findings };
}
