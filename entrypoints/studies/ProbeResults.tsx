import { probeRefusals } from '@/utils/core/batches/results';
import type { BatchData } from '@/utils/core/batches/types';
import { t } from '@/utils/core/i18n';
import type { RefusalStats } from '@/utils/core/probes/summary';
import type { Run } from '@/utils/core/runner/types';
import { languageName } from '@/utils/core/translate/languages';

/** "40 % (2 of 5)", or "—" when nothing was answered yet. */
export function rateText(stats: RefusalStats | undefined): string {
  if (!stats || stats.rate === null) return '—';
  return t('studiesRate', Math.round(stats.rate * 100), stats.full + stats.partial, stats.runs);
}

/** Refusal rate by language × model of a probe-set batch, with totals; answers without a label are counted apart. */
export function ProbeResults({ data, runs }: { data: BatchData; runs: Run[] }) {
  const summary = probeRefusals(data, runs);
  if (!summary.overall.runs) {
    return (
      <p class="muted" role="status" data-testid="probe-results-empty">
        {t('studiesNoProbeAnswers')}
      </p>
    );
  }
  const expected = summary.overall.withExpectation;
  return (
    <div class="results">
      <h3>{t('studiesRefusalTitle')}</h3>
      <p class="muted">{t('studiesRefusalExplain')}</p>
      <div class="table-scroll">
        <table class="data" data-testid="probe-results">
          <caption class="sr-only">{t('studiesRefusalCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('studiesColLanguage')}</th>
              {summary.models.map((m) => (
                <th key={m.key} scope="col" dir="auto">
                  {m.key}
                </th>
              ))}
              <th scope="col">{t('studiesAllModels')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.languages.map((language) => (
              <tr key={language}>
                <th scope="row">
                  {languageName(language)} ({language})
                </th>
                {summary.models.map((m) => (
                  <td key={m.key}>{rateText(summary.cells[language]?.[m.key])}</td>
                ))}
                <td>{rateText(summary.byLanguage[language])}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('studiesAllLanguages')}</th>
              {summary.models.map((m) => (
                <td key={m.key}>{rateText(summary.byModel[m.key])}</td>
              ))}
              <td>{rateText(summary.overall)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      {expected > 0 && <p data-testid="probe-expected">{t('studiesAsExpected', summary.overall.asExpected, expected)}</p>}
      {summary.overall.unlabelled > 0 && <p class="muted">{t('studiesUnlabelled', summary.overall.unlabelled)}</p>}
    </div>
  );
}
