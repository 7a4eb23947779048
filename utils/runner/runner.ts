import { ProviderError } from '../providers/errors';
import type { ChatProvider, ProviderKind } from '../providers/types';
import type { LiveEvent } from '../messaging/protocol';
import { CANCELLED_MESSAGE, INTERRUPTED_MESSAGE, type RunState } from './state';
import type { Comparison, Run } from './types';

/** Where the runner keeps runs. Every call is one small write; see utils/db/run-store.ts. */
export interface RunStore {
  getRun(id: string): Promise<Run | undefined>;
  getComparison(id: string): Promise<Comparison | undefined>;
  runsIn(states: RunState[]): Promise<Run[]>;
  /** Updates fields without changing state (text checkpoints). */
  patch(id: string, patch: Partial<Run>): Promise<void>;
  /** Moves a run to a new state if the state machine allows it; resolves undefined when it does not. */
  move(id: string, to: RunState, patch?: Partial<Run>): Promise<Run | undefined>;
}

/** What the runner needs from its host. No browser API is touched here, so it runs in Node too. */
export interface RunnerDeps {
  store: RunStore;
  providerFor(kind: ProviderKind): ChatProvider | undefined;
  /** The key for a provider, fetched at run time so it never sits in a message or a record. */
  apiKeyFor(providerId: string): Promise<string | undefined>;
  /** Live events for open panels (deltas between checkpoints, state changes). */
  onEvent?(event: LiveEvent): void;
  /** How often partial text is written while streaming. */
  checkpointMs?: number;
  /** Runs streaming at once, over all providers. */
  maxConcurrent?: number;
  now?(): number;
}

/** The runner: takes queued runs, streams them independently, persists every state change. */
export interface Runner {
  /** Starts queued runs up to the concurrency cap; resolves with how many it started. */
  wake(): Promise<number>;
  /** After a restart: runs left mid-stream by a previous runner become interrupted, partial text kept. */
  recover(): Promise<number>;
  /** Cancels a run (streaming or still queued). */
  cancel(runId: string): Promise<boolean>;
  /** Resolves when every run started so far has settled (tests, headless use). */
  idle(): Promise<void>;
}

/** Creates a runner over its dependencies. */
export function createRunner(deps: RunnerDeps): Runner {
  const now = deps.now ?? Date.now;
  const checkpointMs = deps.checkpointMs ?? 250;
  const maxConcurrent = deps.maxConcurrent ?? 8;
  const active = new Map<string, AbortController>();
  /** Runs and wake-ups in flight, so idle() waits for the runs a finishing run pulls in. */
  const pending = new Set<Promise<unknown>>();
  const track = <T>(p: Promise<T>): Promise<T> => {
    pending.add(p);
    void p.finally(() => pending.delete(p)).catch(() => undefined);
    return p;
  };
  const emit = (event: LiveEvent) => deps.onEvent?.(event);

  async function fail(run: Run, to: 'failed' | 'interrupted', error: string, errorCode: string, text: string) {
    const moved = await deps.store.move(run.id, to, { error, errorCode, text, finishedAt: now() });
    if (moved) emit({ type: 'state', runId: run.id, state: to });
  }

  async function execute(queued: Run, controller: AbortController): Promise<void> {
    const run = await deps.store.move(queued.id, 'streaming', {
      text: '',
      error: undefined,
      errorCode: undefined,
      startedAt: now(),
      finishedAt: undefined,
      attempts: queued.attempts + 1,
    });
    if (!run) return; // another runner took it, or it was cancelled meanwhile
    emit({ type: 'state', runId: run.id, state: 'streaming' });
    const { target } = run;
    let text = '';
    try {
      const comparison = await deps.store.getComparison(run.comparisonId);
      if (!comparison) throw new Error('The comparison this run belongs to was deleted.');
      const provider = deps.providerFor(target.providerKind);
      if (!provider) throw new Error(`This version of Parallax cannot talk to ${target.providerKind} engines yet.`);
      const apiKey = await deps.apiKeyFor(target.providerId);
      let usage: Run['usage'];
      let lastCheckpoint = now();
      const messages = [{ role: 'user' as const, content: comparison.prompt }];
      for await (const event of provider.stream({ baseUrl: target.baseUrl, apiKey }, { model: target.model, messages }, controller.signal)) {
        if (event.type === 'text') {
          emit({ type: 'delta', runId: run.id, offset: text.length, text: event.text });
          text += event.text;
          if (now() - lastCheckpoint >= checkpointMs) {
            lastCheckpoint = now();
            await deps.store.patch(run.id, { text });
          }
        } else if (event.type === 'usage') {
          usage = { inputTokens: event.inputTokens, outputTokens: event.outputTokens };
        }
      }
      const done = await deps.store.move(run.id, 'done', { text, finishedAt: now(), ...(usage ? { usage } : {}) });
      if (done) emit({ type: 'state', runId: run.id, state: 'done' });
    } catch (err) {
      if (controller.signal.aborted) {
        await fail(run, 'interrupted', CANCELLED_MESSAGE, 'cancelled', text);
        return;
      }
      // Providers throw ProviderError with a message for the user; anything else is ours and says what went wrong.
      const { message, code } = err instanceof ProviderError ? err : { message: String(err instanceof Error ? err.message : err), code: 'error' };
      await fail(run, 'failed', message, code, text);
    }
  }

  function start(run: Run) {
    const controller = new AbortController();
    active.set(run.id, controller);
    track(
      execute(run, controller)
        .catch((err: unknown) => console.error('[parallax] runner bug', err))
        .finally(() => {
          active.delete(run.id);
          void track(runner.wake()); // pull the next queued run into the freed slot
        }),
    );
  }

  const runner: Runner = {
    async wake() {
      const queued = (await deps.store.runsIn(['queued'])).sort((a, b) => a.createdAt - b.createdAt || a.position - b.position);
      let started = 0;
      for (const run of queued) {
        if (active.size >= maxConcurrent) break;
        if (active.has(run.id)) continue;
        start(run);
        started++;
      }
      return started;
    },
    async recover() {
      const stale = (await deps.store.runsIn(['translating', 'streaming'])).filter((r) => !active.has(r.id));
      for (const run of stale) await fail(run, 'interrupted', INTERRUPTED_MESSAGE, 'interrupted', run.text);
      return stale.length;
    },
    async cancel(runId) {
      const controller = active.get(runId);
      if (controller) {
        controller.abort();
        return true;
      }
      const moved = await deps.store.move(runId, 'interrupted', { error: CANCELLED_MESSAGE, errorCode: 'cancelled', finishedAt: now() });
      if (moved) emit({ type: 'state', runId, state: 'interrupted' });
      return Boolean(moved);
    },
    async idle() {
      while (pending.size) await Promise.allSettled([...pending]);
    },
  };
  return runner;
}
