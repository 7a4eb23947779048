import { t } from '@/utils/i18n';
import type { RunState } from '@/utils/runner/state';
import type { ComparisonSource } from '@/utils/runner/types';

/** Words for run states, as shown on badges. */
export const STATE_LABEL: Record<RunState, string> = {
  queued: t('stateQueued'),
  translating: t('stateTranslating'),
  streaming: t('stateStreaming'),
  done: t('stateDone'),
  failed: t('stateFailed'),
  interrupted: t('stateInterrupted'),
};

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

/** Where a prompt came from, for headers and history rows. */
export function sourceLabel(source: ComparisonSource): string {
  if (source.kind === 'panel') return t('typedInParallax');
  if (source.kind === 'page') {
    let where = source.title || source.url;
    try {
      where = source.title || new URL(source.url).host;
    } catch {
      /* keep the raw URL */
    }
    return t('selectedOn', where);
  }
  let host = source.url;
  try {
    host = new URL(source.url).host;
  } catch {
    /* keep the raw URL */
  }
  return `${source.siteName} (${host})`;
}
