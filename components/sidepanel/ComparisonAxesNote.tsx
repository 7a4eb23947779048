import type { Comparison, Run } from '@/utils/core/runner/types';
import { t, tn } from '@/utils/core/i18n';

/**
 * What a comparison sent besides its prompt: the conversation's turns (or that it went alone), how many times each
 * target was asked and at what temperature; and the way to ask it again with other targets, languages or personas.
 */
export function ComparisonAxesNote({ comparison, runs, onRerun }: { comparison: Comparison; runs: Run[]; onRerun?: () => void }) {
  const sent = comparison.contextSent && comparison.context?.length ? comparison.context.slice(-comparison.contextSent) : [];
  const available = comparison.context?.length ?? 0;
  const repetitions = Math.max(1, ...runs.map((r) => r.repetition ?? 1));
  const temperature = runs.find((r) => r.repetition && r.target.params?.temperature !== undefined)?.target.params?.temperature;
  return (
    <div class="axes-note" data-testid="axes-note">
      {sent.length > 0 ? (
        <details>
          <summary data-testid="context-used">{tn(sent.length, 'sentWithLastTurnOne', 'sentWithLastTurnsMany')}</summary>
          <ol class="context-turns">
            {sent.map((turn, i) => (
              <li key={i}>
                <span class="muted">{turn.role === 'user' ? t('roleUser') : t('roleAssistant')}:</span> <span dir="auto">{turn.content}</span>
              </li>
            ))}
          </ol>
        </details>
      ) : (
        available > 0 && (
          <p class="muted" data-testid="context-used">
            {tn(available, 'sentAloneOne', 'sentAloneMany')}
          </p>
        )
      )}
      {repetitions > 1 && (
        <p class="muted">{temperature !== undefined ? t('eachTargetAskedAt', repetitions, temperature) : t('eachTargetAsked', repetitions)}</p>
      )}
      {comparison.rerunOf && <p class="muted">{t('rerunOfEarlier')}</p>}
      {onRerun && (
        <button type="button" class="link small" onClick={onRerun}>
          {t('rerunWithOthers')}
        </button>
      )}
    </div>
  );
}
