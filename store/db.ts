/**
 * The people database: IndexedDB on the extension's origin, opened through
 * `idb` (https://github.com/jakearchibald/idb), a thin promise layer over the
 * browser's own API. The background (MV3 service worker, Firefox's MV2
 * background page) and extension pages open it directly; content scripts
 * never do (in a content script IndexedDB is the *page's* database:
 * https://developer.chrome.com/docs/extensions/develop/concepts/storage-and-cookies).
 *
 *   people   { id, rev, profile, keys[] }   one record per person
 *            index "keys" (multiEntry): identity key → person, one read per lookup
 *   hidden   { id }                         one record per hidden bundled person
 *   meta     "rev" → the store's version    bumped by every write transaction,
 *                                           so an import can say "nothing changed
 *                                           since the preview" in one read
 *
 * Version 2 (issue 14) adds, leaving every version-1 store as it was:
 *
 *   syncBase        { id, entry }           per person: what browser sync and this
 *                                           browser last agreed on (sync/engine.ts)
 *   directories     { id, url, name, gen, … } one record per subscribed directory
 *   directoryPeople { dir, gen, id, profile, keys }  key [dir, gen, id]
 *            index "keys" (multiEntry): identity key → directory people; only
 *            records of their directory's current `gen` count (a refresh
 *            writes the next gen beside the current one, then one small
 *            transaction moves `gen`: store/directories.ts)
 *
 * `rev` (per record and for the store) is a safe integer. Reads check only
 * the fields below, so records may carry more.
 */

import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { t } from '../i18n/t';
import { type IdentityKey, profileKeys } from '../identity/keys';
import { surelyValidProfile } from '../people/quick-check';
import type { Profile } from '../people/schema';
import { validateProfile } from '../people/validate';
import type { Entry, SettingStamps } from './sync-records';

export const DB_NAME = 'profile-card';
/** The schema version this build creates and reads (2: sync and directories). */
export const DB_VERSION = 2;

export interface PersonRecord {
  id: string;
  /** The record's version: 1 when added, +1 per change. */
  rev: number;
  profile: Profile;
  /** profileKeys(profile.identities), deduplicated: what the "keys" index holds. */
  keys: IdentityKey[];
}

/** What this browser and browser sync last agreed on for one person (or, under "#settings", the settings). */
/** A record that fails its frame check (`recordProblem`), kept for the user to download. */
export interface DamagedRecord {
  id: string;
  problem: string;
  /** The record as stored, for the user to download. */
  raw: unknown;
}

/** Everything stored, read in one transaction: a consistent basis for a preview. */
export interface Snapshot {
  /** The store's version when read. */
  rev: number;
  people: PersonRecord[];
  damaged: DamagedRecord[];
  hidden: string[];
}

export interface SyncBaseRecord {
  id: string;
  entry?: Entry;
  settings?: SettingStamps;
}

/** A directory the user subscribed to, and how its last fetch went. */
export interface DirectoryRecord {
  id: string;
  /** The https:// address the user gave. */
  url: string;
  /** The label its people carry on cards. */
  name: string;
  subscribedAt: number;
  /** The generation of directoryPeople that lookups read; 0 before the first good copy. */
  gen: number;
  /** People in the current copy. */
  count: number;
  /** The server's ETag for the current copy, sent back as If-None-Match. */
  etag?: string;
  /** When the server last gave or confirmed (304) the current copy. */
  fetchedAt?: number;
  /** When a fetch was last tried, whatever came of it. */
  checkedAt?: number;
  /** Why the last try did not replace the copy; cleared by the next good one. */
  problem?: string;
  /** Entries of the current copy left out, and the first few reasons. */
  refused?: { count: number; first: string[] };
  /**
   * Kept people the user linked to one of this list's people (an address
   * book's contact, carddav/): kept person's id → that record's id. Local
   * to this browser, like the rest of the record (../people/precedence.ts rule 5).
   */
  links?: Record<string, string>;
}

/**
 * `meta` key: how many kept people are linked to a directory's person
 * (DirectoryRecord `links`, kept by store/carddav.ts in the transaction that
 * changes them). Lookups read the links only when it is above 0, so a lookup
 * the user's own people answer stays one index read and one point read.
 */
export const LINKS_KEY = 'links';

export interface DirectoryPersonRecord {
  dir: string;
  gen: number;
  id: string;
  profile: Profile;
  keys: IdentityKey[];
}

export interface PeopleDb extends DBSchema {
  people: { key: string; value: PersonRecord; indexes: { keys: string } };
  hidden: { key: string; value: { id: string } };
  meta: { key: string; value: number };
  syncBase: { key: string; value: SyncBaseRecord };
  directories: { key: string; value: DirectoryRecord };
  directoryPeople: {
    key: [string, number, string];
    value: DirectoryPersonRecord;
    indexes: { keys: string };
  };
}

export type Db = IDBPDatabase<PeopleDb>;

/** The database was made by a newer version of the extension: read nothing, write nothing. */
export class NewerDatabaseError extends Error {
  constructor() {
    super(t('store_newer_db'));
  }
}

/** The next version after `rev`; wraps before leaving the safe integers. */
export const nextRev = (rev: number) => (rev >= Number.MAX_SAFE_INTEGER - 1 ? 1 : rev + 1);

export const recordOf = (profile: Profile, rev: number): PersonRecord => ({
  id: profile.id,
  rev,
  profile,
  keys: [...new Set(profileKeys(profile.identities))],
});

let opening: Promise<Db> | undefined;

/**
 * The one connection of this context. A failed open is not remembered (the
 * next call tries again), and the connection closes itself when a newer
 * version needs the database, so an update is never blocked by an open tab.
 */
export function openPeopleDb(): Promise<Db> {
  if (!opening) {
    const attempt = openDB<PeopleDb>(DB_NAME, DB_VERSION, {
      upgrade(db, oldVersion, _newVersion, transaction) {
        // An upgrade that fails rejects the open itself; its transaction's own
        // promise must not be left rejected with no one listening.
        transaction.done.catch(() => undefined);
        if (oldVersion < 1) {
          const people = db.createObjectStore('people', { keyPath: 'id' });
          people.createIndex('keys', 'keys', { multiEntry: true });
          db.createObjectStore('hidden', { keyPath: 'id' });
          db.createObjectStore('meta');
        }
        if (oldVersion < 2) {
          // New stores only: version 1's people, hidden ids and meta stay as they are.
          db.createObjectStore('syncBase', { keyPath: 'id' });
          db.createObjectStore('directories', { keyPath: 'id' });
          const people = db.createObjectStore('directoryPeople', { keyPath: ['dir', 'gen', 'id'] });
          people.createIndex('keys', 'keys', { multiEntry: true });
        }
      },
      blocking(_current, _blocked, event) {
        (event.target as IDBDatabase).close();
        if (opening === attempt) opening = undefined;
      },
      terminated() {
        if (opening === attempt) opening = undefined;
      },
    }).catch((error: unknown) => {
      if (opening === attempt) opening = undefined;
      throw (error as DOMException)?.name === 'VersionError' ? new NewerDatabaseError() : error;
    });
    opening = attempt;
  }
  return opening;
}

/** Forgets this context's connection (tests; a deleted database). */
export async function closePeopleDb(): Promise<void> {
  const current = opening;
  opening = undefined;
  (await current?.catch(() => undefined))?.close();
}

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((entry) => typeof entry === 'string');

/**
 * The check every read makes before a record may answer anything: its frame
 * (ids, version, the fields the lookups and lists rely on), the handles it
 * is indexed under (each must be one of its profile's own, or a record could
 * answer a lookup for someone its profile does not name), and the profile
 * against the schema (a record written by an older version, or changed on
 * disk, may no longer hold). Returns the problem, or undefined for a sound
 * record. Damaged data is listed for the user and never impersonates
 * anyone (issue 21). A sound profile is told by a quick check of the same
 * rules (people/quick-check.ts: in Node this check of 100,000 stored
 * records took 0.31 s against 0.94 s with zod; an export reads them all);
 * any other goes to the schema, as before.
 */
export function recordProblem(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return t('store_rec_not_object');
  const record = value as Partial<PersonRecord>;
  if (typeof record.id !== 'string' || !ID.test(record.id)) return t('store_rec_no_id');
  if (!Number.isSafeInteger(record.rev) || (record.rev as number) < 1)
    return t('store_rec_no_version');
  if (!isStringList(record.keys)) return t('store_rec_no_keys');
  const profile = record.profile as Partial<Profile> | undefined;
  if (!profile || typeof profile !== 'object') return t('store_rec_no_profile');
  if (profile.id !== record.id) return t('store_rec_id_mismatch');
  if (typeof profile.name !== 'string') return t('store_rec_no_name');
  const identities = profile.identities as Partial<Profile['identities']> | undefined;
  if (!identities || !isStringList(identities.github) || !isStringList(identities.linkedin))
    return t('store_rec_no_identities');
  const own = new Set<string>(profileKeys(identities as Profile['identities']));
  if (!record.keys.every((key) => own.has(key))) return t('store_rec_keys_not_own');
  // The quick yes first (people/quick-check.ts: it says yes only where the
  // schema does); for anything else the schema gives the verdict and its words.
  if (surelyValidProfile(profile)) return undefined;
  const valid = validateProfile(profile);
  if (!valid.ok) return t('store_rec_invalid', valid.errors[0] ?? '');
  return undefined;
}
