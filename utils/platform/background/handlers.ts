import type { Handlers } from '../messaging/router';
import type { SenderInfo } from '../messaging/senders';
import { saveComparison } from '../db/comparisons';
import type { ParallaxDB } from '../db/schema';
import { planComparison } from '../../core/runner/plan';
import { canRetry } from '../../core/runner/state';
import type { ComparisonSource } from '../../core/runner/types';
import type { ComposeSpec } from '../messaging/protocol-compose';
import { apiKeysItem, enabledSitesOf, settingsItem } from '../storage/settings';
import { enabledAdapterForUrl } from '../../core/sites/registry';
import type { RunnerHost } from '../runner-host/runner-host';

/** What the background's handlers work with. */
export interface BackgroundDeps {
  db: ParallaxDB;
  runner: RunnerHost;
  newId?: () => string;
  now?: () => number;
}

/** The background's message handlers: a thin layer over Dexie, settings and the runner host. */
export function backgroundHandlers(deps: BackgroundDeps): Handlers {
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const now = deps.now ?? Date.now;

  async function startComparison(text: string, source: ComparisonSource, spec: Omit<ComposeSpec, 'text'> = {}): Promise<string> {
    const settings = await settingsItem.getValue();
    const providers = spec.providerIds ? settings.providers.filter((p) => spec.providerIds!.includes(p.id)) : settings.providers;
    const { comparison, runs } = planComparison({
      prompt: text,
      source,
      providers,
      now: now(),
      newId,
      languages: spec.languages,
      language: spec.sourceLanguage,
      translations: spec.translations,
      personas: spec.personas,
      repetitions: spec.repetitions,
      temperature: spec.temperature,
      context: spec.context,
      rerunOf: spec.rerunOf,
    });
    await saveComparison(deps.db, comparison, runs);
    if (runs.length) await deps.runner.wake();
    return comparison.id;
  }

  return {
    async 'prompt.captured'(payload, sender: SenderInfo) {
      const settings = await settingsItem.getValue();
      if (settings.paused) return { comparisonId: null, ignored: 'paused' };
      // The router already checked the sender's URL is enabled; its URL (not the payload's) is the truth.
      const url = sender.url ?? payload.url;
      const adapter = enabledAdapterForUrl(url, enabledSitesOf(settings));
      if (!adapter) throw new Error('Capture is not enabled on this site.');
      const source: ComparisonSource = { kind: 'site', site: adapter.id, siteName: adapter.name, url };
      return { comparisonId: await startComparison(payload.text, source) };
    },
    async 'comparison.start'({ text, page, ...spec }) {
      const source: ComparisonSource = page ? { kind: 'page', url: page.url, ...(page.title ? { title: page.title } : {}) } : { kind: 'panel' };
      return { comparisonId: await startComparison(text, source, spec) };
    },
    async 'run.retry'({ runId }) {
      const run = await deps.db.runs.get(runId);
      if (!run) throw new Error('That run no longer exists.');
      if (!canRetry(run.state)) throw new Error('This run is still in progress.');
      // A new answer replaces the old one: a person's reading of the old one no longer applies.
      await deps.db.runs.update(runId, { state: 'queued', error: undefined, errorCode: undefined, surveyReading: undefined, updatedAt: now() });
      await deps.runner.wake();
      return { runId };
    },
    async 'run.cancel'({ runId }) {
      await deps.runner.cancel(runId);
      return { runId };
    },
    async 'comparison.cancel'({ comparisonId }) {
      return { cancelled: await deps.runner.cancelAll(comparisonId) };
    },
    async 'runner.ensure'() {
      await deps.runner.ensure();
      return { ready: true };
    },
    async 'runner.apiKey'({ providerId }) {
      return { apiKey: (await apiKeysItem.getValue())[providerId] ?? '' };
    },
    async 'runner.settings'() {
      return { settings: await settingsItem.getValue() };
    },
  };
}
