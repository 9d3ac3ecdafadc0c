/**
 * The user's notes about people (issue 26): the model (tags, dates, empty
 * fields), the schema's bounds, and saving against a real IndexedDB
 * implementation (fake-indexeddb): one preconditioned transaction, so two
 * tabs editing one note never lose an edit without a conflict shown.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bundledProfiles } from '../../people/bundled';
import {
  cleanMine,
  knownTags,
  matchesTag,
  mineSearchText,
  normaliseTag,
  parseTags,
  sameMine,
  withMine,
  withoutMine,
} from '../../people/notes';
import type { Mine } from '../../people/schema';
import { validateProfile } from '../../people/validate';
import { closePeopleDb } from '../../store/db';
import { saveNote } from '../../store/note-save';
import { addPerson, personById, readSnapshot, saveMine, setHidden } from '../../store/store';
import { person } from './fixtures';

beforeEach(async () => {
  await closePeopleDb();
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
});

describe('the model', () => {
  it('normalises tags as typed', () => {
    expect(normaliseTag('#KubeCon')).toBe('kubecon');
    expect(normaliseTag('  ##Team Storage ')).toBe('team-storage');
    expect(normaliseTag('#')).toBeUndefined();
    expect(normaliseTag('İşe-Alım')).toBe('i̇şe-alım'.normalize('NFC'));
    expect(parseTags('#kubecon, hiring #KubeCon  #team-storage')).toEqual([
      'kubecon',
      'hiring',
      'team-storage',
    ]);
  });

  it('every normalised tag passes the schema', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (raw) => {
        const tags = parseTags(raw);
        if (tags.length === 0) return;
        const result = validateProfile({ ...person('a'), mine: { tags } });
        expect(result.ok).toBe(true);
      }),
    );
  });

  it('keeps only what is there', () => {
    expect(cleanMine({ note: '  ', tags: [] })).toBeUndefined();
    expect(cleanMine({ note: ' met at KubeCon\r\n', tags: ['x'] })).toEqual({
      note: 'met at KubeCon',
      tags: ['x'],
    });
    expect(sameMine({ note: 'a', tags: [] }, { note: 'a' })).toBe(true);
    expect(sameMine(undefined, { note: '' })).toBe(true);
    expect(withMine(person('a'), { note: '' })).not.toHaveProperty('mine');
    expect(withoutMine({ ...person('a'), mine: { note: 'x' } })).not.toHaveProperty('mine');
  });

  it('is found by a word or a #tag', () => {
    const mine: Mine = { note: 'Talked about Raft snapshots', tags: ['kubecon', 'hiring'] };
    expect(mineSearchText(mine)).toContain('Raft');
    expect(mineSearchText(mine)).toContain('#hiring');
    expect(matchesTag(mine.tags, '#kube')).toBe(true);
    expect(matchesTag(mine.tags, '#storage')).toBe(false);
    expect(knownTags([{ mine }, { mine: { tags: ['hiring'] } }, {}])).toEqual([
      'hiring',
      'kubecon',
    ]);
  });

  it('refuses what is not a note, a tag or a day, saying which', () => {
    const bad = (mine: unknown) => validateProfile({ ...person('a'), mine });
    expect(bad({ contacted: '2026-02-30' })).toMatchObject({ ok: false });
    expect(bad({ contacted: '2026-02-28' })).toMatchObject({ ok: true });
    expect(bad({ tags: ['Not normalised'] })).toMatchObject({ ok: false });
    expect(bad({ note: 'x'.repeat(2001) })).toMatchObject({ ok: false });
    expect(bad({ secret: 'x' })).toMatchObject({ ok: false });
    const result = bad({ contacted: 'yesterday' });
    expect(!result.ok && result.errors.join(' ')).toMatch(/2026-05-31/);
  });
});

describe('saving a note', () => {
  it('is one write with the person, seen by the next read', async () => {
    await addPerson(person('a'));
    const saved = await saveMine('a', { note: 'Owes me the benchmark link' }, { rev: 1 });
    expect(saved).toMatchObject({ ok: true, record: { rev: 2 } });
    expect((await personById('a'))?.mine).toEqual({ note: 'Owes me the benchmark link' });
    // The rest of the person is as it was.
    expect((await personById('a'))?.bio).toBe('Builds things.');
  });

  it('refuses a stale revision and says what is stored now', async () => {
    await addPerson(person('a'));
    expect(await saveMine('a', { note: 'tab one' }, { rev: 1 })).toMatchObject({ ok: true });
    // The second tab still holds revision 1.
    expect(await saveMine('a', { note: 'tab two' }, { rev: 1 })).toMatchObject({
      ok: false,
      conflict: { kind: 'changed', theirs: { rev: 2, profile: { mine: { note: 'tab one' } } } },
    });
    expect((await personById('a'))?.mine?.note).toBe('tab one');
  });

  it('two tabs editing the note: the second is refused with the first shown (hovercard path)', async () => {
    await addPerson(person('a'));
    const seen = undefined;
    expect(await saveNote('a', { note: 'from tab one' }, seen)).toEqual({
      ok: true,
      mine: { note: 'from tab one' },
    });
    expect(await saveNote('a', { note: 'from tab two' }, seen)).toEqual({
      ok: false,
      theirs: { note: 'from tab one' },
    });
    // The user chose theirs over it: saved against what was shown.
    expect(await saveNote('a', { note: 'from tab two' }, { note: 'from tab one' })).toMatchObject({
      ok: true,
    });
  });

  it('a bundled person gets a record at their first note; a hidden one is nobody', async () => {
    const bundled = bundledProfiles[0];
    if (!bundled) throw new Error('no bundled people');
    expect(await saveNote(bundled.id, { tags: ['rust'] }, undefined)).toMatchObject({ ok: true });
    const snapshot = await readSnapshot();
    expect(snapshot.people.find((record) => record.id === bundled.id)?.profile).toMatchObject({
      name: bundled.name,
      mine: { tags: ['rust'] },
    });
    const other = bundledProfiles[1];
    if (other) {
      await setHidden(other.id, true);
      expect(await saveNote(other.id, { note: 'x' }, undefined)).toEqual({
        ok: false,
        theirs: null,
        gone: true,
      });
    }
  });

  it('an unknown person or an invalid note writes nothing and says why', async () => {
    expect(await saveNote('nobody', { note: 'x' }, undefined)).toMatchObject({ gone: true });
    await addPerson(person('a'));
    const refused = await saveNote('a', { contacted: '2026-13-01' }, undefined);
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/date/) });
    expect((await personById('a'))?.mine).toBeUndefined();
  });

  it('no edit is ever lost without a conflict shown (racing tabs)', async () => {
    const note = fc.option(fc.stringMatching(/^[a-z ]{1,12}$/), { nil: undefined });
    await fc.assert(
      fc.asyncProperty(
        // Each step: a tab reads the note, or a tab saves what it typed over what it read.
        fc.array(fc.record({ tab: fc.nat(2), read: fc.boolean(), note }), { maxLength: 12 }),
        async (steps) => {
          await closePeopleDb();
          globalThis.indexedDB = new IDBFactory();
          await addPerson(person('a'));
          const seen: (Mine | undefined)[] = [undefined, undefined, undefined];
          let stored: Mine | undefined;
          for (const step of steps) {
            if (step.read) {
              seen[step.tab] = (await personById('a'))?.mine;
              continue;
            }
            const mine = cleanMine(step.note === undefined ? undefined : { note: step.note });
            const result = await saveNote('a', mine, seen[step.tab]);
            if (result.ok) {
              // Written only over what the tab had seen: nothing it never saw is replaced.
              expect(sameMine(seen[step.tab], stored)).toBe(true);
              stored = mine;
              seen[step.tab] = mine;
            } else {
              // Refused: the tab is shown what is stored, and it is what the store holds.
              expect('theirs' in result && sameMine(result.theirs ?? undefined, stored)).toBe(true);
              expect(sameMine(seen[step.tab], stored)).toBe(false);
            }
            expect(sameMine((await personById('a'))?.mine, stored)).toBe(true);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('never in bundled data, never from a directory', () => {
  it('the build refuses a bundled profile with a note', async () => {
    const { checkBundledProfile } = await import('../../build/vite-plugin-validate-profiles');
    const clean = person('a');
    expect(checkBundledProfile('a.json', JSON.stringify(clean))).toMatchObject({ ok: true });
    expect(
      checkBundledProfile('a.json', JSON.stringify({ ...clean, mine: { note: 'planted' } })),
    ).toMatchObject({ ok: false, errors: [expect.stringMatching(/never bundled/)] });
  });

  it("a directory's people never carry a note of the user's", async () => {
    const { readDirectory } = await import('../../directories/read');
    const planted = [
      person('a', { name: 'Ada' }),
      person('b', { name: 'Bob', mine: { note: 'planted', tags: ['x'] } }),
    ];
    const read = await readDirectory('team', new TextEncoder().encode(JSON.stringify(planted)));
    if (!('people' in read)) throw new Error(read.error);
    // Positive control: the directory was read, Bob included.
    expect(read.people.map((p) => p.name)).toEqual(['Ada', 'Bob']);
    expect(read.people.some((p) => 'mine' in p)).toBe(false);
  });
});

describe('browser sync carries the note', () => {
  it('the compact form keeps the note, tags and day, and a note change is a change', async () => {
    const { compact, expand } = await import('../../sync/compact');
    const { samePerson } = await import('../../sync/reconcile');
    const noted = person('a', {
      mine: { note: 'Owes me the benchmark link', tags: ['kubecon'], contacted: '2026-05-31' },
    });
    expect(expand('a', compact(noted))).toEqual(noted);
    expect(samePerson(noted, withMine(noted, { note: 'other' }))).toBe(false);
    expect(samePerson(noted, person('a'))).toBe(false);
    // Positive control: the same person is the same.
    expect(samePerson(noted, { ...noted })).toBe(true);
  });

  it('two devices editing one note: both versions kept, the other offered to restore', async () => {
    const { localWrite, mergeEntries } = await import('../../sync/merge');
    const { conflictsOf, winnerOf } = await import('../../sync/entry');
    const { samePerson } = await import('../../sync/reconcile');
    const base = localWrite(undefined, person('a'), 'aaaa', 1000);
    const one = localWrite(base, withMine(person('a'), { note: 'from the laptop' }), 'aaaa', 2000);
    const two = localWrite(base, withMine(person('a'), { note: 'from the desktop' }), 'bbbb', 3000);
    const merged = mergeEntries(one, two);
    expect(winnerOf(merged).p?.mine?.note).toBe('from the desktop');
    expect(conflictsOf(merged, samePerson).map((version) => version.p?.mine?.note)).toEqual([
      'from the laptop',
    ]);
  });
});

describe('the messages a card in a page may send about notes', () => {
  const fromPage = { id: 'ours', url: 'https://github.com/spacejam', tab: { id: 7 }, frameId: 0 };

  async function handler(notesOn: boolean, opened: string[]) {
    const { createMessageHandler } = await import('../../messaging/handler');
    const { DEFAULT_SETTINGS } = await import('../../settings/defaults');
    const tyler = bundledProfiles.find((p) => p.identities.github.includes('spacejam'));
    if (!tyler) throw new Error('no bundled Tyler');
    const noted = { ...tyler, mine: { note: 'owes me a review' } };
    return createMessageHandler({
      extensionId: 'ours',
      people: {
        lookup: async () => noted,
        byId: async () => noted,
        known: async (id) => id === noted.id,
        list: async () => [noted],
      },
      settings: async () => ({
        ...DEFAULT_SETTINGS,
        sites: {
          ...DEFAULT_SETTINGS.sites,
          github: { ...DEFAULT_SETTINGS.sites.github, notes: notesOn },
        },
      }),
      cardState: async () => undefined,
      setCardState: async () => undefined,
      injectUi: async () => undefined,
      notes: async (id) => {
        opened.push(id);
        return true;
      },
    });
  }

  it('opens the editor for one id, and nothing else rides along', async () => {
    const opened: string[] = [];
    const handle = await handler(true, opened);
    expect(await handle({ type: 'note-open', id: 'tyler-neely' }, fromPage)).toBe(true);
    expect(opened).toEqual(['tyler-neely']);
    await expect(
      handle({ type: 'note-open', id: 'tyler-neely', note: 'x' }, fromPage),
    ).rejects.toThrow(/malformed/);
    await expect(handle({ type: 'note-open', id: '../../x' }, fromPage)).rejects.toThrow(
      /malformed/,
    );
    // There is no way to write a note from a page's frame.
    await expect(
      handle({ type: 'note-save', id: 'tyler-neely', mine: { note: 'x' } }, fromPage),
    ).rejects.toThrow(/malformed/);
    expect(opened).toEqual(['tyler-neely']);
  });

  it("with notes off in pages, a page's frame never receives them (positive control: on)", async () => {
    const on = await (await handler(true, []))(
      { type: 'lookup', key: 'github:spacejam' },
      fromPage,
    );
    expect(on).toMatchObject({ profile: { mine: { note: 'owes me a review' } } });
    const off = await (await handler(false, []))(
      { type: 'lookup', key: 'github:spacejam' },
      fromPage,
    );
    expect(off).toMatchObject({ profile: { id: 'tyler-neely' } });
    expect((off as { profile: object }).profile).not.toHaveProperty('mine');
  });
});
