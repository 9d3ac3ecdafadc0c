/**
 * Sync's base: what this browser and browser sync last agreed on, the
 * `syncBase` store of ./db.ts (one record per person, one for the settings).
 * sync/engine.ts decides what it is; the writes are here:
 *
 *   writeSyncBase(ops)   a pass's agreements, ONE transaction (all or none)
 *   putSyncBase(record)  one resolved conflict
 *   clearSyncBase()      sync erased
 */
import { openPeopleDb, type SyncBaseRecord } from './db';

export type SyncBaseOp = { put: SyncBaseRecord } | { delete: string };

/** Applies `ops` in order, in one transaction. */
export async function writeSyncBase(ops: readonly SyncBaseOp[]): Promise<void> {
  const db = await openPeopleDb();
  const tx = db.transaction('syncBase', 'readwrite');
  for (const op of ops) {
    if ('put' in op) void tx.store.put(op.put);
    else void tx.store.delete(op.delete);
  }
  await tx.done;
}

export async function putSyncBase(record: SyncBaseRecord): Promise<void> {
  const db = await openPeopleDb();
  await db.put('syncBase', record);
}

export async function clearSyncBase(): Promise<void> {
  const db = await openPeopleDb();
  await db.clear('syncBase');
}
