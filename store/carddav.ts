/**
 * Address books and their contacts, in the people database beside team
 * directories (store/db.ts): a book is a `directories` record that also
 * carries `carddav` (the server, the account, the app password, the sync
 * token), and its contacts are `directoryPeople` records that also carry
 * the card's `href` and `etag`. So lookups (store/store.ts `lookupKey`),
 * the precedence rule (people/precedence.ts rule 4: after the user's own
 * and the bundled people) and the clash list (store/directory-clashes.ts)
 * treat a book's contacts as they treat a directory's people, with no
 * change to the database's schema. store/directories.ts lists only the
 * records without `carddav`, so the directory code never sees a book.
 *
 * Contacts are written in place under generation CARD_GEN: a refresh puts
 * and deletes single cards (each write is one transaction of a batch), and
 * the book's `gen` moves from 0 to CARD_GEN when its first sync is done, so
 * a half-read book is never shown. Disconnecting deletes the records (the
 * password with them) in one transaction, then the contacts in batches.
 */
import { type IDBPTransaction, unwrap } from 'idb';
import { profileKeys } from '../identity/keys';
import type { Profile } from '../people/schema';
import { matchesQuery } from '../people/search';
import {
  type DirectoryPersonRecord,
  type DirectoryRecord,
  LINKS_KEY,
  openPeopleDb,
  type PeopleDb,
} from './db';
import { sweepGenerations, WRITE_BATCH } from './directories';

/** A stored card's id from its href: 64-bit FNV-1a of the UTF-16 code units, in base 36. */
export function cardId(href: string): string {
  let high = 0xcbf29ce4;
  let low = 0x84222325;
  for (let at = 0; at < href.length; at++) {
    low ^= href.charCodeAt(at);
    // multiply the 64-bit (high, low) by the FNV prime 0x100000001b3
    const lowTimes = low * 0x1b3;
    const carry = Math.floor(lowTimes / 0x100000000);
    high = (Math.imul(high, 0x1b3) + Math.imul(low, 0x100) + carry) >>> 0;
    low = lowTimes >>> 0;
  }
  return `card-${high.toString(36)}${low.toString(36).padStart(7, '0')}`;
}

export const CARD_GEN = 1;

export interface BookSettings {
  /** Books found in one connection share it: Disconnect removes them all. */
  account: string;
  /** `https://host[:port]`: the only origin this account is asked at. */
  origin: string;
  user: string;
  /** The app password, kept here only (docs/carddav.md#credentials). */
  password: string;
  /** The sync-token of the last complete refresh (RFC 6578). */
  token?: string;
  /** The server lets this account write cards here. */
  writable: boolean;
  /** The user turned on writing kept people to this book. */
  writeBack: boolean;
  /** Changes not written because the card changed on the server (shown, never overwritten). */
  conflicts?: WriteConflict[];
  /**
   * Changes not written because the server refused or failed (507, 403,
   * down…): shown with the reason until that person is written here.
   */
  failed?: WriteFailure[];
}

export type BookRecord = DirectoryRecord & { carddav: BookSettings };

export interface CardRecord extends DirectoryPersonRecord {
  href: string;
  etag: string;
  /** The kept person this card was written for (its X-PROFILE-CARD-ID). */
  ownId?: string;
}

/** A kept person whose change was not written: the card changed on the server meanwhile. */
export interface WriteConflict {
  id: string;
  name: string;
}

/** A kept person whose change the server did not take, and why (one sentence). */
export interface WriteFailure {
  id: string;
  name: string;
  problem: string;
}

export const isBook = (record: DirectoryRecord): record is BookRecord =>
  typeof (record as Partial<BookRecord>).carddav === 'object';

export async function listBooks(): Promise<BookRecord[]> {
  const db = await openPeopleDb();
  return (await db.getAll('directories'))
    .filter(isBook)
    .sort((a, b) => a.subscribedAt - b.subscribedAt);
}

export async function getBook(id: string): Promise<BookRecord | undefined> {
  const record = await (await openPeopleDb()).get('directories', id);
  return record && isBook(record) ? record : undefined;
}

/** Adds books, one transaction; a book this account already reads is left as it is. */
export async function addBooks(records: readonly BookRecord[]): Promise<BookRecord[]> {
  const db = await openPeopleDb();
  const tx = db.transaction('directories', 'readwrite');
  const all = (await tx.store.getAll()).filter(isBook);
  const added: BookRecord[] = [];
  for (const record of records) {
    const same = all.find(
      (other) => other.url === record.url && other.carddav.user === record.carddav.user,
    );
    if (same) continue;
    await tx.store.add(record);
    added.push(record);
  }
  await tx.done;
  return added;
}

/** Changes a book's fields (and its settings), if it is still connected. */
export async function patchBook(
  id: string,
  patch: Partial<Omit<DirectoryRecord, 'id'>>,
  settings: Partial<BookSettings> = {},
): Promise<BookRecord | undefined> {
  const db = await openPeopleDb();
  const tx = db.transaction('directories', 'readwrite');
  const record = await tx.store.get(id);
  if (!record || !isBook(record)) {
    await tx.done;
    return undefined;
  }
  const next: BookRecord = { ...record, ...patch, carddav: { ...record.carddav, ...settings } };
  for (const key of Object.keys(patch) as (keyof typeof patch)[])
    if (patch[key] === undefined) delete next[key];
  for (const key of Object.keys(settings) as (keyof BookSettings)[])
    if (settings[key] === undefined) delete next.carddav[key];
  await tx.store.put(next);
  await tx.done;
  return next;
}

/** What `setLink` did: linked (or unlinked), or why not. */
export type LinkResult =
  | { ok: true; book: BookRecord }
  /** The book is no longer connected, or the contact no longer in its copy. */
  | { ok: false; why: 'gone' }
  /** The contact is linked to another kept person (`person`). */
  | { ok: false; why: 'taken'; person: string };

/**
 * Links the user's kept person `person` to the book's contact `card` (or
 * unlinks them, `card` undefined): one transaction, on the condition that
 * the book is still connected and, to link, the contact is in its current
 * copy and linked to nobody else. Each kept person links to at most one
 * contact per book, and each contact to one kept person: a contact linked
 * to someone else is refused (the user unlinks first), never taken over.
 * The link lives in the book's record, in this browser only: Disconnect
 * removes it with the book, and the contact's deletion on the server with
 * the contact (`deleteCards`).
 */
export async function setLink(
  dir: string,
  person: string,
  card: string | undefined,
): Promise<LinkResult> {
  const db = await openPeopleDb();
  const tx = db.transaction(['directories', 'directoryPeople', 'meta'], 'readwrite');
  const record = await tx.objectStore('directories').get(dir);
  const there =
    card === undefined ||
    (await tx.objectStore('directoryPeople').getKey([dir, CARD_GEN, card])) !== undefined;
  if (!record || !isBook(record) || !there) {
    await tx.done;
    return { ok: false, why: 'gone' };
  }
  const holder = Object.entries(record.links ?? {}).find(
    ([id, linked]) => card !== undefined && linked === card && id !== person,
  );
  if (holder) {
    await tx.done;
    return { ok: false, why: 'taken', person: holder[0] };
  }
  const links = Object.fromEntries(
    Object.entries(record.links ?? {}).filter(([id]) => id !== person),
  );
  if (card !== undefined) links[person] = card;
  const next: BookRecord = { ...record, links };
  if (Object.keys(links).length === 0) delete next.links;
  await tx.objectStore('directories').put(next);
  await countLinks(tx);
  await tx.done;
  return { ok: true, book: next };
}

/** Writes how many links all directories hold (store/db.ts LINKS_KEY), in `tx`. */
async function countLinks<Names extends ('directories' | 'directoryPeople' | 'meta')[]>(
  tx: IDBPTransaction<PeopleDb, Names, 'readwrite'>,
) {
  const all = await tx.objectStore('directories').getAll();
  const count = all.reduce((sum, each) => sum + Object.keys(each.links ?? {}).length, 0);
  await tx.objectStore('meta').put(count, LINKS_KEY);
}

const bookRange = (dir: string) => IDBKeyRange.bound([dir, CARD_GEN], [dir, CARD_GEN, '\uffff']);

/** href → ETag of every card held for the book, read a batch at a time. */
export async function knownCards(dir: string): Promise<Map<string, string>> {
  const db = await openPeopleDb();
  const known = new Map<string, string>();
  let range = bookRange(dir);
  while (true) {
    const batch = (await db.getAll('directoryPeople', range, WRITE_BATCH)) as CardRecord[];
    for (const record of batch) if (record.href) known.set(record.href, record.etag);
    const last = batch.at(-1);
    if (!last || batch.length < WRITE_BATCH) return known;
    range = IDBKeyRange.bound([dir, CARD_GEN, last.id], [dir, CARD_GEN, '\uffff'], true);
  }
}

export async function cardByHref(dir: string, href: string): Promise<CardRecord | undefined> {
  const db = await openPeopleDb();
  return (await db.get('directoryPeople', [dir, CARD_GEN, cardId(href)])) as CardRecord | undefined;
}

export async function cardById(dir: string, id: string): Promise<CardRecord | undefined> {
  const db = await openPeopleDb();
  return (await db.get('directoryPeople', [dir, CARD_GEN, id])) as CardRecord | undefined;
}

/** Writes cards, one transaction. */
export async function putCards(
  dir: string,
  cards: readonly { href: string; etag: string; profile: Profile; ownId?: string }[],
): Promise<void> {
  if (cards.length === 0) return;
  const db = await openPeopleDb();
  const tx = db.transaction('directoryPeople', 'readwrite');
  const store = unwrap(tx.store);
  for (const { href, etag, profile, ownId } of cards) {
    const record: CardRecord = {
      dir,
      gen: CARD_GEN,
      id: profile.id,
      profile,
      keys: [...new Set(profileKeys(profile.identities))],
      href,
      etag,
      ...(ownId && { ownId }),
    };
    store.put(record);
  }
  await tx.done;
}

/**
 * Deletes the cards at `hrefs`, a batch per transaction. `unlink`: the
 * cards are gone from the server, so a kept person's link to one of them
 * goes in the same transaction (the person stays as kept); a card only
 * unreadable for now keeps its link.
 */
export async function deleteCards(
  dir: string,
  hrefs: readonly string[],
  { unlink = false }: { unlink?: boolean } = {},
): Promise<void> {
  const db = await openPeopleDb();
  for (let start = 0; start < hrefs.length; start += WRITE_BATCH) {
    const ids = new Set(hrefs.slice(start, start + WRITE_BATCH).map(cardId));
    const tx = db.transaction(['directories', 'directoryPeople', 'meta'], 'readwrite');
    const store = unwrap(tx.objectStore('directoryPeople'));
    for (const id of ids) store.delete([dir, CARD_GEN, id]);
    const record = unlink ? await tx.objectStore('directories').get(dir) : undefined;
    const links = Object.entries(record?.links ?? {});
    if (record && links.some(([, card]) => ids.has(card))) {
      const kept = links.filter(([, card]) => !ids.has(card));
      const next: DirectoryRecord = { ...record, links: Object.fromEntries(kept) };
      if (kept.length === 0) delete next.links;
      await tx.objectStore('directories').put(next);
      await countLinks(tx);
    }
    await tx.done;
  }
}

/** A contact found by name (`findCards`), with its book and the kept person it is linked to. */
export interface FoundCard {
  dir: string;
  book: string;
  card: CardRecord;
  /** The id of the kept person this contact is linked to, if any. */
  linkedTo?: string;
}

/**
 * The contacts of every connected book whose name matches `query` (word
 * prefixes, case- and accent-insensitive: people/search.ts), at most
 * `limit`, read a batch at a time; books in the order they were connected.
 */
export async function findCards(query: string, limit: number): Promise<FoundCard[]> {
  const db = await openPeopleDb();
  const found: FoundCard[] = [];
  for (const book of await listBooks()) {
    if (book.gen !== CARD_GEN) continue;
    const holders = new Map(
      Object.entries(book.links ?? {}).map(([person, card]) => [card, person]),
    );
    let range = bookRange(book.id);
    while (found.length < limit) {
      const batch = (await db.getAll('directoryPeople', range, WRITE_BATCH)) as CardRecord[];
      for (const card of batch) {
        if (found.length >= limit) break;
        if (!card.href || !matchesQuery(card.profile.name, query)) continue;
        const linkedTo = holders.get(card.id);
        found.push({ dir: book.id, book: book.name, card, ...(linkedTo && { linkedTo }) });
      }
      const last = batch.at(-1);
      if (!last || batch.length < WRITE_BATCH) break;
      range = IDBKeyRange.bound([book.id, CARD_GEN, last.id], [book.id, CARD_GEN, '\uffff'], true);
    }
    if (found.length >= limit) break;
  }
  return found;
}

/** The book's cards that share a handle with `profile`: the one written for them first. */
export async function cardsOf(dir: string, profile: Profile): Promise<CardRecord[]> {
  const db = await openPeopleDb();
  const tx = db.transaction('directoryPeople');
  const index = tx.store.index('keys');
  const found = new Map<string, CardRecord>();
  for (const key of new Set(profileKeys(profile.identities)))
    for (const record of (await index.getAll(key)) as CardRecord[])
      if (record.dir === dir && record.gen === CARD_GEN && record.href)
        found.set(record.id, record);
  await tx.done;
  return [...found.values()].sort(
    (a, b) => Number(b.ownId === profile.id) - Number(a.ownId === profile.id),
  );
}

export async function countCards(dir: string): Promise<number> {
  return (await openPeopleDb()).count('directoryPeople', bookRange(dir));
}

/**
 * Disconnects an account: its books' records (with the password) go in one
 * transaction, so lookups stop showing its contacts at once; then the
 * contacts themselves, in batches.
 */
export async function removeAccount(
  account: string,
  pause: () => Promise<void>,
): Promise<BookRecord[]> {
  const db = await openPeopleDb();
  const tx = db.transaction(['directories', 'meta'], 'readwrite');
  const store = tx.objectStore('directories');
  const books = (await store.getAll())
    .filter(isBook)
    .filter((book) => book.carddav.account === account);
  for (const book of books) await store.delete(book.id);
  // Their links go with them.
  await countLinks(tx);
  await tx.done;
  for (const book of books) await sweepGenerations(book.id, undefined, pause);
  return books;
}
