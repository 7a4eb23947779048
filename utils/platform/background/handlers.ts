import type { Handlers } from '../messaging/router';
import type { SenderInfo } from '../messaging/senders';
import type { ParallaxDB } from '../db/schema';
import { planComparison, planMore } from '../../core/runner/plan';
import { canRetry, isImportedRun, moved } from '../../core/runner/state';
import type { ComparisonSource, HeldRuns } from '../../core/runner/types';
import { detectLanguage } from '../../core/translate/detect';
import { catalogueCode, languageName } from '../../core/translate/languages';
import { runsOf, saveComparison } from '../db/comparisons';
import { composerPrefsItem, startingAxes } from '../storage/templates';
import { planCapture } from './capture-plan';
import type { ComposeSpec } from '../messaging/protocol-compose';
import { apiKeysItem, enabledSitesOf, settingsItem } from '../storage/settings';
import { enabledAdapterForUrl } from '../../core/sites/registry';
import type { RunnerHost } from '../runner-host/runner-host';
import { permissionPolicy } from '../endpoint-access';

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

  async function startComparison(text: string, source: ComparisonSource, spec: Omit<ComposeSpec, 'text'> = {}, held?: HeldRuns): Promise<string> {
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
    await saveComparison(deps.db, held ? { ...comparison, held } : comparison, runs);
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
      // The axes chosen in the prompt box apply here too; what must not start unasked is held for the panel.
      const axes = startingAxes(await composerPrefsItem.getValue(), settings.providers);
      const plan = await planCapture(payload.text, axes, settings.providers, (from, targets) => deps.runner.checkTranslation(from, targets));
      return { comparisonId: await startComparison(payload.text, source, plan.spec, plan.held) };
    },
    async 'comparison.extend'({ comparisonId, dismiss }) {
      const comparison = await deps.db.comparisons.get(comparisonId);
      if (!comparison) throw new Error('That comparison was removed.');
      const held = comparison.held;
      if (!held) return { started: 0 };
      if (dismiss) {
        await deps.db.comparisons.update(comparisonId, { held: undefined });
        return { started: 0 };
      }
      const settings = await settingsItem.getValue();
      const source = comparison.language ?? catalogueCode(detectLanguage(comparison.prompt).code);
      const readiness = held.axes.languages.length ? await deps.runner.checkTranslation(source, held.axes.languages) : null;
      const missing = readiness?.missing ?? [];
      // Languages the user just made ready are asked; the others stay held (never started only to fail).
      if (held.reason === 'translator' && missing.length === held.axes.languages.length) throw new Error(translatorProblem(missing.map((m) => m.language)));
      const languages = held.axes.languages.filter((l) => !missing.some((m) => m.language === l));
      const providers = held.axes.providerIds ? settings.providers.filter((p) => held.axes.providerIds!.includes(p.id)) : settings.providers;
      const nothingReady = held.axes.languages.length > 0 && languages.length === 0;
      const runs = nothingReady ? [] : planMore(comparison, await runsOf(deps.db, comparisonId), { ...held.axes, languages, providers, now: now(), newId });
      const stillHeld: HeldRuns | undefined = missing.length
        ? {
            reason: 'translator',
            axes: { ...held.axes, languages: missing.map((m) => m.language) },
            runs: Math.round((held.runs * missing.length) / held.axes.languages.length),
            missing,
          }
        : undefined;
      await deps.db.transaction('rw', deps.db.comparisons, deps.db.runs, deps.db.search, async () => {
        await deps.db.runs.bulkAdd(runs);
        await deps.db.comparisons.update(comparisonId, { held: stillHeld });
      });
      if (runs.length) await deps.runner.wake();
      return { started: runs.length };
    },
    async 'comparison.start'({ text, page, ...spec }) {
      const source: ComparisonSource = page ? { kind: 'page', url: page.url, ...(page.title ? { title: page.title } : {}) } : { kind: 'panel' };
      return { comparisonId: await startComparison(text, source, spec) };
    },
    async 'run.retry'({ runId }) {
      const run = await deps.db.runs.get(runId);
      if (!run) throw new Error('That run no longer exists.');
      if (isImportedRun(run))
        throw new Error('This answer was imported from a file: it is a read-only record and cannot be retried. Ask the prompt again from the panel instead.');
      if (!canRetry(run.state)) throw new Error('This run is still in progress.');
      // A new answer replaces the old one: a person's reading of the old one no longer applies.
      await deps.db.runs.put(moved(run, 'queued', { error: undefined, errorCode: undefined, notice: undefined, surveyReading: undefined }, now()));
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
    async 'runner.endpoint'({ url }) {
      return { problem: await permissionPolicy(url) };
    },
    async 'runner.settings'() {
      return { settings: await settingsItem.getValue() };
    },
  };
}

/** Why held languages still cannot be asked. */
function translatorProblem(languages: string[]): string {
  return `The translator still cannot translate into ${languages.map((l) => languageName(l)).join(', ')}. Download the language packs, or choose a model to translate, then ask again.`;
}
