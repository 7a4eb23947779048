import type { ChatProvider, ProviderKind } from '../providers/types';
import { executeRun, type RunTimeouts } from './execute';
import type { RetryPolicy } from './retry';
import type { Translator } from '../translate/translator';
import { CANCELLED_MESSAGE, INTERRUPTED_MESSAGE, type RunState } from './state';
import type { Comparison, LiveEvent, Run, Target } from './types';

/** Where the runner keeps runs. Every call is one small write; see utils/db/run-store.ts. */
export interface RunStore {
  getRun(id: string): Promise<Run | undefined>;
  getComparison(id: string): Promise<Comparison | undefined>;
  runsIn(states: RunState[]): Promise<Run[]>;
  /** Updates fields without changing state (text checkpoints, notices). */
  patch(id: string, patch: Partial<Run>): Promise<void>;
  /** Moves a run to a new state if the state machine allows it; resolves undefined when it does not. */
  move(id: string, to: RunState, patch?: Partial<Run>): Promise<Run | undefined>;
}

/** What the runner needs from its host. No browser API is touched here, so it runs in Node too. */
export interface RunnerDeps {
  store: RunStore;
  providerFor: (kind: ProviderKind) => ChatProvider | undefined;
  /** The key for a provider, fetched at run time so it never sits in a message or a record. */
  apiKeyFor: (providerId: string) => Promise<string | undefined>;
  /** Live events for open panels (deltas between checkpoints, state changes). */
  onEvent?(event: LiveEvent): void;
  /** How often partial text is written while streaming. */
  checkpointMs?: number;
  /** Runs streaming at once, over all providers. */
  maxConcurrent?: number;
  /** Runs streaming at once against one plain-http host (browsers: {@link BROWSER_CONNECTIONS_PER_HTTP_HOST}); none in Node. */
  connectionsPerHttpHost?: number;
  /** Runs streaming at once against one provider (on-device engines: one at a time by default). */
  concurrencyFor?: (target: Target) => number;
  retry?: RetryPolicy;
  timeouts?: RunTimeouts;
  /** Translates prompts into each run's language and answers back (see ExecuteDeps). */
  translator?: Translator;
  now?: () => number;
}

/** The runner: takes queued runs, streams them independently, persists every state change. */
export interface Runner {
  /** Starts queued runs up to the concurrency caps; resolves with how many it started. */
  wake(): Promise<number>;
  /** After a restart: runs left mid-stream by a previous runner become interrupted, partial text kept. */
  recover(): Promise<number>;
  /** Cancels a run (streaming or still queued). */
  cancel(runId: string): Promise<boolean>;
  /** Cancels every queued and streaming run, or those of one comparison; resolves with how many. */
  cancelAll(comparisonId?: string): Promise<number>;
  /** Resolves when every run started so far has settled (tests, headless use). */
  idle(): Promise<void>;
}

/** The endpoint's own setting; else one at a time on the local GPU and a few at once against an API. */
export function defaultConcurrency(target: Target): number {
  if (target.maxConcurrent && target.maxConcurrent > 0) return target.maxConcurrent;
  return target.providerKind === 'webllm' || target.providerKind === 'chrome-builtin' ? 1 : 4;
}

/**
 * Browsers open at most 6 connections to one host over HTTP/1.1, and plain-http servers (Ollama, LM Studio, llama.cpp)
 * speak nothing else: a 7th answer would wait for a socket with its first-byte timer already running, and could time
 * out behind six slow ones. Browser hosts pass this as `connectionsPerHttpHost`; https APIs multiplex over HTTP/2.
 */
export const BROWSER_CONNECTIONS_PER_HTTP_HOST = 6;

/** The host of a plain-http endpoint (HTTP/1.1 only), or null. */
function http1Host(target: Target): string | null {
  try {
    const url = new URL(target.baseUrl);
    return url.protocol === 'http:' ? url.host : null;
  } catch {
    return null;
  }
}

/** Creates a runner over its dependencies. */
export function createRunner(deps: RunnerDeps): Runner {
  const now = deps.now ?? Date.now;
  const maxConcurrent = deps.maxConcurrent ?? 8;
  const concurrencyFor = deps.concurrencyFor ?? defaultConcurrency;
  const active = new Map<string, { controller: AbortController; run: Run }>();
  /** Runs and wake-ups in flight, so idle() waits for the runs a finishing run pulls in. */
  const pending = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    pending.add(p);
    void p.finally(() => pending.delete(p)).catch(() => undefined);
    return p;
  };
  const emit = (event: LiveEvent) => deps.onEvent?.(event);
  const executeDeps = {
    store: deps.store,
    providerFor: deps.providerFor,
    apiKeyFor: deps.apiKeyFor,
    emit,
    now,
    checkpointMs: deps.checkpointMs ?? 250,
    retry: deps.retry,
    timeouts: deps.timeouts,
    translator: deps.translator,
  };

  function start(run: Run) {
    const controller = new AbortController();
    active.set(run.id, { controller, run });
    void track(
      // The translator is read per run: the host rebuilds it when the settings change.
      executeRun(run, controller.signal, { ...executeDeps, translator: deps.translator })
        .catch((err: unknown) => console.error('[parallax] runner bug', err))
        .finally(() => {
          active.delete(run.id);
          void track(runner.wake()); // pull the next queued run into the freed slot
        }),
    );
  }

  const activeFor = (providerId: string) => [...active.values()].filter((a) => a.run.target.providerId === providerId).length;
  const activeAt = (host: string) => [...active.values()].filter((a) => http1Host(a.run.target) === host).length;

  const runner: Runner = {
    async wake() {
      // A chat site's own answer ('site') was captured from the page: there is nothing to ask.
      const queued = (await deps.store.runsIn(['queued']))
        .filter((r) => r.target.providerKind !== 'site')
        .sort((a, b) => a.createdAt - b.createdAt || a.position - b.position);
      let started = 0;
      for (const run of queued) {
        if (active.size >= maxConcurrent) break;
        if (active.has(run.id) || activeFor(run.target.providerId) >= concurrencyFor(run.target)) continue;
        const host = http1Host(run.target);
        if (host && deps.connectionsPerHttpHost && activeAt(host) >= deps.connectionsPerHttpHost) continue;
        start(run);
        started++;
      }
      return started;
    },
    async recover() {
      const stale = (await deps.store.runsIn(['translating', 'streaming'])).filter((r) => !active.has(r.id));
      for (const run of stale) {
        const moved = await deps.store.move(run.id, 'interrupted', {
          error: INTERRUPTED_MESSAGE,
          errorCode: 'interrupted',
          notice: undefined,
          finishedAt: now(),
        });
        if (moved) emit({ type: 'state', runId: run.id, state: 'interrupted' });
      }
      return stale.length;
    },
    async cancel(runId) {
      const running = active.get(runId);
      if (running) {
        running.controller.abort();
        return true;
      }
      const moved = await deps.store.move(runId, 'interrupted', { error: CANCELLED_MESSAGE, errorCode: 'cancelled', finishedAt: now() });
      if (moved) emit({ type: 'state', runId, state: 'interrupted' });
      return Boolean(moved);
    },
    async cancelAll(comparisonId) {
      const queued = await deps.store.runsIn(['queued', 'translating', 'streaming']);
      const ids = new Set([...queued.map((r) => r.id), ...active.keys()]);
      const mine = [...ids].filter((id) => {
        const run = active.get(id)?.run ?? queued.find((r) => r.id === id);
        return !comparisonId || run?.comparisonId === comparisonId;
      });
      const results = await Promise.all(mine.map((id) => runner.cancel(id)));
      return results.filter(Boolean).length;
    },
    async idle() {
      while (pending.size) await Promise.allSettled([...pending]);
    },
  };
  return runner;
}
