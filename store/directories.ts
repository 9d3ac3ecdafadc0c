/**
 * The directories the user subscribed to, and their people, in the people
 * database (store/db.ts, stores `directories` and `directoryPeople`).
 * Only the background writes here (../directories/refresh.ts, one refresh per directory
 * at a time); lookups read (store/store.ts `lookupKey`).
 *
 * A refresh never edits the copy lookups read. It writes the new copy as
 * the next generation beside it, in transactions of WRITE_BATCH people (so
 * a lookup waits at most for one batch, a tenth of a second or so, never
 * for the whole file), then ONE small transaction moves the directory's
 * `gen` to it — the swap — and the old generation is deleted afterwards,
 * in batches too. Records of a
 * generation that is not the directory's `gen` are invisible to lookups,
 * so a refresh stopped halfway (the service worker stopped, the disk full)
 * changes nothing anyone sees; the next refresh sweeps what it left.
 */
import { unwrap } from 'idb';
import { profileKeys } from '../identity/keys';
import type { Profile } from '../people/schema';
import { type DirectoryRecord, openPeopleDb } from './db';

export const WRITE_BATCH = 1_000;

/** The team directories (address books, records with `carddav`, are store/carddav.ts's). */
export async function listDirectories(): Promise<DirectoryRecord[]> {
  const db = await openPeopleDb();
  return (await db.getAll('directories'))
    .filter((record) => !('carddav' in record))
    .sort((a, b) => a.subscribedAt - b.subscribedAt);
}

/** The servers of connected address books (`https://host[:port]`), which share these hosts. */
export async function listBookOrigins(): Promise<string[]> {
  const db = await openPeopleDb();
  return (await db.getAll('directories')).flatMap((record) => {
    const origin = (record as { carddav?: { origin?: unknown } }).carddav?.origin;
    return typeof origin === 'string' ? [origin] : [];
  });
}

export async function getDirectory(id: string): Promise<DirectoryRecord | undefined> {
  const record = await (await openPeopleDb()).get('directories', id);
  return record && !('carddav' in record) ? record : undefined;
}

/** Adds a subscription; refuses (false) when that address is already subscribed. */
export async function addDirectory(record: DirectoryRecord): Promise<boolean> {
  const db = await openPeopleDb();
  const tx = db.transaction('directories', 'readwrite');
  const all = await tx.store.getAll();
  if (all.some((other) => other.url === record.url)) {
    await tx.done;
    return false;
  }
  await tx.store.add(record);
  await tx.done;
  return true;
}

/** Changes fields of a directory's record, if it is still subscribed. */
export async function patchDirectory(
  id: string,
  patch: Partial<Omit<DirectoryRecord, 'id' | 'gen'>>,
): Promise<DirectoryRecord | undefined> {
  const db = await openPeopleDb();
  const tx = db.transaction('directories', 'readwrite');
  const record = await tx.store.get(id);
  if (!record) {
    await tx.done;
    return undefined;
  }
  const next = { ...record, ...patch };
  for (const key of Object.keys(patch) as (keyof typeof patch)[])
    if (patch[key] === undefined) delete next[key];
  await tx.store.put(next);
  await tx.done;
  return next;
}

/** Writes `people` as generation `gen` of directory `dir`, a batch per transaction. */
export async function writeGeneration(
  dir: string,
  gen: number,
  people: readonly Profile[],
  pause: () => Promise<void>,
): Promise<void> {
  const db = await openPeopleDb();
  for (let start = 0; start < people.length; start += WRITE_BATCH) {
    const tx = db.transaction('directoryPeople', 'readwrite');
    // Queued without a promise each (like the store's imports); a failure aborts the batch.
    const store = unwrap(tx.store);
    for (const profile of people.slice(start, start + WRITE_BATCH))
      store.put({
        dir,
        gen,
        id: profile.id,
        profile,
        keys: [...new Set(profileKeys(profile.identities))],
      });
    await tx.done;
    await pause();
  }
}

/**
 * The swap: the directory now shows generation `gen`, in one transaction,
 * only if it still shows `from` (and is still subscribed).
 */
export async function swapGeneration(
  id: string,
  from: number,
  gen: number,
  fields: Partial<Omit<DirectoryRecord, 'id' | 'gen'>>,
): Promise<DirectoryRecord | undefined> {
  const db = await openPeopleDb();
  const tx = db.transaction('directories', 'readwrite');
  const record = await tx.store.get(id);
  if (!record || record.gen !== from) {
    await tx.done;
    return undefined;
  }
  const next: DirectoryRecord = { ...record, ...fields, gen };
  if (fields.problem === undefined) delete next.problem;
  if (fields.refused === undefined) delete next.refused;
  await tx.store.put(next);
  await tx.done;
  return next;
}

/**
 * Deletes a directory's people of every generation but `keep` (all of
 * them when `keep` is undefined), a batch per transaction.
 */
export async function sweepGenerations(
  dir: string,
  keep: number | undefined,
  pause: () => Promise<void>,
): Promise<void> {
  const db = await openPeopleDb();
  // Keys are [dir, gen, id]: [dir] sorts before all of them, [dir, Infinity] after.
  const ranges =
    keep === undefined
      ? [IDBKeyRange.bound([dir], [dir, Number.POSITIVE_INFINITY])]
      : [
          IDBKeyRange.bound([dir], [dir, keep], false, true),
          IDBKeyRange.bound([dir, keep + 1], [dir, Number.POSITIVE_INFINITY]),
        ];
  for (const range of ranges) {
    while (true) {
      const tx = db.transaction('directoryPeople', 'readwrite');
      const keys = await tx.store.getAllKeys(range, WRITE_BATCH);
      const [first] = keys;
      const last = keys[keys.length - 1];
      if (first && last) await tx.store.delete(IDBKeyRange.bound(first, last));
      await tx.done;
      if (keys.length < WRITE_BATCH) break;
      await pause();
    }
  }
}

/** Ends a subscription: the record goes first (its people vanish from lookups at once), then its people. */
export async function removeDirectory(
  id: string,
  pause: () => Promise<void>,
): Promise<DirectoryRecord | undefined> {
  const db = await openPeopleDb();
  const record = await db.get('directories', id);
  if (!record || 'carddav' in record) return undefined;
  await db.delete('directories', id);
  await sweepGenerations(id, undefined, pause);
  return record;
}

/** People left behind by a subscription that ended halfway (its record gone): swept. */
export async function sweepOrphans(pause: () => Promise<void>): Promise<void> {
  const db = await openPeopleDb();
  const subscribed = new Set(await db.getAllKeys('directories'));
  let after: IDBKeyRange | undefined;
  while (true) {
    const [key] = await db.getAllKeys('directoryPeople', after, 1);
    if (!key) return;
    const [dir] = key;
    if (!subscribed.has(dir)) await sweepGenerations(dir, undefined, pause);
    after = IDBKeyRange.lowerBound([dir, Number.POSITIVE_INFINITY], true);
  }
}
