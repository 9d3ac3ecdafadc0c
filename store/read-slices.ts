/**
 * Reading every stored person without one long task: the records come in
 * slices of a few hundred (`getAll` with a count, from after the last key
 * read), all in ONE read transaction, so the whole is as consistent as one
 * `getAll` and each slice is its own event — a page stays responsive, and a
 * worker can report how far it got. The same frame check as every read
 * (./db.ts `recordProblem`) sorts sound records from damaged ones.
 */

import type { DamagedRecord, Snapshot } from './db';
import { type Db, type PersonRecord, recordProblem } from './db';

/** Records per slice. */
const SLICE = 500;

/**
 * Calls `visit` with each slice of records, sound and damaged apart, in id
 * order; resolves to the store's version and hidden ids, read in the same
 * transaction.
 */
export async function forEachSlice(
  db: Db,
  visit: (people: PersonRecord[], damaged: DamagedRecord[], read: number) => void,
): Promise<{ rev: number; hidden: string[] }> {
  const tx = db.transaction(['people', 'hidden', 'meta']);
  const people = tx.objectStore('people');
  const [rev, hidden] = await Promise.all([
    tx.objectStore('meta').get('rev'),
    tx.objectStore('hidden').getAllKeys(),
  ]);
  let after: string | undefined;
  let read = 0;
  for (;;) {
    const range = after === undefined ? undefined : IDBKeyRange.lowerBound(after, true);
    const [records, keys] = await Promise.all([
      people.getAll(range, SLICE),
      people.getAllKeys(range, SLICE),
    ]);
    const sound: PersonRecord[] = [];
    const damaged: DamagedRecord[] = [];
    records.forEach((record, at) => {
      const problem = recordProblem(record);
      if (problem) damaged.push({ id: String(keys[at]), problem, raw: record });
      else sound.push(record);
    });
    read += records.length;
    visit(sound, damaged, read);
    if (records.length < SLICE) break;
    after = String(keys[keys.length - 1]);
  }
  await tx.done;
  return { rev: rev ?? 0, hidden };
}

/** Everything stored, as ./store.ts `readSnapshot` reads it, a slice at a time. */
export async function readInSlices(db: Db, onProgress?: (read: number) => void): Promise<Snapshot> {
  const people: PersonRecord[] = [];
  const damaged: DamagedRecord[] = [];
  const { rev, hidden } = await forEachSlice(db, (sound, bad, read) => {
    for (const record of sound) people.push(record);
    for (const record of bad) damaged.push(record);
    onProgress?.(read);
  });
  return { rev, people, damaged, hidden };
}
