/**
 * The browser refused a write because storage is full (IndexedDB's QuotaExceededError, as Dexie reports it
 * directly, wrapped in `inner`, or among a bulk write's `failures`). Turned into a message that says what to do;
 * the transaction was rolled back, so nothing already stored is lost.
 */

/** What every storage-full message ends with. */
const FREE_SPACE = 'Free space by deleting old comparisons in History (export them first to keep a copy), then try again.';

/** A write refused for lack of space, with a message for the user. */
export class StorageFull extends Error {
  readonly code = 'storage_full';
  constructor(what: string) {
    super(`Storage is full: ${what} ${FREE_SPACE}`);
    this.name = 'StorageFull';
  }
}

const QUOTA = /QuotaExceeded/;
type Failure = { name?: unknown; inner?: Failure; failures?: unknown };

/** Whether an error (or what it wraps) is the browser refusing a write for lack of space. */
export function isQuotaError(err: unknown): boolean {
  const e = err as Failure | null;
  if (!e || typeof e !== 'object') return false;
  if (QUOTA.test(String(e.name)) || (e.inner && isQuotaError(e.inner))) return true;
  const failures = e.failures && typeof e.failures === 'object' ? Object.values(e.failures) : [];
  return failures.some(isQuotaError);
}

/** Runs a write; a quota failure becomes a {@link StorageFull} saying `what` was not saved, anything else passes. */
export async function orStorageFull<T>(write: () => Promise<T>, what: string): Promise<T> {
  try {
    return await write();
  } catch (err) {
    throw isQuotaError(err) ? new StorageFull(what) : err;
  }
}
