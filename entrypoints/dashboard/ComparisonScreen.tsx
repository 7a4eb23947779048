import { Markdown } from '@/components/shared/Markdown';
import { STATE_LABEL, formatTime, sourceLabel } from '@/components/shared/format';
import type { ComparisonAnalysis, RunAnalysis } from '@/utils/core/analysis/comparison';
import { readingOf, type RefusalReading } from '@/utils/core/analysis/types';
import { badgeText, valueChips } from '@/utils/core/words/answers';
import type { ComparisonWithRuns, DashboardComparison } from '@/utils/core/dashboard/aggregate';
import { answerName, askedLanguage, modelName } from '@/utils/core/runner/names';
import { languageName } from '@/utils/core/translate/languages';
import type { Run } from '@/utils/core/runner/types';
import { t, uiLanguage } from '@/utils/core/i18n';

export interface ComparisonScreenProps {
  recent: DashboardComparison[];
  /** The comparison on screen; null when the one asked for is not stored. */
  shown: ComparisonWithRuns | null;
  /** Its analysis, as the panel reads it; undefined while it loads, null when it is not available. */
  analysis: ComparisonAnalysis | null | undefined;
  onPick: (id: string) => void;
}

const TONE: Record<RefusalReading, string> = { refused: 'bad', partial: 'warn', disputes_premise: 'info', cannot_answer: 'info', answered: 'ok' };

/** The refusal badge and value chips: the panel's words, or an honest "pending" while there is no verdict. */
function Labels({ run, analysed, loading }: { run: Run; analysed: RunAnalysis | undefined; loading: boolean }) {
  if (run.state !== 'done' || !run.text.trim()) return null;
  if (!analysed) {
    return (
      <span class="badge" data-testid="refusal-badge" title={loading ? t('loadingClassifier') : t('noRefusalVerdict')}>
        {t('refusalPending')}
      </span>
    );
  }
  const reading = readingOf(analysed.refusal);
  return (
    <>
      <span
        class={`badge verdict-${TONE[reading]}`}
        data-testid="refusal-badge"
        data-reading={reading}
        title={t('confidence', Math.round(analysed.refusal.confidence * 100))}
      >
        {badgeText(analysed.refusal)}
      </span>
      {valueChips(analysed.values).map((chip) => (
        <span key={chip.id} class="chip" title={chip.title} data-testid="value-chip">
          {chip.label}
        </span>
      ))}
    </>
  );
}

/** The answer as it came, in large type (Markdown rendered safely), or why there is none. */
function AnswerText({ run, language }: { run: Run; language: string | undefined }) {
  return (
    <div class="answer-text" dir="auto" lang={language} data-testid="answer-text">
      {run.text ? <Markdown text={run.text} /> : <p class="muted">{run.state === 'done' ? t('emptyAnswer') : t('noAnswerYet')}</p>}
    </div>
  );
}

/**
 * One answer in large type: its name (model · language), its labels, and — when it came back in another language —
 * the original beside (or, on a narrow card, under) its translation back into the reader's language, both labelled.
 */
function AnswerCard({
  run,
  runs,
  promptLanguage,
  analysed,
  loading,
}: {
  run: Run;
  runs: Run[];
  promptLanguage: string | undefined;
  analysed: RunAnalysis | undefined;
  loading: boolean;
}) {
  const name = answerName(run, runs, promptLanguage);
  const model = modelName(
    run.target,
    runs.map((r) => r.target),
  );
  const via = run.target.providerKind !== 'site' && model === run.target.model.trim() && run.target.providerLabel.trim() ? run.target.providerLabel : '';
  const original = run.answerLanguage?.code ?? askedLanguage(run, promptLanguage) ?? undefined;
  const back = run.backTranslation?.text ? run.backTranslation : null;
  return (
    <article class={`answer run-${run.state}`} data-testid="answer" aria-label={name}>
      <header class="answer-head">
        <div class="answer-who">
          <strong data-testid="answer-name">{name}</strong>
          {via && <span class="muted">{via}</span>}
        </div>
        <div class="answer-badges">
          {run.state !== 'done' && <span class={`badge state-${run.state}`}>{STATE_LABEL[run.state]}</span>}
          <Labels run={run} analysed={analysed} loading={loading} />
        </div>
      </header>
      {back ? (
        <div class="answer-pair">
          <div>
            <p class="answer-label">{original ? t('originalLabel', languageName(original, uiLanguage())) : t('originalLabelPlain')}</p>
            <AnswerText run={run} language={original} />
          </div>
          <div class="answer-back" data-testid="answer-back">
            <p class="answer-label">
              {t('backTranslatedBy', languageName(back.language, uiLanguage()), back.model ?? (back.engine === 'chrome' ? t('chromeTranslator') : back.engine))}
            </p>
            <div class="answer-text" dir="auto" lang={back.language} data-testid="answer-back-text">
              <Markdown text={back.text} />
            </div>
          </div>
        </div>
      ) : (
        <AnswerText run={run} language={original} />
      )}
      {run.error && <p class="run-error">{run.error}</p>}
    </article>
  );
}

/** One comparison for the class: a picker, the prompt, and every answer side by side in large type. */
export function ComparisonScreen({ recent, shown, analysis, onPick }: ComparisonScreenProps) {
  const current = shown?.comparison;
  return (
    <section class="dash-section" aria-labelledby="comparison-heading">
      <h2 id="comparison-heading" class="sr-only">
        {t('oneComparison')}
      </h2>
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
              {sourceLabel(shown.comparison.source)} ·{' '}
              <time dateTime={new Date(shown.comparison.createdAt).toISOString()}>{formatTime(shown.comparison.createdAt)}</time>
              {shown.comparison.batchId && <>{t('batchSuffix', shown.comparison.batchId)}</>}
            </figcaption>
            <blockquote dir="auto" data-testid="dashboard-prompt">
              {shown.comparison.prompt}
            </blockquote>
          </figure>
          {analysis && shown.runs.length > 0 && (
            <div class="dash-verdict" role="status">
              <p class="dash-verdict-label">{t('whatDiffers')}</p>
              <p class="dash-verdict-text" dir="auto" data-testid="dashboard-verdict">
                {analysis.verdict}
              </p>
            </div>
          )}
          {shown.runs.length === 0 ? (
            <p class="empty">{t('noModelAskedForPrompt')}</p>
          ) : (
            <div class="answers">
              {shown.runs.map((run) => (
                <AnswerCard
                  key={run.id}
                  run={run}
                  runs={shown.runs}
                  promptLanguage={shown.comparison.language}
                  analysed={analysis?.runs.get(run.id)}
                  loading={analysis === undefined}
                />
              ))}
            </div>
          )}
        </>
      )}
    </section>
  );
}
