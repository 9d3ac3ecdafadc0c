// @vitest-environment node
/**
 * The CardDAV protocol layer (carddav/) against a real Radicale started by
 * the test (tests/browser/radicale.ts), with node's own fetch: discovery
 * from just the host (RFC 6764), sync-collection from empty and then
 * incrementally (changes, additions, deletions), a refused sync-token, the
 * addressbook-query fallback, the card bound, wrong passwords, and
 * redirects (same host followed; another host refused, and not asked).
 * The XML reader's refusals are tested here too, with the text it reads.
 */
import { createServer, type Server } from 'node:http';
import { discover } from '../../carddav/discover';
import { type DavCall, davFetch } from '../../carddav/http';
import { readMultistatus } from '../../carddav/multistatus';
import { type FetchedCard, syncBook } from '../../carddav/sync';
import { checkServer } from '../../carddav/url';
import { readXml } from '../../carddav/xml';
import { phoneCard, type Radicale, startRadicale } from '../browser/radicale';

let radicale: Radicale;
let book: string;

const askAs =
  (password: string, origin = radicale.origin) =>
  (call: DavCall) =>
    davFetch(call, { origin, credentials: { user: radicale.user, password } });
const ask = (call: DavCall) => askAs(radicale.password)(call);

/** Runs a sync and collects what it delivered. */
async function sync(token: string | undefined, known: Map<string, string>, extra = {}) {
  const cards: FetchedCard[] = [];
  const gone: string[] = [];
  const outcome = await syncBook({
    url: book,
    origin: radicale.origin,
    ...(token && { token }),
    known,
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

beforeAll(async () => {
  radicale = await startRadicale();
  book = await radicale.makeBook('contacts', 'Family & Friends');
  await radicale.makeBook('work', 'Work');
}, 30_000);
afterAll(async () => {
  await radicale?.stop();
});

describe('the XML reader', () => {
  it('reads namespaces by URI, whatever the prefix, with entities and CDATA', () => {
    const root = readXml(
      `<?xml version="1.0"?><x:multistatus xmlns:x="DAV:"><x:response><x:href>/a%20b/&amp;1.vcf</x:href>
      <x:propstat><x:prop><getetag xmlns="DAV:">"e1"</getetag><C:address-data xmlns:C="urn:ietf:params:xml:ns:carddav"><![CDATA[BEGIN:VCARD
FN:A & B
END:VCARD]]></C:address-data></x:prop><x:status>HTTP/1.1 200 OK</x:status></x:propstat></x:response></x:multistatus>`,
    );
    expect(root).toMatchObject({ ns: 'DAV:', name: 'multistatus' });
    const status = readMultistatus(
      `<?xml version="1.0"?><x:multistatus xmlns:x="DAV:"><x:response><x:href>/a/&amp;1.vcf</x:href><x:status>HTTP/1.1 404 Not Found</x:status></x:response></x:multistatus>`,
      'https://dav.example/a/',
    );
    expect(status.responses).toEqual([
      { href: 'https://dav.example/a/&1.vcf', status: 404, props: new Map() },
    ]);
  });

  it.each([
    ['a DOCTYPE (no entity expansion)', '<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'],
    ['an unclosed element', '<multistatus xmlns="DAV:"><response>'],
    ['a mismatched end', '<a><b></a></b>'],
    ['an unknown prefix', '<q:a/>'],
    ['nesting 1000 deep', `${'<a>'.repeat(1000)}${'</a>'.repeat(1000)}`],
  ])('refuses %s', (_, text) => {
    expect(() => readXml(text)).toThrow();
  });
});

describe('discovery', () => {
  it('finds the address books from just the host: well-known, principal, home set', async () => {
    const server = checkServer(`127.0.0.1:${radicale.port}`);
    expect(server).toMatchObject({
      ok: true,
      origin: radicale.origin,
      pattern: 'http://127.0.0.1/*',
    });
    if (!server.ok) return;
    const books = await discover(server.url, server.origin, ask);
    expect(
      books
        .map(({ url, name, writable }) => ({ url, name, writable }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    ).toEqual([
      { url: book, name: 'Family & Friends', writable: true },
      { url: `${radicale.origin}/${radicale.user}/work/`, name: 'Work', writable: true },
    ]);
  });

  it('takes an address that is itself an address book as it is', async () => {
    const books = await discover(book, radicale.origin, ask);
    expect(books).toEqual([{ url: book, name: 'Family & Friends', writable: true }]);
  });

  it('says the password was refused (401), and succeeds with the right one (control)', async () => {
    await expect(discover(radicale.origin, radicale.origin, askAs('wrong'))).rejects.toThrow(
      `127.0.0.1:${radicale.port} refused the user name or app password (401).`,
    );
    await expect(discover(radicale.origin, radicale.origin, ask)).resolves.toHaveLength(2);
  });

  it('never checks an address elsewhere than the origin, nor follows a redirect there', async () => {
    // A server on this machine that redirects everything to Radicale under another host name.
    const asked: string[] = [];
    const other: Server = createServer((request, response) => {
      asked.push(`${request.method} ${request.url} ${request.headers.authorization ?? ''}`);
      response.writeHead(301, { Location: `http://localhost:${radicale.port}${request.url}` });
      response.end();
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const port = (other.address() as { port: number }).port;
    const origin = `http://127.0.0.1:${port}`;
    try {
      const answer = await askAs(
        radicale.password,
        origin,
      )({
        method: 'PROPFIND',
        url: `${origin}/`,
        depth: '0',
      });
      expect(answer).toEqual({ kind: 'elsewhere', to: `localhost:${radicale.port}` });
      await expect(discover(origin, origin, askAs(radicale.password, origin))).rejects.toThrow(
        `127.0.0.1:${port} redirected to another server, localhost:${radicale.port}. It was not followed`,
      );
      // Asked once per try at the redirecting server, never at the other host.
      expect(asked.length).toBeGreaterThan(0);
      expect(asked.every((line) => line.startsWith('PROPFIND '))).toBe(true);
      // Control: the same redirect within one host (Radicale's well-known → /) is followed.
      const same = await ask({
        method: 'PROPFIND',
        url: `${radicale.origin}/.well-known/carddav`,
        depth: '0',
      });
      expect(same).toMatchObject({ kind: 'answer', status: 207, url: `${radicale.origin}/` });
      // And a URL on another origin is refused before anything is sent.
      expect(await ask({ method: 'GET', url: `${origin}/x` })).toEqual({
        kind: 'elsewhere',
        to: `127.0.0.1:${port}`,
      });
    } finally {
      other.close();
    }
  });
});

describe('sync-collection', () => {
  let token: string | undefined;
  const known = new Map<string, string>();
  const apply = (cards: FetchedCard[], gone: string[]) => {
    for (const card of cards) known.set(card.href, card.etag);
    for (const href of gone) known.delete(href);
  };

  it('reads every card with its ETag and a token, from empty', async () => {
    await radicale.put(book, 'ada.vcf', phoneCard('ada', 'Ada Lovelace', { github: 'ada-l' }));
    await radicale.put(book, 'bob.vcf', phoneCard('bob', 'Bob Babbage'));
    await radicale.put(book, 'cyd.vcf', phoneCard('cyd', 'Cyd Charisse'));
    const { outcome, cards, gone } = await sync(undefined, known);
    expect(outcome).toMatchObject({ mode: 'full', changed: 3, gone: 0, total: 3, missing: 0 });
    expect(outcome.token).toMatch(/^http:\/\/radicale\.org\/ns\/sync\//);
    expect(cards.map((card) => card.href).sort()).toEqual(
      ['ada', 'bob', 'cyd'].map((name) => `${book}${name}.vcf`),
    );
    expect(cards.find((card) => card.href.endsWith('ada.vcf'))?.vcard).toContain(
      'item1.URL:https://github.com/ada-l',
    );
    expect(gone).toEqual([]);
    apply(cards, gone);
    token = outcome.token;
  });

  it('then only what changed: an edit, an addition, a deletion', async () => {
    const untouched = await sync(token, known);
    expect(untouched.outcome).toMatchObject({ mode: 'incremental', changed: 0, gone: 0, total: 3 });

    await radicale.put(book, 'ada.vcf', phoneCard('ada', 'Ada King', { github: 'ada-l' }));
    await radicale.put(book, 'dee.vcf', phoneCard('dee', 'Dee Dee'));
    await radicale.remove(book, 'bob.vcf');
    const { outcome, cards, gone } = await sync(token, known);
    expect(outcome).toMatchObject({ mode: 'incremental', changed: 2, gone: 1, total: 3 });
    expect(cards.map((card) => card.href).sort()).toEqual([`${book}ada.vcf`, `${book}dee.vcf`]);
    expect(cards.find((card) => card.href.endsWith('ada.vcf'))?.vcard).toContain('FN:Ada King');
    expect(gone).toEqual([`${book}bob.vcf`]);
    apply(cards, gone);
    expect(outcome.token).not.toBe(token);
    token = outcome.token;
  });

  it('starts over when the server refuses the token, and finds what went meanwhile', async () => {
    await radicale.remove(book, 'dee.vcf');
    const { outcome, cards, gone } = await sync('http://radicale.org/ns/sync/0000', known);
    expect(outcome).toMatchObject({ mode: 'full', changed: 0, gone: 1, total: 2 });
    expect(cards).toEqual([]);
    expect(gone).toEqual([`${book}dee.vcf`]);
    apply(cards, gone);
  });

  it('falls back to addressbook-query where sync-collection is not supported', async () => {
    // Radicale supports it; this wrapper answers 501 for that one report, as a server without it does.
    const withoutSync = (call: DavCall) =>
      call.body?.includes('sync-collection')
        ? Promise.resolve({ kind: 'answer' as const, status: 501, text: '', url: call.url })
        : ask(call);
    await radicale.put(book, 'eve.vcf', phoneCard('eve', 'Eve Evans'));
    const { outcome, cards } = await sync(undefined, known, { ask: withoutSync });
    expect(outcome).toMatchObject({ mode: 'query', changed: 1, gone: 0, total: 3 });
    expect(outcome.token).toBeUndefined();
    expect(cards.map((card) => card.href)).toEqual([`${book}eve.vcf`]);
  });

  it('refuses a book over the bound before fetching any card; at the bound it reads (control)', async () => {
    const fetched: string[] = [];
    const counting = (call: DavCall) => {
      if (call.body?.includes('addressbook-multiget')) fetched.push(call.url);
      return ask(call);
    };
    await expect(sync(undefined, new Map(), { maxCards: 2, ask: counting })).rejects.toThrow(
      'This address book holds more than 2 contacts; Profile Card reads at most 2.',
    );
    expect(fetched).toEqual([]);
    const { outcome } = await sync(undefined, new Map(), { maxCards: 3, ask: counting });
    expect(outcome.total).toBe(3);
    expect(fetched).toHaveLength(1);
  });
});
