/**
 * The store's version ("rev" in `meta`), raised by every write transaction
 * in that transaction, so an import can say "nothing changed since the
 * preview" with one read — and the people list's summary
 * (./people-rows.ts), handed the write's change, stays the store's. Apart
 * from ./store.ts so the import worker (./import-job.ts), which must not
 * load the extension APIs store.ts announces changes with, writes the same way.
 */
import { nextRev } from './db';
import { keepRows, type MetaStore, type RowsChange } from './people-rows';

/** Raises the version inside `tx` (a readwrite transaction over `meta`); returns the new one. */
export async function bumpStoreRev(
  tx: { objectStore(name: 'meta'): unknown },
  change?: RowsChange,
): Promise<number> {
  const meta = tx.objectStore('meta') as MetaStore;
  const stored = await meta.get('rev');
  const was = typeof stored === 'number' ? stored : 0;
  const rev = nextRev(was);
  await meta.put(rev, 'rev');
  await keepRows(meta, was, rev, change);
  return rev;
}
