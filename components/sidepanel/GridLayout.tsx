import type { Signal } from '@preact/signals';
import { useState } from 'preact/hooks';
import type { ComparisonAnalysis, RunAnalysis } from '@/utils/core/analysis/comparison';
import { languageLabel } from '@/utils/core/runner/names';
import { Markdown } from '../shared/Markdown';
import { valueChips } from '@/utils/core/words/answers';
import { hasBackTranslation } from './RunLanguage';
import { readingOf, type RefusalReading } from '@/utils/core/analysis/types';
import { READING_LABEL } from '../shared/refusal-words';
import { canRetry, isImportedRun } from '@/utils/core/runner/state';
import type { Run } from '@/utils/core/runner/types';
import { STATE_LABEL } from '../shared/format';
import { AXES, AXIS_LABEL, defaultChoice, filteredAxis, gridOf, spreadOf, spreadText, valuesOf, varyingAxes, type Axis, type GridChoice } from './grid';
import { t } from '@/utils/core/i18n';

export interface GridLayoutProps {
  runs: Run[];
  textOf: (runId: string) => Signal<string>;
  /** The classifier's verdicts (absent while they load; the label stored on a finished run is used meanwhile). */
  analysis?: ComparisonAnalysis | null;
  onRetry: (runId: string) => void;
  /** The layout to start from (tests, a remembered choice); else the first two axes that vary. */
  initial?: GridChoice;
  /** Show answers in the reader's language where they were translated back (the toolbar's switch). */
  translated?: boolean;
  /** Render answers as formatted Markdown (the toolbar's switch). */
  formatted?: boolean;
}

const ONLY_AXIS: Record<Axis, string> = { model: t('onlyModel'), language: t('onlyLanguage'), persona: t('onlyPersona') };
const SHOW_AXIS: Record<Axis, string> = { model: t('showModel'), language: t('showLanguage'), persona: t('showPersona') };

interface CellAnswerProps {
  run: Run;
  text: Signal<string>;
  label?: RefusalReading;
  analysis?: RunAnalysis;
  onRetry: () => void;
  numbered: boolean;
  translated: boolean;
  formatted: boolean;
}

/** One answer inside a cell: its refusal badge and value chips (or its state), its text, a retry when it failed. */
function CellAnswer({ run, text, label, analysis, onRetry, numbered, translated, formatted }: CellAnswerProps) {
  const badge = run.state === 'done' && label ? READING_LABEL[label] : STATE_LABEL[run.state];
  const back = translated && hasBackTranslation(run) ? run.backTranslation! : null;
  const shown = back ? back.text : text.value;
  return (
    <div class={`grid-answer run-${run.state}`} data-testid="grid-answer" data-state={run.state}>
      <div class="grid-answer-head">
        {numbered && <span class="muted">#{run.repetition ?? 1}</span>}
        <span class={`badge ${run.state === 'done' && label ? `refusal-${label}` : `state-${run.state}`}`} data-testid="grid-badge">
          {badge}
        </span>
        {run.state === 'done' &&
          analysis &&
          valueChips(analysis.values).map((chip) => (
            <span key={chip.id} class="chip" title={chip.title} data-testid="value-chip">
              {chip.label}
            </span>
          ))}
        {canRetry(run.state) && run.state !== 'done' && !isImportedRun(run) && (
          <button class="link small" onClick={onRetry}>
            {t('retry')}
          </button>
        )}
      </div>
      {run.error && (
        <p class="run-error" role="alert">
          {run.error}
        </p>
      )}
      {back && (
        <p class="muted back-note" data-testid="grid-back-note">
          {t(
            'translatedFromInto',
            languageLabel(back.from),
            languageLabel(back.language),
            back.engine === 'chrome' ? t('chromeTranslator') : (back.model ?? back.engine),
          )}
        </p>
      )}
      <div class="grid-text" dir="auto" lang={back ? back.language : (run.answerLanguage?.code ?? run.target.language ?? undefined)} data-testid="grid-text">
        {formatted && run.state === 'done' ? <Markdown text={shown} /> : shown}
      </div>
    </div>
  );
}

/** A select of the axes, for rows or columns. */
function AxisSelect({
  label,
  value,
  options,
  onChange,
  allowNone,
}: {
  label: string;
  value: Axis | null;
  options: Axis[];
  onChange: (axis: Axis | null) => void;
  allowNone?: boolean;
}) {
  return (
    <label class="toggle">
      {label}
      <select aria-label={label} value={value ?? ''} onChange={(e) => onChange((e.currentTarget.value || null) as Axis | null)}>
        {allowNone && <option value="">{t('oneColumn')}</option>}
        {options.map((axis) => (
          <option key={axis} value={axis}>
            {AXIS_LABEL[axis]}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Answers laid out along two axes the user picks (model, language, persona) with the third filtered to one value;
 * a target asked several times is one cell showing how its answers spread ("Refused 3 of 5"), its texts one
 * click away.
 */
export function GridLayout({ runs, textOf, analysis, onRetry, initial, translated = true, formatted = true }: GridLayoutProps) {
  const [chosen, setChoice] = useState<GridChoice>(() => initial ?? defaultChoice(runs));
  const varying = varyingAxes(runs);
  const options = varying.length ? varying : (['model'] as Axis[]);
  // A choice made for other runs (axes that do not vary here) falls back to the default layout.
  const fits = options.includes(chosen.rows) && (chosen.cols === null || (chosen.cols !== chosen.rows && options.includes(chosen.cols)));
  const choice = fits ? chosen : defaultChoice(runs);
  const third = filteredAxis(runs, choice);
  const thirdValues = third ? valuesOf(runs, third) : [];
  const filter = third ? (thirdValues.some((v) => v.key === choice.filter) ? choice.filter : thirdValues[0]?.key) : undefined;
  const { rows, cols, cell } = gridOf(runs, { ...choice, filter });
  const labelOf = (run: Run): RefusalReading | undefined => {
    const verdict = analysis?.runs.get(run.id)?.refusal ?? (run.refusal ? { label: run.refusal, kind: run.refusalKind } : undefined);
    return verdict ? readingOf(verdict) : undefined;
  };

  const setRows = (axis: Axis | null) => {
    if (!axis) return;
    setChoice((c) => ({ rows: axis, cols: c.cols === axis ? c.rows : c.cols, filter: undefined }));
  };
  const setCols = (axis: Axis | null) =>
    setChoice((c) => ({
      rows: c.rows === axis && axis ? (AXES.find((a) => a !== axis && varying.includes(a)) ?? c.rows) : c.rows,
      cols: axis,
      filter: undefined,
    }));

  return (
    <section class="grid-layout" aria-label={t('answersInGrid')}>
      <div class="toolbar" role="toolbar" aria-label={t('gridLayout')}>
        <AxisSelect label={t('rows')} value={choice.rows} options={options} onChange={setRows} />
        {options.length > 1 && (
          <AxisSelect label={t('columns')} value={choice.cols} options={options.filter((a) => a !== choice.rows)} onChange={setCols} allowNone />
        )}
        {third && (
          <label class="toggle">
            {ONLY_AXIS[third]}
            <select aria-label={SHOW_AXIS[third]} value={filter} onChange={(e) => setChoice((c) => ({ ...c, filter: e.currentTarget.value }))}>
              {thirdValues.map((v) => (
                <option key={v.key} value={v.key}>
                  {v.label}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <div class="grid-scroll">
        <table class="grid" data-testid="grid" data-rows={choice.rows} data-cols={choice.cols ?? ''}>
          {choice.cols && (
            <thead>
              <tr>
                <th scope="col">
                  <span class="sr-only">{AXIS_LABEL[choice.rows]}</span>
                </th>
                {cols.map((c) => (
                  <th key={c.key} scope="col" dir="auto">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
          )}
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <th scope="row" dir="auto">
                  {r.label}
                </th>
                {cols.map((c) => {
                  const list = cell(r.key, c.key);
                  return (
                    <td key={c.key} data-testid="grid-cell" data-col={c.label} aria-label={[r.label, c.label].filter(Boolean).join(', ')}>
                      {list.length === 0 ? (
                        <span class="muted">—</span>
                      ) : list.length === 1 ? (
                        <CellAnswer
                          run={list[0]!}
                          text={textOf(list[0]!.id)}
                          label={labelOf(list[0]!)}
                          analysis={analysis?.runs.get(list[0]!.id)}
                          onRetry={() => onRetry(list[0]!.id)}
                          numbered={false}
                          translated={translated}
                          formatted={formatted}
                        />
                      ) : (
                        <div class="grid-spread">
                          <p class="grid-spread-head" data-testid="grid-spread">
                            {spreadText(spreadOf(list, labelOf)) || t('waitingForAnswers')}
                          </p>
                          <details>
                            <summary>{t('showTheAnswers', list.length)}</summary>
                            {list.map((run) => (
                              <CellAnswer
                                key={run.id}
                                run={run}
                                text={textOf(run.id)}
                                label={labelOf(run)}
                                analysis={analysis?.runs.get(run.id)}
                                onRetry={() => onRetry(run.id)}
                                numbered
                                translated={translated}
                                formatted={formatted}
                              />
                            ))}
                          </details>
                        </div>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
