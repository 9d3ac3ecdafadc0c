/**
 * Moving 0.1.0's `storage.local` value into the database: once, verified,
 * the old keys removed only after; refused for a newer version's data;
 * left untouched on any failure; safe when two contexts move at once; and
 * at 100,000 people a backup exported from the store re-imports unchanged.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { exportDocument } from '../../formats/export';
import { previewFile } from '../../formats/import-backup';
import { bundledProfiles } from '../../people/bundled';
import { closePeopleDb } from '../../store/db';
import { discardLegacy, ensureMigrated, readLegacy } from '../../store/migrate';
import { addPerson, importPeople, readSnapshot } from '../../store/store';
import { person } from './fixtures';

const local = () => fakeBrowser.storage.local.get(null);

beforeEach(async () => {
  await closePeopleDb();
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
});

describe('readLegacy', () => {
  it('keeps the readable profiles and names the damaged ones', () => {
    const read = readLegacy({
      profiles: [person('a'), { ...person('b'), contact: { website: 'javascript:x' } }, 7],
      hidden: [],
    });
    expect(read.profiles.map((p) => p.id)).toEqual(['a']);
    expect(read.damage).toBe(
      '2 stored profiles are damaged (profile 2: Website must be an http(s) URL; profile 3: the profile must be an object).',
    );
  });
  it.each([['garbage{'], [null], [[person('a')]], [{ profiles: [], hidden: [], extra: 1 }]])(
    'reports %j as not understood',
    (value) => {
      expect(readLegacy(value).damage).toBe(
        'The stored profiles are not in a shape this version understands.',
      );
    },
  );
});

describe('ensureMigrated', () => {
  it('moves everything in one go, verifies it, then removes the old keys', async () => {
    await fakeBrowser.storage.local.set({
      profiles: { profiles: [person('a'), person('b')], hidden: ['patmesh'] },
      profiles$: { v: 1 },
      profilesRevision: 2 ** 53 + 2,
      settings: { untouched: true },
    });
    expect(await ensureMigrated()).toEqual({ kind: 'moved', count: 2 });
    const snapshot = await readSnapshot();
    expect(snapshot.people.map((record) => [record.id, record.rev])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
    expect(snapshot.people[0]?.profile).toEqual(person('a'));
    expect(snapshot.hidden).toEqual(['patmesh']);
    const left = await local();
    expect(Object.keys(left).sort()).toEqual(['peopleVersion', 'settings']);
    expect(await ensureMigrated()).toEqual({ kind: 'none' });
  });

  it('treats a large negative item version as version 1, at once', async () => {
    await fakeBrowser.storage.local.set({
      profiles: { profiles: [person('a')], hidden: [] },
      profiles$: { v: -100_000_000 },
    });
    expect(await ensureMigrated()).toEqual({ kind: 'moved', count: 1 });
  });

  it('refuses a newer version’s data, leaves it, and blocks writes', async () => {
    const future = { profiles: [{ ...person('a'), shape: 2 }], hidden: [] };
    await fakeBrowser.storage.local.set({ profiles: future, profiles$: { v: 2 } });
    const before = await local();
    expect(await ensureMigrated()).toMatchObject({ kind: 'future', version: 2 });
    await expect(addPerson(person('x'))).rejects.toThrow(/newer version of Profile Card/);
    expect(await local()).toEqual(before);
    expect((await readSnapshot()).people).toEqual([]);
  });

  it('leaves damaged data until the user chooses to keep only what is readable', async () => {
    const raw = { profiles: [person('a'), { id: 'broken' }], hidden: [] };
    await fakeBrowser.storage.local.set({ profiles: raw });
    expect(await ensureMigrated()).toMatchObject({ kind: 'damaged', readable: 1, raw });
    await expect(addPerson(person('x'))).rejects.toThrow(/damaged/);
    expect((await local()).profiles).toEqual(raw);
    expect(await ensureMigrated({ skipDamaged: true })).toEqual({ kind: 'moved', count: 1 });
    expect((await local()).profiles).toBeUndefined();
    expect((await readSnapshot()).people.map((record) => record.id)).toEqual(['a']);
  });

  it('fails without touching anything when an id already holds something else', async () => {
    await addPerson({ ...person('a'), name: 'Already here' });
    const raw = { profiles: [person('a'), person('b')], hidden: [] };
    await fakeBrowser.storage.local.set({ profiles: raw });
    const before = await readSnapshot();
    expect(await ensureMigrated()).toMatchObject({ kind: 'failed', raw });
    expect((await local()).profiles).toEqual(raw);
    expect(await readSnapshot()).toEqual(before);
    await expect(addPerson(person('x'))).rejects.toThrow(/could not be moved/);
    // The user downloads the old value, then keeps what is stored now.
    expect(await discardLegacy({ ...raw, hidden: ['changed meanwhile'] })).toBe(false);
    expect(await discardLegacy(raw)).toBe(true);
    expect(await ensureMigrated()).toEqual({ kind: 'none' });
    expect(await addPerson(person('x'))).toMatchObject({ ok: true });
  });

  it('is safe when two contexts move at once', async () => {
    await fakeBrowser.storage.local.set({
      profiles: { profiles: [person('a'), person('b')], hidden: [] },
    });
    vi.resetModules();
    const other = await import('../../store/migrate');
    const outcomes = await Promise.all([ensureMigrated(), other.ensureMigrated()]);
    expect(outcomes.map((outcome) => outcome.kind).sort()).toEqual(
      expect.arrayContaining(['moved']),
    );
    expect((await readSnapshot()).people.map((record) => [record.id, record.rev])).toEqual([
      ['a', 1],
      ['b', 1],
    ]);
    expect((await local()).profiles).toBeUndefined();
    await (await import('../../store/db')).closePeopleDb();
  });
});

describe('100,000 people', () => {
  it('import in one transaction and a full export re-imports unchanged', async () => {
    const many = Array.from({ length: 100_000 }, (_, index) =>
      person(`p${index}`, { identities: { github: [`login-${index}`], linkedin: [] } }),
    );
    expect(
      await importPeople(
        many.map((profile) => ({ profile })),
        0,
      ),
    ).toMatchObject({
      ok: true,
    });
    const snapshot = await readSnapshot();
    expect(snapshot.people).toHaveLength(100_000);
    const file = exportDocument(snapshot.people.map((record) => record.profile));
    expect(file.length).toBeGreaterThan(5 * 1024 * 1024);
    const again = previewFile('backup.json', file, {
      existing: snapshot.people.map((record) => record.profile),
      bundled: bundledProfiles,
    });
    expect(again.ok && again.preview.unchanged.length).toBe(100_000);
    expect(
      again.ok && [again.preview.added, again.preview.updated, again.preview.rejected],
    ).toEqual([[], [], []]);
  }, 120_000);

  it('a big export keeps refusing duplicates and taken identities across its slices', () => {
    const many = Array.from({ length: 30_000 }, (_, index) =>
      person(`p${index}`, {
        bio: 'x'.repeat(200),
        identities: { github: [`l${index}`], linkedin: [] },
      }),
    );
    many.push(person('p5', { name: 'Dup' }));
    many.push(person('late', { identities: { github: ['l7'], linkedin: [] } }));
    const result = previewFile('big.json', exportDocument(many), {
      existing: [],
      bundled: bundledProfiles,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.preview.added).toHaveLength(30_000);
    expect(result.preview.rejected.map((r) => `${r.prefix}: ${r.errors[0]}`)).toEqual([
      'profile 30001 ("Dup"): id "p5" is already used by profile 6 in this file',
      'profile 30002 ("Person late"): github:l7 is already Person p7\'s (p7)',
    ]);
  }, 60_000);
});
