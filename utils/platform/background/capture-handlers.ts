import { storage } from 'wxt/utils/storage';
import type { Handlers } from '../messaging/router';
import { originOf, type SenderInfo } from '../messaging/senders';
import { MAX_CONTEXT_TURNS } from '../messaging/protocol-capture';
import { deleteComparisons } from '../db/history';
import type { Comparison, Run, Target } from '../../core/runner/types';
import { enabledSitesOf, settingsItem } from '../storage/settings';
import { enabledAdapterForUrl } from '../../core/sites/registry';
import { byImportance, siteHealthItem } from '../capture/site-health';
import type { BackgroundDeps } from './handlers';
import { CAPTURE_RATE, slidingWindowLimiter } from '../../core/sites/capture-limits';
import { t } from '../../core/i18n';
import { panelRequestItem } from '../storage/panel-requests';

/** storage.session key remembering which tab a comparison was picked up in (gone when the browser closes). */
const tabKey = (comparisonId: string) => `session:captureTab.${comparisonId}` as const;

/**
 * The column of a site's own answer: not an endpoint, never executed (the runner skips 'site' runs). Named after
 * the site ("ChatGPT"), or after its host for a site the user added.
 */
export function siteTarget(source: Extract<Comparison['source'], { kind: 'site' }>): Target {
  const name = source.site === 'generic' ? new URL(source.url).host : source.siteName;
  return { providerId: `site-${source.site}`, providerKind: 'site', providerLabel: name, baseUrl: originOf(source.url), model: name, language: null };
}

const hostOf = (url: string | undefined) => {
  try {
    return new URL(url ?? '').host;
  } catch {
    return '';
  }
};

/**
 * Capture on chat sites, over the core handlers: a picked-up prompt remembers its tab and keeps the page's
 * previous turns; the site's finished answer becomes a done 'site' run in the first column; "don't compare
 * this one" stops and deletes the comparison; selector health is kept per site for the panel. Answers and
 * undo are accepted only from the tab the comparison was picked up in. A tab sending more than
 * {@link CAPTURE_RATE} prompts a minute is refused, with a notice on the page and in the panel. `base` provides
 * 'prompt.captured' and 'run.retry', which this wraps (spread the result after `base`).
 */
export function captureHandlers(deps: BackgroundDeps, base: Handlers): Handlers {
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const now = deps.now ?? Date.now;
  const { db } = deps;
  /** Per tab, in memory: a background restarted after a quiet minute has nothing to remember anyway. */
  const captures = slidingWindowLimiter(CAPTURE_RATE);
  const tell = (message: string) => panelRequestItem.setValue({ kind: 'notice', message, at: now() });

  /** The comparison, when the sender is the tab it was picked up in and still on that site. */
  async function ownComparison(comparisonId: string, sender: SenderInfo): Promise<Comparison | undefined> {
    const owner = await storage.getItem<number>(tabKey(comparisonId));
    if (owner === null || sender.tab?.id !== owner) throw new Error('That prompt was not picked up in this tab.');
    const comparison = await db.comparisons.get(comparisonId);
    if (comparison && (comparison.source.kind !== 'site' || !sender.url || originOf(comparison.source.url) !== originOf(sender.url))) {
      throw new Error('That prompt was not picked up on this site.');
    }
    return comparison;
  }

  return {
    async 'prompt.captured'(payload, sender) {
      const rate = captures.take(sender.tab?.id ?? sender.url ?? '', now());
      if (!rate.ok) {
        if (rate.first) await tell(t('captureRateLimitedPanel', hostOf(sender.url), CAPTURE_RATE.max));
        return { comparisonId: null, ignored: 'rate', notice: t('captureRateLimitedPage', Math.ceil(rate.retryInMs / 1000), CAPTURE_RATE.max) };
      }
      const reply = await base['prompt.captured']!(payload, sender);
      const id = reply.comparisonId;
      if (id && sender.tab?.id !== undefined) await storage.setItem(tabKey(id), sender.tab.id);
      const context = payload.context?.filter((t) => t.content.trim()).slice(-MAX_CONTEXT_TURNS);
      if (id && context?.length) await db.comparisons.update(id, { context });
      const held = id ? (await db.comparisons.get(id))?.held : undefined;
      return held?.reason === 'confirm' ? { ...reply, notice: t('captureHeldPage') } : reply;
    },

    async 'capture.blocked'(_payload, sender) {
      await tell(t('captureIndicatorHidden', hostOf(sender.url)));
      return { noted: true };
    },

    async 'run.retry'(payload, sender) {
      const run = await db.runs.get(payload.runId);
      if (run?.target.providerKind === 'site')
        throw new Error(`This is ${run.target.providerLabel}'s own answer, picked up from the page: ask again on ${run.target.providerLabel}.`);
      return base['run.retry']!(payload, sender);
    },

    async 'answer.captured'({ comparisonId, text, url }, sender) {
      const comparison = await ownComparison(comparisonId, sender);
      if (!comparison || comparison.source.kind !== 'site') throw new Error('That comparison was removed.');
      const answer = text.trim();
      if (!answer) throw new Error("The site's answer was empty.");
      const source = comparison.source;
      const at = now();
      return db.transaction('rw', db.comparisons, db.runs, db.search, async () => {
        const existing = (await db.runs.where('comparisonId').equals(comparisonId).toArray()).find((r) => r.target.providerKind === 'site');
        const run: Run = {
          id: existing?.id ?? newId(),
          comparisonId,
          position: -1, // first column
          target: siteTarget(source),
          state: 'done',
          text: answer,
          attempts: 1,
          createdAt: existing?.createdAt ?? at,
          updatedAt: at,
          // From the moment the prompt was sent on the site to the end of its answer.
          startedAt: comparison.createdAt,
          finishedAt: at,
        };
        await db.runs.put(run);
        // A new conversation gets its own address once it starts (chatgpt.com/ → chatgpt.com/c/…): link to that.
        if (url !== source.url && originOf(url) === originOf(source.url)) await db.comparisons.update(comparisonId, { source: { ...source, url } });
        return { runId: run.id };
      });
    },

    async 'capture.undo'({ comparisonId }, sender) {
      const comparison = await ownComparison(comparisonId, sender);
      await storage.removeItem(tabKey(comparisonId));
      if (!comparison) return { removed: false };
      await deps.runner.cancelAll(comparisonId);
      await deleteComparisons(db, [comparisonId]);
      return { removed: true };
    },

    async 'site.health'({ missing }, sender) {
      // The sender's URL, not the payload's, says which page was checked (the router checked it is enabled).
      const url = sender.url ?? '';
      const adapter = enabledAdapterForUrl(url, enabledSitesOf(await settingsItem.getValue()));
      if (!adapter) throw new Error('Capture is not enabled on this site.');
      const custom = adapter.matches.length === 0;
      const key = custom ? `generic:${originOf(url)}` : adapter.id;
      const reports = { ...(await siteHealthItem.getValue()) };
      const known = reports[key];
      if (missing.length) reports[key] = { key, siteName: custom ? new URL(url).host : adapter.name, url, missing: byImportance(missing), at: now() };
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- site health is a plain record kept in storage (a Map would not survive it); this drops one site's entry
      else if (known) delete reports[key];
      else return { recorded: false };
      await siteHealthItem.setValue(reports);
      return { recorded: true };
    },
  };
}
