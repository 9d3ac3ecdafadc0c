/**
 * A real CardDAV server for tests: Debian's Radicale (3.1.8), started as an
 * ordinary process with its own config and collection folder in a temporary
 * directory, on 127.0.0.1 and a free port, with plain htpasswd users and
 * `owner_only` rights. Ready when the port answers; stopped by its own PID.
 * Used from node by the protocol tests (tests/unit/carddav-*.test.ts) and
 * by the browser tests (tests/browser/carddav.test.ts).
 *
 *   startRadicale() ─▶ tmp/config, tmp/users ─▶ spawn radicale --config ─▶ port answers
 *   server.makeBook(name)   extended MKCOL (RFC 5689) with C:addressbook
 *   server.put / remove     a direct edit "on the phone"
 *   server.stop()           SIGTERM to that PID, then the folder goes
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Radicale {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  port: number;
  user: string;
  password: string;
  dir: string;
  /** Basic auth header value for the user. */
  auth: string;
  /** Creates `/<user>/<name>/` as an address book; returns its URL. */
  makeBook(name: string, displayName?: string): Promise<string>;
  /**
   * Fills `/<user>/<name>/` with many cards in one request (Radicale takes a
   * PUT of a whole address book, each card stored as `<UID>.vcf`), then
   * names it (PROPPATCH). Returns its URL.
   */
  putBook(name: string, cards: string[], displayName?: string): Promise<string>;
  /** PUT a vCard at `<book><file>`; returns the ETag. */
  put(book: string, file: string, vcard: string, headers?: Record<string, string>): Promise<string>;
  remove(book: string, file: string): Promise<void>;
  get(book: string, file: string): Promise<{ status: number; body: string; etag: string | null }>;
  stop(): Promise<void>;
}

export const RADICALE = process.env.RADICALE_PATH ?? '/usr/bin/radicale';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function answers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1');
  });
}

export async function startRadicale({
  user = 'alice',
  password = 'app-password-1',
}: {
  user?: string;
  password?: string;
} = {}): Promise<Radicale> {
  const dir = mkdtempSync(join(tmpdir(), 'profile-card-radicale-'));
  const port = await freePort();
  writeFileSync(join(dir, 'users'), `${user}:${password}\n`);
  writeFileSync(
    join(dir, 'config'),
    [
      '[server]',
      `hosts = 127.0.0.1:${port}`,
      '[auth]',
      'type = htpasswd',
      `htpasswd_filename = ${join(dir, 'users')}`,
      'htpasswd_encryption = plain',
      // No waiting after a wrong password: the 401 tests would stall.
      'delay = 0',
      '[storage]',
      `filesystem_folder = ${join(dir, 'collections')}`,
      '[rights]',
      'type = owner_only',
      '[logging]',
      'level = warning',
      '',
    ].join('\n'),
  );
  const child: ChildProcess = spawn(RADICALE, ['--config', join(dir, 'config')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const deadline = Date.now() + 20_000;
  while (!(await answers(port))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`Radicale did not start on ${port}: ${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const origin = `http://127.0.0.1:${port}`;
  const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const at = (book: string, file: string) => new URL(file, book).href;

  return {
    origin,
    port,
    user,
    password,
    dir,
    auth,
    async makeBook(name, displayName = name) {
      const url = `${origin}/${user}/${name}/`;
      const response = await fetch(url, {
        method: 'MKCOL',
        headers: { Authorization: auth, 'Content-Type': 'application/xml; charset=utf-8' },
        body: `<?xml version="1.0" encoding="utf-8"?>
<D:mkcol xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav">
  <D:set><D:prop>
    <D:resourcetype><D:collection/><C:addressbook/></D:resourcetype>
    <D:displayname>${displayName.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</D:displayname>
  </D:prop></D:set>
</D:mkcol>`,
      });
      if (response.status !== 201) throw new Error(`MKCOL ${url}: ${response.status}`);
      return url;
    },
    async putBook(name, cards, displayName = name) {
      const url = `${origin}/${user}/${name}/`;
      const put = await fetch(url, {
        method: 'PUT',
        headers: { Authorization: auth, 'Content-Type': 'text/vcard; charset=utf-8' },
        body: cards.join(''),
      });
      if (put.status !== 201 && put.status !== 204) throw new Error(`PUT ${url}: ${put.status}`);
      const named = await fetch(url, {
        method: 'PROPPATCH',
        headers: { Authorization: auth, 'Content-Type': 'application/xml; charset=utf-8' },
        body: `<?xml version="1.0" encoding="utf-8"?>
<D:propertyupdate xmlns:D="DAV:"><D:set><D:prop>
<D:displayname>${displayName.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</D:displayname>
</D:prop></D:set></D:propertyupdate>`,
      });
      if (named.status !== 207) throw new Error(`PROPPATCH ${url}: ${named.status}`);
      return url;
    },
    async put(book, file, vcard, headers = {}) {
      const response = await fetch(at(book, file), {
        method: 'PUT',
        headers: { Authorization: auth, 'Content-Type': 'text/vcard; charset=utf-8', ...headers },
        body: vcard,
      });
      if (response.status !== 201 && response.status !== 204)
        throw new Error(`PUT ${file}: ${response.status} ${await response.text()}`);
      return response.headers.get('etag') ?? '';
    },
    async remove(book, file) {
      const response = await fetch(at(book, file), {
        method: 'DELETE',
        headers: { Authorization: auth },
      });
      if (!response.ok) throw new Error(`DELETE ${file}: ${response.status}`);
    },
    async get(book, file) {
      const response = await fetch(at(book, file), { headers: { Authorization: auth } });
      return {
        status: response.status,
        body: await response.text(),
        etag: response.headers.get('etag'),
      };
    },
    async stop() {
      if (child.exitCode === null && child.pid !== undefined) {
        process.kill(child.pid, 'SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
        if (child.exitCode === null) process.kill(child.pid, 'SIGKILL');
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A plain vCard 3.0 as a phone's address book writes it. */
export function phoneCard(
  uid: string,
  name: string,
  { github, extra = [] }: { github?: string; extra?: string[] } = {},
): string {
  return [
    'BEGIN:VCARD',
    'VERSION:3.0',
    `UID:${uid}`,
    `FN:${name}`,
    `N:${name.split(' ').reverse().join(';')};;;`,
    ...(github ? [`item1.URL:https://github.com/${github}`, 'item1.X-ABLABEL:GitHub'] : []),
    ...extra,
    'END:VCARD',
    '',
  ].join('\r\n');
}
