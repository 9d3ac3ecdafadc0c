/**
 * Reading every record a slice at a time (store/read-slices.ts), the next
 * slice asked for before the current one is checked: every record comes
 * once, in id order, sound and damaged apart, whatever the slice size —
 * damaged records on a slice's edges included.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closePeopleDb, type Db, openPeopleDb } from '../../store/db';
import { forEachSlice, readInSlices } from '../../store/read-slices';
import { importPeople } from '../../store/store';
import { person } from './fixtures';

beforeEach(async () => {
  await closePeopleDb();
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
});

const id = (n: number) => `p${String(n).padStart(5, '0')}`;

it('reads every record once, in order, sound and damaged apart, at any slice size', async () => {
  await importPeople(
    Array.from({ length: 1203 }, (_, n) => ({ profile: person(id(n)) })),
    0,
  );
  const db = await openPeopleDb();
  const tx = db.transaction(['people', 'meta'], 'readwrite');
  // Damaged: the first, on both sides of the 500 edge, and the last.
  for (const n of [0, 499, 500, 1202])
    await tx
      .objectStore('people')
      .put({ id: id(n), rev: 1, keys: [], profile: { id: id(n) } } as never);
  await tx.objectStore('meta').put(((await tx.objectStore('meta').get('rev')) ?? 0) + 1, 'rev');
  await tx.done;

  const reads = [];
  for (const slice of [1, 500, 1203, 5000]) {
    const seen: string[] = [];
    const steps: number[] = [];
    const { rev } = await forEachSlice(
      db,
      (people, damaged, read) => {
        for (const record of people) seen.push(record.id);
        for (const record of damaged) seen.push(`damaged ${record.id}`);
        steps.push(read);
      },
      slice,
    );
    const snapshot = await readInSlices(db, undefined, slice);
    reads.push({
      rev,
      seen: [...seen].sort((a, b) =>
        a.replace('damaged ', '').localeCompare(b.replace('damaged ', '')),
      ),
      people: snapshot.people.map((r) => r.id),
      damaged: snapshot.damaged.map((r) => r.id),
    });
    expect(steps.at(-1)).toBe(1203);
    expect(steps.length).toBe(Math.floor(1203 / slice) + 1);
  }
  const expected = {
    rev: 2,
    seen: Array.from({ length: 1203 }, (_, n) =>
      [0, 499, 500, 1202].includes(n) ? `damaged ${id(n)}` : id(n),
    ),
    people: Array.from({ length: 1203 }, (_, n) => id(n)).filter(
      (_, n) => ![0, 499, 500, 1202].includes(n),
    ),
    damaged: [0, 499, 500, 1202].map(id),
  };
  for (const read of reads) expect(read).toEqual(expected);
}, 60_000);

it('a visitor that throws leaves no read pending in a live transaction: it is ended, then the error comes', async () => {
  await importPeople(
    Array.from({ length: 30 }, (_, n) => ({ profile: person(id(n)) })),
    0,
  );
  const db = await openPeopleDb();
  // The real database; only which transaction forEachSlice opened is noted.
  let tx: ReturnType<Db['transaction']> | undefined;
  const noted = new Proxy(db, {
    get: (target, key) =>
      key === 'transaction'
        ? (...args: Parameters<Db['transaction']>) => {
            tx = target.transaction(...args);
            return tx;
          }
        : Reflect.get(target, key),
  });
  const visited: number[] = [];
  const failing = forEachSlice(
    noted,
    (_people, _damaged, read) => {
      visited.push(read);
      if (read === 10) throw new Error('the visitor failed');
    },
    10,
  );
  await expect(failing).rejects.toThrow('the visitor failed');
  // Settled already (ended) or still waiting for the next slice (live)?
  const state = await Promise.race([
    (tx as NonNullable<typeof tx>).done.then(
      () => 'ended',
      () => 'ended',
    ),
    new Promise((resolve) => setTimeout(() => resolve('live'), 0)),
  ]);
  expect(state).toBe('ended');
  expect(visited).toEqual([10]);

  // Positive control: a visitor that does not throw reads every slice in the same way.
  const all: number[] = [];
  await forEachSlice(noted, (_people, _damaged, read) => void all.push(read), 10);
  expect(all).toEqual([10, 20, 30, 30]);
});
