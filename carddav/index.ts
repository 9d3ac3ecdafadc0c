/**
 * carddav/ — the user's own address book (iCloud, Fastmail, Nextcloud,
 * mailbox.org, Radicale, Baïkal…) read as a source of people, over CardDAV
 * (RFC 6352) with an app password. Background only: the content script
 * never imports this folder. docs/carddav.md says why the client is our
 * own, where the password is kept, and what is sent where.
 *
 *   url.ts        what the user typed ─▶ one origin + the host permission to ask for
 *   http.ts       THE call site: fetch with Basic auth to that origin only, no cookies,
 *                 redirects read (same host followed, any other host refused), timeout, size cap
 *   xml.ts        a DOMParser-free XML reader (namespaces, no DOCTYPE, bounded depth + attributes)
 *   multistatus.ts  207 Multi-Status ─▶ { href, status, props } + sync-token
 *   problems.ts   every failure ─▶ one sentence naming the server (401, 403, 507, down…)
 *        │
 *        ▼
 *   discover.ts   /.well-known/carddav ─▶ current-user-principal ─▶ addressbook-home-set ─▶ books
 *   sync.ts       sync-collection (token) │ addressbook-query ─▶ ETags ─▶ multiget in batches
 *   cards.ts      vCard ─▶ formats/vcard-lines.ts + vcard-read.ts ─▶ people/validate.ts ─▶ person
 *   store.ts      books = `directories` records with `carddav` (and the password);
 *                 contacts = `directoryPeople` with href + ETag (store/db.ts)
 *   write.ts      Keep / edit ─▶ the card's lines patched, the rest byte for byte ─▶
 *                 PUT If-Match (update) │ If-None-Match: * (new); 412 ─▶ a conflict, shown
 *   service.ts    connect ─ add ─ refresh (about daily) ─ write-back switch ─ disconnect
 *                 ─ contacts by name ─ link (one contact ↔ one kept person)
 *        │
 *        ▼
 *   entrypoints/background/carddav.ts ◀─ messages ─ components/options/CardDavPanel.tsx (options page)
 *
 * Lookups read a book's contacts like a directory's people
 * (store/store.ts `lookupKey`): after the user's own and the bundled
 * people (people/precedence.ts rule 4), labelled with the book's name.
 */
export type { BookView, CardDav, Connected } from './service';
export { createCardDav } from './service';
export { checkServer } from './url';
