import { t } from '@/utils/core/i18n';
import { perBrowser } from '@/utils/platform/browser-kind';

/** What to do when nothing is stored yet: how a first comparison is made. */
export function NoHistory({ onOpenSettings }: { onOpenSettings: () => void }) {
  return (
    <div class="empty dash-empty" data-testid="no-history">
      <h2>{t('noComparisonsYet')}</h2>
      <p>{t('noHistoryIntro')}</p>
      <ol class="steps">
        <li>{t('noHistoryStep1')}</li>
        <li>{t(perBrowser({ chromium: 'noHistoryStep2', firefox: 'noHistoryStep2Sidebar' }))}</li>
        <li>{t('noHistoryStep3')}</li>
      </ol>
      <button class="button" onClick={onOpenSettings}>
        {t('openSettings')}
      </button>
    </div>
  );
}
