/**
 * The user's people: every read and write of the database (./db.ts).
 *
 * Every change is ONE transaction that states its precondition, so a change
 * made in another tab (or by the background) in between is never overwritten:
 *
 *   addPerson(p)            only if no record has p.id (`add`: ConstraintError → conflict)
 *   updatePerson(p, rev)    only if the record is still at `rev`
 *   deletePerson(id, rev)   only if the record is still at `rev`
 *   saveMine(id, mine, exp) only if the record is still at `rev`, or still holds
 *                           the note the card showed (../people/notes.ts)
 *   setHidden(id, bool)     by key: hiding twice is hiding
 *   importPeople(list, at)  only if the whole store is still at version `at`
 *                           (the version the preview was computed from)
 *
 * A refused precondition comes back as a `Conflict` carrying what is stored
 * now, for the page to show ("changed in another tab: …") and let the user
 * retry or keep theirs; nothing is lost either way. Every committed write
 * bumps the store's version in the same transaction and is announced on the
 * change feed (./change-feed.ts).
 *
 * Validation happens once, where data enters: a person added or edited by
 * hand is validated here; an import is validated by its preview
 * (../formats/import.ts), whose output is what is written; legacy data by
 * ./migrate.ts. Reads check only each record's frame (db.ts
 * `recordProblem`): a lookup is one index read, never a scan.
 */
import { t } from '../i18n/t';
import { type IdentityKey, profileKeys } from '../identity/keys';
import { bundledProfiles } from '../people/bundled';
import { bundledHolding, claimOn as claimsOf, type Holders } from '../people/claims';
import { sameMine, withMine, withoutMine } from '../people/notes';
import {
  type DirectoryClaimant,
  linkedProfile,
  resolveClaimants,
  resolveDirectoryClaimants,
  type ShownProfile,
} from '../people/precedence';
import type { Mine, Profile } from '../people/schema';
import { validateProfile } from '../people/validate';
import { announcePeopleChange } from './change-feed';
import {
  type Db,
  LINKS_KEY,
  nextRev,
  openPeopleDb,
  type PersonRecord,
  recordOf,
  recordProblem,
  type Snapshot,
} from './db';
import { type DirectoryClash, findDirectoryClashes } from './directory-clashes';
import { type WriteImportOptions, writeImport } from './import-write';
import { ensureMigrated, isBlocking } from './migrate';
import { plainStorageError, StoreWriteError } from './storage-errors';
import { bumpStoreRev } from './store-version';

export type { DamagedRecord, PersonRecord, Snapshot } from './db';
export type { DirectoryClash } from './directory-clashes';

export type Conflict =
  | { kind: 'exists'; theirs: PersonRecord }
  | { kind: 'changed'; theirs: PersonRecord }
  | { kind: 'gone'; id: string }
  | { kind: 'claimed'; key: IdentityKey; owner: { id: string; name: string } };

export type WriteResult =
  /** `storeRev`: the store's version this write made (a total order of commits). */
  | { ok: true; record?: PersonRecord; storeRev: number; token: string }
  | { ok: false; conflict: Conflict };

export type ImportResult =
  | { ok: true; rev: number; token: string }
  | { ok: false; reason: 'changed' | 'cancelled' };

const bundledById = new Map(bundledProfiles.map((profile) => [profile.id, profile]));

/** The database, once legacy data is moved in; refuses while moving it failed or was refused. */
async function writable(): Promise<Db> {
  const db = await openPeopleDb();
  const outcome = await ensureMigrated();
  if (isBlocking(outcome)) throw new StoreWriteError(outcome.message);
  return db;
}

export async function readSnapshot(): Promise<Snapshot> {
  const db = await openPeopleDb();
  const tx = db.transaction(['people', 'hidden', 'meta']);
  const [records, keys, hidden, rev] = await Promise.all([
    tx.objectStore('people').getAll(),
    tx.objectStore('people').getAllKeys(),
    tx.objectStore('hidden').getAllKeys(),
    tx.objectStore('meta').get('rev'),
    tx.done,
  ]);
  const snapshot: Snapshot = { rev: rev ?? 0, people: [], damaged: [], hidden };
  records.forEach((record, index) => {
    const problem = recordProblem(record);
    if (problem) snapshot.damaged.push({ id: String(keys[index]), problem, raw: record });
    else snapshot.people.push(record);
  });
  return snapshot;
}

/**
 * Who `key` names: the user's claimants from one index read, the bundled
 * ones from memory (with their hidden/replaced state read in the same
 * transaction and the same round trip, used only when no person of the
 * user's claims the key); only when
 * neither does, the people of subscribed directories (one more index read,
 * in a transaction of its own, so a directory being refreshed never delays
 * a lookup that the user's own people answer).
 */
export async function lookupKey(key: IdentityKey): Promise<ShownProfile | undefined> {
  const db = await openPeopleDb();
  const tx = db.transaction(['people', 'hidden', 'meta']);
  const bundled = bundledProfiles.filter((profile) =>
    profileKeys(profile.identities).includes(key),
  );
  // Every read asked at once (one round trip to the database, not three:
  // the popup's first paint waits for this answer, issue 28).
  const [records, links, outIds] = await Promise.all([
    tx.objectStore('people').index('keys').getAll(key),
    tx.objectStore('meta').get(LINKS_KEY),
    Promise.all(
      bundled.map(async (profile) => {
        const [hidden, replaced] = await Promise.all([
          tx.objectStore('hidden').getKey(profile.id),
          tx.objectStore('people').getKey(profile.id),
        ]);
        return hidden !== undefined || replaced !== undefined ? profile.id : undefined;
      }),
    ),
  ]);
  const user = records.filter((record) => !recordProblem(record)).map((record) => record.profile);
  // Bundled people count as replaced or hidden only where no person of the user's claims the key.
  const out = new Set(user.length === 0 ? outIds.filter((id) => id !== undefined) : []);
  const own = resolveClaimants({ user, bundled, bundledOut: (id) => out.has(id) });
  if (own) return user.includes(own) && links ? withLinkedContact(db, own) : own;
  const claimants = await directoryClaimants(db, key);
  // Rule 5: a contact linked to a kept person shows as that person.
  for (const claimant of claimants) {
    if (!claimant.linkedTo) continue;
    const record = await db.get('people', claimant.linkedTo);
    if (record && !recordProblem(record)) return linkedProfile(record.profile, claimant.profile);
  }
  const claimant = resolveDirectoryClaimants(claimants);
  return claimant && { ...claimant.profile, directory: claimant.directory.name };
}

/**
 * The kept person `own` as cards show them: merged with the address-book
 * contact the user linked them to (../people/precedence.ts rule 5), if any — the
 * earliest connected book's link; else as kept. Read only when some link
 * exists (db.ts LINKS_KEY): one read of the (few) directory records, and
 * one of the linked contact.
 */
export async function shownAs(own: Profile): Promise<Profile> {
  const db = await openPeopleDb();
  return (await db.get('meta', LINKS_KEY)) ? withLinkedContact(db, own) : own;
}

async function withLinkedContact(db: Db, own: Profile): Promise<Profile> {
  const tx = db.transaction(['directories', 'directoryPeople']);
  const directories = (await tx.objectStore('directories').getAll())
    .filter((directory) => directory.gen > 0 && directory.links?.[own.id] !== undefined)
    .sort((a, b) => a.subscribedAt - b.subscribedAt);
  for (const directory of directories) {
    const linked = directory.links?.[own.id] as string;
    const record = await tx
      .objectStore('directoryPeople')
      .get([directory.id, directory.gen, linked]);
    if (record?.profile) return linkedProfile(own, record.profile);
  }
  return own;
}

/** The people of subscribed directories (their current copies) who list `key`. */
async function directoryClaimants(
  db: Db,
  key: IdentityKey,
): Promise<(DirectoryClaimant & { linkedTo?: string })[]> {
  const tx = db.transaction(['directories', 'directoryPeople']);
  const [records, directories] = await Promise.all([
    tx.objectStore('directoryPeople').index('keys').getAll(key),
    tx.objectStore('directories').getAll(),
  ]);
  const current = new Map(directories.map((directory) => [directory.id, directory]));
  return records.flatMap((record) => {
    const directory = current.get(record.dir);
    if (!directory || directory.gen !== record.gen || !record.profile) return [];
    const linkedTo = Object.entries(directory.links ?? {}).find(
      ([, card]) => card === record.id,
    )?.[0];
    return [
      {
        profile: record.profile,
        subscribedAt: directory.subscribedAt,
        directory: { id: directory.id, name: directory.name },
        ...(linkedTo && { linkedTo }),
      },
    ];
  });
}

/**
 * Every handle of `people` (the user's, and the visible bundled ones) that
 * a directory's person also has (./directory-clashes.ts). At most `limit`.
 */
export async function directoryClashes(
  people: readonly Profile[],
  limit?: number,
): Promise<DirectoryClash[]> {
  return findDirectoryClashes(await openPeopleDb(), people, limit);
}

/** One person by id, as pages see them (hidden bundled people are nobody). */
export async function personById(id: string): Promise<Profile | undefined> {
  const db = await openPeopleDb();
  const tx = db.transaction(['people', 'hidden']);
  const [record, hidden] = await Promise.all([
    tx.objectStore('people').get(id),
    tx.objectStore('hidden').getKey(id),
  ]);
  if (record && !recordProblem(record)) return record.profile;
  const bundled = bundledById.get(id);
  return bundled && hidden === undefined ? bundled : undefined;
}

/**
 * Whether a card can show someone under `id`: a person `personById` gives,
 * or one in the current copy of a subscribed directory or connected address
 * book. Asked by the background before it keeps a card's state or opens a
 * note for an id a page names (messaging/handler.ts), so a worker that just
 * woke up still knows the card the page shows.
 */
export async function isShownId(id: string): Promise<boolean> {
  if (await personById(id)) return true;
  const db = await openPeopleDb();
  const tx = db.transaction(['directories', 'directoryPeople']);
  const directories = await tx.objectStore('directories').getAll();
  const found = await Promise.all(
    directories
      .filter((directory) => directory.gen > 0)
      .map((directory) =>
        tx.objectStore('directoryPeople').getKey([directory.id, directory.gen, id]),
      ),
  );
  return found.some((key) => key !== undefined);
}

/** Everyone pages can see: the user's people by id, then the visible bundled ones. */
export async function visiblePeople(): Promise<Profile[]> {
  const db = await openPeopleDb();
  const tx = db.transaction(['people', 'hidden']);
  const [records, hidden] = await Promise.all([
    tx.objectStore('people').getAll(),
    tx.objectStore('hidden').getAllKeys(),
  ]);
  const user = records.filter((record) => !recordProblem(record)).map((record) => record.profile);
  const userIds = new Set(user.map((profile) => profile.id));
  const hiddenIds = new Set(hidden);
  return [
    ...user,
    ...bundledProfiles.filter((profile) => !userIds.has(profile.id) && !hiddenIds.has(profile.id)),
  ];
}

function rwTx(db: Db) {
  return db.transaction(['people', 'hidden', 'meta'], 'readwrite');
}

/**
 * Someone else who owns one of `profile`'s identities (people/claims.ts):
 * the holders of each key from one index read, and whether a bundled holder
 * is hidden or replaced, read in the same transaction.
 */
async function claimOn(
  tx: ReturnType<typeof rwTx>,
  profile: Profile,
): Promise<Conflict | undefined> {
  const index = tx.objectStore('people').index('keys');
  const holders = new Map<IdentityKey, Holders>();
  const out = new Set<string>();
  for (const key of new Set(profileKeys(profile.identities))) {
    const user = (await index.getAll(key)).map((record) => record.profile);
    const bundled = bundledHolding(bundledProfiles, key);
    for (const other of bundled) {
      const [hidden, replaced] = await Promise.all([
        tx.objectStore('hidden').getKey(other.id),
        tx.objectStore('people').getKey(other.id),
      ]);
      if (hidden !== undefined || replaced !== undefined) out.add(other.id);
    }
    holders.set(key, { user, bundled });
  }
  const claim = claimsOf(
    profile,
    (key) => holders.get(key) ?? { user: [], bundled: [] },
    (id) => out.has(id),
  );
  if (!claim) return undefined;
  const { id, name } = claim.owner.profile;
  return { kind: 'claimed', key: claim.key, owner: { id, name } };
}

function validated(profile: unknown): Profile {
  const result = validateProfile(profile);
  if (!result.ok) throw new StoreWriteError(t('store_not_saved', result.errors[0] ?? ''));
  const { $schema: _hint, ...clean } = result.value;
  return clean;
}

/** Runs one write transaction; aborts it (writing nothing) when `body` returns a conflict. */
async function write<T extends { ok: boolean }>(
  body: (tx: ReturnType<typeof rwTx>) => Promise<T>,
): Promise<T | (T & { token: string })> {
  const db = await writable();
  const tx = rwTx(db);
  const abort = async () => {
    try {
      tx.abort();
    } catch {
      // Already finished or aborted by the browser.
    }
    await tx.done.catch(() => undefined);
  };
  let result: T;
  try {
    result = await body(tx);
    if (!result.ok) {
      await abort();
      return result;
    }
    await tx.done;
  } catch (error) {
    // Whatever failed, nothing of this transaction may land.
    await abort();
    throw plainStorageError(error);
  }
  return { ...result, token: await announcePeopleChange() };
}

export async function addPerson(input: Profile): Promise<WriteResult> {
  const profile = validated(input);
  return write(async (tx) => {
    const people = tx.objectStore('people');
    const theirs = await people.get(profile.id);
    if (theirs) return { ok: false as const, conflict: { kind: 'exists', theirs } as Conflict };
    const claim = await claimOn(tx, profile);
    if (claim) return { ok: false as const, conflict: claim };
    const record = recordOf(profile, 1);
    await people.add(record);
    return { ok: true as const, record, storeRev: await bumpStoreRev(tx, { put: [record] }) };
  }) as Promise<WriteResult>;
}

export async function updatePerson(input: Profile, rev: number): Promise<WriteResult> {
  const profile = validated(input);
  return write(async (tx) => {
    const people = tx.objectStore('people');
    const theirs = await people.get(profile.id);
    if (!theirs)
      return { ok: false as const, conflict: { kind: 'gone', id: profile.id } as Conflict };
    if (theirs.rev !== rev)
      return { ok: false as const, conflict: { kind: 'changed', theirs } as Conflict };
    const claim = await claimOn(tx, profile);
    if (claim) return { ok: false as const, conflict: claim };
    const record = recordOf(profile, nextRev(rev));
    await people.put(record);
    return { ok: true as const, record, storeRev: await bumpStoreRev(tx, { put: [record] }) };
  }) as Promise<WriteResult>;
}

export function deletePerson(id: string, rev: number): Promise<WriteResult> {
  return write(async (tx) => {
    const people = tx.objectStore('people');
    const theirs = await people.get(id);
    if (!theirs) return { ok: false as const, conflict: { kind: 'gone', id } as Conflict };
    if (theirs.rev !== rev)
      return { ok: false as const, conflict: { kind: 'changed', theirs } as Conflict };
    await people.delete(id);
    return { ok: true as const, storeRev: await bumpStoreRev(tx, { remove: [id] }) };
  }) as Promise<WriteResult>;
}

/** Hides or shows a bundled person: one record per hidden id, no list to rewrite. */
export async function setHidden(id: string, hidden: boolean): Promise<string> {
  if (!bundledById.has(id)) throw new StoreWriteError(t('store_not_bundled', id));
  const result = await write(async (tx) => {
    if (hidden) await tx.objectStore('hidden').put({ id });
    else await tx.objectStore('hidden').delete(id);
    await bumpStoreRev(tx);
    return { ok: true as const };
  });
  return (result as { token: string }).token;
}

/**
 * Writes a confirmed import in one transaction, if the store is still at
 * `basis` (the snapshot's version its preview was computed from); otherwise
 * writes nothing and says so, and the page previews again against what is
 * stored now. `people` come from the preview, which validated them. The
 * transaction itself is ./import-write.ts's, shared with the import worker.
 */
export async function importPeople(
  people: readonly { profile: Profile; rev?: number }[],
  basis: number,
  options?: WriteImportOptions,
): Promise<ImportResult> {
  const result = await writeImport(await writable(), people, basis, options);
  if (!result.ok) return { ok: false, reason: result.reason };
  return { ...result, token: await announcePeopleChange() };
}

/** Removes damaged records the user chose to let go (after downloading them). */
export async function removeDamaged(ids: readonly string[]): Promise<string> {
  const result = await write(async (tx) => {
    const people = tx.objectStore('people');
    for (const id of ids) {
      const record = await people.get(id);
      if (record && recordProblem(record)) await people.delete(id);
    }
    await bumpStoreRev(tx);
    return { ok: true as const };
  });
  return (result as { token: string }).token;
}

/**
 * What a note's writer saw: the record's version (extension pages, which
 * read the record; 0 when the person is bundled and has no record yet), or
 * the memory the card showed (a hovercard in a page, which never holds a
 * record's version).
 */
export type MineExpectation = { rev: number } | { seen: Mine | undefined };

/**
 * Saves the user's note, tags and last-contacted day for one person (issue
 * 26), in ONE transaction that states its precondition, like every edit:
 * a note changed in another tab, or by sync, since the writer read it comes
 * back as a `changed` conflict carrying what is stored now, and nothing is
 * written. A bundled person's first note copies them into the store
 * (`add`: someone else adding them first is a conflict too).
 */
export async function saveMine(
  id: string,
  mine: Mine | undefined,
  expect: MineExpectation,
): Promise<WriteResult> {
  return write(async (tx) => {
    const people = tx.objectStore('people');
    const theirs = await people.get(id);
    if (theirs && recordProblem(theirs))
      return { ok: false as const, conflict: { kind: 'gone', id } as Conflict };
    const stale =
      'rev' in expect
        ? (theirs?.rev ?? 0) !== expect.rev
        : theirs !== undefined && !sameMine(theirs.profile.mine, expect.seen);
    if (theirs && stale)
      return { ok: false as const, conflict: { kind: 'changed', theirs } as Conflict };
    let base = theirs?.profile;
    if (!base) {
      const bundled = bundledById.get(id);
      const hidden = await tx.objectStore('hidden').getKey(id);
      if (!bundled || hidden !== undefined)
        return { ok: false as const, conflict: { kind: 'gone', id } as Conflict };
      if ('seen' in expect && !sameMine(undefined, expect.seen))
        return { ok: false as const, conflict: { kind: 'gone', id } as Conflict };
      base = withoutMine(bundled);
    }
    const record = recordOf(validated(withMine(base, mine)), theirs ? nextRev(theirs.rev) : 1);
    await people.put(record);
    return { ok: true as const, record, storeRev: await bumpStoreRev(tx, { put: [record] }) };
  }) as Promise<WriteResult>;
}
