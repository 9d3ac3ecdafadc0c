// @vitest-environment node
/**
 * carddav/ seen from a hostile server: a real server on 127.0.0.1 answers
 * what no honest CardDAV server would, and the real client (davFetch,
 * discover, syncBook, the XML reader) must stay bounded and say something
 * sensible. Each case has its control: the honest answer of the same shape
 * is read, so the probe is known to reach the code it says refuses.
 *
 * Covered elsewhere: a DOCTYPE (entity expansion) and 1,000-deep nesting
 * (carddav-protocol.test.ts), a redirect to another host (same file and
 * tests/browser/carddav-faults.test.ts), an answer over the size bound
 * (carddav-faults.test.ts).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { discover } from '../../carddav/discover';
import { type DavCall, davFetch } from '../../carddav/http';
import { type FetchedCard, syncBook } from '../../carddav/sync';
import { MAX_ATTRIBUTES, readXml } from '../../carddav/xml';

type Handler = (incoming: IncomingMessage, body: string, out: ServerResponse) => void;

let server: Server;
let origin: string;
let handle: Handler = (_, __, out) => out.writeHead(404).end();
const asked: string[] = [];

beforeAll(async () => {
  server = createServer((incoming, out) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      asked.push(`${incoming.method} ${incoming.url} ${body}`);
      handle(incoming, body, out);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
  asked.length = 0;
});

const ask = (call: DavCall) =>
  davFetch(call, { origin, credentials: { user: 'alice', password: 'pw' }, timeoutMs: 5000 });
const multistatus = (out: ServerResponse, inner: string) =>
  out
    .writeHead(207, { 'Content-Type': 'application/xml; charset=utf-8' })
    .end(`<?xml version="1.0"?><d:multistatus xmlns:d="DAV:">${inner}</d:multistatus>`);
const etagEntry = (href: string, etag: string) =>
  `<d:response><d:href>${href}</d:href><d:propstat><d:prop><d:getetag>"${etag}"</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`;
const goneEntry = (href: string) =>
  `<d:response><d:href>${href}</d:href><d:status>HTTP/1.1 404 Not Found</d:status></d:response>`;

async function sync(book: string, extra: Partial<Parameters<typeof syncBook>[0]> = {}) {
  const cards: FetchedCard[] = [];
  const gone: string[] = [];
  const outcome = await syncBook({
    url: book,
    origin,
    known: new Map(),
    ask,
    onCards: async (batch) => {
      cards.push(...batch);
    },
    onGone: async (hrefs) => {
      gone.push(...hrefs);
    },
    ...extra,
  });
  return { outcome, cards, gone };
}

describe('a hostile CardDAV server', () => {
  it('many namespace declarations: refused past MAX_ATTRIBUTES on one element; a real root reads (control)', () => {
    // Each child's one declaration made a copy of every prefix in scope: 5,000 × 5,000.
    const prefixes = Array.from({ length: 5_000 }, (_, i) => `xmlns:p${i}="urn:x:${i}"`).join(' ');
    const children = '<d:response xmlns:q="urn:q"/>'.repeat(5_000);
    expect(() =>
      readXml(`<d:multistatus xmlns:d="DAV:" ${prefixes}>${children}</d:multistatus>`),
    ).toThrow(`more than ${MAX_ATTRIBUTES} attributes`);
    // Control: Nextcloud's root, with its usual declarations, and a child that declares its own.
    const root = readXml(
      `<d:multistatus xmlns:d="DAV:" xmlns:s="http://sabredav.org/ns" xmlns:cal="urn:ietf:params:xml:ns:caldav" xmlns:cs="http://calendarserver.org/ns/" xmlns:oc="http://owncloud.org/ns" xmlns:nc="http://nextcloud.org/ns" xmlns:card="urn:ietf:params:xml:ns:carddav"><d:response xmlns:x="urn:x"><x:a/><card:address-data/></d:response></d:multistatus>`,
    );
    const response = root.children[0];
    expect(response?.children.map((each) => [each.ns, each.name])).toEqual([
      ['urn:x', 'a'],
      ['urn:ietf:params:xml:ns:carddav', 'address-data'],
    ]);
  });

  it('a Location no URL parser takes: said as a redirect, not a crash; a good one is followed (control)', async () => {
    handle = (incoming, _, out) => {
      if (incoming.url === '/bad') out.writeHead(301, { Location: 'http://[oops/' }).end();
      else if (incoming.url === '/good') out.writeHead(301, { Location: '/there' }).end();
      else multistatus(out, '');
    };
    expect(await ask({ method: 'PROPFIND', url: `${origin}/bad`, depth: '0' })).toEqual({
      kind: 'redirect',
    });
    expect(await ask({ method: 'PROPFIND', url: `${origin}/good`, depth: '0' })).toMatchObject({
      kind: 'answer',
      status: 207,
      url: `${origin}/there`,
    });
  });

  it('a book whose address has a malformed escape: found, named as written; a good escape is decoded (control)', async () => {
    handle = (incoming, _, out) =>
      multistatus(
        out,
        `<d:response><d:href>${incoming.url}</d:href><d:propstat><d:prop><d:resourcetype><d:collection/><c:addressbook xmlns:c="urn:ietf:params:xml:ns:carddav"/></d:resourcetype></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`,
      );
    expect(await discover(`${origin}/alice/b%E0%A4%A/`, origin, ask)).toEqual([
      { url: `${origin}/alice/b%E0%A4%A/`, name: 'b%E0%A4%A', writable: true },
    ]);
    expect(await discover(`${origin}/alice/Caf%C3%A9/`, origin, ask)).toEqual([
      { url: `${origin}/alice/Caf%C3%A9/`, name: 'Café', writable: true },
    ]);
  });

  it('a listing without end (page after page of deletions): refused; a listing of the same size in cards reads (control)', async () => {
    const book = `${origin}/alice/book/`;
    let page = 0;
    handle = (_, body, out) => {
      if (body.includes('addressbook-multiget')) {
        const hrefs = [...body.matchAll(/<d:href>([^<]+)<\/d:href>/g)].map((m) => m[1] ?? '');
        multistatus(
          out,
          hrefs
            .map(
              (href) =>
                `<d:response><d:href>${href}</d:href><d:propstat><d:prop><d:getetag>"e"</d:getetag><c:address-data xmlns:c="urn:ietf:params:xml:ns:carddav">BEGIN:VCARD\r\nFN:X\r\nEND:VCARD\r\n</c:address-data></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`,
            )
            .join(''),
        );
        return;
      }
      page++;
      // 30 entries a page, and "there is more" (507 on the book), 50 pages in all.
      const entries = Array.from({ length: 30 }, (_, i) =>
        goneEntry(`/alice/book/p${page}-${i}.vcf`),
      );
      const more =
        page < 50
          ? '<d:response><d:href>/alice/book/</d:href><d:status>HTTP/1.1 507 Insufficient Storage</d:status></d:response>'
          : '';
      multistatus(out, `${entries.join('')}${more}<d:sync-token>t${page}</d:sync-token>`);
    };
    await expect(sync(book, { token: 't0', maxCards: 100 })).rejects.toThrow(
      'more than 100 contacts',
    );
    // It stopped once the entries passed the bound, not after all 50 pages.
    expect(page).toBeLessThan(50);
    // Control: 100 cards listed, within the bound: read.
    page = 0;
    handle = ((previous) => (incoming, body, out) => {
      if (body.includes('sync-collection'))
        multistatus(
          out,
          `${Array.from({ length: 100 }, (_, i) => etagEntry(`/alice/book/c${i}.vcf`, `e${i}`)).join('')}<d:sync-token>t1</d:sync-token>`,
        );
      else previous(incoming, body, out);
    })(handle);
    const { outcome, cards } = await sync(book, { maxCards: 100 });
    expect(outcome).toMatchObject({ mode: 'full', total: 100, changed: 100 });
    expect(cards).toHaveLength(100);
  });

  it('a sync-token of megabytes: not kept (so never sent back); a real one is (control)', async () => {
    const book = `${origin}/alice/book/`;
    let token = `urn:x:${'t'.repeat(2_000_000)}`;
    handle = (_, __, out) =>
      multistatus(
        out,
        `${etagEntry('/alice/book/a.vcf', 'a')}<d:sync-token>${token}</d:sync-token>`,
      );
    const known = new Map([[`${book}a.vcf`, '"a"']]);
    expect((await sync(book, { known })).outcome.token).toBeUndefined();
    token = 'http://radicale.org/ns/sync/6a2f0c';
    expect((await sync(book, { known })).outcome.token).toBe(token);
  });

  it('hrefs outside the book (another book, .., %2e%2e, another host): never fetched; its own card is (control)', async () => {
    const book = `${origin}/alice/book/`;
    handle = (_, body, out) => {
      if (body.includes('sync-collection'))
        multistatus(
          out,
          [
            etagEntry('/alice/other/x.vcf', 'x'),
            etagEntry('/alice/book/../other/y.vcf', 'y'),
            etagEntry('/alice/book/%2e%2e/other/z.vcf', 'z'),
            etagEntry('/alice/book', 'self'),
            etagEntry('http://localhost:9/alice/book/w.vcf', 'w'),
            etagEntry('/alice/book/own.vcf', 'own'),
          ].join('') + '<d:sync-token>t1</d:sync-token>',
        );
      else
        multistatus(
          out,
          `<d:response><d:href>/alice/book/own.vcf</d:href><d:propstat><d:prop><d:getetag>"own"</d:getetag><c:address-data xmlns:c="urn:ietf:params:xml:ns:carddav">BEGIN:VCARD\r\nFN:Own\r\nEND:VCARD\r\n</c:address-data></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`,
        );
    };
    const { outcome, cards } = await sync(book);
    expect(cards.map((card) => card.href)).toEqual([`${book}own.vcf`]);
    expect(outcome.total).toBe(1);
    const multiget = asked.filter((line) => line.includes('addressbook-multiget'));
    expect(multiget).toHaveLength(1);
    expect(multiget[0]).toContain('<d:href>/alice/book/own.vcf</d:href>');
    expect(multiget[0]).not.toMatch(/other|w\.vcf|localhost/);
  });
});
