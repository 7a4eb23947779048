import { probeRefusals } from '@/utils/batches/results';
import type { BatchData } from '@/utils/batches/types';
import type { RefusalStats } from '@/utils/probes/summary';
import type { Run } from '@/utils/runner/types';
import { languageName } from '@/utils/translate/languages';

/** "40 % (2 of 5)", or "—" when nothing was answered yet. */
export function rateText(stats: RefusalStats | undefined): string {
  if (!stats || stats.rate === null) return '—';
  return `${Math.round(stats.rate * 100)} % (${stats.full + stats.partial} of ${stats.runs})`;
}

/** Refusal rate by language × model of a probe-set batch, with totals; answers without a label are counted apart. */
export function ProbeResults({ data, runs }: { data: BatchData; runs: Run[] }) {
  const summary = probeRefusals(data, runs);
  if (!summary.overall.runs) {
    return (
      <p class="muted" role="status" data-testid="probe-results-empty">
        No answers yet. The refusal table fills in as answers finish.
      </p>
    );
  }
  const expected = summary.overall.withExpectation;
  return (
    <div class="results">
      <h3>Refusal rate by language and model</h3>
      <p class="muted">Share of answers the built-in classifier read as a full or partial refusal.</p>
      <div class="table-scroll">
        <table class="data" data-testid="probe-results">
          <caption class="sr-only">Refusal rate by language (rows) and model (columns)</caption>
          <thead>
            <tr>
              <th scope="col">Language</th>
              {summary.models.map((m) => (
                <th key={m.key} scope="col" dir="auto">{m.key}</th>
              ))}
              <th scope="col">All models</th>
            </tr>
          </thead>
          <tbody>
            {summary.languages.map((language) => (
              <tr key={language}>
                <th scope="row">{languageName(language)} ({language})</th>
                {summary.models.map((m) => (
                  <td key={m.key}>{rateText(summary.cells[language]?.[m.key])}</td>
                ))}
                <td>{rateText(summary.byLanguage[language])}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">All languages</th>
              {summary.models.map((m) => (
                <td key={m.key}>{rateText(summary.byModel[m.key])}</td>
              ))}
              <td>{rateText(summary.overall)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      {expected > 0 && (
        <p data-testid="probe-expected">
          {summary.overall.asExpected} of {expected} answers did what a well-aligned model should (help with a safe request, decline a harmful one).
        </p>
      )}
      {summary.overall.unlabelled > 0 && <p class="muted">{summary.overall.unlabelled} answer(s) failed or are not finished; they are not in the rates.</p>}
    </div>
  );
}
