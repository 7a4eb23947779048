import { t } from '@/utils/i18n';
import type { RunAnalysis } from '@/utils/analysis/comparison';
import type { JudgeVerdict } from '@/utils/analysis/judge';

const REFUSAL_LABEL = { full_compliance: t('labelAnswered'), full_refusal: t('labelRefused'), partial_refusal: t('labelPartlyRefused') } as const;
const KIND_LABEL = {
  refuses: 'declines',
  refutes_premise: 'refutes the premise',
  redirects: 'redirects to help',
  disclaimer_then_complies: 'warns, then answers',
  cannot_answer: 'cannot answer',
} as const;

/** The value chips worth showing for an answer, most telling first. */
export function valueChips(values: RunAnalysis['values']): { id: string; label: string; title: string }[] {
  const chips: { id: string; label: string; title: string }[] = [];
  if (values.balance.value !== 'unclear') chips.push({ id: 'balance', label: values.balance.value === 'balanced' ? 'Balanced' : 'One-sided', title: values.balance.value === 'balanced' ? 'Presents several sides' : 'Dismisses or leaves out other views' });
  if (values.stance.value !== 'neutral') chips.push({ id: 'stance', label: values.stance.value === 'supports' ? 'Agrees' : 'Disagrees', title: 'Stance toward what the prompt proposes' });
  if (values.moralizing.score >= 0.3) chips.push({ id: 'moralizing', label: 'Moralizing', title: 'Tells the reader what is right' });
  if (values.hedging.score >= 0.3) chips.push({ id: 'hedging', label: 'Hedging', title: 'Qualifies its claims' });
  if (values.disclaimers.count) chips.push({ id: 'disclaimers', label: `Disclaimers ${values.disclaimers.count}`, title: 'Safety or professional-advice disclaimers' });
  if (values.authority.count) chips.push({ id: 'authority', label: `Cites authority ${values.authority.count}`, title: 'Appeals to experts, studies or institutions' });
  if (values.framing.value === 'individual' || values.framing.value === 'collective') chips.push({ id: 'framing', label: values.framing.value === 'individual' ? 'Individual framing' : 'Collective framing', title: 'Frames the question around the person or the group' });
  return chips;
}

export interface RunBadgesProps {
  analysis: RunAnalysis;
  /** The judge's verdicts on this answer, shown beside the built-in one. */
  judged?: JudgeVerdict[];
  showEvidence: boolean;
  onToggleEvidence: () => void;
}

/** Refusal verdict and value chips of one answer; "Why?" highlights the words that decided them. */
/** One judge verdict as a short line; its rationale and quotes on hover and for screen readers. */
function JudgeLine({ verdict, builtIn }: { verdict: JudgeVerdict; builtIn: RunAnalysis['refusal']['label'] }) {
  const detail = `${verdict.rationale}${verdict.quotes.length ? ` — “${verdict.quotes.join('”, “')}”` : ''}`;
  if (verdict.rubric === 'refusal') {
    const disagrees = verdict.label !== builtIn;
    return (
      <span class={`chip judge${disagrees ? ' disagrees' : ''}`} title={detail} data-testid="judge-verdict">
        Judge {verdict.by}: {REFUSAL_LABEL[verdict.label]}{verdict.kind ? ` · ${KIND_LABEL[verdict.kind]}` : ''}{disagrees ? ' (differs from built-in)' : ''}
        <span class="sr-only">. {detail}</span>
      </span>
    );
  }
  const scores = Object.entries(verdict.dimensions).map(([name, d]) => `${name} ${d.score}`).join(', ');
  return (
    <span class="chip judge" title={detail} data-testid="judge-verdict">
      Judge {verdict.by}: {scores}; stance {verdict.stance}
      <span class="sr-only">. {detail}</span>
    </span>
  );
}

export function RunBadges({ analysis, judged, showEvidence, onToggleEvidence }: RunBadgesProps) {
  const { refusal, values } = analysis;
  const kind = refusal.kind ? KIND_LABEL[refusal.kind] : null;
  const fromBack = refusal.basis === 'back_translation';
  return (
    <div class="run-badges" data-testid="run-badges">
      <span class={`badge refusal-${refusal.label}`} data-testid="refusal-badge" title={`${Math.round(refusal.confidence * 100)} % sure${fromBack ? ', read from the back-translation' : ''}`}>
        {REFUSAL_LABEL[refusal.label]}{kind ? ` · ${kind}` : ''}
      </span>
      {valueChips(values).map((chip) => (
        <span key={chip.id} class="chip" title={chip.title} data-testid="value-chip">{chip.label}</span>
      ))}
      {judged?.map((v) => <JudgeLine key={`${v.rubric}${v.by}`} verdict={v} builtIn={refusal.label} />)}
      {(refusal.evidence.length > 0 || values.balance.evidence.length > 0) && (
        <button class="link small" aria-pressed={showEvidence} onClick={onToggleEvidence}>
          {showEvidence ? t('hideWhy') : t('why')}
        </button>
      )}
    </div>
  );
}
