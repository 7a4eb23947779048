import { t } from '@/utils/core/i18n';
import { useState } from 'preact/hooks';
import type { ComparisonAnalysis } from '@/utils/core/analysis/comparison';

/** The optional judge's controls, when one is set up. */
export interface JudgeControls {
  name: string;
  progress: { done: number; total: number } | null;
  errors: string[];
  onRun: (rubric: 'refusal' | 'values') => void;
  onCancel: () => void;
}

/** Divergence by meaning, when an embedding model is set up. */
export interface MeaningControls {
  name: string;
  /** The matrix by meaning, when measured for these answers (same order as the analysis). */
  matrix: number[][] | null;
  onMeasure: () => void;
  /** Why measuring failed (shown when no judge bar shows errors). */
  errors: string[];
}

export interface AnalysisSummaryProps {
  analysis: ComparisonAnalysis;
  /** Each answer's name (model · language …), by run id. */
  names: Map<string, string>;
  judge?: JudgeControls | null;
  meaning?: MeaningControls | null;
}

const shade = (similarity: number) => `hsl(220 70% ${Math.round(96 - similarity * 50)}%)`;

/** The verdict on top, a refusal strip per language and a divergence heat map between answers. */
function JudgeBar({ judge }: { judge: JudgeControls }) {
  return (
    <div class="judge-bar" data-testid="judge-bar">
      {judge.progress ? (
        <>
          <label class="muted">
            {t('judgeProgress', judge.name, judge.progress.done, judge.progress.total)}
            <progress max={judge.progress.total} value={judge.progress.done} />
          </label>
          <button class="link small" onClick={judge.onCancel}>
            {t('stop')}
          </button>
        </>
      ) : (
        <>
          <span class="muted">{t('askJudge', judge.name)}</span>
          <button class="button secondary small" onClick={() => judge.onRun('refusal')}>
            {t('judgeRefusals')}
          </button>
          <button class="button secondary small" onClick={() => judge.onRun('values')}>
            {t('judgeValues')}
          </button>
        </>
      )}
      {judge.errors.map((e) => (
        <p key={e} class="run-error" role="alert">
          {e}
        </p>
      ))}
    </div>
  );
}

export function AnalysisSummary({ analysis, names, judge, meaning }: AnalysisSummaryProps) {
  const matrix = meaning?.matrix ?? analysis.matrix;
  const [mapOpen, setMapOpen] = useState(false);
  const name = (id: string) => names.get(id) ?? id;
  return (
    <section class="analysis" aria-label={t('whatDiffers')}>
      <p class="verdict" data-testid="verdict" dir="auto">
        {analysis.verdict}
      </p>
      {judge && <JudgeBar judge={judge} />}
      {!judge &&
        meaning?.errors.map((e) => (
          <p key={e} class="run-error" role="alert">
            {e}
          </p>
        ))}
      {analysis.byLanguage.length > 1 && (
        <ul class="refusal-strip" aria-label={t('refusalsByLanguage')} data-testid="refusal-strip">
          {analysis.byLanguage.map((l) => {
            const outcome = l.refused ? 'refused' : l.partial ? 'partial' : l.disputed ? 'disputed' : 'complied';
            const disputed = l.disputed ? `, ${t('stripDisputed', l.disputed)}` : '';
            return (
              <li key={l.language ?? 'as-written'} class={`strip-${outcome}`} title={t('stripTitle', l.name, l.refused, l.partial, l.complied) + disputed}>
                <span>{l.name}</span>
                <span class="sr-only">{t('stripSr', l.refused, l.partial, l.complied) + disputed}</span>
              </li>
            );
          })}
        </ul>
      )}
      {analysis.order.length > 2 && (
        <details class="divergence" open={mapOpen} onToggle={(e) => setMapOpen(e.currentTarget.open)}>
          <summary>
            {t('howFarDiverge')}
            {analysis.outlierId ? ` · ${t('standsApart', name(analysis.outlierId))}` : ''}
          </summary>
          {mapOpen && meaning && (
            <p class="muted">
              {meaning.matrix ? t('byMeaningWith', meaning.name) : t('bySharedWords')}{' '}
              {!meaning.matrix && (
                <button class="link small" onClick={meaning.onMeasure}>
                  {t('measureByMeaning', meaning.name)}
                </button>
              )}
            </p>
          )}
          {mapOpen && (
            <table class="heatmap" data-testid="heatmap" data-basis={meaning?.matrix ? 'meaning' : 'words'}>
              <caption class="sr-only">{meaning?.matrix ? t('heatmapCaptionMeaning') : t('heatmapCaptionWords')}</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <span class="sr-only">{t('answer')}</span>
                  </th>
                  {analysis.order.map((id, i) => (
                    <th key={id} scope="col" title={name(id)}>
                      {i + 1}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {matrix.map((row, i) => (
                  <tr key={analysis.order[i]}>
                    <th scope="row" class={analysis.order[i] === analysis.outlierId ? 'outlier' : ''}>
                      {i + 1}. {name(analysis.order[i]!)}
                    </th>
                    {row.map((value, j) => (
                      <td key={j} style={{ background: shade(value), color: value > 0.6 ? '#fff' : '#111' }}>
                        {Math.round(value * 100)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </details>
      )}
    </section>
  );
}
