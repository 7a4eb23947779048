import { t, tn, type MessageKey } from '@/utils/core/i18n';

/** Words of run states and sources live in core (the exports use them too). */
export { STATE_LABEL } from '@/utils/core/words/answers';
export { sourceLabel } from '@/utils/core/words/sources';

/** "Today 14:05" / "3 Mar 14:05" in the user's locale. */
export function formatTime(ms: number, now = Date.now()): string {
  const date = new Date(ms);
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  const sameDay = new Date(now).toDateString() === date.toDateString();
  return sameDay ? t('todayAt', time) : `${date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })} ${time}`;
}

/** "1.4 s", "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** "1 run" or "3 runs": the message the UI language's plural rules pick, with the number as $1. */
export const plural = (n: number, one: MessageKey, many: MessageKey): string => tn(n, one, many);

/** 'YYYY-MM-DD' of a local time, for <input type=date>. */
export function dayOf(ms: number | undefined): string {
  if (ms === undefined) return '';
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Start (or end) of a local day given as 'YYYY-MM-DD'; undefined when empty. */
export function dayBound(value: string, end: boolean): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  return end ? new Date(y, mo, d, 23, 59, 59, 999).getTime() : new Date(y, mo, d).getTime();
}
