/**
 * formats/ — bytes ⇄ people: every file the user hands in or takes out.
 * Pure: text in, people and refusals (in words) out; nothing is written here.
 *
 *   import.ts  bytes ─▶ decode.ts (UTF-8/16) ─▶ read-entries.ts (which format, by content)
 *        │       ├─ JSON: a profile, a list, an export { version, profiles } (export.ts)
 *        │       │        json-error.ts says where JSON text goes wrong
 *        │       ├─ vCard 2.1–4.0: vcard-lines.ts (syntax) ─▶ vcard-read.ts (fields)
 *        │       ├─ connections-csv.ts  LinkedIn's Connections.csv (d3-dsv), matched by identity
 *        │       ├─ contacts-csv.ts     Google Contacts' columns (formula cells neutralised)
 *        │       └─ json-resume.ts      JSON Resume ◀─▶ person (round-trips)
 *        ▼
 *   salvage.ts  an unusable field is left out, the person kept, and said so
 *        ▼
 *   preview: added / updated / unchanged / refused, handles checked by people/claims.ts
 *   import-backup.ts  a backup of any size, previewed in slices (the worker's entry),
 *                     who is known built once (import.ts `knownPeople`) and grown per slice
 *
 *   out: export.ts (JSON backup, whole or a slice at a time) · vcard.ts (4.0 for a card, 3.0 for all) ·
 *        contacts-csv.ts · json-resume.ts · export-files.ts (names and types of the files)
 *   json-schema.ts  data/profile.schema.json for editors, from people/schema.ts
 *
 * What is previewed is written by store/ (store.ts `importPeople`, import-write.ts).
 */
export { exportDocument } from './export';
export type { ImportContext, ImportResult, Preview, Rejected } from './import';
export { applyPreview, previewImport } from './import';
export { previewFile } from './import-backup';
export { toVCard, vcardFileName } from './vcard';
export { readVCards } from './vcard-read';
