import { useEffect, useState } from 'preact/hooks';
import { RETENTION_CHOICES, retentionItem } from '@/utils/retention';

const label = (days: number | null) => (days === null ? 'Keep everything' : days === 365 ? 'Delete after a year' : `Delete after ${days} days`);

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
      <h2 id="history-settings">History</h2>
      <p class="muted">Comparisons are stored only on this device{used ? ` (${used} used now)` : ''}. Export them from the panel’s history before they are deleted.</p>
      <label>
        Keep comparisons
        <select aria-label="Keep comparisons" value={days === null ? '' : String(days)} onChange={(e) => void retentionItem.setValue(e.currentTarget.value ? Number(e.currentTarget.value) : null)}>
          {RETENTION_CHOICES.map((d) => <option key={String(d)} value={d === null ? '' : String(d)}>{label(d)}</option>)}
        </select>
      </label>
      {days !== null && <p class="muted">Older comparisons are deleted when the browser starts and when you change this.</p>}
    </section>
  );
}
