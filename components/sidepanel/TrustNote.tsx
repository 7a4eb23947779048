import { shownFigure, type ReaderAccuracy } from '@/utils/core/analysis/accuracy';
import { languageLabel } from '@/utils/core/runner/names';
import { listOf, t, uiLanguage, type MessageKey } from '@/utils/core/i18n';

const NAME: Record<ReaderAccuracy['reader'], MessageKey> = { refusal: 'trustReaderRefusal', stance: 'trustReaderStance', balance: 'trustReaderBalance' };

/** One reader's measured agreement with people, or that it has no independent figure yet. */
export function trustLine(reader: ReaderAccuracy['reader'], figure: ReaderAccuracy | null = shownFigure(reader)): string {
  if (!figure) return t('trustNone', t(NAME[reader]));
  const percent = new Intl.NumberFormat(uiLanguage(), { maximumFractionDigits: 0 }).format(figure.accuracy * 100);
  const count = new Intl.NumberFormat(uiLanguage()).format(figure.answers);
  return t('trustLine', t(NAME[reader]), percent, count, listOf(figure.languages.map((l) => languageLabel(l))), figure.models);
}

/** Under "Why?": how far each automatic label was measured to agree with people (figures from the eval scripts). */
export function TrustNote() {
  return (
    <aside class="trust-note muted" data-testid="trust-note">
      <strong>{t('trustTitle')}</strong>
      <ul>
        {(['refusal', 'stance', 'balance'] as const).map((reader) => (
          <li key={reader}>{trustLine(reader)}</li>
        ))}
      </ul>
      <p>{t('trustEstimates')}</p>
    </aside>
  );
}
