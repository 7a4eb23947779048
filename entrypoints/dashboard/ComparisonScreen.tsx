import { Markdown } from '@/components/shared/Markdown';
import { STATE_LABEL, formatTime, sourceLabel } from '@/components/shared/format';
import { readingOf, type RefusalReading } from '@/utils/core/analysis/types';
import { badgeText } from '@/components/shared/refusal-words';
import { analysisInput, languageOf, modelOf, type Classify, type ComparisonWithRuns, type DashboardComparison } from '@/utils/core/dashboard/aggregate';
import { languageName } from '@/utils/core/dashboard/figures';
import type { Run } from '@/utils/core/runner/types';
import { t } from '@/utils/core/i18n';

export interface ComparisonScreenProps {
  recent: DashboardComparison[];
  /** The comparison on screen; null when the one asked for is not stored. */
  shown: ComparisonWithRuns | null;
  /** Undefined while analysis loads; null when it is not available. */
  classify: Classify | null | undefined;
  onPick: (id: string) => void;
}

const TONE: Record<RefusalReading, string> = { refused: 'bad', partial: 'warn', disputes_premise: 'info', cannot_answer: 'info', answered: 'ok' };

/** The refusal badge: a verdict, or an honest "pending" when there is none. */
function RefusalBadge({ run, classify }: { run: Run; classify: Classify | null | undefined }) {
  if (run.state !== 'done' || !run.text.trim()) return null;
  const verdict = classify ? classify(...analysisInput(run)) : null;
  if (!verdict) {
    return (
      <span class="badge" data-testid="refusal-badge" title={classify === undefined ? t('loadingClassifier') : t('noRefusalVerdict')}>
        {t('refusalPending')}
      </span>
    );
  }
  const reading = readingOf(verdict);
  return (
    <span class={`badge verdict-${TONE[reading]}`} data-testid="refusal-badge" data-reading={reading} title={t('confidence', Math.round(verdict.confidence * 100))}>
      {badgeText(verdict)}
    </span>
  );
}

/** One answer in large type, with who answered, in which language, and whether it refused. */
function AnswerCard({ run, classify }: { run: Run; classify: Classify | null | undefined }) {
  const language = languageName(languageOf(run));
  return (
    <article class={`answer run-${run.state}`} data-testid="answer" aria-label={`${modelOf(run)}, ${language}`}>
      <header class="answer-head">
        <div class="answer-who">
          <strong>{run.target.providerLabel}</strong>
          <span class="muted">{run.target.model}</span>
          <span class="lang" lang={run.target.language ?? undefined}>{language}</span>
        </div>
        <div class="answer-badges">
          {run.state !== 'done' && <span class={`badge state-${run.state}`}>{STATE_LABEL[run.state]}</span>}
          <RefusalBadge run={run} classify={classify} />
        </div>
      </header>
      <div class="answer-text" dir="auto" lang={run.target.language ?? undefined}>
        {run.text ? <Markdown text={run.text} /> : <p class="muted">{run.state === 'done' ? t('emptyAnswer') : t('noAnswerYet')}</p>}
      </div>
      {run.error && <p class="run-error">{run.error}</p>}
    </article>
  );
}

/** One comparison for the class: a picker, the prompt, and every answer side by side in large type. */
export function ComparisonScreen({ recent, shown, classify, onPick }: ComparisonScreenProps) {
  const current = shown?.comparison;
  return (
    <section class="dash-section" aria-labelledby="comparison-heading">
      <h2 id="comparison-heading" class="sr-only">{t('oneComparison')}</h2>
      <label class="picker">
        <span>{t('comparisonLabel')}</span>
        <select value={current?.id ?? ''} onChange={(e) => onPick(e.currentTarget.value)}>
          {!current && <option value="">{t('chooseAComparison')}</option>}
          {current && !recent.some((c) => c.id === current.id) && <option value={current.id}>{current.prompt.slice(0, 90)}</option>}
          {recent.map((c) => (
            <option key={c.id} value={c.id}>
              {formatTime(c.createdAt)} — {c.prompt.replace(/\s+/g, ' ').slice(0, 90)}
            </option>
          ))}
        </select>
      </label>
      {!shown ? (
        <div class="empty" role="status">
          <h2>{t('comparisonNotFound')}</h2>
          <p>{t('mayHaveBeenDeleted')}</p>
        </div>
      ) : (
        <>
          <figure class="dash-prompt">
            <figcaption class="muted">
              {sourceLabel(shown.comparison.source)} · <time dateTime={new Date(shown.comparison.createdAt).toISOString()}>{formatTime(shown.comparison.createdAt)}</time>
              {shown.comparison.batchId && <>{t('batchSuffix', shown.comparison.batchId)}</>}
            </figcaption>
            <blockquote dir="auto" data-testid="dashboard-prompt">{shown.comparison.prompt}</blockquote>
          </figure>
          {shown.runs.length === 0 ? (
            <p class="empty">{t('noModelAskedForPrompt')}</p>
          ) : (
            <div class="answers">
              {shown.runs.map((run) => <AnswerCard key={run.id} run={run} classify={classify} />)}
            </div>
          )}
        </>
      )}
    </section>
  );
}
