/**
 * Storage failures in words a person can act on. The browser's own text
 * (`Resource::kQuotaBytes quota exceeded`, `QuotaExceededError`, "Internal
 * error opening backing store") names its internals, not what to do.
 * IndexedDB reports a full disk or quota as `QuotaExceededError`
 * (https://developer.mozilla.org/en-US/docs/Web/API/IndexedDB_API/Browser_storage_limits_and_eviction_criteria)
 * and disk or profile trouble as `UnknownError`; `storage.local` says
 * "quota" in its message.
 */

export class StoreWriteError extends Error {}

export function plainStorageError(error: unknown): Error {
  if (error instanceof StoreWriteError) return error;
  const name = (error as { name?: string })?.name ?? '';
  const message = String((error as { message?: unknown })?.message ?? error ?? '');
  if (name === 'QuotaExceededError' || /quota/i.test(message)) {
    return new StoreWriteError(
      'The browser has no room left for this. Nothing was changed. Free some disk space (or remove people you no longer need) and try again.',
    );
  }
  if (
    name === 'UnknownError' ||
    name === 'InvalidStateError' ||
    /backing store|disk/i.test(message)
  ) {
    return new StoreWriteError(
      'The browser could not write to its storage (a disk or profile problem). Nothing was changed. Restart the browser and try again.',
    );
  }
  if (name === 'AbortError' || name === 'TransactionInactiveError') {
    return new StoreWriteError(
      'The change was interrupted before it was saved. Nothing was changed; try again.',
    );
  }
  return error instanceof Error ? error : new Error(message);
}
