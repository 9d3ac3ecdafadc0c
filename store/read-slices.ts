/**
 * Reading every stored person without one long task: the records come in
 * slices (`getAll` with a count, from after the last key read), all in ONE
 * read transaction, so the whole is as consistent as one `getAll` and each
 * slice is its own event — a page stays responsive, and a worker can report
 * how far it got. The next slice is asked for before the current one is
 * checked, so the database reads while the records are checked; if a
 * visitor throws, that read is stopped and waited for (the transaction
 * aborted) before the error is passed on. The same
 * frame check as every read (./db.ts `recordProblem`) sorts sound records
 * from damaged ones.
 *
 * A scan's verdict on every record (`Checked`), handed back at the store
 * version it was made at, is taken instead of checking each record again:
 * every write transaction raises that version (./store-version.ts), and the
 * check depends on the record alone, so at the same version the verdict is
 * the same one (issue 28: the check was ~1 s of an export of 100,000). At
 * any other version every record is checked.
 *
 * A record's key is its `id` (the store's key path), so only the records are
 * asked for, not their keys as well.
 *
 * A page reads slices of SLICE (each a short task); the jobs' worker
 * (jobs/jobs.ts), which holds no page, reads WORKER_SLICE: at 100,000
 * people, 500 at a time was 200 round trips to the database, each waited
 * for in turn (issue 28).
 */

import type { DamagedRecord, Snapshot } from './db';
import { type Db, type PersonRecord, recordProblem } from './db';

/** Records per slice on a page's thread. */
const SLICE = 500;
/** Records per slice in a worker. */
export const WORKER_SLICE = 5000;

/** What a scan of every record found, at the store version it read. */
export interface Checked {
  rev: number;
  /** The damaged records' ids and problems; every other record is sound. */
  damaged: { id: string; problem: string }[];
}

/** A record's key: its `id`, the people store's key path (so always there). */
const keyOf = (record: unknown) => String((record as { id: unknown }).id);

/**
 * Calls `visit` with each slice of records, sound and damaged apart, in id
 * order; resolves to the store's version and hidden ids, read in the same
 * transaction.
 */
export async function forEachSlice(
  db: Db,
  visit: (people: PersonRecord[], damaged: DamagedRecord[], read: number) => void,
  slice = SLICE,
  checked?: Checked,
): Promise<{ rev: number; hidden: string[] }> {
  const tx = db.transaction(['people', 'hidden', 'meta']);
  const people = tx.objectStore('people');
  const ask = (after?: string) =>
    people.getAll(after === undefined ? undefined : IDBKeyRange.lowerBound(after, true), slice);
  const [rev, hidden] = await Promise.all([
    tx.objectStore('meta').get('rev'),
    tx.objectStore('hidden').getAllKeys(),
  ]);
  // The scan's verdict, if it was made at this very version.
  const known =
    checked && checked.rev === (rev ?? 0)
      ? new Map(checked.damaged.map(({ id, problem }) => [id, problem]))
      : undefined;
  const problemOf = (record: unknown, id: string) =>
    known ? known.get(id) : recordProblem(record);
  let read = 0;
  let next: ReturnType<typeof ask> | undefined = ask();
  try {
    while (next) {
      const records: PersonRecord[] = await next;
      // The next slice is on its way while this one is checked.
      next = records.length < slice ? undefined : ask(keyOf(records[records.length - 1]));
      const sound: PersonRecord[] = [];
      const damaged: DamagedRecord[] = [];
      for (const record of records) {
        const id = keyOf(record);
        const problem = problemOf(record, id);
        if (problem) damaged.push({ id, problem, raw: record });
        else sound.push(record);
      }
      read += records.length;
      visit(sound, damaged, read);
    }
  } catch (error) {
    // A visitor (or a read) failed with the next slice asked for: end the
    // transaction and wait for it, so no request is left pending in it and
    // none of its rejections goes unheard; then the error.
    try {
      tx.abort();
    } catch {
      // Already over.
    }
    await Promise.allSettled([next, tx.done]);
    throw error;
  }
  await tx.done;
  return { rev: rev ?? 0, hidden };
}

/** Everything stored, as ./store.ts `readSnapshot` reads it, a slice at a time. */
export async function readInSlices(
  db: Db,
  onProgress?: (read: number) => void,
  slice = SLICE,
  checked?: Checked,
): Promise<Snapshot> {
  const people: PersonRecord[] = [];
  const damaged: DamagedRecord[] = [];
  const { rev, hidden } = await forEachSlice(
    db,
    (sound, bad, read) => {
      for (const record of sound) people.push(record);
      for (const record of bad) damaged.push(record);
      onProgress?.(read);
    },
    slice,
    checked,
  );
  return { rev, people, damaged, hidden };
}
