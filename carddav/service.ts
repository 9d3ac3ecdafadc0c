/**
 * Address books in the background: connect (discover, then add the books
 * the user picked), find contacts by name and link a kept person to one, refresh (one at a time per book; due about daily, like
 * directories), write-back switch, and Disconnect. Every failure is kept in
 * the book's record as one sentence (`problem`) and the last good copy of
 * its contacts stays; nothing here touches the user's own people.
 *
 *   connect ─▶ ./url.ts ─▶ allowed? ─▶ ./discover.ts ─▶ books to pick
 *   add ─▶ ../store/carddav.ts addBooks ─▶ refresh each
 *   refresh ─▶ allowed? ─▶ ./sync.ts (ETags, token) ─▶ ./cards.ts per card
 *           ─▶ ../store/carddav.ts putCards / deleteCards ─▶ token, count, gen 1
 *           ─▶ announce on the people store's change feed
 *   disconnect ─▶ ../store/carddav.ts removeAccount (records + password, then cards)
 *              ─▶ give the host permission back unless something else reads it
 */
import { t } from '../i18n/t';
import type { Profile } from '../people/schema';
import {
  addBooks,
  type BookRecord,
  CARD_GEN,
  cardById,
  countCards,
  deleteCards,
  findCards,
  getBook,
  knownCards,
  listBooks,
  patchBook,
  putCards,
  removeAccount,
  setLink,
  type WriteConflict,
  type WriteFailure,
} from '../store/carddav';
import { announcePeopleChange } from '../store/change-feed';
import { type DirectoryRecord, openPeopleDb, recordProblem } from '../store/db';
import { clip, defang } from '../text/characters';
import { readCard } from './cards';
import { discover, type FoundBook } from './discover';
import { type Credentials, type DavAnswer, type DavCall, type DavOptions, davFetch } from './http';
import { CardDavProblem } from './problems';
import { MAX_CARDS, syncBook } from './sync';
import { checkServer } from './url';
import { writeTo } from './write';

export const REFRESH_AFTER_MS = 24 * 60 * 60 * 1000;
export const RETRY_AFTER_MS = 60 * 60 * 1000;
/** Card refusals named in the book's status; the rest are counted. */
const NAMED = 5;

export interface CardDavDeps {
  fetch?: (call: DavCall, options: DavOptions) => Promise<DavAnswer>;
  /** Does the extension hold the host permission `pattern`? */
  allowed(pattern: string): Promise<boolean>;
  release(pattern: string): Promise<void>;
  now(): number;
  pause?: () => Promise<void>;
  maxCards?: number;
  timeoutMs?: number;
}

/** A book as the options page sees it: never the password. */
export type BookView = Omit<DirectoryRecord, never> & {
  server: string;
  user: string;
  account: string;
  writable: boolean;
  writeBack: boolean;
  conflicts: WriteConflict[];
  /** Writes the server refused or failed, with why. */
  failed: WriteFailure[];
  /** Kept people linked to a contact of this book (docs/carddav.md#links), with both names. */
  linked: BookLink[];
};

export interface BookLink {
  person: string;
  personName: string;
  card: string;
  cardName: string;
}

export const viewOf = (book: BookRecord, linked: BookLink[] = []): BookView => {
  const { carddav, ...rest } = book;
  return {
    ...rest,
    linked,
    server: carddav.origin,
    user: carddav.user,
    account: carddav.account,
    writable: carddav.writable,
    writeBack: carddav.writeBack,
    conflicts: carddav.conflicts ?? [],
    failed: carddav.failed ?? [],
  };
};

/** A contact found by name for "Link to an address-book contact…", as the options page sees it. */
export interface ContactMatch {
  /** The book's id and name. */
  dir: string;
  book: string;
  /** The contact's record id and name. */
  card: string;
  name: string;
  /** The kept person it is linked to already: it cannot be linked to a second. */
  linkedTo?: { person: string; name: string };
}

/** Contacts listed for one search, at most. */
export const CONTACT_MATCHES = 20;

export type Connected = { ok: true; books: FoundBook[] } | { ok: false; error: string };

export interface WriteOutcome {
  /** Names of the books the person was written to. */
  written: string[];
  /** One sentence per book where the card had changed meanwhile. */
  conflicts: string[];
  problems: string[];
}

/** A card's file name for messages: decoded when it can be, clipped, defanged. */
function fileOf(href: string): string {
  const last = new URL(href).pathname.split('/').pop() ?? '';
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    // A malformed escape from the server: shown as written.
  }
  return clip(defang(name), 60);
}

/** The book as the options page sees it, with the names of the people it links. */
async function withLinks(book: BookRecord): Promise<BookView> {
  const db = await openPeopleDb();
  const linked: BookLink[] = [];
  for (const [person, card] of Object.entries(book.links ?? {})) {
    const [kept, contact] = await Promise.all([db.get('people', person), cardById(book.id, card)]);
    linked.push({
      person,
      personName: kept && !recordProblem(kept) ? kept.profile.name : person,
      card,
      cardName: contact?.profile.name ?? t('cdav_link_contact_gone'),
    });
  }
  return viewOf(book, linked);
}

export function isDue(book: DirectoryRecord, now: number): boolean {
  const stale = book.fetchedAt === undefined || now - book.fetchedAt >= REFRESH_AFTER_MS;
  const resting = book.checkedAt !== undefined && now - book.checkedAt < RETRY_AFTER_MS;
  return stale && !resting;
}

export function createCardDav(deps: CardDavDeps) {
  const pause = deps.pause ?? (() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
  const running = new Map<
    string,
    { done: Promise<BookRecord | undefined>; stop: AbortController }
  >();
  const fetchDav = deps.fetch ?? davFetch;
  /**
   * Writes run one after another: a Keep and a quick edit of the same person
   * must not both find no card and create two, and each write ends with the
   * refresh that reads its card back.
   */
  let writing: Promise<unknown> = Promise.resolve();

  const askFor =
    (origin: string, credentials: Credentials, signal?: AbortSignal) => (call: DavCall) =>
      fetchDav(call, {
        origin,
        credentials,
        ...(signal && { signal }),
        ...(deps.timeoutMs && { timeoutMs: deps.timeoutMs }),
      });

  async function findBooks(server: string, user: string, password: string): Promise<Connected> {
    const checked = checkServer(server);
    if (!checked.ok) return checked;
    if (!user.trim() || !password) return { ok: false, error: t('cdav_need_login') };
    if (!(await deps.allowed(checked.pattern)))
      return { ok: false, error: t('cdav_not_allowed', checked.origin) };
    try {
      const books = await discover(
        checked.url,
        checked.origin,
        askFor(checked.origin, { user: user.trim(), password }),
      );
      return { ok: true, books };
    } catch (problem) {
      // Nothing connected: the host granted for this click is given back (unless in use).
      await releaseUnlessUsed(checked.origin);
      return { ok: false, error: (problem as Error).message };
    }
  }

  async function refreshOnce(id: string, signal: AbortSignal): Promise<BookRecord | undefined> {
    const book = await getBook(id);
    if (!book) return undefined;
    const { origin, user, password, token } = book.carddav;
    const checkedAt = deps.now();
    const pattern = checkServer(origin);
    if (!pattern.ok || !(await deps.allowed(pattern.pattern)))
      return patchBook(id, { checkedAt, problem: t('cdav_not_allowed', origin) });
    const refused: string[] = [];
    let refusedCount = 0;
    try {
      const outcome = await syncBook({
        url: book.url,
        origin,
        ...(token && { token }),
        known: await knownCards(id),
        ask: askFor(origin, { user, password }, signal),
        maxCards: deps.maxCards ?? MAX_CARDS,
        signal,
        onCards: async (cards) => {
          if (!(await getBook(id))) throw new CardDavProblem(t('cdav_stopped'));
          const read = [];
          const unreadable: string[] = [];
          for (const card of cards) {
            const result = readCard(card.vcard, card.href);
            if (result.ok)
              read.push({
                href: card.href,
                etag: card.etag,
                profile: result.profile,
                ...(result.ownId && { ownId: result.ownId }),
              });
            else {
              refusedCount++;
              unreadable.push(card.href);
              if (refused.length < NAMED) refused.push(`${fileOf(card.href)}: ${result.error}`);
            }
          }
          await putCards(id, read);
          // A card that was readable before and is not now: its old copy goes.
          await deleteCards(id, unreadable);
          await pause();
        },
        // Gone from the server: a kept person's link to one goes with it.
        onGone: (hrefs) => deleteCards(id, hrefs, { unlink: true }),
      });
      const count = await countCards(id);
      const done = await patchBook(
        id,
        {
          gen: CARD_GEN,
          count,
          checkedAt,
          fetchedAt: checkedAt,
          problem: undefined,
          // An incremental refresh sees only what changed: cards refused before stay counted.
          ...(refusedCount > 0
            ? { refused: { count: refusedCount, first: refused } }
            : outcome.mode !== 'incremental' && { refused: undefined }),
        },
        { token: outcome.token },
      );
      await announcePeopleChange();
      return done;
    } catch (problem) {
      const message =
        problem instanceof CardDavProblem
          ? problem.message
          : t('cdav_failed', (problem as Error)?.message ?? '');
      // Cards written before the failure are kept; they are newer and correct.
      if (book.gen === CARD_GEN) await announcePeopleChange();
      return patchBook(id, { checkedAt, problem: message });
    }
  }

  const refresh = (id: string): Promise<BookRecord | undefined> => {
    let pending = running.get(id);
    if (!pending) {
      const stop = new AbortController();
      const done = refreshOnce(id, stop.signal).finally(() => running.delete(id));
      pending = { done, stop };
      running.set(id, pending);
    }
    return pending.done;
  };

  /** Gives the host back unless a directory or another book still reads it. */
  async function releaseUnlessUsed(origin: string) {
    const checked = checkServer(origin);
    if (!checked.ok) return;
    const db = await openPeopleDb();
    const others = (await db.getAll('directories')).map((record) =>
      checkServer((record as Partial<BookRecord>).carddav?.origin ?? record.url),
    );
    if (!others.some((other) => other.ok && other.pattern === checked.pattern))
      await deps.release(checked.pattern);
  }

  return {
    refresh: async (id: string) => {
      const book = await refresh(id);
      return book && withLinks(book);
    },
    list: async () => Promise.all((await listBooks()).map(withLinks)),

    /**
     * Links the user's kept person `person` to the book's contact `card`, or
     * unlinks them (`card` undefined): cards then show the two as one
     * (people/precedence.ts rule 5) and write-back updates that contact.
     */
    async link(
      id: string,
      person: string,
      card: string | undefined,
    ): Promise<{ ok: true; book: BookView } | { ok: false; error: string }> {
      const kept = await (await openPeopleDb()).get('people', person);
      if (card !== undefined && (!kept || recordProblem(kept)))
        return { ok: false, error: t('options_person_gone') };
      const linked = await setLink(id, person, card);
      if (!linked.ok && linked.why === 'taken') {
        const [contact, holder] = await Promise.all([
          cardById(id, card ?? ''),
          (await openPeopleDb()).get('people', linked.person),
        ]);
        return {
          ok: false,
          error: t(
            'cdav_link_taken',
            contact?.profile.name ?? card ?? '',
            holder && !recordProblem(holder) ? holder.profile.name : linked.person,
          ),
        };
      }
      if (!linked.ok) return { ok: false, error: t('cdav_link_gone') };
      await announcePeopleChange();
      return { ok: true, book: await withLinks(linked.book) };
    },

    /**
     * Contacts of every connected book whose name matches `query` (case- and
     * accent-insensitive word prefixes), for linking one to a kept person by
     * name: each with its book and whom it is linked to already. Read from
     * this browser's copy only; nothing is asked of the server.
     */
    async contacts(query: string): Promise<ContactMatch[]> {
      if (!query.trim()) return [];
      const db = await openPeopleDb();
      const matches: ContactMatch[] = [];
      for (const found of await findCards(query.slice(0, 200), CONTACT_MATCHES)) {
        const holder = found.linkedTo && (await db.get('people', found.linkedTo));
        matches.push({
          dir: found.dir,
          book: found.book,
          card: found.card.id,
          name: found.card.profile.name,
          ...(found.linkedTo && {
            linkedTo: {
              person: found.linkedTo,
              name: holder && !recordProblem(holder) ? holder.profile.name : found.linkedTo,
            },
          }),
        });
      }
      return matches;
    },
    findBooks,

    /** Connects the books the user picked (found by `findBooks` with the same login). */
    async add(
      server: string,
      user: string,
      password: string,
      picked: readonly { url: string; name: string; writable: boolean }[],
    ): Promise<{ ok: true; books: BookView[] } | { ok: false; error: string }> {
      const checked = checkServer(server);
      if (!checked.ok) return checked;
      if (!(await deps.allowed(checked.pattern)))
        return { ok: false, error: t('cdav_not_allowed', checked.origin) };
      const account = crypto.randomUUID();
      const now = deps.now();
      const records: BookRecord[] = picked
        .filter((book) => new URL(book.url).origin === checked.origin)
        .map((book, index) => ({
          id: crypto.randomUUID(),
          url: book.url,
          name: book.name.trim().slice(0, 80) || new URL(book.url).host,
          subscribedAt: now + index,
          gen: 0,
          count: 0,
          carddav: {
            account,
            origin: checked.origin,
            user: user.trim(),
            password,
            writable: book.writable,
            writeBack: false,
          },
        }));
      if (records.length === 0) return { ok: false, error: t('cdav_pick_one') };
      const added = await addBooks(records);
      if (added.length === 0) return { ok: false, error: t('cdav_already') };
      const books: BookView[] = [];
      for (const book of added) {
        const after = await refresh(book.id);
        if (after) books.push(viewOf(after));
      }
      return { ok: true, books };
    },

    async setWriteBack(id: string, on: boolean) {
      const book = await patchBook(id, {}, { writeBack: on });
      return book ? withLinks(book) : null;
    },

    /** Deletes the account of book `id`: every book of it, their contacts and the password. */
    async disconnect(id: string): Promise<boolean> {
      const book = await getBook(id);
      if (!book) return false;
      const books = (await listBooks()).filter(
        (each) => each.carddav.account === book.carddav.account,
      );
      for (const each of books) {
        const pending = running.get(each.id);
        pending?.stop.abort();
        await pending?.done.catch(() => undefined);
      }
      await removeAccount(book.carddav.account, pause);
      await announcePeopleChange();
      await releaseUnlessUsed(book.carddav.origin);
      return true;
    },

    /**
     * Writes a kept person to every book with write-back on (./write.ts):
     * which books took it, which had changed meanwhile (kept as conflicts,
     * shown, never overwritten), and why others failed.
     */
    async refreshDue(): Promise<void> {
      for (const book of await listBooks()) if (isDue(book, deps.now())) await refresh(book.id);
    },

    writePerson,
    /** Writes the user's kept person `id` (nobody else: never a bundled or a book's person). */
    async writeKept(id: string): Promise<WriteOutcome> {
      const record = await (await openPeopleDb()).get('people', id);
      if (!record || recordProblem(record)) return { written: [], conflicts: [], problems: [] };
      return writePerson(record.profile);
    },
  };

  function writePerson(profile: Profile): Promise<WriteOutcome> {
    const next = writing.then(() => writeNow(profile));
    writing = next.catch(() => undefined);
    return next;
  }

  async function writeNow(profile: Profile): Promise<WriteOutcome> {
    const outcome: WriteOutcome = { written: [], conflicts: [], problems: [] };
    for (const book of await listBooks()) {
      if (!book.carddav.writeBack || !book.carddav.writable) continue;
      const { origin, user, password } = book.carddav;
      const ask = askFor(origin, { user, password });
      let result: 'written' | 'conflict';
      // Earlier failures of this person's writes here: replaced by this one's outcome.
      const failed = (book.carddav.failed ?? []).filter((each) => each.id !== profile.id);
      try {
        result = await writeTo(book, profile, ask);
      } catch (problem) {
        const reason = (problem as Error).message;
        outcome.problems.push(t('cdav_not_written', profile.name, book.name, reason));
        // Kept in the book's record, so the options page says it whoever asked for the write.
        await patchBook(
          book.id,
          {},
          { failed: [...failed, { id: profile.id, name: profile.name, problem: reason }] },
        );
        continue;
      }
      const others = (book.carddav.conflicts ?? []).filter(
        (conflict) => conflict.id !== profile.id,
      );
      const conflicts =
        result === 'conflict' ? [...others, { id: profile.id, name: profile.name }] : others;
      await patchBook(
        book.id,
        {},
        {
          conflicts: conflicts.length > 0 ? conflicts : undefined,
          failed: failed.length > 0 ? failed : undefined,
        },
      );
      if (result === 'conflict')
        outcome.conflicts.push(t('cdav_conflict', profile.name, book.name));
      else outcome.written.push(book.name);
      // The book's copy takes the new card (and its ETag), or the phone's version.
      await refresh(book.id);
    }
    return outcome;
  }
}

export type CardDav = ReturnType<typeof createCardDav>;
