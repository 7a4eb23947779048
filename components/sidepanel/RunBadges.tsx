import { t } from '@/utils/core/i18n';
import type { RunAnalysis } from '@/utils/core/analysis/comparison';
import type { JudgeVerdict } from '@/utils/core/analysis/judge';
import { readingOf } from '@/utils/core/analysis/types';
import { badgeText, valueChips } from '@/utils/core/words/answers';

export interface RunBadgesProps {
  analysis: RunAnalysis;
  /** The judge's verdicts on this answer, shown beside the built-in one. */
  judged?: JudgeVerdict[];
  showEvidence: boolean;
  onToggleEvidence: () => void;
}

/** Refusal verdict and value chips of one answer; "Why?" highlights the words that decided them. */
/** One judge verdict as a short line; its rationale and quotes on hover and for screen readers. */
function JudgeLine({ verdict, builtIn }: { verdict: JudgeVerdict; builtIn: RunAnalysis['refusal'] }) {
  const detail = `${verdict.rationale}${verdict.quotes.length ? ` — “${verdict.quotes.join('”, “')}”` : ''}`;
  if (verdict.rubric === 'refusal') {
    const disagrees = readingOf(verdict) !== readingOf(builtIn);
    return (
      <span class={`chip judge${disagrees ? ' disagrees' : ''}`} title={detail} data-testid="judge-verdict">
        {t('judgeRefusalLine', verdict.by, badgeText(verdict))}
        {disagrees ? t('differsFromBuiltIn') : ''}
        <span class="sr-only">. {detail}</span>
      </span>
    );
  }
  const scores = Object.entries(verdict.dimensions)
    .map(([name, d]) => `${name} ${d.score}`)
    .join(', ');
  return (
    <span class="chip judge" title={detail} data-testid="judge-verdict">
      {t('judgeValuesLine', verdict.by, scores, verdict.stance)}
      <span class="sr-only">. {detail}</span>
    </span>
  );
}

export function RunBadges({ analysis, judged, showEvidence, onToggleEvidence }: RunBadgesProps) {
  const { refusal, values } = analysis;
  const reading = readingOf(refusal);
  const fromBack = refusal.basis === 'back_translation';
  const sure = fromBack ? t('percentSureBack', Math.round(refusal.confidence * 100)) : t('percentSure', Math.round(refusal.confidence * 100));
  return (
    <div class="run-badges" data-testid="run-badges">
      <span
        class={`badge refusal-${reading}`}
        data-testid="refusal-badge"
        data-reading={reading}
        title={reading === 'disputes_premise' ? `${t('labelDisputesPremiseTitle')} ${sure}` : sure}
      >
        {badgeText(refusal)}
      </span>
      {valueChips(values).map((chip) => (
        <span key={chip.id} class="chip" title={chip.title} data-testid="value-chip">
          {chip.label}
        </span>
      ))}
      {judged?.map((v) => (
        <JudgeLine key={`${v.rubric}${v.by}`} verdict={v} builtIn={refusal} />
      ))}
      {(refusal.evidence.length > 0 || values.balance.evidence.length > 0) && (
        <button class="link small" aria-pressed={showEvidence} onClick={onToggleEvidence}>
          {showEvidence ? t('hideWhy') : t('why')}
        </button>
      )}
    </div>
  );
}
