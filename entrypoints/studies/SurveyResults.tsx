import { useMemo } from 'preact/hooks';
import { needsReading, surveyAnswers, surveyAnswersTable } from '@/utils/core/batches/survey-answers';
import { surveyResults, type SurveyCell } from '@/utils/core/batches/survey-results';
import type { BatchRecord } from '@/utils/core/batches/types';
import { fileName, tableToCsv } from '@/utils/core/dashboard/csv';
import type { DataTable } from '@/utils/core/dashboard/figures';
import type { HandChoice } from '@/utils/core/surveys/hand-reading';
import { t, type MessageKey } from '@/utils/core/i18n';
import { plural } from '@/components/shared/format';
import type { Run } from '@/utils/core/runner/types';
import { caveatsIn } from '@/utils/core/surveys/instrument';
import { HandReading } from './HandReading';
import { IndexChart } from './IndexChart';

/** The on-screen table's column headers ('n' stays as it is). */
const HEADERS: (MessageKey | 'n')[] = ['studiesColIndex', 'studiesColMean', 'studiesColInterval', 'n', 'studiesColRefusals', 'studiesColByPerson'];

const round = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/** The results as a table: one row per model × language × index (also the CSV). */
export function surveyDataTable(cells: readonly SurveyCell[]): DataTable {
  return {
    columns: ['Model and language', 'Index', 'Mean', '95 % low', '95 % high', 'n', 'Refusals', 'Read by a person'],
    rows: cells.flatMap((c) =>
      Object.entries(c.indices).map(([index, s]) => [c.label, index, round(s.mean), round(s.low), round(s.high), s.n, s.refusals, c.byPerson[index] ?? 0]),
    ),
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

export interface SurveyResultsProps {
  batch: BatchRecord;
  runs: Run[];
  /** Stores a person's reading of an answer (null takes it back). */
  onRead: (runId: string, reading: HandChoice | null) => Promise<void>;
}

/**
 * Survey indices per model × language: a chart with published values as marks, the table (mean, 95 % interval,
 * n, refusals, answers read by a person), the answers that need a person's reading, CSV exports and caveats.
 */
export function SurveyResults({ batch, runs, onRead }: SurveyResultsProps) {
  const survey = batch.data.survey!;
  const answers = useMemo(() => surveyAnswers(batch.data, runs), [batch, runs]);
  const cells = useMemo(() => surveyResults(batch.data, runs), [batch, runs]);
  const table = surveyDataTable(cells);
  const byPerson = answers.filter((a) => a.by === 'person' && !('invalid' in a.result)).length;
  const toRead = needsReading(answers).length;
  const constants = Object.entries(survey.constants)
    .map(([id, c]) => `${id} ${c}`)
    .join(', ');
  return (
    <div class="results">
      <h3>{t('studiesIndicesTitle')}</h3>
      <p class="muted">{t('studiesSurveyExplain', constants, survey.temperature ?? t('studiesTemperatureDefault'), survey.repetitions)}</p>
      {answers.length === 0 ? (
        <p class="muted" role="status" data-testid="survey-results-empty">
          {t('studiesNoSurveyAnswers')}
        </p>
      ) : (
        <>
          {toRead > 0 && (
            <p class="todo-notice" role="status" data-testid="to-read-notice">
              <a href="#to-read-title">{plural(toRead, 'studiesToReadNoticeOne', 'studiesToReadNotice')}</a>
            </p>
          )}
          <IndexChart cells={cells} indices={survey.instrument.indices} constants={survey.constants} />
          <div class="table-scroll">
            <table class="data" data-testid="survey-results">
              <caption class="sr-only">{t('studiesSurveyCaption')}</caption>
              <thead>
                <tr>
                  {HEADERS.map((c) => (
                    <th key={c} scope="col">
                      {c === 'n' ? c : t(c)}
                    </th>
                  ))}
                </tr>
              </thead>
              {/* One group per model × language, headed by its name, then a row per index. */}
              {cells.map((c) => (
                <tbody key={c.label}>
                  <tr class="group">
                    <th colSpan={HEADERS.length} scope="colgroup" dir="auto">
                      {c.label}
                    </th>
                  </tr>
                  {table.rows
                    .filter((row) => row[0] === c.label)
                    .map((row) => (
                      <tr key={`${row[0]}|${row[1]}`} data-index={row[1]} data-cell={row[0]}>
                        <th scope="row">{row[1]}</th>
                        <td data-testid="index-mean">{row[2] ?? '—'}</td>
                        <td>{row[3] === null ? '—' : t('studiesInterval', row[3]!, row[4]!)}</td>
                        <td>{row[5]}</td>
                        <td>{row[6]}</td>
                        <td data-testid="index-by-person">{row[7] || ''}</td>
                      </tr>
                    ))}
                </tbody>
              ))}
            </table>
          </div>
          {byPerson > 0 && (
            <p class="muted" data-testid="by-person-note">
              {plural(byPerson, 'studiesByPersonNoteOne', 'studiesByPersonNote')}
            </p>
          )}
          <ul class="muted cell-notes">
            {cells.map((c) => (
              <li key={c.label} dir="auto">
                {t('studiesCellNote', c.label, c.answered, c.refused, c.unreadable, c.failed)}
              </li>
            ))}
          </ul>
          <div class="toolbar">
            <button class="button secondary small" onClick={() => download(fileName('survey-results', 'csv'), tableToCsv(table))}>
              {t('downloadCsv')}
            </button>
            <button class="button secondary small" onClick={() => download(fileName('survey-answers', 'csv'), tableToCsv(surveyAnswersTable(answers)))}>
              {t('studiesDownloadAnswers')}
            </button>
          </div>
          <HandReading answers={answers} onRead={onRead} />
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
