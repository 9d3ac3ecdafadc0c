import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  checkStore,
  DamagedStoreError,
  readRevision,
  readStore,
  writeStore,
} from '../../profiles/store';
import { person } from './fixtures';

const raw = async () => JSON.stringify(await fakeBrowser.storage.local.get(null));

describe('checkStore', () => {
  it('accepts a valid store', () => {
    expect(checkStore({ profiles: [person('a')], hidden: ['patmesh'] })).toEqual({
      store: { profiles: [person('a')], hidden: ['patmesh'] },
    });
  });

  it.each([
    ['a string', 'garbage{'],
    ['null', null],
    ['a bare list', [person('a')]],
    ['unknown fields', { profiles: [], hidden: [], extra: true }],
    ['hidden not a list', { profiles: [], hidden: 'patmesh' }],
  ])('reports %s as damaged, with the raw value, and serves nothing from it', (_label, value) => {
    const read = checkStore(value);
    expect(read.store).toEqual({ profiles: [], hidden: [] });
    expect(read.damage?.message).toBe(
      'The stored profiles are not in a shape this version understands.',
    );
    expect(read.damage?.raw).toBe(value);
  });

  it('keeps the readable profiles and names the damaged ones', () => {
    const read = checkStore({
      profiles: [person('a'), { ...person('b'), contact: { website: 'javascript:x' } }, 7],
      hidden: [],
    });
    expect(read.store.profiles.map((p) => p.id)).toEqual(['a']);
    expect(read.damage?.message).toBe(
      '2 stored profiles are damaged (profile 2: contact.website must be an http(s) URL; profile 3: the profile must be an object).',
    );
  });
});

describe('readStore / writeStore', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts empty, writes profiles and revision in one call', async () => {
    expect(await readStore()).toEqual({ store: { profiles: [], hidden: [] } });
    const set = vi.spyOn(fakeBrowser.storage.local, 'set');
    await writeStore({ profiles: [person('a')], hidden: [] });
    expect(set).toHaveBeenCalledTimes(1);
    expect(Object.keys(set.mock.calls[0]?.[0] ?? {}).sort()).toEqual([
      'profiles',
      'profilesRevision',
    ]);
    expect(await readRevision()).toBe(1);
    await writeStore({ profiles: [person('a'), person('b')], hidden: ['patmesh'] });
    expect(await readRevision()).toBe(2);
    expect((await readStore()).store.profiles.map((p) => p.id)).toEqual(['a', 'b']);
  });

  it('never stores an invalid profile, and changes nothing when it refuses', async () => {
    await writeStore({ profiles: [person('a')], hidden: [] });
    const before = await raw();
    const bad = { ...person('b'), name: '<script>alert(1)</script>' };
    await expect(writeStore({ profiles: [person('a'), bad], hidden: [] })).rejects.toThrow(
      'Not saved: b: name must not contain HTML markup',
    );
    expect(await raw()).toBe(before);
  });

  it('does not overwrite a damaged value unless the user chose to', async () => {
    await fakeBrowser.storage.local.set({ profiles: 'garbage{' });
    const before = await raw();
    const read = await readStore();
    expect(read.damage?.raw).toBe('garbage{');
    await expect(writeStore({ profiles: [person('a')], hidden: [] })).rejects.toBeInstanceOf(
      DamagedStoreError,
    );
    expect(await raw()).toBe(before);
    await writeStore({ profiles: [person('a')], hidden: [] }, { replaceDamaged: true });
    expect((await readStore()).damage).toBeUndefined();
  });
});
