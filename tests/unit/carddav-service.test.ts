// @vitest-environment node
/**
 * Address books end to end below the browser: carddav/service.ts against a
 * real Radicale (tests/browser/radicale.ts) with node's fetch, and the
 * people database in fake-indexeddb. Connect from just the host, read the
 * contacts into lookups (labelled with the book's name, after the user's
 * own people), an edit and a deletion "on the phone" seen after a refresh,
 * a malformed card among good ones (the others read, the bad one counted;
 * a card with one bad field still shown without it), a refused password and
 * a server that is down (the last good copy stays, and says why), and
 * Disconnect (every record, contact and the password gone; the host given
 * back).
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type CardDavDeps, createCardDav } from '../../carddav/service';
import { closePeopleDb, openPeopleDb } from '../../store/db';
import { addPerson, lookupKey } from '../../store/store';
import { phoneCard, type Radicale, startRadicale } from '../browser/radicale';
import { person } from './fixtures';

let radicale: Radicale;
let book: string;
const released: string[] = [];

const service = (extra: Partial<CardDavDeps> = {}) =>
  createCardDav({
    allowed: async () => true,
    release: async (pattern) => {
      released.push(pattern);
    },
    now: () => Date.now(),
    ...extra,
  });

/** Everything the database holds, as text: to look for the password. */
async function everything(): Promise<string> {
  const db = await openPeopleDb();
  const parts = await Promise.all(
    [...db.objectStoreNames].map(async (name) => JSON.stringify(await db.getAll(name))),
  );
  return parts.join('\n');
}

beforeAll(async () => {
  radicale = await startRadicale({ password: 'app-pw-Zq7' });
  book = await radicale.makeBook('contacts', 'Phone');
}, 30_000);
afterAll(async () => {
  await radicale?.stop();
});
beforeEach(async () => {
  await closePeopleDb();
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
  released.length = 0;
});

describe('an address book as a source of people', () => {
  it('connects, reads, refreshes, keeps the last good copy, and disconnects', async () => {
    await radicale.put(book, 'ada.vcf', phoneCard('ada', 'Ada Lovelace', { github: 'ada-l' }));
    await radicale.put(
      book,
      'lin.vcf',
      phoneCard('lin', 'Lin Liu', {
        extra: [
          'X-SOCIALPROFILE;TYPE=linkedin:https://www.linkedin.com/in/lin-liu/',
          'IMPP:https://github.com/lin-gh',
          'EMAIL:not an email',
        ],
      }),
    );
    // Radicale checks syntax; this card passes it, but its only name is markup, refused here.
    await radicale.put(book, 'bad.vcf', phoneCard('bad', '<img src=x onerror=alert(1)>'));
    const carddav = service();

    const found = await carddav.findBooks(`127.0.0.1:${radicale.port}`, 'alice', 'app-pw-Zq7');
    expect(found).toEqual({ ok: true, books: [{ url: book, name: 'Phone', writable: true }] });
    if (!found.ok) return;
    const added = await carddav.add(
      `127.0.0.1:${radicale.port}`,
      'alice',
      'app-pw-Zq7',
      found.books,
    );
    expect(added).toMatchObject({ ok: true, books: [{ name: 'Phone', count: 2, gen: 1 }] });
    if (!added.ok) return;
    const [view] = added.books;
    expect(JSON.stringify(added)).not.toContain('app-pw-Zq7');
    expect(view?.refused).toMatchObject({
      count: 1,
      first: [expect.stringMatching(/^bad\.vcf: /)],
    });

    expect(await lookupKey('github:ada-l')).toMatchObject({
      name: 'Ada Lovelace',
      directory: 'Phone',
    });
    // IMPP and X-SOCIALPROFILE count; the unusable email is left out, not the person.
    const lin = await lookupKey('linkedin:lin-liu');
    expect(lin).toMatchObject({ name: 'Lin Liu', identities: { github: ['lin-gh'] } });
    expect(lin?.contact.email).toBeUndefined();
    expect(await lookupKey('github:lin-gh')).toMatchObject({ name: 'Lin Liu' });

    // The user's own person with the same handle wins.
    await addPerson(
      person('my-ada', { name: 'My Ada', identities: { github: ['ada-l'], linkedin: [] } }),
    );
    expect(await lookupKey('github:ada-l')).toMatchObject({ name: 'My Ada' });

    // "On the phone": an edit and a deletion, seen after a refresh.
    await radicale.put(
      book,
      'lin.vcf',
      phoneCard('lin', 'Lin Liu-Park', { extra: ['IMPP:https://github.com/lin-gh'] }),
    );
    await radicale.remove(book, 'ada.vcf');
    const id = view?.id ?? '';
    const refreshed = await carddav.refresh(id);
    expect(refreshed).toMatchObject({ count: 1 });
    expect(refreshed?.problem).toBeUndefined();
    expect(await lookupKey('github:lin-gh')).toMatchObject({ name: 'Lin Liu-Park' });
    expect(await lookupKey('linkedin:lin-liu')).toBeUndefined();
    expect(await lookupKey('github:ada-l')).toMatchObject({ name: 'My Ada' });

    // A refused password: said, and the copy stays.
    const wrong = service();
    const db = await openPeopleDb();
    const record = await db.get('directories', id);
    await db.put('directories', {
      ...record,
      carddav: { ...(record as never as { carddav: object }).carddav, password: 'old' },
    } as never);
    const refused = await wrong.refresh(id);
    expect(refused?.problem).toBe(
      `127.0.0.1:${radicale.port} refused the user name or app password (401). Check them, or make a new app password.`,
    );
    expect(await lookupKey('github:lin-gh')).toMatchObject({ name: 'Lin Liu-Park' });

    // Disconnect: records, contacts and the password go; the host is given back.
    expect(await everything()).toContain('Lin Liu-Park');
    expect(await everything()).toContain('"old"');
    expect(await carddav.disconnect(id)).toBe(true);
    expect(await lookupKey('github:lin-gh')).toBeUndefined();
    const left = await everything();
    expect(left).not.toContain('Lin Liu-Park');
    expect(left).not.toContain('"old"');
    expect(left).not.toContain('carddav');
    expect(released).toEqual(['http://127.0.0.1/*']);
    expect(await carddav.list()).toEqual([]);
    // The user's own person is untouched.
    expect(await lookupKey('github:ada-l')).toMatchObject({ name: 'My Ada' });
  });

  it('a server that is down keeps the last good copy and says so', async () => {
    const other = await startRadicale();
    const otherBook = await other.makeBook('contacts', 'Other');
    await other.put(otherBook, 'z.vcf', phoneCard('z', 'Zed Zane', { github: 'zed-z' }));
    const carddav = service();
    const added = await carddav.add(other.origin, other.user, other.password, [
      { url: otherBook, name: 'Other', writable: true },
    ]);
    expect(added).toMatchObject({ ok: true, books: [{ count: 1 }] });
    await other.stop();
    const id = added.ok ? (added.books[0]?.id ?? '') : '';
    const after = await carddav.refresh(id);
    expect(after?.problem).toMatch(
      new RegExp(
        `^Could not reach 127\\.0\\.0\\.1:${other.port}: .+\\. The last good copy stays\\.$`,
      ),
    );
    expect(after?.count).toBe(1);
    expect(await lookupKey('github:zed-z')).toMatchObject({ name: 'Zed Zane', directory: 'Other' });
  }, 30_000);

  it('gives the host back when nothing could be found with that login; keeps it when found (control)', async () => {
    const carddav = service();
    const wrong = await carddav.findBooks(radicale.origin, 'alice', 'not-it');
    expect(wrong).toMatchObject({ ok: false, error: expect.stringMatching(/\(401\)/) });
    expect(released).toEqual(['http://127.0.0.1/*']);
    released.length = 0;
    expect(await carddav.findBooks(radicale.origin, 'alice', 'app-pw-Zq7')).toMatchObject({
      ok: true,
    });
    expect(released).toEqual([]);
  });

  it('asks nothing of a server it may not ask (the permission was not given)', async () => {
    const asked: string[] = [];
    const carddav = service({
      allowed: async () => false,
      fetch: async (call) => {
        asked.push(call.url);
        return { kind: 'stopped' };
      },
    });
    expect(await carddav.findBooks(radicale.origin, 'alice', 'x')).toEqual({
      ok: false,
      error: `Profile Card may not connect to ${radicale.origin}: allow it when your browser asks.`,
    });
    expect(asked).toEqual([]);
  });
});
