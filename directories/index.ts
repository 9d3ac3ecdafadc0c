/**
 * directories/ — a team's directory of people, by URL: opt-in, read-only,
 * fetched from the one address the user gave (the only network request
 * Profile Card makes), refreshed about daily.
 *
 *   promise.ts  the privacy promise, as the options page says it
 *   url.ts      the address: https (or this computer's http), no credentials
 *               ─▶ the host permission to ask for
 *   fetch.ts    THE fetch: no credentials, no cache, no redirects, ETag, size cap, timeout
 *        │
 *        ▼
 *   read.ts     bytes ─▶ formats/decode.ts ─▶ a web page or no directory at all? say so
 *               ─▶ formats/read-entries.ts (JSON, vCard)
 *               ─▶ formats/json-resume.ts ─▶ people/validate.ts ─▶ people + refusals
 *        │        (pausing every 500 entries so the background keeps answering)
 *        ▼
 *   store/directories.ts  directories + directoryPeople (store/db.ts): the next generation
 *               written in batches beside the current one, one transaction swaps
 *   refresh.ts  subscribe ─┬─ refresh (permission? fetch, read, write, swap) ─┬─ unsubscribe
 *                          └─ about daily: due when a day old, checked at start
 *
 * Lookups read directory people in store/store.ts (`lookupKey`), after
 * the user's own and the bundled people (people/precedence.ts).
 */
export type { Fetched } from './fetch';
export { MAX_DIRECTORY_BYTES } from './fetch';
export { privacyPromise } from './promise';
export { createDirectories, isDue } from './refresh';
export { checkDirectoryUrl, defaultName } from './url';
