// @vitest-environment node
/**
 * The address-book fault sentences in German and Turkish: each fault is
 * played by a real server on 127.0.0.1 (down, slow, 401, 403, 507, 500,
 * malformed, a redirect to another host, an answer over the size bound),
 * asked through the real `davFetch`, and turned into the sentence the
 * options page shows (carddav/problems.ts). Each must be a sentence of that
 * language with the server's host filled in: not the English one, no
 * English the browser or node made up (a fetch error), no placeholder left,
 * and a status code never on its own.
 */
import { createServer, type Server, type ServerResponse } from 'node:http';
import { type DavAnswer, davFetch } from '../../carddav/http';
import { CardDavProblem, failure, multistatusOf } from '../../carddav/problems';
import { type Catalog, catalogLookup } from '../../i18n/catalog';
import { setLookup } from '../../i18n/t';
import de from '../../public/_locales/de/messages.json';
import en from '../../public/_locales/en/messages.json';
import tr from '../../public/_locales/tr/messages.json';

type Fault = keyof typeof play;

const play = {
  slow: (_: ServerResponse) => undefined,
  '401': (out: ServerResponse) => out.writeHead(401, { 'WWW-Authenticate': 'Basic' }).end(),
  '403': (out: ServerResponse) => out.writeHead(403).end('Forbidden'),
  '507': (out: ServerResponse) => out.writeHead(507).end('Insufficient Storage'),
  '500': (out: ServerResponse) => out.writeHead(500).end('Internal Server Error'),
  '404': (out: ServerResponse) => out.writeHead(404).end('Not Found'),
  malformed: (out: ServerResponse) =>
    out.writeHead(207, { 'Content-Type': 'application/xml' }).end('<multistatus xmlns="DAV:"><'),
  doctype: (out: ServerResponse) =>
    out
      .writeHead(207, { 'Content-Type': 'application/xml' })
      .end('<!DOCTYPE x [<!ENTITY a "aaaa">]><multistatus xmlns="DAV:">&a;</multistatus>'),
  elsewhere: (out: ServerResponse) =>
    out.writeHead(301, { Location: 'http://localhost:9/alice/' }).end(),
  huge: (out: ServerResponse) =>
    out.writeHead(207, { 'Content-Length': String(64 * 1024 * 1024) }).end(),
};

let server: Server;
let origin: string;
let host: string;
let downOrigin: string;
const held: ServerResponse[] = [];

beforeAll(async () => {
  server = createServer((incoming, out) => {
    const fault = (incoming.url ?? '').slice(1) as Fault;
    if (fault === 'slow') held.push(out);
    else play[fault](out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  origin = `http://127.0.0.1:${port}`;
  host = `127.0.0.1:${port}`;
  // A port that was listening and is closed now: a server that is down.
  const down = createServer();
  await new Promise<void>((resolve) => down.listen(0, '127.0.0.1', resolve));
  downOrigin = `http://127.0.0.1:${(down.address() as { port: number }).port}`;
  await new Promise<void>((resolve) => down.close(() => resolve()));
});
afterAll(async () => {
  for (const out of held) out.destroy();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});
afterEach(() => setLookup(catalogLookup(en as Catalog), 'en-US'));

/** The sentence the user reads for one fault, in the catalog's language. */
async function sentence(fault: Fault | 'down', catalog: Catalog, ui: string): Promise<string> {
  setLookup(catalogLookup(catalog), ui);
  const at = fault === 'down' ? downOrigin : origin;
  const answer: DavAnswer = await davFetch(
    { method: 'REPORT', url: `${at}/${fault}`, body: '<x/>', depth: '1' },
    {
      origin: at,
      credentials: { user: 'alice', password: 'pw' },
      timeoutMs: 300,
      maxBytes: 1024 * 1024,
    },
  );
  try {
    multistatusOf(answer, at);
  } catch (problem) {
    expect(problem).toBeInstanceOf(CardDavProblem);
    return (problem as Error).message;
  }
  // A fault that did not fail is the test's mistake: say which.
  return answer.kind === 'answer' ? `no fault: ${answer.status}` : failure(answer, at).message;
}

/** English that is never German or Turkish: from our sentences, node's and the browsers'. */
const ENGLISH =
  /\b(answered|refused|did not|could not|redirected|the last good copy|not well-formed|network error|fetch failed|failed to fetch|NetworkError|Headers Timeout|no room left|does not let|Insufficient Storage\b(?!\)))/i;

const FAULTS = [
  'down',
  'slow',
  '401',
  '403',
  '507',
  '500',
  '404',
  'malformed',
  'doctype',
  'elsewhere',
  'huge',
] as const;

describe.each([
  ['German', de as Catalog, 'de-DE'],
  ['Turkish', tr as Catalog, 'tr-TR'],
])('address-book faults in %s', (_, catalog, ui) => {
  it.each(FAULTS)('%s: a sentence in the language, naming the server', async (fault) => {
    const english = await sentence(fault, en as Catalog, 'en-US');
    const said = await sentence(fault, catalog, ui);
    const server = fault === 'down' ? new URL(downOrigin).host : host;
    // Control: the English sentence is one the probe below recognises as English.
    expect(english).toMatch(ENGLISH);
    expect(english).toContain(server);
    expect(said).toContain(server);
    expect(said).not.toBe(english);
    expect(said).not.toMatch(ENGLISH);
    expect(said).not.toMatch(/\$[A-Z_]+\$|\/[a-z]+\/\d|undefined/);
    // A status code is said with words around it, never alone after the host.
    const words = said
      .replace(server, '')
      .replace(/\b\d{3}\b/g, '')
      .split(/\s+/)
      .filter((word) => /\p{L}{2}/u.test(word));
    expect(words.length).toBeGreaterThanOrEqual(5);
  });
});
