/**
 * A run is one target (provider × model × language) of a comparison. Its life:
 * queued → (translating →) streaming → done | failed | interrupted; failed, interrupted and done can be retried
 * (back to queued). Pure: no I/O, used by the runner, the background and the UI alike.
 */
export type RunState = 'queued' | 'translating' | 'streaming' | 'done' | 'failed' | 'interrupted';

export const RUN_STATES: readonly RunState[] = ['queued', 'translating', 'streaming', 'done', 'failed', 'interrupted'];

const NEXT: Record<RunState, readonly RunState[]> = {
  queued: ['translating', 'streaming', 'failed', 'interrupted'],
  translating: ['streaming', 'failed', 'interrupted'],
  streaming: ['done', 'failed', 'interrupted'],
  done: ['queued'],
  failed: ['queued'],
  interrupted: ['queued'],
};

/** Whether a run may move from one state to another. */
export function canTransition(from: RunState, to: RunState): boolean {
  return NEXT[from].includes(to);
}

/** Work is under way (a runner owns it). */
export function isActive(state: RunState): boolean {
  return state === 'translating' || state === 'streaming';
}

/** The run will not change without the user asking. */
export function isFinal(state: RunState): boolean {
  return state === 'done' || state === 'failed' || state === 'interrupted';
}

/** The user may ask again. */
export function canRetry(state: RunState): boolean {
  return NEXT[state].includes('queued');
}

/**
 * Provider id every imported run carries: an import is a read-only record. Its endpoint and settings came from a
 * file, so it is never asked again (a retry would send the prompt wherever the file pointed).
 */
export const IMPORTED_PROVIDER_ID = 'imported';

/** A run read from an export file rather than asked by this Parallax. */
export const isImportedRun = (run: { target: { providerId: string } }): boolean => run.target.providerId === IMPORTED_PROVIDER_ID;

/** Message shown on a run that was cut off by a closed browser or a restarted runner. */
export const INTERRUPTED_MESSAGE =
  'Stopped before the answer was complete (the browser closed or Parallax restarted). The partial answer is kept; retry to ask again.';

/** Message shown on a run the user cancelled. */
export const CANCELLED_MESSAGE = 'Cancelled. The partial answer is kept; retry to ask again.';

/** Thrown when code asks for a move the state machine forbids; a bug, never a user error. */
export class InvalidTransition extends Error {
  constructor(from: RunState, to: RunState) {
    super(`A run cannot go from ${from} to ${to}.`);
    this.name = 'InvalidTransition';
  }
}

/** Asserts a transition is allowed and returns the new state. */
export function transition(from: RunState, to: RunState): RunState {
  if (!canTransition(from, to)) throw new InvalidTransition(from, to);
  return to;
}

/**
 * The run after a state change: the one transition every store uses (runner, batches, retry, restore). Throws
 * {@link InvalidTransition} for a move the state machine forbids.
 */
export function moved<R extends { state: RunState; updatedAt: number }>(run: R, to: RunState, patch: Partial<R> = {}, now = Date.now()): R {
  transition(run.state, to);
  return { ...run, ...patch, state: to, updatedAt: now };
}
