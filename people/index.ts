/**
 * people/ — what a person is: the schema and the rules about a person, pure
 * (no IndexedDB, no extension APIs, no file formats).
 *
 *   schema.ts (zod, the one definition) ─▶ validate.ts (sentences: "Email is not an email",
 *        │  limits.ts (the card's bounds)     fields named by field-words.ts as the form names them)
 *        │  lazy-schema.ts: every schema a getter, built on first use (`profileSchema()`),
 *        │                  for all floors above (settings, sync, store, messaging too)
 *        ├─▶ quick-check.ts  a fast "surely valid" with the same patterns (else ask zod), for reads
 *        │                   and imports (a yes is zod's output itself, keys in its order)
 *        ├─▶ clean.ts    outside text into the schema, with notes
 *        ├─▶ ids.ts      uniqueId: an unused id from a name
 *        ├─▶ merge.ts    an entry with some fields into the person an identity matches
 *        ├─▶ changes.ts  what an update changes, field by field
 *        ├─▶ notes.ts    the user's own note, tags, last contacted (issue 26)
 *        └─▶ bundled.ts  the people that ship with the extension (data/profiles/*.json)
 *
 *   claims.ts      WHO OWNS A HANDLE — the one rule (the user's person; a bundled person
 *                  unless hidden or replaced; never a directory's), for store, sync, imports, Keep
 *   precedence.ts  who an identity resolves to on a card (user > bundled > directories)
 *   directory.ts   the whole directory at once (identity → person), clashes reported
 *   search.ts ─▶ search-index.ts  matching typed text, one index per store version
 *
 * Above this floor: formats/ (bytes ⇄ people), store/ (IndexedDB), jobs/ (the
 * options page's worker). zod runs only at the edges; elsewhere the inferred `Profile`.
 */
export { bundledProfiles } from './bundled';
export { claimOn, handleOwners, ownerOf } from './claims';
export { slugify, uniqueId } from './ids';
export type { Profile, Project } from './schema';
export { profileSchema } from './schema';
export { matchesQuery } from './search';
