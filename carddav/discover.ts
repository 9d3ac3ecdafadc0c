/**
 * From what the user typed to their address books (RFC 6764 §6, RFC 6352 §7):
 *
 *   the address given ── a path? ─▶ ask it first
 *        └─ /.well-known/carddav ── 30x on the same host, followed ─┐
 *           (404, 405, or a redirect the browser hides) ─▶ /  ──────┤
 *   PROPFIND Depth 0: current-user-principal ◀──────────────────────┘
 *   PROPFIND principal, Depth 0: addressbook-home-set
 *   PROPFIND home, Depth 1: resourcetype, displayname, privileges
 *        ─▶ the collections whose resourcetype has <C:addressbook/>
 *
 * An address that is itself an address book is taken as it is. Every
 * request goes to the one origin the user gave (./http.ts).
 */
import { t } from '../i18n/t';
import type { DavAnswer, DavCall } from './http';
import { CARDDAV, DAV, hrefIn, propKey } from './multistatus';
import { CardDavProblem, failure, multistatusOf, statusProblem } from './problems';
import { child } from './xml';

export type Ask = (call: DavCall) => Promise<DavAnswer>;

export interface FoundBook {
  url: string;
  name: string;
  /** The account may write cards there (DAV:write or DAV:all, or the server did not say). */
  writable: boolean;
}

const PROPS_START = `<?xml version="1.0" encoding="utf-8"?>
<d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav"><d:prop>
<d:current-user-principal/><d:resourcetype/><d:displayname/><c:addressbook-home-set/>
</d:prop></d:propfind>`;
const PROPS_HOME = `<?xml version="1.0" encoding="utf-8"?>
<d:propfind xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav"><d:prop>
<c:addressbook-home-set/></d:prop></d:propfind>`;
const PROPS_BOOKS = `<?xml version="1.0" encoding="utf-8"?>
<d:propfind xmlns:d="DAV:"><d:prop>
<d:resourcetype/><d:displayname/><d:current-user-privilege-set/>
</d:prop></d:propfind>`;

const isBook = (resourcetype: ReturnType<typeof child>) =>
  !!child(resourcetype, CARDDAV, 'addressbook');

function writable(privileges: ReturnType<typeof child>): boolean {
  if (!privileges) return true;
  const names = privileges.children.flatMap((privilege) =>
    privilege.children.filter((each) => each.ns === DAV).map((each) => each.name),
  );
  return names.some((name) => name === 'all' || name === 'write' || name === 'write-content');
}

/** `%41` → `A`; a malformed escape from the server is kept as written. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const nameOf = (url: string, displayname: string | undefined) =>
  displayname?.trim() ||
  decoded(new URL(url).pathname.split('/').filter(Boolean).pop() ?? '') ||
  new URL(url).host;

export async function discover(start: string, origin: string, ask: Ask): Promise<FoundBook[]> {
  const propfind = (url: string, body: string, depth: '0' | '1' = '0') =>
    ask({ method: 'PROPFIND', url, body, depth });

  // 1. The context path: the address given if it has a path, else the well-known one, else /.
  const given = new URL(start);
  const tries = [
    ...(given.pathname !== '/' ? [given.href] : []),
    new URL('/.well-known/carddav', origin).href,
    new URL('/', origin).href,
  ];
  let principal: string | undefined;
  let home: string | undefined;
  let lastProblem: CardDavProblem | undefined;
  for (const url of tries) {
    const answer = await propfind(url, PROPS_START);
    if (answer.kind === 'redirect') continue; // hidden Location: try the next
    if (answer.kind !== 'answer') throw failure(answer, origin);
    if (answer.status === 401 || answer.status === 403 || answer.status === 507)
      throw statusProblem(answer.status, origin);
    if (answer.status !== 207) {
      lastProblem = multistatusOfSafe(answer, origin);
      continue;
    }
    const [first] = multistatusOf(answer, origin).responses;
    if (!first) continue;
    const type = first.props.get(propKey(DAV, 'resourcetype'));
    if (isBook(type)) {
      const name = first.props.get(propKey(DAV, 'displayname'))?.text;
      return [{ url: first.href, name: nameOf(first.href, name), writable: true }];
    }
    home = hrefIn(first.props.get(propKey(CARDDAV, 'addressbook-home-set')), answer.url);
    principal = hrefIn(first.props.get(propKey(DAV, 'current-user-principal')), answer.url);
    if (principal || home) break;
  }
  if (!principal && !home)
    throw lastProblem ?? new CardDavProblem(t('cdav_no_principal', new URL(origin).host));

  // 2. The principal's address-book home.
  if (!home && principal) {
    const [first] = multistatusOf(await propfind(principal, PROPS_HOME), origin).responses;
    home = hrefIn(first?.props.get(propKey(CARDDAV, 'addressbook-home-set')), principal);
  }
  if (!home) throw new CardDavProblem(t('cdav_no_home', new URL(origin).host));

  // 3. The address books in it.
  const listed = multistatusOf(await propfind(home, PROPS_BOOKS, '1'), origin);
  const books = listed.responses
    .filter((response) => isBook(response.props.get(propKey(DAV, 'resourcetype'))))
    .filter((response) => new URL(response.href).origin === origin)
    .map((response) => ({
      url: response.href,
      name: nameOf(response.href, response.props.get(propKey(DAV, 'displayname'))?.text),
      writable: writable(response.props.get(propKey(DAV, 'current-user-privilege-set'))),
    }));
  if (books.length === 0) throw new CardDavProblem(t('cdav_no_books', new URL(origin).host));
  return books;
}

function multistatusOfSafe(answer: DavAnswer, origin: string): CardDavProblem {
  try {
    multistatusOf(answer, origin);
    return new CardDavProblem(t('cdav_no_principal', new URL(origin).host));
  } catch (problem) {
    return problem as CardDavProblem;
  }
}
