import { useEffect, useState } from 'preact/hooks';
import { RETENTION_CHOICES, retentionItem } from '@/utils/platform/db/retention';
import { t } from '@/utils/core/i18n';

const label = (days: number | null) => (days === null ? t('keepEverything') : days === 365 ? t('deleteAfterYear') : t('deleteAfterDays', days));

/** How long history is kept, and how much room it takes on this device. */
export function HistorySettings() {
  const [days, setDays] = useState<number | null>(null);
  const [used, setUsed] = useState<string | null>(null);
  useEffect(() => {
    void retentionItem.getValue().then(setDays);
    void navigator.storage?.estimate().then((e) => setUsed(e.usage === undefined ? null : `${(e.usage / 1024 / 1024).toFixed(1)} MB`));
    return retentionItem.watch(setDays);
  }, []);
  return (
    <section class="card" aria-labelledby="history-settings">
      <h2 id="history-settings">{t('tabHistory')}</h2>
      <p class="muted">{used ? t('storedOnlyHereUsed', used) : t('storedOnlyHere')}</p>
      <label>
        {t('keepComparisons')}
        <select
          aria-label={t('keepComparisons')}
          value={days === null ? '' : String(days)}
          onChange={(e) => void retentionItem.setValue(e.currentTarget.value ? Number(e.currentTarget.value) : null)}
        >
          {RETENTION_CHOICES.map((d) => (
            <option key={String(d)} value={d === null ? '' : String(d)}>
              {label(d)}
            </option>
          ))}
        </select>
      </label>
      {days !== null && <p class="muted">{t('olderDeleted')}</p>}
    </section>
  );
}
