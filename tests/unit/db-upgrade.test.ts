/**
 * The people database's version-2 upgrade (store/db.ts): a version-1
 * database, written the way the 0.2 store wrote it, opens at version 2 with
 * every person, hidden id and the store's version as they were, and the new
 * sync and directory stores empty and usable.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { closePeopleDb, DB_NAME, DB_VERSION, openPeopleDb, recordOf } from '../../store/db';
import { chunkOfRows, readRows, rowOf, rowsStamp } from '../../store/people-rows';
import { addPerson, lookupKey, readSnapshot } from '../../store/store';
import { person, rowsTable } from './fixtures';

beforeEach(async () => {
  await closePeopleDb();
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
});

/** Version 1 exactly as it was created: people (+ "keys" index), hidden, meta. */
function writeVersion1(
  records: unknown[],
  hidden: string[],
  rev: number,
  meta: Record<string, unknown> = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => {
      const db = request.result;
      const people = db.createObjectStore('people', { keyPath: 'id' });
      people.createIndex('keys', 'keys', { multiEntry: true });
      db.createObjectStore('hidden', { keyPath: 'id' });
      db.createObjectStore('meta');
    };
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction(['people', 'hidden', 'meta'], 'readwrite');
      for (const record of records) tx.objectStore('people').put(record);
      for (const id of hidden) tx.objectStore('hidden').put({ id });
      tx.objectStore('meta').put(rev, 'rev');
      for (const [key, value] of Object.entries(meta)) tx.objectStore('meta').put(value, key);
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
    request.onerror = () => reject(request.error);
  });
}

describe('the version-2 upgrade', () => {
  it('keeps version 1’s people, hidden ids and version, and adds empty new stores', async () => {
    const records = [recordOf(person('ada'), 4), recordOf(person('bob'), 1)];
    // A damaged record stays exactly as it was, too.
    const damaged = { id: 'broken', rev: -1, profile: null, keys: [] };
    await writeVersion1([...records, damaged], ['patmesh'], 17);

    const db = await openPeopleDb();
    expect(DB_VERSION).toBe(2);
    expect(db.version).toBe(2);
    expect([...db.objectStoreNames].sort()).toEqual([
      'directories',
      'directoryPeople',
      'hidden',
      'meta',
      'people',
      'syncBase',
    ]);
    const snapshot = await readSnapshot();
    expect(snapshot.rev).toBe(17);
    expect(snapshot.people).toEqual(records);
    expect(snapshot.damaged.map((record) => record.raw)).toEqual([damaged]);
    expect(snapshot.hidden).toEqual(['patmesh']);
    expect((await lookupKey('github:gh-ada'))?.id).toBe('ada');
    for (const store of ['syncBase', 'directories', 'directoryPeople'] as const)
      expect(await db.count(store)).toBe(0);
    // The new stores take records, and the directory index answers by identity.
    await db.put('directoryPeople', {
      dir: 'd1',
      gen: 1,
      id: 'ada',
      profile: person('ada'),
      keys: ['github:gh-ada'],
    });
    expect(await db.getAllFromIndex('directoryPeople', 'keys', 'github:gh-ada')).toHaveLength(1);
  });

  it('keeps the people list’s summary in meta, and store writes (sync’s too) keep it in step', async () => {
    const records = [recordOf(person('ada'), 4), recordOf(person('bob'), 1)];
    // The summary as store/people-rows.ts keeps it, one name marked so a
    // rebuild from the records would show.
    const rows = records.map(rowOf);
    await writeVersion1(records, [], 17, {
      'rows-rev': rowsStamp(17),
      'rows:': chunkOfRows(
        rows.map((row, at) => (at === 0 ? { ...row, name: 'Ada (from the summary)' } : row)),
      ),
    });
    const rebuilt: number[] = [];
    const read = rowsTable(await readRows(await openPeopleDb(), (count) => rebuilt.push(count)));
    expect(rebuilt).toEqual([]);
    expect(read.names).toEqual(['Ada (from the summary)', person('bob').name]);
    // Sync applies what it brings through the store's writes, which keep the summary.
    await addPerson(person('cy'));
    const after = rowsTable(await readRows(await openPeopleDb(), (count) => rebuilt.push(count)));
    expect(rebuilt).toEqual([]);
    expect(after.ids).toEqual(['ada', 'bob', 'cy']);
    expect(after.rev).toBe(18);
  });
});
