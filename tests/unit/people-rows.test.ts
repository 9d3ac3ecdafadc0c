/**
 * The people list's summary (store/people-rows.ts) against a real
 * IndexedDB implementation (fake-indexeddb): every write of the store keeps
 * it equal to what the records say, in the write's own transaction, without
 * a rebuild; a write that does not keep it (the legacy move) makes it stale,
 * and the next read rebuilds it once; a damaged chunk is rebuilt, never
 * shown; two tabs writing at the same moment leave it equal to the records.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Profile } from '../../people/schema';
import { closePeopleDb, openPeopleDb } from '../../store/db';
import { writeImport } from '../../store/import-write';
import {
  boundaryFor,
  FIRST_ROWS,
  mergeRows,
  type PersonRow,
  ROWS_FORMAT,
  ROWS_REV_KEY,
  readFirstRows,
  readRows,
  rowOf,
  rowsStamp,
} from '../../store/people-rows';
import type * as StoreModule from '../../store/store';
import {
  addPerson,
  deletePerson,
  importPeople,
  readSnapshot,
  removeDamaged,
  setHidden,
  updatePerson,
} from '../../store/store';
import { person, rowsTable, storedOf } from './fixtures';

const pad = (index: number) => String(index).padStart(5, '0');
const many = (count: number, prefix = 'p') =>
  Array.from({ length: count }, (_, index) => ({ profile: person(`${prefix}-${pad(index)}`) }));

/** What the summary must say: a row per sound record, in id order. */
async function expected() {
  const snapshot = await readSnapshot();
  return rowsTable(storedOf(snapshot.people.map(rowOf), snapshot.rev, snapshot.hidden));
}

/** Reads the summary, failing the test if it had to be rebuilt. */
async function currentRows() {
  const rebuilt: number[] = [];
  const rows = await readRows(await openPeopleDb(), (read) => rebuilt.push(read));
  expect(rebuilt, 'the summary was rebuilt instead of kept').toEqual([]);
  return rowsTable(rows);
}

const chunkKeys = async () =>
  (await (await openPeopleDb()).getAllKeys('meta'))
    .map(String)
    .filter((key) => key !== 'rev' && key !== 'rows-head');

/**
 * The first rows as a list's first screen reads them must be exactly the
 * first rows of the whole, in order: FIRST_ROWS of them (all when fewer),
 * `complete` only when they are all there is.
 */
async function expectFirstRowsOfWhole(
  read = readFirstRows,
  db?: Awaited<ReturnType<typeof openPeopleDb>>,
) {
  const opened = db ?? (await openPeopleDb());
  const whole = rowsTable(await readRows(opened));
  const first = await read(opened);
  const rows = rowsTable(first.rows);
  const head = (column: unknown[]) => column.slice(0, Math.min(FIRST_ROWS, whole.ids.length));
  expect(rows.rev).toBe(whole.rev);
  expect(rows.hidden).toEqual(whole.hidden);
  expect(rows.ids).toEqual(head(whole.ids));
  expect(rows.revs).toEqual(head(whole.revs));
  expect(rows.names).toEqual(head(whole.names));
  expect(rows.headlines).toEqual(head(whole.headlines));
  expect(rows.handles).toEqual(head(whole.handles));
  expect(rows.texts).toEqual(head(whole.texts));
  expect(first.complete).toBe(whole.ids.length < FIRST_ROWS);
}

beforeEach(async () => {
  await closePeopleDb();
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
});

describe('the summary follows every write, in its transaction', () => {
  it('after adds, edits, deletes, hides, imports and damaged-record removals', async () => {
    expect(await currentRows()).toEqual(await expected());
    await addPerson(
      person('b', { headline: 'Builder', identities: { github: ['Bee'], linkedin: ['bee-b'] } }),
    );
    await addPerson(person('a'));
    expect(await currentRows()).toEqual(await expected());
    await updatePerson({ ...person('a'), name: 'Ada Łukasz' }, 1);
    await deletePerson('b', 1);
    await setHidden('tyler-neely', true);
    const rows = await currentRows();
    expect(rows).toEqual(await expected());
    expect(rows).toMatchObject({ ids: ['a'], names: ['Ada Łukasz'], hidden: ['tyler-neely'] });
    expect(rows.texts).toEqual(['ada lukasz engineer gh a']);
    const basis = (await readSnapshot()).rev;
    expect(
      await importPeople(
        [...many(30), { profile: person('a', { name: 'A again' }), rev: 2 }],
        basis,
      ),
    ).toMatchObject({ ok: true });
    expect(await currentRows()).toEqual(await expected());
    await removeDamaged(['p-00003']);
    expect(await currentRows()).toEqual(await expected());
  });

  it('keeps chunks of at most 2,000 rows, and an edit rewrites one', async () => {
    await importPeople(many(2001), 0);
    expect(await chunkKeys()).toEqual([ROWS_REV_KEY, 'rows:', 'rows:p-01000', 'rows:p-02000']);
    expect(await currentRows()).toEqual(await expected());
    const db = await openPeopleDb();
    const before = await Promise.all((await chunkKeys()).map((key) => db.get('meta', key)));
    await updatePerson({ ...person('p-01500'), name: 'Changed' }, 1);
    await addPerson(person('a-first'));
    await addPerson(person('z-last'));
    const after = await Promise.all((await chunkKeys()).map((key) => db.get('meta', key)));
    const changed = after.filter(
      (chunk, at) => JSON.stringify(chunk) !== JSON.stringify(before[at]),
    );
    // rows-rev, the first chunk (a-first), the second (p-01500), the last (z-last).
    expect(changed).toHaveLength(4);
    expect(await currentRows()).toEqual(await expected());
    // Deleting everyone in a chunk removes it.
    await deletePerson('p-02000', 1);
    await deletePerson('z-last', 1);
    expect(await chunkKeys()).toEqual([ROWS_REV_KEY, 'rows:', 'rows:p-01000']);
    expect(await currentRows()).toEqual(await expected());
  });

  it('splits an import into one big chunk as it grows', async () => {
    await importPeople(many(1500, 'a'), 0);
    await importPeople(many(1500, 'b'), (await readSnapshot()).rev);
    expect((await chunkKeys()).length).toBeGreaterThan(2);
    expect(await currentRows()).toEqual(await expected());
  });
});

describe('the first rows alone, for a list’s first screen', () => {
  it('is the first rows of the whole, said not complete while more chunks are stored', async () => {
    await importPeople(many(2001), 0);
    const db = await openPeopleDb();
    const whole = rowsTable(await readRows(db));
    const first = await readFirstRows(db);
    expect(first.complete).toBe(false);
    const rows = rowsTable(first.rows);
    expect(rows.ids.length).toBeGreaterThan(0);
    expect(rows.ids.length).toBeLessThan(whole.ids.length);
    expect(rows.rev).toBe(whole.rev);
    expect(rows.hidden).toEqual(whole.hidden);
    const head = (column: string[]) => column.slice(0, rows.ids.length);
    expect(rows.ids).toEqual(head(whole.ids));
    expect(rows.names).toEqual(head(whole.names));
    expect(rows.texts).toEqual(head(whole.texts));
  });

  it('is one screen (FIRST_ROWS rows), not a chunk of up to 2,000, at 2,500 people', async () => {
    await importPeople(many(2500), 0);
    const first = await readFirstRows(await openPeopleDb());
    expect(first.complete).toBe(false);
    expect(rowsTable(first.rows).ids).toHaveLength(FIRST_ROWS);
    await expectFirstRowsOfWhole();
  });

  it('stays the first rows of the whole through writes before, inside and after them', async () => {
    const op = fc.record({
      kind: fc.constantFrom('add', 'update', 'delete', 'import'),
      // Ids before the first, among the first screen, at its edge and after it.
      id: fc.constantFrom(
        'a',
        'p-00000',
        'p-00050',
        'p-00099',
        'p-00100',
        'p-00101',
        'p-00150',
        'q',
        'z',
      ),
      name: fc.constantFrom('One', 'Two'),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 1, maxLength: 8 }),
        fc.nat(160),
        async (ops, base) => {
          await closePeopleDb();
          globalThis.indexedDB = new IDBFactory();
          if (base > 0) await importPeople(many(base), 0);
          for (const { kind, id, name } of ops) {
            const snapshot = await readSnapshot();
            const stored = snapshot.people.find((record) => record.id === id);
            const profile: Profile = { ...person(id), name };
            if (kind === 'add' && !stored) await addPerson(profile);
            else if (kind === 'update' && stored) await updatePerson(profile, stored.rev);
            else if (kind === 'delete' && stored) await deletePerson(id, stored.rev);
            else if (kind === 'import')
              await importPeople([{ profile, rev: stored?.rev }], snapshot.rev);
            await expectFirstRowsOfWhole();
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);

  it('comes from the first chunk for a summary stored before the head, which the next write adds', async () => {
    await importPeople(many(2500), 0);
    const db = await openPeopleDb();
    await db.delete('meta', 'rows-head');
    const fallback = rowsTable((await readFirstRows(db)).rows);
    expect(fallback.ids.length).toBeGreaterThan(FIRST_ROWS);
    const whole = rowsTable(await readRows(db));
    expect(fallback.ids).toEqual(whole.ids.slice(0, fallback.ids.length));
    expect(fallback.names).toEqual(whole.names.slice(0, fallback.ids.length));
    await addPerson(person('z-last'));
    expect(await db.get('meta', 'rows-head')).toBeDefined();
    expect(rowsTable((await readFirstRows(db)).rows).ids).toHaveLength(FIRST_ROWS);
    await expectFirstRowsOfWhole();
  });

  it('is the whole, complete, when the summary is one chunk', async () => {
    await importPeople(many(30), 0);
    const db = await openPeopleDb();
    const first = await readFirstRows(db);
    expect(first.complete).toBe(true);
    expect(rowsTable(first.rows)).toEqual(await expected());
  });

  it('is the whole rebuilt, complete, when the summary is stale', async () => {
    await importPeople(many(2500), 0);
    const db = await openPeopleDb();
    // The version bumped alone (as the legacy move does): the summary is stale.
    await db.put('meta', (((await db.get('meta', 'rev')) as number) ?? 0) + 1, 'rev');
    const first = await readFirstRows(db);
    expect(first.complete).toBe(true);
    expect(rowsTable(first.rows)).toEqual(await expected());
  });
});

describe('a stale or damaged summary is rebuilt, once', () => {
  it('after a write that bumps the version alone (as the legacy move does)', async () => {
    await importPeople(many(1200), 0);
    const db = await openPeopleDb();
    const tx = db.transaction(['people', 'meta'], 'readwrite');
    const seventh = await tx.objectStore('people').get('p-00007');
    if (!seventh) throw new Error('no p-00007');
    await tx.objectStore('people').put({ ...seventh, rev: 9 });
    await tx.objectStore('meta').put(((await tx.objectStore('meta').get('rev')) ?? 0) + 1, 'rev');
    await tx.done;
    const rebuilt: number[] = [];
    const rows = rowsTable(await readRows(db, (read) => rebuilt.push(read)));
    expect(rebuilt.at(-1)).toBe(1200);
    expect(rows).toEqual(await expected());
    expect(rows.revs[7]).toBe(9);
    // Stored: the next read is the summary's own.
    expect(await currentRows()).toEqual(rows);
  });

  it('when it was stored by an earlier shape: never read as it is', async () => {
    await addPerson(person('p-00000', { projects: [{ name: 'sled', description: 'A tree' }] }));
    await addPerson(person('p-00001', { name: 'Bea' }));
    const db = await openPeopleDb();
    const rows = (await readSnapshot()).people.map(rowOf);
    // As format 2 stored it: a string per row and column, its search text
    // without project names; one name marked, so reading it as it is would show.
    const formatTwo = {
      ids: rows.map((row) => row.id),
      revs: rows.map((row) => row.rev),
      names: ['Marked (format 2)', 'Bea'],
      headlines: rows.map((row) => row.headline),
      handles: rows.map((row) => row.handles.join('\n')),
      texts: ['p 00000', 'bea'],
    };
    const storeOld = async (stamp: (rev: number) => unknown) => {
      const tx = db.transaction(['meta'], 'readwrite');
      const rev = (await tx.objectStore('meta').get('rev')) as number;
      await tx.objectStore('meta').put(formatTwo as never, 'rows:');
      await tx.objectStore('meta').put(stamp(rev) as never, ROWS_REV_KEY);
      await tx.done;
    };
    const readCounting = async () => {
      const rebuilt: number[] = [];
      const read = rowsTable(await readRows(db, (count) => rebuilt.push(count)));
      return { read, rebuilt };
    };

    // Stamped as format 2 (and as the bare version, as format 1 did): rebuilt.
    for (const stamp of [(rev: number) => `2:${rev}`, (rev: number) => rev]) {
      await storeOld(stamp);
      const { read, rebuilt } = await readCounting();
      expect(rebuilt.at(-1)).toBe(2);
      expect(read).toEqual(await expected());
      expect(read.names[0]).toBe('Person p-00000');
      expect(read.texts[0]).toMatch(/ sled$/);
      // Positive control: a summary of this shape is read as it is.
      expect((await readCounting()).rebuilt).toEqual([]);
    }

    // A write meeting a format-2 summary leaves it for the next read to rebuild.
    await storeOld((rev) => `2:${rev}`);
    await addPerson(person('p-00002'));
    expect((await readCounting()).read).toEqual(await expected());

    // A format-2 chunk under this format's stamp is not this format's: rebuilt too.
    await storeOld(rowsStamp);
    const { read, rebuilt } = await readCounting();
    expect(rebuilt.at(-1)).toBe(3);
    expect(read).toEqual(await expected());
    expect(ROWS_FORMAT).toBe(3);
  });

  it('when a chunk is not what was written', async () => {
    await importPeople(many(10), 0);
    const db = await openPeopleDb();
    await db.put('meta', { ids: ['x'], names: 'broken' } as never, 'rows:');
    const rebuilt: number[] = [];
    expect(rowsTable(await readRows(db, (read) => rebuilt.push(read)))).toEqual(await expected());
    expect(rebuilt).toEqual([10]);
    // A write meeting a damaged chunk leaves the summary for the next read to rebuild.
    await db.put('meta', { ids: ['x'], names: 'broken' } as never, 'rows:');
    await addPerson(person('new'));
    expect(rowsTable(await readRows(db))).toEqual(await expected());
  });

  it('leaves damaged records out', async () => {
    await importPeople(many(3), 0);
    const db = await openPeopleDb();
    const tx = db.transaction(['people', 'meta'], 'readwrite');
    await tx
      .objectStore('people')
      .put({ id: 'p-00001', rev: 1, keys: [], profile: { id: 'p-00001' } } as never);
    await tx.objectStore('meta').put(((await tx.objectStore('meta').get('rev')) ?? 0) + 1, 'rev');
    await tx.done;
    expect(rowsTable(await readRows(db)).ids).toEqual(['p-00000', 'p-00002']);
  });
});

describe('a cancelled import', () => {
  it('lands nothing, rows included; one not cancelled lands', async () => {
    await importPeople(many(5), 0);
    const before = await currentRows();
    const controller = new AbortController();
    const db = await openPeopleDb();
    const progress: number[] = [];
    const cancelled = await writeImport(db, many(5000, 'q'), before.rev, {
      signal: controller.signal,
      onProgress: (written) => {
        progress.push(written);
        controller.abort();
      },
    });
    expect(cancelled).toEqual({ ok: false, reason: 'cancelled' });
    expect(progress).toEqual([1000]);
    expect(await currentRows()).toEqual(before);
    // The control: the same import, not cancelled.
    const landed = await writeImport(db, many(5000, 'q'), before.rev, {
      onProgress: (written) => progress.push(written),
    });
    expect(landed).toMatchObject({ ok: true });
    expect(progress.slice(1)).toEqual([1000, 2000, 3000, 4000, 5000]);
    expect((await currentRows()).ids).toHaveLength(5005);
  });

  it('is refused when the store changed since the preview', async () => {
    await importPeople(many(2), 0);
    expect(await writeImport(await openPeopleDb(), many(1, 'q'), 0)).toEqual({
      ok: false,
      reason: 'changed',
    });
  });
});

describe('two tabs writing at the same moment', () => {
  type Store = typeof StoreModule;
  async function openTab() {
    vi.resetModules();
    const store = (await import('../../store/store')) as Store;
    const db = await import('../../store/db');
    const rows = await import('../../store/people-rows');
    return { store, db, rows };
  }

  it('leave the summary equal to the records', async () => {
    // Around a base of FIRST_ROWS + 20 people: ids before, among and after the first screen.
    const ids = ['a', 'b', 'p-00050', 'p-00099', 'p-00100', 'q'];
    const op = fc.record({
      kind: fc.constantFrom('add', 'update', 'delete', 'import'),
      id: fc.constantFrom(...ids),
      name: fc.constantFrom('One', 'Two'),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(op, op), { minLength: 1, maxLength: 6 }),
        async (pairs) => {
          await closePeopleDb();
          globalThis.indexedDB = new IDBFactory();
          const tabs = [await openTab(), await openTab()];
          try {
            await tabs[0]?.store.importPeople(many(FIRST_ROWS + 20), 0);
            for (const pair of pairs) {
              await Promise.all(
                pair.map(async ({ kind, id, name }, at) => {
                  const { store } = tabs[at] as (typeof tabs)[number];
                  const snapshot = await store.readSnapshot();
                  const stored = snapshot.people.find((record) => record.id === id);
                  const profile: Profile = { ...person(id), name };
                  if (kind === 'add') await store.addPerson(profile);
                  else if (kind === 'update' && stored)
                    await store.updatePerson(profile, stored.rev);
                  else if (kind === 'delete' && stored) await store.deletePerson(id, stored.rev);
                  else if (kind === 'import')
                    await store.importPeople([{ profile, rev: stored?.rev }], snapshot.rev);
                }),
              );
            }
            const [first] = tabs as [(typeof tabs)[number]];
            const snapshot = await first.store.readSnapshot();
            const rows = rowsTable(
              await first.rows.readRows(await first.db.openPeopleDb(), () => {
                throw new Error('rebuilt');
              }),
            );
            expect(rows.ids).toEqual(snapshot.people.map((record) => record.id));
            expect(rows.revs).toEqual(snapshot.people.map((record) => record.rev));
            expect(rows.names).toEqual(snapshot.people.map((record) => record.profile.name));
            await expectFirstRowsOfWhole(first.rows.readFirstRows, await first.db.openPeopleDb());
          } finally {
            for (const tab of tabs) await tab.db.closePeopleDb();
          }
        },
      ),
      { numRuns: 30 },
    );
  }, 60_000);
});

describe('pure parts', () => {
  const row = (id: string, name = id): PersonRow => ({
    id,
    rev: 1,
    name,
    headline: '',
    handles: [],
    text: name,
  });
  it.each([
    [[], 'a', ''],
    [['', 'm'], 'a', ''],
    [['', 'm'], 'm', 'm'],
    [['', 'm'], 'z', 'm'],
    [['m', 't'], 'a', ''],
    [['', 'm', 't'], 'n', 'm'],
  ])('boundaryFor(%j, %s) = %j', (boundaries, id, boundary) => {
    expect(boundaryFor(boundaries, id)).toBe(boundary);
  });

  it('merges puts and removals into sorted rows', () => {
    const merged = mergeRows(
      [row('a'), row('c'), row('e'), row('g')],
      [row('b'), row('c', 'C2'), row('h')],
      new Set(['e']),
    );
    expect(merged.map((entry) => entry.name)).toEqual(['a', 'b', 'C2', 'g', 'h']);
  });
});
