/**
 * Writing a confirmed import: ONE transaction, applied only if the store is
 * still at the version its preview was computed from (`basis`), so it lands
 * entirely or not at all. Shared by ./store.ts `importPeople` and the import
 * worker (./import-job.ts), which writes 100,000 people without the page
 * that asked doing any of the work.
 *
 * The records are queued on the raw object store (no promise per request:
 * https://github.com/jakearchibald/idb#unwrap) a batch at a time, the next
 * batch queued when one finishes, with two batches always waiting: the
 * database never runs dry, and between batches the writer hears progress
 * and a cancel. A cancel (the signal) aborts the transaction if it has not
 * committed yet, so nothing of the import lands; if it had, the import
 * stands and the result says so.
 */
import { unwrap } from 'idb';
import type { Profile } from '../people/schema';
import { type Db, nextRev, type PersonRecord, recordOf } from './db';
import { plainStorageError } from './storage-errors';
import { bumpStoreRev } from './store-version';

export interface WriteImportOptions {
  /** Aborted: the transaction is aborted unless it has already committed. */
  signal?: AbortSignal;
  /** Records written so far, of all. */
  onProgress?: (written: number, total: number) => void;
}

export type ImportWriteResult =
  | { ok: true; rev: number }
  | { ok: false; reason: 'changed' | 'cancelled' };

/** Records queued at once. */
const BATCH = 1000;

export async function writeImport(
  db: Db,
  people: readonly { profile: Profile; rev?: number }[],
  basis: number,
  { signal, onProgress }: WriteImportOptions = {},
): Promise<ImportWriteResult> {
  if (signal?.aborted) return { ok: false, reason: 'cancelled' };
  const tx = db.transaction(['people', 'hidden', 'meta'], 'readwrite');
  const stop = () => {
    try {
      tx.abort();
    } catch {
      // Already committed or aborted.
    }
  };
  signal?.addEventListener('abort', stop);
  try {
    const stored = await tx.objectStore('meta').get('rev');
    if ((stored ?? 0) !== basis) {
      stop();
      await tx.done.catch(() => undefined);
      return { ok: false, reason: 'changed' };
    }
    const records: PersonRecord[] = people.map(({ profile, rev }) =>
      recordOf(profile, rev === undefined ? 1 : nextRev(rev)),
    );
    const rev = await bumpStoreRev(tx, { put: records });
    const store = unwrap(tx.objectStore('people'));
    let queued = 0;
    const queueBatch = () => {
      const end = Math.min(queued + BATCH, records.length);
      let last: IDBRequest | undefined;
      for (; queued < end; queued++) last = store.put(records[queued]);
      // A failing put aborts the transaction, and tx.done says why.
      if (last) {
        last.onsuccess = () => {
          onProgress?.(end, records.length);
          queueBatch();
        };
      }
    };
    queueBatch();
    queueBatch();
    await tx.done;
    return { ok: true, rev };
  } catch (error) {
    stop();
    await tx.done.catch(() => undefined);
    if (signal?.aborted) return { ok: false, reason: 'cancelled' };
    throw plainStorageError(error);
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}
