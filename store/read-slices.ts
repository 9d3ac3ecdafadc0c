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

/**
 * Calls `visit` with each slice of records, sound and damaged apart, in id
 * order; resolves to the store's version and hidden ids, read in the same
 * transaction.
 */
export async function forEachSlice(
  db: Db,
  visit: (people: PersonRecord[], damaged: DamagedRecord[], read: number) => void,
  slice = SLICE,
): Promise<{ rev: number; hidden: string[] }> {
  const tx = db.transaction(['people', 'hidden', 'meta']);
  const people = tx.objectStore('people');
  const ask = (after?: string) => {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    return Promise.all([people.getAll(range, slice), people.getAllKeys(range, slice)]);
  };
  const [rev, hidden] = await Promise.all([
    tx.objectStore('meta').get('rev'),
    tx.objectStore('hidden').getAllKeys(),
  ]);
  let read = 0;
  let next: ReturnType<typeof ask> | undefined = ask();
  try {
    while (next) {
      const [records, keys]: Awaited<ReturnType<typeof ask>> = await next;
      // The next slice is on its way while this one is checked.
      next = records.length < slice ? undefined : ask(String(keys[keys.length - 1]));
      const sound: PersonRecord[] = [];
      const damaged: DamagedRecord[] = [];
      records.forEach((record, at) => {
        const problem = recordProblem(record);
        if (problem) damaged.push({ id: String(keys[at]), problem, raw: record });
        else sound.push(record);
      });
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
  );
  return { rev, people, damaged, hidden };
}
