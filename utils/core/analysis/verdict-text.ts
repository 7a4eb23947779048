/**
 * The verdict in one or two sentences in the UI language: the most important finding first, the next one
 * second, then what was not counted. Lists and plurals through Intl (listOf, the UI language's plural rules).
 */
import { listOf, t, uiLanguage, type MessageKey } from '../i18n';
import type { Stance } from './types';
import { comparisonFindings, type Finding, type Verdict, type VerdictInput, type VerdictRun, outcomeOf } from './verdict';

/** The `_one` or `_other` message for a count, with `subs`. */
function tc(count: number, key: string, ...subs: (string | number)[]): string {
  const form = new Intl.PluralRules(uiLanguage()).select(count) === 'one' ? 'one' : 'other';
  return t(`${key}_${form}` as MessageKey, ...subs);
}

/** Capitalizes our own first word; a sentence that starts with a model's name keeps its case ("gpt-4o"). */
const capitalize = (s: string, names: string[]) => (names.some((n) => s.startsWith(n)) ? s : s.charAt(0).toLocaleUpperCase(uiLanguage()) + s.slice(1));

const STANCE_WORD: Record<Stance, MessageKey> = {
  supports: 'vStanceWordSupports',
  opposes: 'vStanceWordOpposes',
  mixed: 'vStanceWordMixed',
  neutral: 'vStanceWordNeutral',
};
const ARGUES: Record<Stance, string> = { supports: 'vArguesFor', opposes: 'vArguesAgainst', mixed: 'vArguesBoth', neutral: 'vTakesNoSide' };
const STANCE_ORDER: Stance[] = ['opposes', 'supports', 'mixed', 'neutral'];

function voiceSplit(f: Extract<Finding, { kind: 'voice-split' }>): string {
  const one = f.languages === 1;
  const everywhere = (pick: (v: (typeof f.voices)[number]) => string[]) =>
    f.voices.filter((v) => pick(v).length === (one ? 1 : f.languages) && f.languages > 0).map((v) => v.voice);
  const declined = everywhere((v) => v.declined);
  const partly = everywhere((v) => v.partly);
  const answered = everywhere((v) => v.answered);
  const clauses: string[] = [];
  if (declined.length) clauses.push(tc(declined.length, one ? 'vDeclined' : 'vDeclinedEverywhere', listOf(declined)));
  if (partly.length) clauses.push(tc(partly.length, one ? 'vPartly' : 'vPartlyEverywhere', listOf(partly)));
  for (const v of f.voices) {
    if (declined.includes(v.voice) || partly.includes(v.voice) || answered.includes(v.voice)) continue;
    const parts = [
      v.declined.length ? t('vDeclinedIn', listOf(v.declined)) : '',
      v.partly.length ? t('vPartlyIn', listOf(v.partly)) : '',
      v.answered.length ? t('vAnsweredIn', listOf(v.answered)) : '',
    ].filter(Boolean);
    clauses.push(t('vVoiceMixed', v.voice, listOf(parts)));
  }
  if (answered.length) clauses.push(tc(answered.length, one ? 'vAnswered' : 'vAnsweredEverywhere', listOf(answered)));
  return clauses.join('; ');
}

/** One finding as a clause (no final full stop). */
function findingText(f: Finding): string {
  switch (f.kind) {
    case 'all-declined':
      return t('vAllDeclined', f.answers).replace(/[.。]$/, '');
    case 'language-split':
      return t('vLanguageSplit', listOf(f.declined), listOf(f.answered));
    case 'voice-split':
      return voiceSplit(f);
    case 'answers-declined': {
      const clauses = [
        f.declined.length ? tc(f.declined.length, 'vDeclined', listOf(f.declined)) : '',
        f.partly.length ? tc(f.partly.length, 'vPartly', listOf(f.partly)) : '',
      ];
      return clauses.filter(Boolean).join('; ');
    }
    case 'stance-flip': {
      const parts = [...f.by]
        .sort((a, b) => STANCE_ORDER.indexOf(a.stance) - STANCE_ORDER.indexOf(b.stance))
        .map((b) => t('vStanceIn', t(STANCE_WORD[b.stance]), listOf(b.languages)));
      return t('vStanceFlip', f.voice, parts.join('; '));
    }
    case 'disputes':
      return tc(f.names.length, 'vDisputes', listOf(f.names));
    case 'stance-split':
      return [...f.by]
        .sort((a, b) => STANCE_ORDER.indexOf(a.stance) - STANCE_ORDER.indexOf(b.stance))
        .map((b) => tc(b.names.length, ARGUES[b.stance], listOf(b.names)))
        .join('; ');
    case 'balance-split':
      return t('vBalanceSplit', listOf(f.oneSided), listOf(f.balanced));
    case 'outlier':
      return t('vOutlier', f.name);
  }
}

/** "(1 run failed …; 2 are still running)" or "". */
function note(v: Verdict): string {
  const parts = [v.failed ? tc(v.failed, 'vNoteFailed', v.failed) : '', v.pending ? tc(v.pending, 'vNoteRunning', v.pending) : ''].filter(Boolean);
  return parts.length ? ` (${parts.join('; ')})` : '';
}

const did = (run: VerdictRun) =>
  run.reading === 'disputes_premise'
    ? t('vDidDispute')
    : t(outcomeOf(run) === 'declined' ? 'vDidDecline' : outcomeOf(run) === 'partly' ? 'vDidPartly' : 'vDidAnswer');

/** The verdict as text: at most two findings, most important first. */
export function verdictText(input: VerdictInput, verdict: Verdict = comparisonFindings(input)): string {
  const { runs } = input;
  if (runs.length === 0) return t('vNothingAsked');
  if (verdict.answered === 0) return verdict.pending ? tc(verdict.pending, 'vNoAnswersRunning', verdict.pending) : t('vNoAnswersFailed');
  if (verdict.answered === 1) {
    const run = runs.find((r) => r.state === 'done')!;
    return t('vOnlyOne', run.name, did(run)).replace(/\.$/, '') + `${note(verdict)}.`;
  }
  const [first, second] = verdict.findings;
  if (!first) return t('vNoDifference', verdict.answered).replace(/\.$/, '') + `${note(verdict)}.`;
  const names = runs.flatMap((r) => [r.name, r.voice]);
  const sentences = [capitalize(findingText(first), names) + note(verdict), ...(second ? [capitalize(findingText(second), names)] : [])];
  return sentences.map((s) => `${s}.`).join(' ');
}
