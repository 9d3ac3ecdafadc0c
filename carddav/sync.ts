/**
 * One address book, brought up to date (RFC 6578 sync-collection, RFC 6352
 * addressbook-query and addressbook-multiget):
 *
 *   sync-token kept? ── yes ─▶ REPORT sync-collection with it ─▶ what changed, what went (404)
 *        │                         └─ token refused (valid-sync-token) ─┐
 *        no ◀───────────────────────────────────────────────────────────┘
 *        ▼
 *   REPORT sync-collection, empty token ─▶ every href + ETag, and a token
 *        └─ report not supported ─▶ REPORT addressbook-query ─▶ every href + ETag, no token
 *   full listing vs the ETags we hold ─▶ changed (new or other ETag) + gone (not listed)
 *        ▼
 *   REPORT addressbook-multiget, MULTIGET_BATCH hrefs at a time ─▶ onCards(batch)
 *   onGone(hrefs); the new token is returned for the caller to keep LAST
 *
 * Only ETags are listed first, so memory holds one batch of cards at a
 * time whatever the book's size; the count is bounded (`maxCards`) before
 * any card is fetched, and so is every entry a listing may hold over all its
 * pages (deletions too: only those of cards held here are kept). The caller writes each batch as it comes and keeps
 * the token only when all went well: a refresh stopped halfway is done
 * again from the old token, and writing a card twice changes nothing.
 */
import { t } from '../i18n/t';
import type { Ask } from './discover';
import { CARDDAV, DAV, type DavResponse, type Multistatus, propKey } from './multistatus';
import { CardDavProblem, failure, multistatusOf, statusProblem } from './problems';

export const MULTIGET_BATCH = 100;
/** The most cards one address book may hold here (the largest directory is 100,000 people too). */
export const MAX_CARDS = 100_000;
/** A server that pages its sync answers (507 on the book itself) is asked again at most this often. */
const MAX_PAGES = 200;

export interface FetchedCard {
  href: string;
  etag: string;
  vcard: string;
}

export interface SyncInput {
  /** The address book's URL (a collection: ends in `/`). */
  url: string;
  origin: string;
  token?: string;
  /** href → ETag of the cards held now. */
  known: ReadonlyMap<string, string>;
  ask: Ask;
  maxCards?: number;
  onCards(cards: FetchedCard[]): Promise<void>;
  onGone(hrefs: string[]): Promise<void>;
  signal?: AbortSignal;
}

export interface SyncOutcome {
  /** The token to keep for the next refresh (none when the server has no sync-collection). */
  token?: string;
  mode: 'incremental' | 'full' | 'query';
  changed: number;
  gone: number;
  /** Cards the server listed but could not send (multiget 404). */
  missing: number;
  total: number;
}

const syncBody = (token: string | undefined) => `<?xml version="1.0" encoding="utf-8"?>
<d:sync-collection xmlns:d="DAV:"><d:sync-token>${escapeXml(token ?? '')}</d:sync-token>
<d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>`;
const QUERY_BODY = `<?xml version="1.0" encoding="utf-8"?>
<c:addressbook-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav">
<d:prop><d:getetag/></d:prop></c:addressbook-query>`;
const multigetBody = (paths: string[]) => `<?xml version="1.0" encoding="utf-8"?>
<c:addressbook-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav">
<d:prop><d:getetag/><c:address-data/></d:prop>
${paths.map((path) => `<d:href>${escapeXml(path)}</d:href>`).join('\n')}
</c:addressbook-multiget>`;

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A card of this book: below its URL, on its origin, not the book itself. */
const inBook = (href: string, book: string) => href !== book && href.startsWith(book);

const etagOf = (response: DavResponse) =>
  response.props.get(propKey(DAV, 'getetag'))?.text.trim() || undefined;

type Listing =
  | { kind: 'delta'; changed: Map<string, string>; gone: Set<string>; token?: string }
  | { kind: 'full'; present: Map<string, string>; token?: string; mode: 'full' | 'query' };

export async function syncBook(input: SyncInput): Promise<SyncOutcome> {
  const { url, origin, ask } = input;
  const maxCards = input.maxCards ?? MAX_CARDS;
  const tooMany = () => new CardDavProblem(t('cdav_too_many', maxCards));
  /** Entries one sync may list in all (a change and a deletion of the same card are two). */
  const maxListed = 2 * maxCards + input.known.size;

  const report = (body: string) => ask({ method: 'REPORT', url, body, depth: '1' });

  /** Runs sync-collection from `token` (empty: everything), following pages. */
  async function collect(
    token: string | undefined,
  ): Promise<Listing | 'token-refused' | 'unsupported'> {
    const changed = new Map<string, string>();
    const gone = new Set<string>();
    let listed = 0;
    let next = token;
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await report(syncBody(next));
      if (answer.kind !== 'answer') throw failure(answer, origin);
      if (answer.status !== 207) {
        if (/valid-sync-token/.test(answer.text) && token) return 'token-refused';
        if ([400, 405, 415, 501].includes(answer.status)) return 'unsupported';
        if (answer.status === 403 && /supported-report/.test(answer.text)) return 'unsupported';
        throw statusProblem(answer.status, origin);
      }
      const status: Multistatus = multistatusOf(answer, origin);
      let more = false;
      for (const response of status.responses) {
        if (response.href === url || `${response.href}/` === url) {
          if (response.status === 507) more = true;
          continue;
        }
        if (!inBook(response.href, url)) continue;
        // Every entry counts, so a server cannot list without end (page after page of 404s).
        if (++listed > maxListed) throw tooMany();
        if (response.status === 404) {
          // Only a card held here can go; any other deletion is nothing to us, and not kept.
          if (input.known.has(response.href)) gone.add(response.href);
          changed.delete(response.href);
          continue;
        }
        const etag = etagOf(response);
        if (etag) {
          changed.set(response.href, etag);
          gone.delete(response.href);
        }
        if (changed.size > maxCards) throw tooMany();
      }
      next = status.syncToken ?? next;
      if (!more || status.syncToken === undefined) {
        return token
          ? { kind: 'delta', changed, gone, ...(next && { token: next }) }
          : { kind: 'full', present: changed, ...(next && { token: next }), mode: 'full' };
      }
    }
    throw statusProblem(507, origin);
  }

  async function query(): Promise<Listing> {
    const status = multistatusOf(await report(QUERY_BODY), origin);
    const present = new Map<string, string>();
    for (const response of status.responses) {
      if (!inBook(response.href, url) || response.status === 404) continue;
      const etag = etagOf(response);
      if (etag) present.set(response.href, etag);
      if (present.size > maxCards) throw tooMany();
    }
    return { kind: 'full', present, mode: 'query' };
  }

  let listing = input.token ? await collect(input.token) : 'token-refused';
  if (listing === 'token-refused') listing = await collect(undefined);
  if (listing === 'token-refused' || listing === 'unsupported') listing = await query();

  let fetch: string[];
  let gone: string[];
  let total: number;
  let mode: SyncOutcome['mode'];
  if (listing.kind === 'delta') {
    fetch = [...listing.changed]
      .filter(([href, etag]) => input.known.get(href) !== etag)
      .map(([href]) => href);
    gone = [...listing.gone].filter((href) => input.known.has(href));
    total = input.known.size + fetch.filter((href) => !input.known.has(href)).length - gone.length;
    mode = 'incremental';
  } else {
    const { present } = listing;
    fetch = [...present]
      .filter(([href, etag]) => input.known.get(href) !== etag)
      .map(([href]) => href);
    gone = [...input.known.keys()].filter((href) => !present.has(href));
    total = present.size;
    mode = listing.mode;
  }
  if (total > maxCards) throw tooMany();

  let missing = 0;
  const absent: string[] = [];
  for (let start = 0; start < fetch.length; start += MULTIGET_BATCH) {
    if (input.signal?.aborted) throw new CardDavProblem(t('cdav_stopped'));
    const hrefs = fetch.slice(start, start + MULTIGET_BATCH);
    const status = multistatusOf(
      await report(multigetBody(hrefs.map((href) => new URL(href).pathname))),
      origin,
    );
    const cards: FetchedCard[] = [];
    const asked = new Set(hrefs);
    for (const response of status.responses) {
      if (!asked.has(response.href)) continue;
      asked.delete(response.href);
      const vcard = response.props.get(propKey(CARDDAV, 'address-data'))?.text;
      const etag = etagOf(response);
      if (vcard === undefined || !etag) {
        if (response.status === 404) absent.push(response.href);
        else missing++;
        continue;
      }
      cards.push({ href: response.href, etag, vcard });
    }
    missing += asked.size;
    await input.onCards(cards);
  }
  gone.push(...absent.filter((href) => input.known.has(href)));
  if (gone.length > 0) await input.onGone(gone);
  return {
    ...(listing.token && { token: listing.token }),
    mode,
    changed: fetch.length,
    gone: gone.length,
    missing,
    total: total - absent.length,
  };
}
