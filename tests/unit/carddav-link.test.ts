// @vitest-environment node
/**
 * Linking a kept person to an address-book contact (docs/carddav.md#links,
 * people/precedence.ts rule 5). The rule as a pure function; then against
 * a real Radicale (tests/browser/radicale.ts): before the link the user's
 * own person wins the handle (the control), the clash offers the link;
 * linked, cards show the contact's details for that person (under the kept
 * person's id, with their notes), by every handle of either; the link
 * survives a refresh, a restart of the background and a browser-sync pass
 * (which carries neither the link nor the password); with write-back on an
 * edit of the person goes to that very contact (If-Match), a phone edit in
 * between is a conflict that leaves the phone's card as it is; Unlink
 * brings the user's own details back. A contact without handles found by
 * name and linked (nothing written to the server), one contact to one
 * person, and a contact deleted on the server taking its link.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createCardDav } from '../../carddav/service';
import { linkedProfile } from '../../people/precedence';
import type { Profile } from '../../people/schema';
import { closePeopleDb, LINKS_KEY, openPeopleDb } from '../../store/db';
import { addPerson, directoryClashes, lookupKey, shownAs, updatePerson } from '../../store/store';
import { runPass, setSyncOn } from '../../sync';
import { phoneCard, type Radicale, startRadicale } from '../browser/radicale';
import { person } from './fixtures';

describe('the link rule (precedence rule 5)', () => {
  const own = person('my-ada', {
    name: 'Ada (mine)',
    headline: 'Mathematician',
    location: 'London',
    contact: { email: 'ada@mine.example', website: 'https://ada.example/' },
    identities: { github: ['ada-l'], linkedin: [] },
    mine: { note: 'Met at the Analytical Engine talk' },
  });
  const card = person('card-1', {
    name: 'Ada Lovelace',
    headline: undefined,
    bio: 'Countess',
    location: undefined,
    contact: { email: 'ada@phone.example' },
    identities: { github: ['ADA-L', 'ada-two'], linkedin: ['ada-lovelace'] },
  });

  it("shows the contact's fields where it has them, the kept person's elsewhere", () => {
    const shown = linkedProfile(own, card);
    expect(shown).toMatchObject({
      id: 'my-ada',
      name: 'Ada Lovelace',
      headline: 'Mathematician',
      bio: 'Countess',
      location: 'London',
      contact: { email: 'ada@phone.example', website: 'https://ada.example/' },
      identities: { github: ['ada-l', 'ada-two'], linkedin: ['ada-lovelace'] },
      mine: { note: 'Met at the Analytical Engine talk' },
    });
    expect(shown).not.toHaveProperty('directory');
  });

  it('never changes either person', () => {
    const before = JSON.stringify([own, card]);
    linkedProfile(own, card);
    expect(JSON.stringify([own, card])).toBe(before);
  });
});

let radicale: Radicale;
let book: string;
const PASSWORD = 'link-app-pw-8Kq';

const service = () =>
  createCardDav({ allowed: async () => true, release: async () => {}, now: () => Date.now() });

beforeAll(async () => {
  radicale = await startRadicale({ password: PASSWORD });
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

const keptRecord = async (id: string) => (await openPeopleDb()).get('people', id);

describe('a kept person linked to a contact, against Radicale', () => {
  it('links, follows the phone, writes edits to that card, survives restart and sync, unlinks', async () => {
    await radicale.put(
      book,
      'ada.vcf',
      phoneCard('ada', 'Ada Lovelace', {
        github: 'ada-l',
        extra: [
          'TEL;TYPE=CELL:+44 20 7946 0001',
          'X-SOCIALPROFILE;TYPE=linkedin:https://www.linkedin.com/in/ada-lovelace/',
        ],
      }),
    );
    const kept = person('my-ada', {
      name: 'Ada (mine)',
      headline: 'Mathematician',
      identities: { github: ['ada-l'], linkedin: [] },
      mine: { note: 'Met at the Analytical Engine talk' },
    });
    expect((await addPerson(kept)).ok).toBe(true);
    let carddav = service();
    const added = await carddav.add(`127.0.0.1:${radicale.port}`, 'alice', PASSWORD, [
      { url: book, name: 'Phone', writable: true },
    ]);
    if (!added.ok) throw new Error(added.error);
    const id = added.books[0]?.id ?? '';

    // Control: unlinked, the user's own person wins the handle, and the clash offers a link.
    expect(await lookupKey('github:ada-l')).toMatchObject({ id: 'my-ada', name: 'Ada (mine)' });
    const [clash] = await directoryClashes([kept]);
    const contact = clash?.hidden[0];
    expect(contact).toMatchObject({
      name: 'Ada Lovelace',
      directory: 'Phone',
      dir: id,
      book: true,
    });

    const linked = await carddav.link(id, 'my-ada', contact?.id);
    expect(linked).toMatchObject({
      ok: true,
      book: { linked: [{ person: 'my-ada', personName: 'Ada (mine)', cardName: 'Ada Lovelace' }] },
    });
    // Linked, the two are one: no longer listed as a clash.
    expect(await directoryClashes([kept])).toEqual([]);
    const shown = await lookupKey('github:ada-l');
    expect(shown).toMatchObject({
      id: 'my-ada',
      name: 'Ada Lovelace',
      headline: 'Mathematician',
      mine: { note: 'Met at the Analytical Engine talk' },
    });
    expect(shown).not.toHaveProperty('directory');
    // The contact's other handle now names the kept person too.
    expect(await lookupKey('linkedin:ada-lovelace')).toMatchObject({ id: 'my-ada' });
    // The user's own record is as they kept it.
    expect((await keptRecord('my-ada'))?.profile.name).toBe('Ada (mine)');

    // An edit "on the phone", seen after a refresh; the link holds.
    await radicale.put(
      book,
      'ada.vcf',
      phoneCard('ada', 'Ada King', {
        github: 'ada-l',
        extra: ['TEL;TYPE=CELL:+44 20 7946 0001', 'TITLE:Countess of Lovelace'],
      }),
    );
    await carddav.refresh(id);
    expect(await lookupKey('github:ada-l')).toMatchObject({
      id: 'my-ada',
      name: 'Ada King',
      headline: 'Countess of Lovelace',
    });

    // A restart: the database and the service opened afresh.
    await closePeopleDb();
    carddav = service();
    expect(await lookupKey('github:ada-l')).toMatchObject({ id: 'my-ada', name: 'Ada King' });

    // A browser-sync pass: the person syncs, the link and the password do not, and the link holds.
    await setSyncOn(true);
    await runPass();
    const synced = JSON.stringify(await fakeBrowser.storage.sync.get(null));
    expect(synced).toContain('my-ada');
    expect(synced).not.toContain(PASSWORD);
    expect(synced).not.toContain(contact?.id);
    expect(synced).not.toContain('127.0.0.1');
    expect(await lookupKey('github:ada-l')).toMatchObject({ id: 'my-ada', name: 'Ada King' });

    // Write-back: the edit starts from what cards show, and goes to that very card.
    await carddav.setWriteBack(id, true);
    const record = await keptRecord('my-ada');
    const editing = await shownAs(record?.profile as Profile);
    expect(editing.name).toBe('Ada King');
    const saved = await updatePerson({ ...editing, bio: 'First programmer' }, record?.rev ?? 0);
    expect(saved.ok).toBe(true);
    expect(await carddav.writeKept('my-ada')).toEqual({
      written: ['Phone'],
      conflicts: [],
      problems: [],
    });
    const onServer = (await radicale.get(book, 'ada.vcf')).body;
    expect(onServer).toContain('NOTE:First programmer');
    expect(onServer).toContain('FN:Ada King');
    expect(onServer).toContain('TITLE:Countess of Lovelace');
    expect(onServer).toContain('+44 20 7946 0001');
    // No second card was made for her.
    expect((await carddav.list())[0]?.count).toBe(1);

    // A phone edit after the last read: the next write is a conflict, the phone's card stays.
    await radicale.put(
      book,
      'ada.vcf',
      onServer.replace('TITLE:Countess of Lovelace', 'TITLE:Analyst'),
    );
    const phoneVersion = (await radicale.get(book, 'ada.vcf')).body;
    const again = await keptRecord('my-ada');
    await updatePerson({ ...(again?.profile as Profile), location: 'Marylebone' }, again?.rev ?? 0);
    const outcome = await carddav.writeKept('my-ada');
    expect(outcome.conflicts).toHaveLength(1);
    expect((await radicale.get(book, 'ada.vcf')).body).toBe(phoneVersion);

    // Linked, the phone's title shows (the write's refresh read it back).
    expect((await lookupKey('github:ada-l'))?.headline).toBe('Analyst');
    // Unlink: the user's own details show again, as last saved.
    const unlinked = await carddav.link(id, 'my-ada', undefined);
    expect(unlinked).toMatchObject({ ok: true, book: { linked: [] } });
    expect(await lookupKey('github:ada-l')).toMatchObject({
      id: 'my-ada',
      location: 'Marylebone',
    });
    expect((await lookupKey('github:ada-l'))?.headline).toBe('Countess of Lovelace');
    // No link left: lookups answered by the user's own people skip the links again.
    expect(await (await openPeopleDb()).get('meta', LINKS_KEY)).toBe(0);
  }, 60_000);

  it('refuses a link to a contact that is not in the book, and to a person not kept', async () => {
    await radicale.put(book, 'lin.vcf', phoneCard('lin', 'Lin Liu', { github: 'lin-gh' }));
    await addPerson(person('my-lin', { identities: { github: ['lin-gh'], linkedin: [] } }));
    const carddav = service();
    const added = await carddav.add(`127.0.0.1:${radicale.port}`, 'alice', PASSWORD, [
      { url: book, name: 'Phone', writable: true },
    ]);
    if (!added.ok) throw new Error(added.error);
    const id = added.books[0]?.id ?? '';
    expect(await carddav.link(id, 'my-lin', 'card-nosuchthing')).toEqual({
      ok: false,
      error: expect.stringContaining('no longer there'),
    });
    const [clash] = await directoryClashes([
      person('my-lin', { identities: { github: ['lin-gh'], linkedin: [] } }),
    ]);
    const card = clash?.hidden[0]?.id as string;
    expect(await carddav.link(id, 'nobody', card)).toMatchObject({ ok: false });
    // Control: the same contact links to the kept person.
    expect(await carddav.link(id, 'my-lin', card)).toMatchObject({ ok: true });
    expect(await lookupKey('github:lin-gh')).toMatchObject({ id: 'my-lin', name: 'Lin Liu' });
    // Disconnect takes the link with the book.
    await carddav.disconnect(id);
    expect(await (await openPeopleDb()).get('meta', LINKS_KEY)).toBe(0);
    expect(await lookupKey('github:lin-gh')).toMatchObject({ id: 'my-lin', name: 'Person my-lin' });
  }, 30_000);
});

describe('a kept person linked to any contact, chosen by name (against Radicale)', () => {
  it('finds contacts by name, links one contact to one person, and a deleted contact takes its link', async () => {
    // A contact with no handle at all: only a name, a phone number and an email.
    await radicale.put(
      book,
      'ines.vcf',
      phoneCard('ines', 'Inés Okafor', {
        extra: ['TEL;TYPE=CELL:+234 1 555 0101', 'EMAIL:ines@phone.example'],
      }),
    );
    await radicale.put(book, 'iris.vcf', phoneCard('iris', 'Iris Okoro'));
    const mine = person('my-ines', {
      name: 'Ines (mine)',
      identities: { github: ['ines'], linkedin: [] },
      mine: { note: 'Kept from her GitHub page' },
    });
    await addPerson(mine);
    await addPerson(person('my-other', { name: 'Somebody Else' }));
    const carddav = service();
    const added = await carddav.add(`127.0.0.1:${radicale.port}`, 'alice', PASSWORD, [
      { url: book, name: 'Phone', writable: true },
    ]);
    if (!added.ok) throw new Error(added.error);
    const id = added.books[0]?.id ?? '';

    // By name, case- and accent-insensitive, by word prefix; name and book shown.
    const found = await carddav.contacts('ines OKA');
    expect(found).toEqual([
      { dir: id, book: 'Phone', card: expect.stringMatching(/^card-/), name: 'Inés Okafor' },
    ]);
    expect((await carddav.contacts('ok')).map((each) => each.name).sort()).toEqual([
      'Inés Okafor',
      'Iris Okoro',
    ]);
    expect(await carddav.contacts('nobody-by-that-name')).toEqual([]);
    const card = found[0]?.card as string;

    // Control: unlinked, her GitHub handle shows the kept person only.
    expect((await lookupKey('github:ines'))?.contact.email).toBeUndefined();
    expect(await carddav.link(id, 'my-ines', card)).toMatchObject({ ok: true });
    expect(await lookupKey('github:ines')).toMatchObject({
      id: 'my-ines',
      name: 'Inés Okafor',
      contact: { email: 'ines@phone.example' },
      mine: { note: 'Kept from her GitHub page' },
    });
    // Nothing was written to the server by linking.
    expect((await radicale.get(book, 'ines.vcf')).body).not.toContain('github');

    // One contact, one person: a second person cannot take it, and is told why.
    expect(await carddav.contacts('inés')).toEqual([
      expect.objectContaining({ card, linkedTo: { person: 'my-ines', name: 'Ines (mine)' } }),
    ]);
    const twice = await carddav.link(id, 'my-other', card);
    expect(twice).toEqual({
      ok: false,
      error: 'Inés Okafor is already linked to Ines (mine). Unlink them first.',
    });
    expect((await carddav.list())[0]?.linked).toEqual([
      { person: 'my-ines', personName: 'Ines (mine)', card, cardName: 'Inés Okafor' },
    ]);
    // Linking her to the same contact again is no change, not a refusal.
    expect(await carddav.link(id, 'my-ines', card)).toMatchObject({ ok: true });

    // Deleted on the server: after a refresh the link is gone, the person as kept.
    await radicale.remove(book, 'ines.vcf');
    await carddav.refresh(id);
    expect((await carddav.list())[0]?.linked).toEqual([]);
    expect(await (await openPeopleDb()).get('meta', LINKS_KEY)).toBe(0);
    expect(await lookupKey('github:ines')).toMatchObject({ id: 'my-ines', name: 'Ines (mine)' });
    expect((await keptRecord('my-ines'))?.profile).toEqual(
      expect.objectContaining({ name: 'Ines (mine)', mine: { note: 'Kept from her GitHub page' } }),
    );
    // Control: the other contact's refresh kept it, and it can still be linked.
    expect(
      await carddav.link(id, 'my-other', (await carddav.contacts('iris'))[0]?.card),
    ).toMatchObject({
      ok: true,
    });
    await radicale.remove(book, 'iris.vcf');
  }, 30_000);
});
