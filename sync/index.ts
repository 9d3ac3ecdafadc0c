/**
 * sync/ — the user's own people and settings on every browser they use,
 * carried by the browser's own sync (`storage.sync`), not by a server of ours.
 *
 *   entry.ts    a person in sync: the versions no write has superseded
 *               (version vector, hybrid-clock stamp, device, person | deleted)
 *   merge.ts    merge = maximal versions of both (commutative, associative,
 *               idempotent); localWrite = a write here that supersedes them
 *   compact.ts  a person in one-letter keys ◀─▶ profile (exact, validated on the way in)
 *   items.ts    entries ◀─▶ storage.sync items: p:<id> (chunked past 8 KB),
 *               set (settings), fmt; reading is the edge (zod + the profile schema)
 *   quota.ts    Chrome's and Firefox's limits; "187 of 240 people sync; …"
 *   rate.ts     how long to wait before the next write
 *   settings.ts each setting a last-writer-wins register
 *        │
 *        ▼
 *   reconcile.ts  planPass: local ─┬─ base ─┬─ remote ─▶ plan (pure)
 *        │
 *        ▼
 *   engine.ts   runPass: read ─▶ plan ─▶ people store (store/store.ts) ─▶
 *               storage.sync (one set, one remove) ─▶ syncBase ─▶ status
 *   runner.ts   one pass at a time, again on request, later when asked
 */

export type { SyncConflict, SyncStatus } from './engine';
export { eraseSync, isSyncOn, readStatus, resolveConflict, runPass, setSyncOn } from './engine';
export { mergeEntries } from './merge';
