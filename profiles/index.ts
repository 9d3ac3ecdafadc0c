/**
 * profiles/ — what a person is, where they are kept, and how they come and go.
 *
 *   schema.ts (zod, the one definition) ─▶ validate.ts (sentences: "Email is not an email",
 *        │                                 fields named by field-words.ts as the form names them)
 *        │                                json-schema.ts (data/profile.schema.json for editors)
 *        ▼
 *   import.ts  bytes ─▶ decode.ts (UTF-8/16) ─▶ read-entries.ts (JSON or vCard, by content)
 *              ─▶ salvage.ts (an unusable field is left out, the person kept, and said so)
 *              ─▶ merge.ts (vCard: into the person an identity matches; a name alone only
 *                 for an entry with no identity) ─▶ preview: added/updated/unchanged/refused,
 *                 each update opened by changes.ts to a field-by-field diff
 *   connections-csv.ts  LinkedIn's Connections.csv (d3-dsv) ─▶ the same preview, matched by identity
 *   json-resume.ts  JSON Resume ◀─▶ profile (validates against resume-schema, round-trips)
 *        ▲ clean.ts (outside text into the schema, with notes) · ids.ts uniqueId (an unused id from a name)
 *   export.ts  profiles ─▶ { version: 1, profiles } (re-imports unchanged)
 *   contacts-csv.ts  everyone ◀─▶ a CSV in Google Contacts' columns (formula cells neutralised)
 *   db.ts      IndexedDB: people {id, rev, profile, keys} + index keys → person, hidden, meta
 *        ▲
 *   store.ts   every read and write; each write one transaction with a precondition
 *        │       ├─ migrate.ts       the old storage.local value → db, once, verified
 *        │       ├─ change-feed.ts   local:peopleVersion, a fresh token per commit
 *        │       └─ storage-errors.ts  quota and disk trouble in words
 *        ▼
 *   precedence.ts  who an identity resolves to (user > bundled, hidden out, smaller id)
 *   directory.ts   the whole directory at once, for the options page; clashes reported
 *   current-directory.ts  the background's source: one key, one index read, no cache
 *   search.ts, ids.ts  folding (text/fold.ts) for search, and unique ids made from names
 *   people-rows.ts  the lists' summary in meta (a row per person, folded words), kept by each write
 *        │              (store-version.ts bumps the store's version and hands it the change)
 *        ▼
 *   roster.ts ─▶ search-index.ts  one table and one index per store version: popup and options
 *   roster-claims.ts  the few people a form entry could clash with, from the rows
 *   jobs.ts   import / full export / scan, run in the options page's worker:
 *             read-slices.ts (everyone, a slice per task) · import-write.ts (one transaction, cancellable)
 *
 * zod runs only at these edges; everything else uses the inferred `Profile`.
 * connections-csv.ts and json-resume.ts are read through read-entries.ts
 * (the importer) and imported directly by the pages that need them, not from here.
 */
export { bundledProfiles } from './bundled';
export { currentPeople } from './current-directory';
export type { Directory, IdentityConflict } from './directory';
export { buildDirectory } from './directory';
export { exportDocument } from './export';
export { slugify, uniqueId } from './ids';
export type { ImportResult, Preview, Rejected } from './import';
export { applyPreview, previewImport } from './import';
export type { Profile, Project } from './schema';
export { profileSchema } from './schema';
export { matchesQuery } from './search';
export {
  addPerson,
  deletePerson,
  importPeople,
  lookupKey,
  readSnapshot,
  setHidden,
  updatePerson,
} from './store';
export { validateProfile } from './validate';
