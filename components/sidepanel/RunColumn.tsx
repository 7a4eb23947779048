import { useEffect, useState } from 'preact/hooks';
import type { Signal } from '@preact/signals';
import type { Run } from '@/utils/core/runner/types';
import { canRetry, isActive, isImportedRun } from '@/utils/core/runner/state';
import type { RunAnalysis } from '@/utils/core/analysis/comparison';
import { Highlighted } from '../shared/Highlighted';
import { Markdown, warmMarkdown } from '../shared/Markdown';
import { RunBadges } from './RunBadges';
import { TrustNote } from './TrustNote';
import { AnswerLanguageFlag, BackTranslatedText, OriginalNote, PromptSent, RunLanguageTag, hasBackTranslation } from './RunLanguage';
import { STATE_LABEL, formatDuration } from '../shared/format';
import { t, tn } from '@/utils/core/i18n';
import { modelName } from '@/utils/core/runner/names';
import { Destination } from '../shared/Destination';
import { WordDiff } from './WordDiff';

/** How the column shows its answer. */
interface ColumnView {
  formatted: boolean;
  /**
   * The baseline's text when diffing against another column (undefined: no diff, or this is the baseline), in
   * the language this column shows (its back-translation's when it shows one).
   */
  baseline?: string;
  /** The baseline's name, for "too different from … for a word diff". */
  baselineName?: string;
  isBaseline: boolean;
  collapsed: boolean;
  pinned: boolean;
  /** Refusal and value analysis of the finished answer. */
  analysis?: RunAnalysis;
  /** Highlight the words that decided the analysis. */
  showEvidence?: boolean;
  /** Show the answer in the reader's language (its back-translation) when it has one. */
  translated?: boolean;
  /** The comparison's prompt, to check a translated prompt by translating it back. */
  prompt?: string;
}

export interface RunColumnProps {
  run: Run;
  /** The answer's name (model · language …), for screen readers and buttons. */
  name: string;
  /** The comparison's runs, to tell same-named models apart in the header. */
  peers?: Run[];
  /** Streaming text; passed as a signal so a token only re-renders this text node. */
  text: Signal<string>;
  view: ColumnView;
  onRetry: () => void;
  onCancel: () => void;
  onToggleCollapse: () => void;
  onTogglePin: () => void;
  onToggleEvidence?: () => void;
  /** Switches this column between the reader's language and the original. */
  onToggleTranslated?: () => void;
  onScroll?: (el: HTMLElement) => void;
  bodyRef?: (el: HTMLElement | null) => void;
}

/** One answer: who answered, its state, the text as it streams, and what to do when it failed. */
/** Copies the answer as plain text, and says so. */
function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = () =>
    navigator.clipboard.writeText(text).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <button class="link" onClick={() => void copy()} aria-live="polite">
      {copied === null ? t('copy') : copied ? t('copied') : t('copyFailed')}
    </button>
  );
}

/** The answer with the analysis evidence marked, in the text the analysis read. */
function Evidence({ run, analysis }: { run: Run; analysis: RunAnalysis }) {
  const { refusal, values } = analysis;
  const spans = [
    ...refusal.evidence,
    ...values.balance.evidence,
    ...values.stance.evidence,
    ...values.moralizing.evidence,
    ...values.disclaimers.evidence,
    ...values.authority.evidence,
  ];
  const back = refusal.basis === 'back_translation' && run.backTranslation?.text;
  return (
    <>
      {back && <p class="muted">{t('readFromBackTranslation')}</p>}
      <Highlighted text={back || run.text} spans={back ? refusal.evidence : spans} />
      <TrustNote />
    </>
  );
}

export function RunColumn({
  run,
  name,
  peers = [],
  text,
  view,
  onRetry,
  onCancel,
  onToggleCollapse,
  onTogglePin,
  onToggleEvidence,
  onToggleTranslated,
  onScroll,
  bodyRef,
}: RunColumnProps) {
  const { target } = run;
  const busy = run.state === 'queued' || isActive(run.state);
  const took = run.startedAt && run.finishedAt ? formatDuration(run.finishedAt - run.startedAt) : null;
  // The chat site's own answer, picked up from the page: labelled by the site, never retried from here.
  const site = target.providerKind === 'site';
  const model = modelName(
    target,
    peers.map((p) => p.target),
  );
  // The endpoint's own label, when the model name alone does not say where the answer came from.
  const via = !site && model === target.model.trim() && target.providerLabel.trim() ? target.providerLabel : '';
  useEffect(() => {
    if (run.state === 'streaming') warmMarkdown();
  }, [run.state]);
  return (
    <article
      class={`run run-${run.state}${view.pinned ? ' pinned' : ''}${view.isBaseline ? ' baseline' : ''}`}
      data-testid="run"
      data-state={run.state}
      aria-busy={busy}
      aria-label={name}
    >
      <header class="run-head">
        <div class="run-who">
          <strong>{model}</strong>
          <span class="model">
            {site ? t('sitesOwnAnswer') : via}
            {target.persona ? ` · ${target.persona.label}` : ''}
            {view.isBaseline ? t('baselineSuffix') : ''}
          </span>
          <RunLanguageTag run={run} />
          {/* An imported answer's address is whatever the file said: Parallax never sent anything there. */}
          {!site &&
            (isImportedRun(run) ? (
              <span class="destination" data-testid="run-destination">
                {t('importedFromFile')}
              </span>
            ) : (
              <Destination endpoints={[{ kind: target.providerKind, baseUrl: target.baseUrl }]} testId="run-destination" />
            ))}
        </div>
        <span class={`badge state-${run.state}`}>{STATE_LABEL[run.state]}</span>
        <div class="run-tools">
          <button
            class="icon-button small"
            aria-pressed={view.pinned}
            aria-label={view.pinned ? t('unpinName', name) : t('pinNameFirst', name)}
            title={t('pin')}
            onClick={onTogglePin}
          >
            {view.pinned ? '★' : '☆'}
          </button>
          <button
            class="icon-button small"
            aria-expanded={!view.collapsed}
            aria-label={view.collapsed ? t('expandName', name) : t('collapseName', name)}
            title={t('collapse')}
            onClick={onToggleCollapse}
          >
            {view.collapsed ? '▸' : '▾'}
          </button>
        </div>
      </header>
      {view.analysis && !view.collapsed && (
        <RunBadges analysis={view.analysis} judged={run.judge} showEvidence={Boolean(view.showEvidence)} onToggleEvidence={() => onToggleEvidence?.()} />
      )}
      {!view.collapsed && <AnswerLanguageFlag run={run} />}
      {!view.collapsed && <PromptSent run={run} prompt={view.prompt} />}
      {!view.collapsed && view.translated && !view.showEvidence && hasBackTranslation(run) ? (
        <BackTranslatedText
          run={run}
          formatted={view.formatted}
          onShowOriginal={() => onToggleTranslated?.()}
          diff={view.baseline !== undefined ? { base: view.baseline, name: view.baselineName ?? '' } : undefined}
        />
      ) : (
        !view.collapsed && (
          // Model output is untrusted: plain text nodes while streaming, then the safe markdown pipeline or a diff.
          <div
            class="run-text"
            dir="auto"
            lang={run.answerLanguage?.code ?? run.target.language ?? undefined}
            data-testid="run-text"
            ref={bodyRef}
            onScroll={(e) => onScroll?.(e.currentTarget)}
          >
            {view.showEvidence && view.analysis ? (
              <Evidence run={run} analysis={view.analysis} />
            ) : run.state === 'streaming' || !view.formatted ? (
              view.baseline !== undefined && run.state !== 'streaming' ? (
                <WordDiff base={view.baseline} text={text.value} baselineName={view.baselineName ?? ''} fallback={text.value} />
              ) : (
                text
              )
            ) : view.baseline !== undefined ? (
              <WordDiff base={view.baseline} text={text.value} baselineName={view.baselineName ?? ''} fallback={<Markdown text={text.value} />} />
            ) : (
              <Markdown text={text.value} />
            )}
          </div>
        )
      )}
      {!view.collapsed && <OriginalNote run={run} translated={Boolean(view.translated)} onShowTranslated={() => onToggleTranslated?.()} />}
      {run.state === 'queued' && !text.value && <p class="muted">{t('waitingForSlot')}</p>}
      {run.state === 'streaming' && !text.value && <p class="muted">{t('waitingForFirstWords')}</p>}
      {run.notice && (
        <p class="run-notice" role="status" data-testid="run-notice">
          {run.notice}
        </p>
      )}
      {run.error && (
        <p class="run-error" role="alert" data-testid="run-error">
          {run.error}
        </p>
      )}
      <footer class="run-foot">
        <span class="muted">
          {took && <>{took}</>}
          {run.usage?.outputTokens !== undefined && <>{tn(run.usage.outputTokens, 'tokensSuffixOne', 'tokensSuffix')}</>}
        </span>
        {!busy && text.value && <CopyButton text={text.value} />}
        {busy && (
          <button class="link" onClick={onCancel}>
            {t('cancel')}
          </button>
        )}
        {canRetry(run.state) && run.state !== 'done' && !site && !isImportedRun(run) && (
          <button class="button small" onClick={onRetry}>
            {t('retry')}
          </button>
        )}
      </footer>
    </article>
  );
}
