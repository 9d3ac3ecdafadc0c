/**
 * store/ — IndexedDB: where anything is written. The ONLY folder that opens
 * a `readwrite` transaction (tests/unit/conventions.test.ts holds it so).
 *
 *   db.ts  the people database: record types, schema versions, upgrades
 *        │   people {id, rev, profile, keys} + index keys · hidden · meta
 *        │   directories · directoryPeople · syncBase
 *        ▼
 *   store.ts        the user's people: every change ONE transaction with its precondition
 *        │            ├─ import-write.ts   a confirmed import, at the preview's store version
 *        │            ├─ store-version.ts  the store's version, bumped in the same transaction
 *        │            │    └─ people-rows.ts  the lists' summary (a row per person, and its first
 *        │            │                       100 rows apart for a list's first screen) kept with it
 *        │            ├─ change-feed.ts    local:peopleVersion, a fresh token per commit
 *        │            ├─ migrate.ts        the old storage.local value → db, once, verified
 *        │            └─ storage-errors.ts quota and disk trouble in words
 *        ├─ read-slices.ts       everyone, a slice per task (the worker's: 5,000, the next one asked ahead);
 *        │                       a scan's verdict at the same store version spares the check
 *        ├─ note-save.ts         a card's note, saved for the background
 *        ├─ current-directory.ts the background's source: one key, one index read
 *        ├─ directory-clashes.ts handles a directory's person shares with yours
 *        ├─ directories.ts       team directories' generations (directories/ refreshes them)
 *        ├─ carddav.ts           address books' copies (carddav/ syncs them)
 *        └─ sync-base.ts         what sync last agreed (sync/engine.ts)
 *
 * Handles are checked by people/claims.ts inside the write's own transaction.
 */
export type { Conflict, PersonRecord, Snapshot, WriteResult } from './store';
export {
  addPerson,
  deletePerson,
  importPeople,
  lookupKey,
  readSnapshot,
  setHidden,
  updatePerson,
} from './store';
