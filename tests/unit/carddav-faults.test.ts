// @vitest-environment node
/**
 * Faulty address-book servers (carddav/service.ts): the real Radicale
 * behind a small proxy on 127.0.0.1 that injects one fault at a time —
 * a server too slow to answer, a 403 (Radicale's own, for a book the
 * account may not read), 507 Insufficient Storage on a write, an answer
 * that is not XML, an answer far over the size bound. Each fault: a clear
 * status naming the server, the last good copy kept, the user's own people
 * unchanged; and each has its control (the same call without the fault
 * succeeds), so the probe is known to see the thing it says is absent.
 */
import 'fake-indexeddb/auto';
import { createServer, request as forward, type Server } from 'node:http';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type DavCall, davFetch, MAX_ANSWER_BYTES } from '../../carddav/http';
import { createCardDav } from '../../carddav/service';
import { closePeopleDb } from '../../store/db';
import { addPerson, lookupKey } from '../../store/store';
import { phoneCard, type Radicale, startRadicale } from '../browser/radicale';
import { person } from './fixtures';

type Fault = 'none' | 'slow' | 'put-507' | 'not-xml' | 'huge';

let radicale: Radicale;
let proxy: Server;
let origin: string;
let fault: Fault = 'none';

beforeAll(async () => {
  radicale = await startRadicale();
  const book = await radicale.makeBook('contacts', 'Phone');
  await radicale.put(book, 'ada.vcf', phoneCard('ada', 'Ada Lovelace', { github: 'ada-f' }));
  proxy = createServer((incoming, outgoing) => {
    const now = fault;
    if (now === 'put-507' && incoming.method === 'PUT') {
      outgoing.writeHead(507, { 'Content-Type': 'text/plain' });
      outgoing.end('Insufficient Storage');
      return;
    }
    if (now === 'huge' && incoming.method === 'REPORT') {
      // Chunked, no Content-Length: the cap is met while reading.
      outgoing.writeHead(207, { 'Content-Type': 'application/xml' });
      const chunk = Buffer.alloc(1024 * 1024, 'a');
      let sent = 0;
      const more = () => {
        while (sent < MAX_ANSWER_BYTES + 2 * chunk.length) {
          sent += chunk.length;
          if (!outgoing.write(chunk)) return void outgoing.once('drain', more);
        }
        outgoing.end();
      };
      outgoing.on('error', () => undefined);
      more();
      return;
    }
    const upstream = forward(
      {
        host: '127.0.0.1',
        port: radicale.port,
        method: incoming.method,
        path: incoming.url,
        headers: incoming.headers,
      },
      (answer) => {
        const send = () => {
          if (now === 'not-xml' && incoming.method === 'REPORT') {
            answer.resume();
            outgoing.writeHead(207, { 'Content-Type': 'application/xml' });
            outgoing.end('<html><body>Welcome to our portal</body>');
            return;
          }
          outgoing.writeHead(answer.statusCode ?? 500, answer.headers);
          answer.pipe(outgoing);
        };
        if (now === 'slow') setTimeout(send, 3000);
        else send();
      },
    );
    incoming.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(proxy.address() as { port: number }).port}`;
}, 30_000);
afterAll(async () => {
  proxy?.closeAllConnections();
  proxy?.close();
  await radicale?.stop();
});
beforeEach(async () => {
  await closePeopleDb();
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
  fault = 'none';
});

const host = () => new URL(origin).host;
const bookUrl = () => `${origin}/${radicale.user}/contacts/`;

/** A connected book with Ada read (the good copy), and one person of the user's own. */
async function connected(timeoutMs?: number) {
  const carddav = createCardDav({
    allowed: async () => true,
    release: async () => {},
    now: () => Date.now(),
    ...(timeoutMs && { timeoutMs }),
  });
  await addPerson(
    person('mine', { name: 'Mine', identities: { github: ['mine-gh'], linkedin: [] } }),
  );
  const added = await carddav.add(origin, radicale.user, radicale.password, [
    { url: bookUrl(), name: 'Phone', writable: true },
  ]);
  if (!added.ok) throw new Error(added.error);
  const id = added.books[0]?.id ?? '';
  expect(added.books[0]).toMatchObject({ count: 1 });
  return { carddav, id };
}

/** The last good copy and the user's own person, as they were. */
async function unchanged() {
  expect(await lookupKey('github:ada-f')).toMatchObject({
    name: 'Ada Lovelace',
    directory: 'Phone',
  });
  expect(await lookupKey('github:mine-gh')).toMatchObject({ name: 'Mine' });
}

describe('a faulty server', () => {
  it.each([
    ['too slow to answer', 'slow', `${'HOST'} did not answer in time. The last good copy stays.`],
    [
      'an answer that is not XML',
      'not-xml',
      `${'HOST'} did not answer as a CardDAV server does: the answer never closes <html>`,
    ],
    [
      'an answer over the size bound',
      'huge',
      `${'HOST'} sent more than 32 MB in one answer; it was not read. The last good copy stays.`,
    ],
  ] as const)(
    '%s: said, and the last good copy stays',
    async (_, which, said) => {
      // Only the slow server's case waits less than the real timeout (the proxy holds 3 s).
      const { carddav, id } = await connected(which === 'slow' ? 1000 : undefined);
      fault = which;
      const after = await carddav.refresh(id);
      expect(after?.problem).toBe(said.replace('HOST', host()));
      expect(after?.count).toBe(1);
      await unchanged();
      // Control: without the fault, the same refresh works.
      fault = 'none';
      expect((await carddav.refresh(id))?.problem).toBeUndefined();
    },
    30_000,
  );

  it("403 (Radicale's own: a book this account may not read) is said; its own book reads (control)", async () => {
    const carddav = createCardDav({
      allowed: async () => true,
      release: async () => {},
      now: () => Date.now(),
    });
    const added = await carddav.add(origin, radicale.user, radicale.password, [
      { url: `${origin}/someone-else/contacts/`, name: 'Not mine', writable: true },
      { url: bookUrl(), name: 'Phone', writable: true },
    ]);
    if (!added.ok) throw new Error(added.error);
    const [theirs, mine] = added.books;
    expect(theirs?.problem).toBe(`${host()} does not let this account do that (403).`);
    expect(theirs?.gen).toBe(0);
    expect(mine).toMatchObject({ count: 1, gen: 1 });
    expect(mine?.problem).toBeUndefined();
  });

  it('507 on a write is said for that person and book; nothing else changes; without it, it writes (control)', async () => {
    const { carddav, id } = await connected();
    await carddav.setWriteBack(id, true);
    await addPerson(
      person('new-one', { name: 'New One', identities: { github: ['new-one'], linkedin: [] } }),
    );
    fault = 'put-507';
    expect(await carddav.writeKept('new-one')).toEqual({
      written: [],
      conflicts: [],
      problems: [
        `New One was not written to Phone: ${host()} has no room left for this account (507 Insufficient Storage).`,
      ],
    });
    await unchanged();
    // Kept in the book for the options page, whoever asked for the write (Keep in the popup).
    expect((await carddav.list())[0]?.failed).toEqual([
      {
        id: 'new-one',
        name: 'New One',
        problem: `${host()} has no room left for this account (507 Insufficient Storage).`,
      },
    ]);
    fault = 'none';
    expect((await carddav.writeKept('new-one')).written).toEqual(['Phone']);
    expect((await carddav.list())[0]?.failed).toEqual([]);
  });

  it('the size bound is met while streaming, before the whole answer is held', async () => {
    fault = 'huge';
    const call: DavCall = { method: 'REPORT', url: bookUrl(), body: '<x/>', depth: '1' };
    const answer = await davFetch(call, {
      origin,
      credentials: { user: radicale.user, password: radicale.password },
    });
    expect(answer).toEqual({ kind: 'too-big' });
  }, 30_000);
});
