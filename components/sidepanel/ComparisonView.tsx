import type { Signal } from '@preact/signals';
import { useMemo, useRef, useState } from 'preact/hooks';
import { answerName, voiceKey, voiceName } from '@/utils/core/runner/names';
import { isActive } from '@/utils/core/runner/state';
import type { Comparison, Run } from '@/utils/core/runner/types';
import type { ComparisonAnalysis } from '@/utils/core/analysis/comparison';
import { HeldRunsBar, type HeldRunsBarProps } from './HeldRunsBar';
import { AnalysisSummary, type JudgeControls, type MeaningControls } from './AnalysisSummary';
import { Annotations } from './Annotations';
import { ComparisonAxesNote } from './ComparisonAxesNote';
import { GridLayout } from './GridLayout';
import { wantsGrid } from './grid';
import { RunColumn } from './RunColumn';
import { ReadingToggle } from './RunLanguage';
import { baselineTextFor, shownText } from '@/utils/core/text/diff-texts';
import { formatTime, sourceLabel } from '../shared/format';
import { t } from '@/utils/core/i18n';

export interface ComparisonViewProps {
  comparison: Comparison;
  runs: Run[];
  textOf: (runId: string) => Signal<string>;
  onRetry: (runId: string) => void;
  onCancel: (runId: string) => void;
  onCancelAll: () => void;
  onOpenSettings: () => void;
  /** Saves tags or the note; absent = not editable. */
  onAnnotate?: (patch: { tags?: string[]; note?: string }) => void;
  /** What differs between the finished answers (absent while it loads or before any answer). */
  analysis?: ComparisonAnalysis | null;
  /** The optional judge's controls (null: none set up). */
  judge?: JudgeControls | null;
  /** Divergence by meaning (null: no embedding model set up). */
  meaning?: MeaningControls | null;
  /** Opens the prompt box prefilled to ask this again with other targets, languages or personas. */
  onRerun?: () => void;
  /** Asking the runs a picked-up prompt held (a large run, languages the translator could not reach). */
  held?: Omit<HeldRunsBarProps, 'comparison'>;
}

/** One comparison: the prompt, a toolbar (formatting, diff baseline, synced scroll), then one column per run. */
export function ComparisonView({
  comparison,
  runs,
  textOf,
  onRetry,
  onCancel,
  onCancelAll,
  onOpenSettings,
  onAnnotate,
  analysis,
  judge,
  meaning,
  onRerun,
  held,
}: ComparisonViewProps) {
  const [grid, setGrid] = useState(true);
  const gridWanted = wantsGrid(runs);
  const [evidence, setEvidence] = useState<Set<string>>(new Set());
  const [formatted, setFormatted] = useState(true);
  const [baselineId, setBaselineId] = useState('');
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const [pinned, setPinned] = useState<string[]>([]);
  const [syncScroll, setSyncScroll] = useState(false);
  // Answers in the reader's language by default; the toolbar switches all, a column's link switches it alone.
  const [readTranslated, setReadTranslated] = useState(true);
  const [flipped, setFlipped] = useState<Set<string>>(new Set());
  const bodies = useRef(new Map<string, HTMLElement>());
  const syncing = useRef(false);
  const unfinished = runs.filter((r) => r.state === 'queued' || isActive(r.state)).length;
  const baseline = runs.find((r) => r.id === baselineId);
  const translatedOf = (run: Run) => readTranslated !== flipped.has(run.id);
  // Each column is diffed in the language it shows: a back-translated answer against the baseline's text in
  // the reading language.
  const baselineFor = (run: Run) =>
    baseline && run.id !== baselineId
      ? baselineTextFor(shownText(run, translatedOf(run), textOf(run.id).value), baseline, translatedOf(baseline), textOf(baseline.id).value)
      : undefined;
  const names = useMemo(() => new Map(runs.map((r) => [r.id, answerName(r, runs, comparison.language)])), [runs, comparison.language]);
  const ordered = [...runs].sort((a, b) => {
    const pa = pinned.indexOf(a.id);
    const pb = pinned.indexOf(b.id);
    return (pa < 0 ? Infinity : pa) - (pb < 0 ? Infinity : pb) || a.position - b.position;
  });
  // Pinned answers first, then one group per model (and persona), its languages in order.
  const groups: { key: string; label: string; runs: Run[] }[] = [];
  for (const run of ordered) {
    const key = pinned.includes(run.id) ? 'pinned' : voiceKey(run.target);
    const group =
      groups.find((g) => g.key === key) ??
      groups[
        groups.push({
          key,
          label:
            key === 'pinned'
              ? t('pin')
              : voiceName(
                  run,
                  runs.map((r) => r.target),
                ),
          runs: [],
        }) - 1
      ]!;
    group.runs.push(run);
  }
  const toggle = <T,>(set: Set<T>, value: T) => {
    const next = new Set(set);
    if (!next.delete(value)) next.add(value);
    return next;
  };
  const follow = (from: HTMLElement) => {
    if (!syncScroll || syncing.current) return;
    syncing.current = true;
    const ratio = from.scrollTop / Math.max(1, from.scrollHeight - from.clientHeight);
    for (const el of bodies.current.values()) if (el !== from) el.scrollTop = ratio * (el.scrollHeight - el.clientHeight);
    requestAnimationFrame(() => (syncing.current = false));
  };

  return (
    <section class="comparison" aria-label={t('comparisonLabel')}>
      <div class="prompt">
        <div class="meta">
          {sourceLabel(comparison.source)} · <time dateTime={new Date(comparison.createdAt).toISOString()}>{formatTime(comparison.createdAt)}</time>
        </div>
        <p class="prompt-text" dir="auto" data-testid="prompt-text">
          {comparison.prompt}
        </p>
        <ComparisonAxesNote comparison={comparison} runs={runs} onRerun={onRerun} />
        {unfinished > 1 && (
          <button class="link" onClick={onCancelAll}>
            {t('cancelAll', unfinished)}
          </button>
        )}
        <button class="link small" onClick={() => window.open(`/dashboard.html#comparison=${encodeURIComponent(comparison.id)}`, '_blank', 'noopener')}>
          {t('openInDashboard')}
        </button>
        {onAnnotate && <Annotations tags={comparison.tags ?? []} note={comparison.note ?? ''} onSave={onAnnotate} />}
      </div>
      {held && <HeldRunsBar comparison={comparison} {...held} />}
      {runs.length === 0 && !comparison.held ? (
        <div class="empty">
          <p>{t('noModelWasSetUp')}</p>
          <button class="button" onClick={onOpenSettings}>
            {t('addAModel')}
          </button>
        </div>
      ) : (
        <>
          {analysis && analysis.order.length > 0 && <AnalysisSummary analysis={analysis} names={names} judge={judge} meaning={meaning} />}
          <div class="toolbar" role="toolbar" aria-label={t('howAnswersShown')}>
            <ReadingToggle
              runs={runs}
              translated={readTranslated}
              onChange={(on) => {
                setReadTranslated(on);
                setFlipped(new Set());
              }}
            />
            {gridWanted && (
              <label class="toggle">
                <input type="checkbox" checked={grid} onChange={(e) => setGrid(e.currentTarget.checked)} />
                {t('grid')}
              </label>
            )}
            <label class="toggle">
              <input type="checkbox" checked={formatted} onChange={(e) => setFormatted(e.currentTarget.checked)} />
              {t('formatted')}
            </label>
            <label class="toggle">
              {t('differencesFrom')}
              <select aria-label={t('showDifferencesFrom')} value={baselineId} onChange={(e) => setBaselineId(e.currentTarget.value)}>
                <option value="">{t('nothing')}</option>
                {runs.map((r) => (
                  <option key={r.id} value={r.id}>
                    {names.get(r.id)}
                  </option>
                ))}
              </select>
            </label>
            {runs.length > 1 && (
              <label class="toggle">
                <input type="checkbox" checked={syncScroll} onChange={(e) => setSyncScroll(e.currentTarget.checked)} />
                {t('scrollTogether')}
              </label>
            )}
          </div>
          {gridWanted && grid ? (
            <GridLayout
              key={comparison.id}
              runs={runs}
              textOf={textOf}
              analysis={analysis}
              onRetry={onRetry}
              translated={readTranslated}
              formatted={formatted}
            />
          ) : (
            <div class={`columns${syncScroll ? ' synced' : ''}`}>
              {groups.map((group) => (
                // One row per model (pinned answers first): its languages read across.
                <div key={group.key} class="column-group" role="group" aria-label={group.label}>
                  {group.runs.map((run) => (
                    <RunColumn
                      key={run.id}
                      run={run}
                      name={names.get(run.id) ?? run.target.model}
                      peers={runs}
                      text={textOf(run.id)}
                      view={{
                        formatted,
                        isBaseline: run.id === baselineId,
                        baseline: baselineFor(run),
                        baselineName: baseline ? names.get(baseline.id) : undefined,
                        collapsed: collapsed.has(run.id),
                        pinned: pinned.includes(run.id),
                        analysis: analysis?.runs.get(run.id),
                        showEvidence: evidence.has(run.id),
                        translated: translatedOf(run),
                        prompt: comparison.prompt,
                      }}
                      onToggleEvidence={() => setEvidence((e) => toggle(e, run.id))}
                      onToggleTranslated={() => setFlipped((f) => toggle(f, run.id))}
                      onRetry={() => onRetry(run.id)}
                      onCancel={() => onCancel(run.id)}
                      onToggleCollapse={() => setCollapsed((c) => toggle(c, run.id))}
                      onTogglePin={() => setPinned((p) => (p.includes(run.id) ? p.filter((x) => x !== run.id) : [...p, run.id]))}
                      onScroll={follow}
                      bodyRef={(el) => (el ? bodies.current.set(run.id, el) : bodies.current.delete(run.id))}
                    />
                  ))}
                </div>
              ))}
            </div>
          )}
        </>
      )}
    </section>
  );
}
