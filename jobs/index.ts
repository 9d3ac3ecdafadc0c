/**
 * jobs/ — the options page's work on everyone, and the lists' table.
 *
 *   jobs.ts  the runner of entrypoints/options/jobs-worker.ts (a worker: no page thread held)
 *      preview ─▶ store/read-slices.ts ─▶ formats/import-backup.ts ─▶ a view of the preview
 *      commit  ─▶ store/import-write.ts (one transaction, at the preview's store version)
 *      scan    ─▶ damaged records, clashes, tags, directories' shared handles; its verdict
 *                 and store version go back to the page…
 *      export  ─▶ formats/ (JSON written slice by slice as read: export.ts exportInParts; vCard, CSV),
 *                 …which hands them to the export: at that version no record is checked again
 *
 *   roster.ts         one table of rows + people/search-index.ts per store version,
 *                     what the popup's list and the options page's table draw
 *   roster-claims.ts  the few people a form entry could clash with, from the rows
 */
export type { JobEvent, JobRequest } from './jobs';
export { createJobRunner } from './jobs';
export type { Roster, RosterKind } from './roster';
export { buildRoster, bundledRoster } from './roster';
