// @vitest-environment node
/**
 * Write-back (carddav/write.ts, carddav/service.ts `writePerson`): the patch
 * keeps every line it does not change byte for byte (folded photos, phones,
 * addresses, groups, unknown X- properties, the card's own line ends), and
 * against a real Radicale: a kept person becomes a new card (If-None-Match:
 * *), an edit updates the phone's own card for that handle (If-Match) with
 * everything else on it untouched, and a card changed on the phone
 * meanwhile is a conflict — shown, the phone's version left as it is —
 * until the person is saved again after the refresh (the control).
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createCardDav } from '../../carddav/service';
import { newCard, patchCard } from '../../carddav/write';
import { closePeopleDb } from '../../store/db';
import { addPerson, updatePerson } from '../../store/store';
import { phoneCard, type Radicale, startRadicale } from '../browser/radicale';
import { person } from './fixtures';

const PHONE_LINES = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'UID:grace',
  'FN:Grace Hopper',
  'N:Hopper;Grace;;;',
  'TITLE;LANGUAGE=en:Rear Admiral',
  'TEL;TYPE=CELL:+1 555 0100',
  'ADR;TYPE=HOME:;;1 Navy Way;Arlington;VA;22201;USA',
  'PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEx',
  ' 8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/2wBDAQkJCQwLDBgNDRgy',
  'CATEGORIES:Navy,Computing',
  'item1.URL:https://github.com/grace-h',
  'item1.X-ABLABEL:GitHub',
  'X-PHONETIC-FIRST-NAME:Greys',
  'X-UNKNOWN-THING;X-PARAM="a;b":value\\, with escapes',
  'END:VCARD',
];

describe('patching a card', () => {
  const grace = person('grace', {
    name: 'Grace Hopper',
    headline: 'Computer scientist',
    bio: undefined,
    identities: { github: ['grace-h'], linkedin: ['grace-hopper'] },
  });

  it.each([
    ['CRLF', '\r\n'],
    ['LF', '\n'],
  ])('rewrites only the lines it changes, with %s line ends kept', (_, eol) => {
    const card = PHONE_LINES.join(eol) + eol;
    const patched = patchCard(card, grace);
    const before = card.split(eol);
    const after = patched.split(eol);
    // Every line but TITLE is still there, as it was, in its place.
    const changed = after.filter((line) => !before.includes(line));
    expect(changed).toEqual([
      'TITLE;LANGUAGE=en:Computer scientist',
      'URL:https://www.linkedin.com/in/grace-hopper/',
      'X-PROFILE-CARD-ID:grace',
    ]);
    expect(before.filter((line) => !after.includes(line))).toEqual([
      'TITLE;LANGUAGE=en:Rear Admiral',
    ]);
    expect(patched.includes('\r\n')).toBe(eol === '\r\n');
    // Nothing to change: the very same text.
    expect(patchCard(patched, grace)).toBe(patched);
  });

  it('never deletes what the person does not have (a note, an email)', () => {
    const card = `${PHONE_LINES.slice(0, -1).join('\r\n')}\r\nNOTE:Met at the conference\r\nEMAIL:grace@navy.example\r\nEND:VCARD\r\n`;
    const patched = patchCard(
      card,
      person('grace', {
        name: 'Grace Hopper',
        bio: undefined,
        identities: { github: ['grace-h'], linkedin: [] },
      }),
    );
    expect(patched).toContain('NOTE:Met at the conference\r\n');
    expect(patched).toContain('EMAIL:grace@navy.example\r\n');
  });

  it('makes a new card with a UID, our properties, and the name first', () => {
    const card = newCard(person('ada', { name: 'Ada' }), 'u-1');
    expect(card.startsWith('BEGIN:VCARD\r\nVERSION:4.0\r\nUID:u-1\r\n')).toBe(true);
    expect(card).toContain('FN:Ada\r\n');
    expect(card).toContain('X-PROFILE-CARD-ID:ada\r\n');
  });
});

describe('write-back to a real Radicale', () => {
  let radicale: Radicale;
  let book: string;
  beforeAll(async () => {
    radicale = await startRadicale();
    book = await radicale.makeBook('contacts', 'Phone');
  }, 30_000);
  afterAll(async () => {
    await radicale?.stop();
  });
  beforeEach(async () => {
    await closePeopleDb();
    globalThis.indexedDB = new IDBFactory();
    fakeBrowser.reset();
  });

  const connect = async () => {
    const carddav = createCardDav({
      allowed: async () => true,
      release: async () => {},
      now: () => Date.now(),
    });
    const added = await carddav.add(radicale.origin, radicale.user, radicale.password, [
      { url: book, name: 'Phone', writable: true },
    ]);
    if (!added.ok) throw new Error(added.error);
    const id = added.books[0]?.id ?? '';
    await carddav.setWriteBack(id, true);
    return { carddav, id };
  };

  it('writes nothing while write-back is off (the control for the next test)', async () => {
    const carddav = createCardDav({
      allowed: async () => true,
      release: async () => {},
      now: () => Date.now(),
    });
    await carddav.add(radicale.origin, radicale.user, radicale.password, [
      { url: book, name: 'Phone', writable: true },
    ]);
    const kept = person('nobody', {
      name: 'No Body',
      identities: { github: ['no-body'], linkedin: [] },
    });
    await addPerson(kept);
    expect(await carddav.writeKept('nobody')).toEqual({ written: [], conflicts: [], problems: [] });
    const [listed] = await carddav.list();
    expect(listed?.count).toBe(0);
  });

  it('Keep puts a new card on the server, with the person on it', async () => {
    const { carddav, id } = await connect();
    const kept = person('lin', {
      name: 'Lin Liu',
      headline: 'Kernel hacker',
      contact: { email: 'lin@example.org' },
      identities: { github: ['lin-gh'], linkedin: [] },
    });
    await addPerson(kept);
    expect(await carddav.writeKept('lin')).toEqual({
      written: ['Phone'],
      conflicts: [],
      problems: [],
    });
    const [view] = await carddav.list();
    expect(view).toMatchObject({ id, count: 1 });
    const listing = await fetch(book, {
      method: 'PROPFIND',
      headers: { Authorization: radicale.auth, Depth: '1' },
    });
    const href =
      /<href>(\/alice\/contacts\/[^<]+\.vcf)<\/href>/.exec(await listing.text())?.[1] ?? '';
    const stored = await radicale.get(`${radicale.origin}/`, href);
    expect(stored.body).toContain('FN:Lin Liu');
    expect(stored.body).toContain('TITLE:Kernel hacker');
    expect(stored.body).toContain('EMAIL:lin@example.org');
    expect(stored.body).toContain('URL:https://github.com/lin-gh');
    expect(stored.body).toContain('X-PROFILE-CARD-ID:lin');
    expect(stored.body).toMatch(/UID:[0-9a-f-]{36}/);
    // Saved again unchanged: the same card, not a second one.
    expect((await carddav.writeKept('lin')).written).toEqual(['Phone']);
    expect((await carddav.list())[0]?.count).toBe(1);
  });

  it('a Keep and a quick edit at once make one card, not two', async () => {
    const { carddav } = await connect();
    const before = (await carddav.list())[0]?.count ?? 0;
    await addPerson(
      person('quick', { name: 'Quick Quinn', identities: { github: ['quick-q'], linkedin: [] } }),
    );
    const both = await Promise.all([carddav.writeKept('quick'), carddav.writeKept('quick')]);
    expect(both.map((outcome) => outcome.written)).toEqual([['Phone'], ['Phone']]);
    expect((await carddav.list())[0]?.count).toBe(before + 1);
  });

  it("an edit updates the phone's own card for that handle; everything else on it stays as it was", async () => {
    await radicale.put(book, 'grace.vcf', `${PHONE_LINES.join('\r\n')}\r\n`);
    // Radicale stores a card in its own serialisation: what the server holds before is the base.
    const before = (await radicale.get(book, 'grace.vcf')).body;
    const { carddav } = await connect();
    await addPerson(
      person('grace', {
        name: 'Grace Hopper',
        headline: 'Computer scientist',
        bio: undefined,
        identities: { github: ['grace-h'], linkedin: [] },
      }),
    );
    expect((await carddav.writeKept('grace')).written).toEqual(['Phone']);
    const after = (await radicale.get(book, 'grace.vcf')).body;
    const lines = (text: string) => text.split(/\r\n(?![ \t])/);
    expect(lines(after).filter((line) => !lines(before).includes(line))).toEqual([
      'TITLE;LANGUAGE=en:Computer scientist',
      'X-PROFILE-CARD-ID:grace',
    ]);
    expect(lines(before).filter((line) => !lines(after).includes(line))).toEqual([
      'TITLE;LANGUAGE=en:Rear Admiral',
    ]);
    // The photo, the phone, the address, the groups and the unknown property are all there.
    for (const kept of [
      'PHOTO',
      'TEL;TYPE=CELL',
      'ADR;TYPE=HOME',
      'item1.X-ABLABEL',
      'X-UNKNOWN-THING',
    ])
      expect(after).toContain(kept);
  });

  it('a card changed on the phone meanwhile is a conflict, shown and not overwritten; saving again writes (control)', async () => {
    await radicale.put(book, 'kim.vcf', phoneCard('kim', 'Kim Kay', { github: 'kim-k' }));
    const { carddav } = await connect();
    const kept = person('kim', {
      name: 'Kim Kay',
      headline: 'Designer',
      bio: undefined,
      identities: { github: ['kim-k'], linkedin: [] },
    });
    const added = await addPerson(kept);
    // "On the phone", after the book was read: a new note.
    const phone = phoneCard('kim', 'Kim Kay', {
      github: 'kim-k',
      extra: ['NOTE:Call back on Monday'],
    });
    await radicale.put(book, 'kim.vcf', phone);
    const onServer = (await radicale.get(book, 'kim.vcf')).body;

    const outcome = await carddav.writeKept('kim');
    expect(outcome.written).toEqual([]);
    expect(outcome.conflicts).toEqual([
      'Kim Kay was changed in Phone since Profile Card last read it, so your change was not written there. Refresh the address book, then save Kim Kay again to write over it.',
    ]);
    expect((await radicale.get(book, 'kim.vcf')).body).toBe(onServer);
    expect((await carddav.list())[0]?.conflicts).toEqual([{ id: 'kim', name: 'Kim Kay' }]);

    // The book was refreshed after the conflict: saving again writes over it, knowingly.
    if (!added.ok) throw new Error('not kept');
    await updatePerson({ ...kept, headline: 'Lead designer' }, 1);
    expect((await carddav.writeKept('kim')).written).toEqual(['Phone']);
    const after = (await radicale.get(book, 'kim.vcf')).body;
    expect(after).toContain('TITLE:Lead designer');
    expect(after).toContain('NOTE:Call back on Monday');
    expect((await carddav.list())[0]?.conflicts).toEqual([]);
  });
});
