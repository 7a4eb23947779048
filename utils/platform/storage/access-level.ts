/** The part of a storage area that sets who may use it (Chrome 102+ for session; local and sync later). */
interface AccessLevelArea {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }) => Promise<void>;
}

/** Which storage areas could be closed to content scripts, by name. */
export type StorageAccess = Record<'local' | 'session', boolean>;

/**
 * Closes storage.local (API keys, settings with each endpoint's address) and storage.session to content scripts:
 * only extension pages and workers may read or write them. Chrome keeps the level, but it is set again at every
 * start. Firefox has no access levels (bug 1724754): there content scripts can reach storage.local, so keys are
 * sealed there (see api-keys.ts) and every request's address is checked against the origins the user granted.
 * Resolves with which areas were closed.
 */
export async function restrictStorageToExtension(): Promise<StorageAccess> {
  const storage = (globalThis as { chrome?: { storage?: Record<'local' | 'session', AccessLevelArea | undefined> } }).chrome?.storage;
  const close = async (area: AccessLevelArea | undefined) => {
    if (!area?.setAccessLevel) return false;
    try {
      await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
      return true;
    } catch (err) {
      console.error('[parallax] could not close storage to content scripts', err);
      return false;
    }
  };
  const [local, session] = await Promise.all([close(storage?.local), close(storage?.session)]);
  return { local, session };
}
