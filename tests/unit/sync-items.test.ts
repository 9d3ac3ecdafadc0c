/**
 * People as browser-sync items and back (sync/items.ts, sync/compact.ts):
 * exact round trips, one item per person and chunks for a big one, every
 * item within Chrome's per-item quota, and anything damaged or half-arrived
 * reported with its key instead of read. Also the settings register
 * (sync/settings.ts) and the write-rate limiter (sync/rate.ts).
 */
import fc from 'fast-check';
import { z } from 'zod';
import { GITHUB_REPO } from '../../identity/rules';
import { bundledProfiles } from '../../people/bundled';
import { httpUrl, NO_DESCRIPTION, type Profile, profileSchema } from '../../people/schema';
import { type Compact, compact, expand } from '../../sync/compact';
import { decodeItems, encodeEntry, entryBytes, personKey } from '../../sync/items';
import { localWrite } from '../../sync/merge';
import { fitMessage, itemBytes, QUOTA_BYTES_PER_ITEM } from '../../sync/quota';
import { waitBeforeWriting } from '../../sync/rate';
import { samePerson } from '../../sync/reconcile';
import { mergeSettings, planSettings, type SettingStamps } from '../../sync/settings';
import { TEXT_CHARACTERS } from '../../text/characters';
import { NO_MARKUP } from '../../text/markup';
import { person } from './fixtures';

/** The biggest person the schema allows, in characters that cost several bytes each. */
const huge: Profile = {
  id: 'huge',
  name: 'Ärger Über-Größe 🎉'.padEnd(80, 'é'),
  headline: '“quoted” \\ back'.padEnd(160, '→'),
  bio: 'Line one\nLine "two" ✓ '.repeat(60).slice(0, 1200),
  highlights: Array.from({ length: 8 }, (_, i) => `Highlight ${i} `.padEnd(240, '字')),
  projects: Array.from({ length: 40 }, (_, i) => ({
    name: `Project ${i}`,
    description: 'Does things'.padEnd(240, '…'),
    url: `https://example.com/${i}`,
    repo: `owner/repo-${i}`,
  })),
  contact: {
    email: 'someone@example.com',
    website: 'https://example.com',
    links: Array.from({ length: 12 }, (_, i) => ({
      label: `Link ${i}`,
      url: `https://e.com/${i}`,
    })),
  },
  identities: { github: ['someone'], linkedin: ['some-one'] },
  location: 'Zürich',
};

const entryOf = (profile: Profile) => localWrite(undefined, profile, 'aaaa', 1);
const read = (items: Record<string, unknown>) => decodeItems(items).people;

describe('people as items', () => {
  it.each([...bundledProfiles, person('plain'), huge])('round-trips $id exactly', (profile) => {
    expect(expand(profile.id, compact(profile))).toEqual(profile);
    const items = encodeEntry(profile.id, entryOf(profile));
    for (const [key, value] of Object.entries(items))
      expect(itemBytes(key, value)).toBeLessThanOrEqual(QUOTA_BYTES_PER_ITEM);
    const back = read(items).get(profile.id);
    expect(back?.kind).toBe('entry');
    expect(back?.kind === 'entry' && back.entry.versions[0]?.p).toEqual(profile);
  });

  it('puts a person who fits in one item, and a big one in a head and chunks', () => {
    expect(Object.keys(encodeEntry('plain', entryOf(person('plain'))))).toEqual(['p:plain']);
    const keys = Object.keys(encodeEntry('huge', entryOf(huge)));
    expect(keys[0]).toBe('p:huge');
    expect(keys.length).toBeGreaterThan(3);
    expect(keys.slice(1).every((key) => /^p:huge:[a-z0-9]+:\d+$/.test(key))).toBe(true);
    expect(entryBytes('huge', entryOf(huge)).items).toBe(keys.length);
  });

  it('is compact: a small person costs well under their JSON', () => {
    const profile = person('ada-lovelace', {
      name: 'Ada Lovelace',
      identities: { github: ['ada'], linkedin: [] },
    });
    const bytes = entryBytes(profile.id, entryOf(profile)).bytes;
    expect(bytes).toBeLessThan(JSON.stringify(profile).length);
  });

  it('never takes an empty list for a change', () => {
    const a = person('a', { highlights: [], contact: { links: [] } });
    expect(samePerson(a, person('a'))).toBe(true);
    expect(samePerson(a, person('a', { name: 'Other' }))).toBe(false);
  });

  it('round-trips a chunked person whatever characters fall on the splits', () => {
    // Characters that cost 1 to 6 bytes in a JSON string, so the splits land everywhere.
    const characters = fc.constantFrom('a', 'é', '"', '\\', '🎉', '字', '→');
    fc.assert(
      fc.property(fc.array(characters, { minLength: 1, maxLength: 80 }), (chars) => {
        const profile = { ...huge, location: [...`x${chars.join('')}`].slice(0, 80).join('') };
        const items = encodeEntry('huge', entryOf(profile));
        for (const [key, value] of Object.entries(items))
          expect(itemBytes(key, value)).toBeLessThanOrEqual(QUOTA_BYTES_PER_ITEM);
        const back = read(items).get('huge');
        expect(back?.kind === 'entry' && back.entry.versions[0]?.p).toEqual(profile);
      }),
      { numRuns: 25 },
    );
  });
});

describe('what cannot be read is reported, not read', () => {
  const good = encodeEntry('ada', entryOf(person('ada')));

  it.each([
    ['not an object', 'garbage', /x/],
    ['an unknown field', { x: [], y: 1 }, /y/],
    ['no versions', { x: [] }, /x/],
    ['a bad device', { x: [{ v: { 'A!': 1 }, c: 1, d: 'A!' }] }, /d|v/],
    ['a writer missing from its version', { x: [{ v: { bbbb: 1 }, c: 1, d: 'aaaa' }] }, /writer/],
    [
      'a person who breaks the schema',
      { x: [{ v: { aaaa: 1 }, c: 1, d: 'aaaa', p: { n: 'Ada', e: 'not-an-email' } }] },
      /Email is not an email/,
    ],
    [
      'markup in a name',
      { x: [{ v: { aaaa: 1 }, c: 1, d: 'aaaa', p: { n: '<img src=x onerror=alert(1)>' } }] },
      /markup/,
    ],
  ])('%s', (_what, value, problem) => {
    const people = read({ ...good, 'p:zed': value });
    expect(people.get('ada')?.kind).toBe('entry');
    const zed = people.get('zed');
    expect(zed?.kind).toBe('unreadable');
    expect(zed?.kind === 'unreadable' && zed.problem).toMatch(problem);
  });

  it('waits for a big person whose parts have not all arrived', () => {
    const items = encodeEntry('huge', entryOf(huge));
    const [, firstChunk] = Object.keys(items);
    const partial = { ...items };
    delete partial[firstChunk as string];
    expect(read(partial).get('huge')?.kind).toBe('incomplete');
    // Chunks without their head: a write on its way, not a person.
    const { [personKey('huge')]: _head, ...chunks } = items;
    expect(read(chunks).get('huge')?.kind).toBe('incomplete');
    // A head with another write's chunks never pairs with them.
    const other = encodeEntry('huge', entryOf({ ...huge, name: 'Another' }));
    expect(
      read({ ...chunks, [personKey('huge')]: other[personKey('huge')] }).get('huge')?.kind,
    ).toBe('incomplete');
  });

  it('names items it does not know', () => {
    expect(decodeItems({ hello: 1, ...good }).stray).toEqual([
      { key: 'hello', problem: 'not an item Profile Card writes' },
    ]);
  });
});

describe('settings in sync', () => {
  it('keeps the newest value of each setting, whatever the order', () => {
    const a: SettingStamps = { x: [true, 5, 'aaaa'], y: [1, 1, 'aaaa'] };
    const b: SettingStamps = { x: [false, 3, 'bbbb'], y: [2, 9, 'bbbb'] };
    expect(mergeSettings(a, b)).toEqual({ x: [true, 5, 'aaaa'], y: [2, 9, 'bbbb'] });
    expect(mergeSettings(b, a)).toEqual(mergeSettings(a, b));
  });

  it('stamps what changed here, takes what changed there, and lets sync win on first use', () => {
    const here = { x: true, y: 300 };
    const first = planSettings(here, here, undefined, { y: [500, 10, 'bbbb'] }, 'aaaa', 20);
    expect(first.apply).toEqual({ y: 500 });
    // x: nothing in sync to yield to, so stamped with the clock; y: sync's wins.
    expect(first.merged.x).toEqual([true, 20, 'aaaa']);
    expect(first.merged.y).toEqual([500, 10, 'bbbb']);
    const now = { x: false, y: 500 };
    const changed = planSettings(now, now, first.merged, first.merged, 'aaaa', 30);
    expect(changed.merged.x).toEqual([false, 30, 'aaaa']);
    expect(changed.write).toBe(true);
    expect(planSettings(now, now, changed.merged, changed.merged, 'aaaa', 40).write).toBe(false);
  });
});

describe('the first two browsers to turn sync on', () => {
  it('keep the settings of the first, whatever their device ids or order', () => {
    // The first browser had set 650 before turning sync on; nothing was in sync.
    const first = planSettings({ delay: 650 }, { delay: 650 }, undefined, undefined, 'aaaa', 1000);
    expect(first.write).toBe(true);
    // The second (a device id that sorts after) still has the default, and turns sync on later.
    const second = planSettings({}, { delay: 300 }, undefined, first.merged, 'bbbb', 5000);
    expect(second.apply).toEqual({ delay: 650 });
    expect(second.merged.delay?.[0]).toBe(650);
  });

  it('never lets a default, untouched here, outvote a choice made in another browser', () => {
    // The second browser turned sync on first, with nothing set: it claims nothing…
    const second = planSettings({}, { delay: 300 }, undefined, undefined, 'bbbb', 1000);
    expect(second.merged).toEqual({});
    // …so the first browser's choice, arriving later, is taken.
    const arrived = { delay: [650, 900, 'aaaa'] } as SettingStamps;
    const after = planSettings({}, { delay: 300 }, second.merged, arrived, 'bbbb', 2000);
    expect(after.apply).toEqual({ delay: 650 });
  });
});

describe('write rate', () => {
  it('spaces writes and keeps under the per-minute and per-hour limits', () => {
    expect(waitBeforeWriting([], 0)).toBe(0);
    expect(waitBeforeWriting([10_000], 10_200)).toBe(800);
    const minute = Array.from({ length: 95 }, (_, i) => 1000 + i * 100);
    expect(waitBeforeWriting(minute, 61_000)).toBeGreaterThan(0);
    const hour = Array.from({ length: 1349 }, (_, i) => i * 2000);
    const now = 1349 * 2000;
    expect(waitBeforeWriting(hour, now)).toBeGreaterThan(1000);
    expect(waitBeforeWriting(hour, now + 3_600_000)).toBe(0);
  });

  it('says how many people fit, in words', () => {
    expect(fitMessage(187, 240)).toMatch(/^187 of 240 people sync; the rest stay on this browser/);
    expect(fitMessage(3, 3)).toBeUndefined();
  });
});

/*
 * Two browsers, two builds. Builds before issue 24 required a project's
 * description; since then sync writes over an item it cannot read with its
 * own copy. So a person this build writes must still read on such a build,
 * or an edit made here would be undone there. What follows is the previous
 * build's contract, copied as it was (sync/compact.ts `expand` and the
 * project schema of people/schema.ts before description became optional),
 * as a fixture: it must not change with the code.
 */
const previousBuild = (() => {
  const oldText = (max: number) =>
    z
      .string()
      .trim()
      .min(1)
      .max(max)
      .regex(TEXT_CHARACTERS.pattern)
      .regex(NO_MARKUP)
      .regex(/^[^\n\r\t]*$/);
  const project = z.strictObject({
    name: oldText(80),
    description: oldText(240),
    url: httpUrl().optional(),
    repo: z.string().max(140).regex(GITHUB_REPO).optional(),
  });
  const schema = profileSchema().extend({ projects: z.array(project).max(40).default([]) });
  const text = (value: string | 0 | undefined) => (typeof value === 'string' ? value : undefined);
  /** What a previous build makes of one person in a sync item (the person, or why not). */
  return (id: string, form: Compact) =>
    schema.safeParse({
      ...expand(id, { ...form, j: [] }),
      projects: (form.j ?? []).map(([name, description, url, repo]) => ({
        name: text(name) ?? '',
        description: text(description) ?? '',
        ...(text(url) !== undefined && { url: text(url) }),
        ...(text(repo) !== undefined && { repo: text(repo) }),
      })),
    });
})();

describe('a project without a description, between builds', () => {
  const mira = person('mira', {
    projects: [
      {
        name: 'crdt-playground',
        url: 'https://github.com/mirak/crdt-playground',
        repo: 'mirak/crdt-playground',
      },
      { name: 'tidewater', description: 'A storage engine.', repo: 'mirak/tidewater' },
      { name: 'Side thing' },
    ],
  });
  const written = (profile: Profile) => {
    const item = encodeEntry(profile.id, entryOf(profile))[personKey(profile.id)] as {
      x: { p: Compact }[];
    };
    return item.x[0]?.p as Compact;
  };

  it('round-trips on this build: no description stays none', () => {
    expect(expand(mira.id, compact(mira))).toEqual(mira);
    const back = read(encodeEntry(mira.id, entryOf(mira))).get(mira.id);
    expect(back?.kind === 'entry' && back.entry.versions[0]?.p).toEqual(mira);
  });

  it('is read by a previous build, which shows a dash and loses nothing', () => {
    const there = previousBuild(mira.id, written(mira));
    expect(there.error?.issues).toBeUndefined();
    expect(there.data?.projects.map((project) => project.description)).toEqual([
      NO_DESCRIPTION,
      'A storage engine.',
      NO_DESCRIPTION,
    ]);
    // Positive control: the same rules refuse a project row with no description at all.
    const bare = { ...written(mira), j: [['crdt-playground', 0, 0, 'mirak/crdt-playground']] };
    expect(previousBuild(mira.id, bare as Compact).success).toBe(false);
    expect(previousBuild(mira.id, { ...written(mira), j: [['x']] }).success).toBe(false);
  });

  it('comes back from a previous build as it left', () => {
    const there = previousBuild(mira.id, written(mira));
    // The previous build writes what it read, with its own compact form.
    const again = compact(there.data as Profile);
    expect(expand(mira.id, again)).toEqual(mira);
    expect(samePerson(there.data as Profile, mira)).toBe(true);
  });

  it('reads a row with no description, or an empty one, as none', () => {
    const form: Compact = { n: 'Mira', j: [['a'], ['b', 0, 'https://b.example/'], ['c', '']] };
    expect(expand('mira', form).projects).toEqual([
      { name: 'a' },
      { name: 'b', url: 'https://b.example/' },
      { name: 'c' },
    ]);
  });
});
