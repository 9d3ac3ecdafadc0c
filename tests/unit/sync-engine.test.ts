/**
 * The sync engine (sync/engine.ts) against a real IndexedDB implementation
 * (fake-indexeddb) and WXT's fake browser storage: what another browser
 * writes into `storage.sync` (built here the way that browser's engine
 * builds it) reaches this browser's people store through the store's own
 * writes, this browser's changes go out, and damaged items, handles
 * someone here has, deletions and write limits are handled as docs/guide.md
 * says. The two-browser test in real Chromium is tests/browser/sync.test.ts.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../../settings/defaults';
import { readSettings, saveSetting } from '../../settings/items';
import { closePeopleDb } from '../../store/db';
import { addPerson, lookupKey, readSnapshot, updatePerson } from '../../store/store';
import {
  deviceId,
  eraseSync,
  resolveConflict,
  runPass,
  type SyncStatus,
  setSyncOn,
} from '../../sync/engine';
import type { Entry } from '../../sync/entry';
import { decodeItems, encodeEntry, personKey } from '../../sync/items';
import { localWrite, mergeEntries } from '../../sync/merge';
import { person } from './fixtures';

const OTHER = 'zzzz9999';
let clock = 1_000_000;
/** Each pass a little later than the last, past the write-rate spacing. */
const pass = async () => {
  clock += 5_000;
  const outcome = await runPass(clock);
  if ('off' in outcome) throw new Error('sync is off');
  return outcome.status as SyncStatus;
};
const syncItems = () => fakeBrowser.storage.sync.get(null) as Promise<Record<string, unknown>>;
const syncedEntry = async (id: string): Promise<Entry> => {
  const read = decodeItems(await syncItems()).people.get(id);
  if (read?.kind !== 'entry') throw new Error(`no entry for ${id}: ${read?.kind}`);
  return read.entry;
};
/** Another browser writes `entry` for `id` into sync, as its engine would. */
const theyWrite = (id: string, entry: Entry) =>
  fakeBrowser.storage.sync.set(encodeEntry(id, entry));

beforeEach(async () => {
  await closePeopleDb();
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
});

describe('sync, on one browser', () => {
  it('does nothing while off, and writes your people once on', async () => {
    await addPerson(person('ada'));
    expect(await runPass()).toEqual({ off: true });
    expect(await syncItems()).toEqual({});
    await setSyncOn(true);
    const status = await pass();
    expect(status).toMatchObject({ total: 1, synced: 1, unreadable: [] });
    expect((await syncedEntry('ada')).versions[0]?.p?.name).toBe('Person ada');
    expect(Object.keys(await syncItems()).sort()).toEqual(['fmt', 'p:ada', 'set']);
  });

  it('adds, changes and deletes here what another browser did, through the store', async () => {
    await setSyncOn(true);
    await pass();
    const first = localWrite(undefined, person('bob'), OTHER, clock);
    await theyWrite('bob', first);
    await pass();
    expect((await lookupKey('github:gh-bob'))?.name).toBe('Person bob');
    const feed = (await fakeBrowser.storage.local.get('peopleVersion')).peopleVersion;
    expect(feed).toBeTypeOf('string');

    const renamed = localWrite(first, person('bob', { name: 'Robert' }), OTHER, clock + 10);
    await theyWrite('bob', renamed);
    await pass();
    expect((await lookupKey('github:gh-bob'))?.name).toBe('Robert');

    await theyWrite('bob', localWrite(renamed, undefined, OTHER, clock + 20));
    await pass();
    expect(await lookupKey('github:gh-bob')).toBeUndefined();
    expect((await readSnapshot()).people).toEqual([]);
  });

  it('keeps both of two concurrent edits, shows the newer, and restores the older', async () => {
    await addPerson(person('ada', { name: 'Ada' }));
    await setSyncOn(true);
    await pass();
    const agreed = await syncedEntry('ada');
    // Here: an edit. There, later: another edit that never saw ours.
    const record = (await readSnapshot()).people[0];
    await updatePerson(person('ada', { name: 'Ada (here)' }), record?.rev ?? 0);
    await theyWrite(
      'ada',
      localWrite(agreed, person('ada', { name: 'Ada (there)' }), OTHER, clock + 60_000),
    );
    const status = await pass();
    expect((await lookupKey('github:gh-ada'))?.name).toBe('Ada (there)');
    expect(status.conflicts).toEqual([
      { id: 'ada', shown: 'Ada (there)', kept: [expect.objectContaining({ name: 'Ada (here)' })] },
    ]);
    // Sync carries both, so the other browser shows the conflict too.
    expect((await syncedEntry('ada')).versions.map((v) => v.p?.name)).toEqual([
      'Ada (there)',
      'Ada (here)',
    ]);
    const stamp = status.conflicts[0]?.kept[0]?.stamp as string;
    expect(await resolveConflict('ada', stamp, 'restore', clock + 61_000)).toMatch(/^Restored Ada/);
    expect((await lookupKey('github:gh-ada'))?.name).toBe('Ada (here)');
    const after = await pass();
    expect(after.conflicts).toEqual([]);
    expect((await syncedEntry('ada')).versions.map((v) => v.p?.name)).toEqual(['Ada (here)']);
  });

  it('never lets a deletion from another browser remove an edit made here it did not see', async () => {
    await addPerson(person('ada'));
    await setSyncOn(true);
    await pass();
    const agreed = await syncedEntry('ada');
    const record = (await readSnapshot()).people[0];
    // They deleted Ada first; our later edit has not reached them.
    await theyWrite('ada', localWrite(agreed, undefined, OTHER, clock + 1));
    clock += 10_000;
    await updatePerson(person('ada', { name: 'Ada, edited later' }), record?.rev ?? 0);
    await pass();
    expect((await lookupKey('github:gh-ada'))?.name).toBe('Ada, edited later');
  });

  it('reports a damaged item with its key, skips it, and keeps syncing the rest', async () => {
    await setSyncOn(true);
    await theyWrite('bob', localWrite(undefined, person('bob'), OTHER, 5));
    await fakeBrowser.storage.sync.set({
      'p:zed': { x: [{ v: { [OTHER]: 1 }, c: 1, d: OTHER, p: { n: '<script>x</script>' } }] },
      'p:eve': 'not an entry',
    });
    const status = await pass();
    expect(status.unreadable.map((item) => item.key).sort()).toEqual(['p:eve', 'p:zed']);
    expect(status.unreadable.find((item) => item.key === 'p:zed')?.problem).toMatch(/markup/);
    expect((await lookupKey('github:gh-bob'))?.name).toBe('Person bob');
    expect((await readSnapshot()).people.map((r) => r.id)).toEqual(['bob']);
    // Left as it was: never applied, never overwritten.
    expect((await syncItems())['p:eve']).toBe('not an entry');
  });

  it('keeps syncing a person here whose item another browser damaged, and does not blame the quota', async () => {
    for (const id of ['ada', 'bob', 'cyd']) await addPerson(person(id));
    await setSyncOn(true);
    expect(await pass()).toMatchObject({ total: 3, synced: 3 });
    // Another browser's bug leaves Bob's item unreadable (a name the schema refuses).
    await fakeBrowser.storage.sync.set({
      'p:bob': { x: [{ v: { [OTHER]: 1 }, c: 1, d: OTHER, p: { n: '<b>Bob</b>' } }] },
    });
    const bob = (await readSnapshot()).people.find((record) => record.id === 'bob');
    await updatePerson(person('bob', { name: 'Bob, edited here' }), bob?.rev ?? 0);
    clock += 10_000;
    const status = await pass();
    expect(status.total).toBe(3);
    expect(status.synced).toBe(3);
    expect(status.bytes).toBeLessThan(2_000);
    expect(status.fit).toBeUndefined();
    expect(status.unreadable).toEqual([
      { key: 'p:bob', problem: expect.stringMatching(/markup.*written over with this browser/) },
    ]);
    expect((await syncedEntry('bob')).versions.map((v) => v.p?.name)).toContain('Bob, edited here');
    // Positive control: a person who really does not fit is still named as the quota's.
    for (let i = 0; i < 100; i++)
      await addPerson(person(`big-${i}`, { bio: `${i} ${'y'.repeat(1_150)}` }));
    clock += 10_000;
    const full = await pass();
    expect(full.fit).toMatch(/at most about 100 KB/);
  });

  it('does not put a person here whose handle someone here has, and says why', async () => {
    await addPerson(person('ada', { identities: { github: ['shared'], linkedin: [] } }));
    await setSyncOn(true);
    await theyWrite(
      'other-ada',
      localWrite(
        undefined,
        person('other-ada', { identities: { github: ['shared'], linkedin: [] } }),
        OTHER,
        9,
      ),
    );
    const status = await pass();
    expect(status.notApplied).toEqual([
      {
        id: 'other-ada',
        name: 'Person other-ada',
        reason: "github:shared is already Person ada's (ada)",
      },
    ]);
    expect((await lookupKey('github:shared'))?.id).toBe('ada');
  });

  it('syncs settings and hidden bundled people, the newer value winning', async () => {
    await setSyncOn(true);
    await pass();
    const [, stamp] = ((await syncItems()).set as Record<string, [unknown, number, string]>)[
      'setting.hoverDelayMs'
    ] as [unknown, number, string];
    await fakeBrowser.storage.sync.set({
      set: {
        ...((await syncItems()).set as object),
        'setting.hoverDelayMs': [900, stamp + 1_000_000, OTHER],
        'hidden:patmesh': [true, clock + 1_000_000, OTHER],
      },
    });
    await pass();
    expect((await readSettings()).value.hoverDelayMs).toBe(900);
    expect((await readSnapshot()).hidden).toEqual(['patmesh']);
    await saveSetting({ key: 'hoverDelayMs', value: 450 });
    clock += 2_000_000;
    await pass();
    expect(
      ((await syncItems()).set as Record<string, unknown[]>)['setting.hoverDelayMs']?.[0],
    ).toBe(450);
  });

  it("skips a setting this version cannot take, applies the others and leaves sync's value alone", async () => {
    // A newer version (or a buggy one) may write a hover delay this one refuses. It used to
    // throw while being applied: an error every pass, and the settings after it never applied.
    await setSyncOn(true);
    await pass();
    const later = clock + 1_000_000;
    await fakeBrowser.storage.sync.set({
      set: {
        ...((await syncItems()).set as object),
        'setting.hoverDelayMs': [99_999, later, OTHER],
        'setting.linkedin.inPage': [false, later, OTHER],
      },
    });
    const status = await pass();
    // Positive control: the setting beside it is applied.
    expect((await readSettings()).value.sites.linkedin.inPage).toBe(false);
    expect((await readSettings()).value.hoverDelayMs).toBe(DEFAULT_SETTINGS.hoverDelayMs);
    expect(status.error).toBeUndefined();
    expect(status.unreadable).toContainEqual({
      key: 'set.setting.hoverDelayMs',
      problem: 'a value this version cannot take',
    });
    // Changing a setting here writes the item again, keeping what this version could not read.
    await saveSetting({ site: 'github', key: 'hovercards', value: false });
    clock += 2_000_000;
    await pass();
    const synced = (await syncItems()).set as Record<string, unknown[]>;
    expect(synced['setting.github.hovercards']?.[0]).toBe(false);
    expect(synced['setting.hoverDelayMs']).toEqual([99_999, later, OTHER]);
  });

  it('waits rather than write faster than browser sync allows', async () => {
    await setSyncOn(true);
    await addPerson(person('ada'));
    await pass();
    await addPerson(person('bob'));
    const soon = await runPass(clock + 10);
    expect('retryInMs' in soon && soon.retryInMs).toBeGreaterThan(0);
    expect(Object.keys(await syncItems())).not.toContain(personKey('bob'));
    await pass();
    expect(Object.keys(await syncItems())).toContain(personKey('bob'));
  });

  it('erases what it put in sync and turns off, keeping the people here', async () => {
    await addPerson(person('ada'));
    await setSyncOn(true);
    await pass();
    expect(Object.keys(await syncItems())).toContain(personKey('ada'));
    await eraseSync();
    expect(await syncItems()).toEqual({});
    expect(await runPass()).toEqual({ off: true });
    expect((await lookupKey('github:gh-ada'))?.id).toBe('ada');
    // Turned on again, it starts afresh: the people here go back up.
    await setSyncOn(true);
    await pass();
    expect((await syncedEntry('ada')).versions[0]?.p?.name).toBe('Person ada');
  });

  it('keeps one random device id per install', async () => {
    const id = await deviceId();
    expect(id).toMatch(/^[a-z0-9]{8}$/);
    expect(await deviceId()).toBe(id);
    expect(mergeEntries).toBeTypeOf('function');
  });
});
