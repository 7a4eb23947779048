import { surveyResults, type SurveyCell } from '@/utils/core/batches/survey-results';
import type { BatchRecord } from '@/utils/core/batches/types';
import { fileName, tableToCsv } from '@/utils/core/dashboard/csv';
import type { DataTable } from '@/utils/core/dashboard/figures';
import { t, type MessageKey } from '@/utils/platform/i18n';
import type { Run } from '@/utils/core/runner/types';
import { caveatsIn } from '@/utils/core/surveys/instrument';

/** The on-screen table's column headers ('n' stays as it is). */
const HEADERS: (MessageKey | 'n')[] = ['studiesColModelLanguage', 'studiesColIndex', 'studiesColMean', 'studiesColInterval', 'n', 'studiesColRefusals'];

const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/** The results as a table: one row per model × language × index (also the CSV). */
export function surveyDataTable(cells: readonly SurveyCell[]): DataTable {
  return {
    columns: ['Model and language', 'Index', 'Mean', '95 % low', '95 % high', 'n', 'Refusals'],
    rows: cells.flatMap((c) => Object.entries(c.indices).map(([index, s]) => [c.label, index, round(s.mean), round(s.low), round(s.high), s.n, s.refusals])),
  };
}

function download(name: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/csv;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name, rel: 'noopener' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Survey indices per model × language: mean, 95 % interval, n, refusals; CSV export and the instrument's caveats. */
export function SurveyResults({ batch, runs }: { batch: BatchRecord; runs: Run[] }) {
  const survey = batch.data.survey!;
  const cells = surveyResults(batch.data, runs);
  const table = surveyDataTable(cells);
  const answered = cells.reduce((sum, c) => sum + c.answered + c.refused + c.unreadable, 0);
  const constants = Object.entries(survey.constants).map(([id, c]) => `${id} ${c}`).join(', ');
  return (
    <div class="results">
      <h3>{t('studiesIndicesTitle')}</h3>
      <p class="muted">{t('studiesSurveyExplain', constants, survey.temperature ?? t('studiesTemperatureDefault'), survey.repetitions)}</p>
      {answered === 0 ? (
        <p class="muted" role="status" data-testid="survey-results-empty">{t('studiesNoSurveyAnswers')}</p>
      ) : (
        <>
          <div class="table-scroll">
            <table class="data" data-testid="survey-results">
              <caption class="sr-only">{t('studiesSurveyCaption')}</caption>
              <thead>
                <tr>
                  {HEADERS.map((c) => (
                    <th key={c} scope="col">{c === 'n' ? c : t(c)}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row) => (
                  <tr key={`${row[0]}|${row[1]}`} data-index={row[1]}>
                    <th scope="row" dir="auto">{row[0]}</th>
                    <td>{row[1]}</td>
                    <td data-testid="index-mean">{row[2] ?? '—'}</td>
                    <td>{row[3] === null ? '—' : t('studiesInterval', row[3]!, row[4]!)}</td>
                    <td>{row[5]}</td>
                    <td>{row[6]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <ul class="muted cell-notes">
            {cells.map((c) => (
              <li key={c.label} dir="auto">
                {t('studiesCellNote', c.label, c.answered, c.refused, c.unreadable, c.failed)}
              </li>
            ))}
          </ul>
          <div>
            <button class="button secondary small" onClick={() => download(fileName('survey-results', 'csv'), tableToCsv(table))}>
              {t('downloadCsv')}
            </button>
          </div>
        </>
      )}
      <details class="caveats" open>
        <summary>{t('studiesReadBeforeComparing')}</summary>
        <ul>
          {caveatsIn(survey.instrument, 'en').map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
