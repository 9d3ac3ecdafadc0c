/**
 * The people store against a real IndexedDB implementation (fake-indexeddb,
 * which runs the W3C IndexedDB tests): preconditions, conflicts, the change
 * feed, one-index-read lookups, damaged records, storage errors, and the
 * database of a newer version.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bundledProfiles } from '../../people/bundled';
import { buildDirectory } from '../../people/directory';
import { closePeopleDb, DB_NAME, NewerDatabaseError, openPeopleDb, recordOf } from '../../store/db';
import { plainStorageError } from '../../store/storage-errors';
import {
  addPerson,
  deletePerson,
  importPeople,
  lookupKey,
  personById,
  readSnapshot,
  removeDamaged,
  setHidden,
  updatePerson,
  visiblePeople,
} from '../../store/store';
import { person } from './fixtures';

const version = async () => (await fakeBrowser.storage.local.get('peopleVersion')).peopleVersion;

beforeEach(async () => {
  await closePeopleDb();
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
});

describe('writes state their precondition', () => {
  it('adds if absent, updates and deletes only at the version they saw', async () => {
    const added = await addPerson(person('a'));
    expect(added).toMatchObject({ ok: true, record: { id: 'a', rev: 1, keys: ['github:gh-a'] } });
    expect(await addPerson({ ...person('a'), name: 'Other' })).toMatchObject({
      ok: false,
      conflict: { kind: 'exists', theirs: { rev: 1, profile: { name: 'Person a' } } },
    });
    expect(await updatePerson({ ...person('a'), name: 'A2' }, 1)).toMatchObject({
      ok: true,
      record: { rev: 2 },
    });
    // A second tab still holding version 1 is told what is stored now.
    expect(await updatePerson({ ...person('a'), name: 'A-stale' }, 1)).toMatchObject({
      ok: false,
      conflict: { kind: 'changed', theirs: { rev: 2, profile: { name: 'A2' } } },
    });
    expect(await deletePerson('a', 1)).toMatchObject({ ok: false, conflict: { kind: 'changed' } });
    expect((await lookupKey('github:gh-a'))?.name).toBe('A2');
    expect(await deletePerson('a', 2)).toMatchObject({ ok: true });
    expect(await updatePerson(person('a'), 2)).toMatchObject({
      ok: false,
      conflict: { kind: 'gone', id: 'a' },
    });
    expect(await lookupKey('github:gh-a')).toBeUndefined();
  });

  it('refuses an identity someone else has, stored or bundled', async () => {
    await addPerson(person('a'));
    expect(
      await addPerson(person('b', { identities: { github: ['GH-A'], linkedin: [] } })),
    ).toEqual({
      ok: false,
      conflict: { kind: 'claimed', key: 'github:gh-a', owner: { id: 'a', name: 'Person a' } },
    });
    expect(
      await addPerson(person('c', { identities: { github: ['spacejam'], linkedin: [] } })),
    ).toMatchObject({ ok: false, conflict: { kind: 'claimed', owner: { id: 'tyler-neely' } } });
  });

  it('lets a hidden bundled person own nothing: their handles may be kept and edited', async () => {
    const c = person('c', { identities: { github: ['spacejam'], linkedin: [] } });
    await setHidden('tyler-neely', true);
    expect(await addPerson(c)).toMatchObject({ ok: true });
    expect(await updatePerson({ ...c, name: 'C2' }, 1)).toMatchObject({ ok: true });
    // Positive control: shown again, Tyler Neely owns the handle for the next write.
    await setHidden('tyler-neely', false);
    expect(await updatePerson({ ...c, name: 'C3' }, 2)).toMatchObject({
      ok: false,
      conflict: { kind: 'claimed', owner: { id: 'tyler-neely' } },
    });
  });

  it('validates what it stores and leaves everything as it was when it refuses', async () => {
    await addPerson(person('a'));
    const before = await readSnapshot();
    await expect(addPerson({ ...person('b'), name: '<script>x</script>' })).rejects.toThrow(
      'Not saved: Name must not contain HTML markup',
    );
    expect(await readSnapshot()).toEqual(before);
  });

  it('announces every committed change with a fresh token, and no refused one', async () => {
    const tokens = new Set<unknown>();
    await addPerson(person('a'));
    tokens.add(await version());
    await setHidden('patmesh', true);
    tokens.add(await version());
    await setHidden('patmesh', true);
    tokens.add(await version());
    const last = await version();
    await addPerson(person('a'));
    expect(await version()).toBe(last);
    expect(tokens.size).toBe(3);
    expect([...tokens].every((token) => typeof token === 'string')).toBe(true);
  });
});

describe('imports', () => {
  it('write everything in one transaction while the store is at the preview’s version', async () => {
    await addPerson(person('a'));
    const basis = (await readSnapshot()).rev;
    const result = await importPeople(
      [{ profile: { ...person('a'), name: 'A new' }, rev: 1 }, { profile: person('b') }],
      basis,
    );
    expect(result).toMatchObject({ ok: true, rev: basis + 1 });
    const snapshot = await readSnapshot();
    expect(snapshot.people.map((record) => [record.id, record.rev, record.profile.name])).toEqual([
      ['a', 2, 'A new'],
      ['b', 1, 'Person b'],
    ]);
  });

  it('write nothing when anything changed since the preview', async () => {
    const basis = (await readSnapshot()).rev;
    await addPerson(person('typed-by-hand'));
    const before = await readSnapshot();
    expect(await importPeople([{ profile: person('typed-by-hand') }], basis)).toEqual({
      ok: false,
      reason: 'changed',
    });
    expect(await readSnapshot()).toEqual(before);
  });
});

describe('reads', () => {
  it('answers a lookup with one index read: no scan, no whole-store copy', async () => {
    await importPeople(
      Array.from({ length: 500 }, (_, index) => ({ profile: person(`p${index}`) })),
      0,
    );
    await closePeopleDb(); // a cold service worker
    const indexReads = vi.spyOn(IDBIndex.prototype, 'getAll');
    const storeReads = vi.spyOn(IDBObjectStore.prototype, 'getAll');
    const cursors = vi.spyOn(IDBObjectStore.prototype, 'openCursor');
    expect((await lookupKey('github:gh-p42'))?.id).toBe('p42');
    expect(indexReads).toHaveBeenCalledTimes(1);
    expect(storeReads).not.toHaveBeenCalled();
    expect(cursors).not.toHaveBeenCalled();
    vi.restoreAllMocks();
  });

  it('resolves every identity exactly as the whole directory does (people/directory.ts)', async () => {
    const handles = ['shared', 'spacejam', 'patmesh', 'other'];
    const people = fc.uniqueArray(
      fc.record({
        id: fc.constantFrom('aa', 'bb', 'cc', 'patmesh', 'tyler-neely'),
        github: fc.subarray(handles),
      }),
      { selector: (entry) => entry.id, maxLength: 4 },
    );
    const hidden = fc.subarray(['patmesh', 'tyler-neely', 'deniz-altinbuken']);
    await fc.assert(
      fc.asyncProperty(people, hidden, async (entries, hiddenIds) => {
        await closePeopleDb();
        globalThis.indexedDB = new IDBFactory();
        const user = entries.map(({ id, github }) =>
          person(id, { identities: { github, linkedin: [] } }),
        );
        // Written as they are (the claim checks of add/import would refuse most clashes).
        const db = await openPeopleDb();
        for (const profile of user) await db.put('people', recordOf(profile, 1));
        for (const id of hiddenIds) await db.put('hidden', { id });
        const directory = buildDirectory({ bundled: bundledProfiles, user, hidden: hiddenIds });
        for (const handle of [...handles, 'denizalti'])
          expect((await lookupKey(`github:${handle}`))?.id).toBe(
            directory.lookup(`github:${handle}`)?.id,
          );
      }),
      { numRuns: 80 },
    );
  });

  it('serves bundled people unless hidden, and hides by key', async () => {
    expect((await lookupKey('github:spacejam'))?.id).toBe('tyler-neely');
    await setHidden('tyler-neely', true);
    expect(await lookupKey('github:spacejam')).toBeUndefined();
    expect(await personById('tyler-neely')).toBeUndefined();
    expect((await visiblePeople()).map((profile) => profile.id)).toEqual([
      'deniz-altinbuken',
      'patmesh',
    ]);
    await setHidden('tyler-neely', false);
    expect((await personById('tyler-neely'))?.name).toBe('Tyler Neely');
  });

  it('reports a damaged record, keeps it, serves the rest, and removes it only when asked', async () => {
    await addPerson(person('a'));
    const db = await openPeopleDb();
    await db.put('people', {
      id: 'broken',
      rev: 'x',
      profile: null,
      keys: ['github:gh-a'],
    } as never);
    const snapshot = await readSnapshot();
    expect(snapshot.people.map((record) => record.id)).toEqual(['a']);
    expect(snapshot.damaged).toEqual([
      {
        id: 'broken',
        problem: 'the record has no valid version',
        raw: { id: 'broken', rev: 'x', profile: null, keys: ['github:gh-a'] },
      },
    ]);
    expect((await lookupKey('github:gh-a'))?.id).toBe('a');
    await removeDamaged(['broken', 'a']);
    expect((await readSnapshot()).damaged).toEqual([]);
    expect((await readSnapshot()).people.map((record) => record.id)).toEqual(['a']);
  });

  it("damaged data never impersonates: a record whose profile fails validation, or whose keys aren't its profile's, answers no lookup and is listed as damaged (issue 21)", async () => {
    const db = await openPeopleDb();
    // Keys claiming Tyler's handle, on a sound-looking profile that names nobody.
    const claims = {
      id: 'claims',
      rev: 1,
      keys: ['github:spacejam'],
      profile: person('claims', { name: 'Not Tyler', identities: { github: [], linkedin: [] } }),
    };
    // Tyler's handle in its profile too, but the profile does not validate.
    const invalid = {
      id: 'invalid',
      rev: 1,
      keys: ['linkedin:denizalti'],
      profile: person('invalid', {
        name: 'Not Deniz',
        contact: { email: 'javascript:alert(1)' },
        identities: { github: [], linkedin: ['denizalti'] },
      }),
    };
    await db.put('people', claims as never);
    await db.put('people', invalid as never);
    expect((await lookupKey('github:spacejam'))?.name).toBe('Tyler Neely');
    expect((await lookupKey('linkedin:denizalti'))?.name).toBe('Deniz Altınbüken');
    expect(await personById('claims')).toBeUndefined();
    expect(await personById('invalid')).toBeUndefined();
    expect((await visiblePeople()).map((profile) => profile.name)).not.toContain('Not Tyler');
    expect((await visiblePeople()).map((profile) => profile.name)).not.toContain('Not Deniz');
    const snapshot = await readSnapshot();
    expect(snapshot.people).toEqual([]);
    expect(snapshot.damaged.map(({ id, problem }) => ({ id, problem }))).toEqual([
      { id: 'claims', problem: "the record's handles are not its profile's" },
      { id: 'invalid', problem: 'the profile does not validate: Email is not an email' },
    ]);
    // Positive control: the same profile, stored soundly, answers its own handle.
    await db.put('people', { ...claims, keys: [] } as never);
    expect((await personById('claims'))?.name).toBe('Not Tyler');
  });

  it('does not remember a failed open: the next question tries again', async () => {
    // The first open fails the way a disk error does: asynchronously, on the request.
    const factory = globalThis.indexedDB;
    const real = factory.open.bind(factory);
    const open = vi.spyOn(factory, 'open').mockImplementationOnce((name, version) => {
      const request = real(name, version);
      request.addEventListener('upgradeneeded', () => request.transaction?.abort());
      return request;
    });
    await expect(lookupKey('github:spacejam')).rejects.toThrow();
    expect((await lookupKey('github:spacejam'))?.id).toBe('tyler-neely');
    expect(open).toHaveBeenCalledTimes(2);
  });
});

describe('a database made by a newer version', () => {
  it('is neither read nor written, with a clear message', async () => {
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(DB_NAME, 7);
      request.onsuccess = () => {
        request.result.close();
        resolve();
      };
      request.onerror = () => reject(request.error);
    });
    await expect(openPeopleDb()).rejects.toBeInstanceOf(NewerDatabaseError);
    await expect(addPerson(person('a'))).rejects.toThrow(/newer version of Profile Card/);
    await expect(readSnapshot()).rejects.toThrow(/newer version of Profile Card/);
  });
});

describe('storage errors in words', () => {
  it.each([
    [new DOMException('x', 'QuotaExceededError'), /no room left/],
    [new Error('Resource::kQuotaBytes quota exceeded'), /no room left/],
    [new DOMException('Internal error opening backing store', 'UnknownError'), /could not write/],
    [new DOMException('aborted', 'AbortError'), /interrupted/],
  ])('%s', (error, message) => {
    const plain = plainStorageError(error);
    expect(plain.message).toMatch(message);
    expect(plain.message).not.toMatch(/Resource::|kQuota|QuotaExceeded|backing store/);
  });

  it('turns a full disk during a write into that message, with nothing written', async () => {
    await addPerson(person('a'));
    const before = await readSnapshot();
    // The disk fills up at the second person's record, after other requests were queued.
    const put = IDBObjectStore.prototype.put;
    let people = 0;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (
      this: IDBObjectStore,
      ...args
    ) {
      if (this.name === 'people' && ++people === 2)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    await expect(
      importPeople([{ profile: person('b') }, { profile: person('c') }], before.rev),
    ).rejects.toThrow(/no room left/);
    expect(people).toBe(2);
    vi.restoreAllMocks();
    expect(await readSnapshot()).toEqual(before);
  });
});
