/**
 * Storage failures in words a person can act on. The browser's own text
 * (`Resource::kQuotaBytes quota exceeded`, `QuotaExceededError`, "Internal
 * error opening backing store") names its internals, not what to do.
 * IndexedDB reports a full disk or quota as `QuotaExceededError`
 * (https://developer.mozilla.org/en-US/docs/Web/API/IndexedDB_API/Browser_storage_limits_and_eviction_criteria)
 * and disk or profile trouble as `UnknownError`; `storage.local` says
 * "quota" in its message.
 */
import { t } from '../i18n/t';

export class StoreWriteError extends Error {}

export function plainStorageError(error: unknown): Error {
  if (error instanceof StoreWriteError) return error;
  const name = (error as { name?: string })?.name ?? '';
  const message = String((error as { message?: unknown })?.message ?? error ?? '');
  if (name === 'QuotaExceededError' || /quota/i.test(message)) {
    return new StoreWriteError(t('store_no_room'));
  }
  if (
    name === 'UnknownError' ||
    name === 'InvalidStateError' ||
    /backing store|disk/i.test(message)
  ) {
    return new StoreWriteError(t('store_disk'));
  }
  if (name === 'AbortError' || name === 'TransactionInactiveError') {
    return new StoreWriteError(t('store_interrupted'));
  }
  return error instanceof Error ? error : new Error(message);
}
