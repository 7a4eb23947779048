import { browser } from 'wxt/browser';
import { send } from '../messaging/client';
import { startRunnerHost } from './start-runner';
import type { Runner } from '../../core/runner/runner';
import { translationReadiness, type TranslationReadiness } from '../../core/translate/readiness';
import { translatorSettingsOf } from '../../core/translate/settings';
import { settingsItem } from '../storage/settings';

/** Where comparisons run, seen from the background. */
export interface RunnerHost {
  /** Starts the host if it is not running (and with it, recovery of interrupted runs). */
  ensure(): Promise<void>;
  /** Tells the host there is queued work. */
  wake(): Promise<void>;
  cancel(runId: string): Promise<boolean>;
  cancelAll(comparisonId: string): Promise<number>;
  /** Which of `targets` the translator can reach now from `source` (see translationReadiness). */
  checkTranslation(source: string | null, targets: string[]): Promise<TranslationReadiness>;
}

const OFFSCREEN_PATH = 'offscreen.html';

/**
 * Chrome: the runner lives in an offscreen document. It outlives the side panel and is not stopped with the
 * service worker (30 s idle / 5 min per event), so a long answer streams on while both come and go; it is also
 * a DOM context with WebGPU, where an on-device model can stay loaded.
 */
export function offscreenRunnerHost(): RunnerHost {
  let creating: Promise<void> | undefined;
  const ensure = async () => {
    // A document being created is listed before its scripts run: wait for the creation itself.
    if (creating) return creating;
    const url = browser.runtime.getURL(`/${OFFSCREEN_PATH}`);
    const contexts = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
    if (contexts.length) return;
    creating ??= browser.offscreen
      .createDocument({
        url: OFFSCREEN_PATH,
        reasons: ['WORKERS'],
        justification: 'Runs comparisons so answers keep streaming when the side panel closes.',
      })
      .finally(() => (creating = undefined));
    await creating;
  };
  return {
    ensure,
    async wake() {
      await ensure();
      await send('runner.wake', {});
    },
    async cancel(runId) {
      await ensure();
      return (await send('runner.cancel', { runId })).cancelled;
    },
    async cancelAll(comparisonId) {
      await ensure();
      return (await send('runner.cancelAll', { comparisonId })).cancelled;
    },
    async checkTranslation(source, targets) {
      await ensure();
      return send('translation.check', { ...(source ? { source } : {}), targets });
    },
  };
}

/** Firefox: the background page is a DOM context that lives as long as the browser; the runner lives there. */
export function inProcessRunnerHost(apiKeyFor: (providerId: string) => Promise<string | undefined>): RunnerHost {
  let runner: Promise<Runner> | undefined;
  const get = () => (runner ??= startRunnerHost(apiKeyFor));
  return {
    ensure: async () => {
      await get();
    },
    wake: async () => {
      await (await get()).wake();
    },
    cancel: async (runId) => (await get()).cancel(runId),
    cancelAll: async (comparisonId) => (await get()).cancelAll(comparisonId),
    checkTranslation: async (source, targets) => translationReadiness(translatorSettingsOf(await settingsItem.getValue()), source, targets),
  };
}
