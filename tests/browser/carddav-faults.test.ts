/**
 * Faulty address-book servers, seen where the user sees them: the options
 * page in real Chromium, one browser for the whole file. The server is a
 * real Radicale (./radicale.ts); in front of it, on 127.0.0.1, a small
 * proxy passes every request through untouched and injects, on demand,
 * only what Radicale cannot do when asked: hold a book's answers (slow),
 * a 403 on a book it let the account read before, 507 on a write, a
 * redirect to another host, and a book of 100,000 contacts (its listing and
 * its multigets; and 100,001 listed). Radicale cannot serve that in bounded
 * time: with 100,000 cards written straight into its folder, one
 * sync-collection listing took 7 min 46 s here (Radicale 3.1.8, after more
 * than 5 minutes building its caches), and each multiget lists the whole
 * folder again. A refused password
 * (401) and malformed cards are Radicale's own: its password file is
 * rewritten, and cards it accepts but no one can show are PUT to it. A
 * server that is down is the proxy's port closed.
 *
 * Each fault: one sentence in the options page naming the server, the last
 * good copy still answering lookups, the user's own people as they were;
 * and its control (the fault cleared, the same click brings the book up to
 * date), so the probe is known to see what it says is absent.
 *
 * The slow book is refreshed from a second options page at the start and
 * checked at the end: its sentence must come within the project's timeout
 * (carddav/http.ts DAV_TIMEOUT_MS) while the other faults run meanwhile.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import {
  createServer,
  request as forward,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DAV_TIMEOUT_MS } from '../../carddav/http';
import { MAX_CARDS } from '../../carddav/sync';
import { cardShows, cardText, launch, type Session, waitUntil } from './harness';
import { phoneCard, type Radicale, startRadicale } from './radicale';

const PATTERN = 'http://127.0.0.1/*';
const COUNT = 20;
const PASSWORD = 'Fault-app-pw-3x';

type Fault = 'none' | '403' | 'put-507' | 'elsewhere' | 'many' | 'hundred-k';

let session: Session;
let profileDir: string;
let options: Page;
let slowPage: Page;
let radicale: Radicale;
let proxy: Server;
let proxyPort: number;
let host: string;
/** A server on another host name (`localhost`): the redirect's target. Counts what reaches it. */
let elsewhere: Server;
let elsewherePort: number;
let reachedElsewhere = 0;
let fault: Fault = 'none';
let holdSlow = false;
const held: ServerResponse[] = [];
let slowClickedAt = 0;

const bodyOf = (incoming: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => resolve(Buffer.concat(chunks)));
    incoming.on('error', reject);
  });

/** A sync-collection answer listing `count` cards, streamed (about 17 MB for 100,001). */
function listMany(outgoing: ServerResponse, count: number) {
  outgoing.writeHead(207, { 'Content-Type': 'application/xml; charset=utf-8' });
  outgoing.on('error', () => undefined);
  let at = 0;
  const more = () => {
    if (at === 0) outgoing.write('<?xml version="1.0"?><multistatus xmlns="DAV:">');
    while (at < count) {
      const lines: string[] = [];
      for (const end = Math.min(count, at + 2000); at < end; at++)
        lines.push(
          `<response><href>/alice/phone/many-${at}.vcf</href><propstat><prop><getetag>"e${at}"</getetag></prop><status>HTTP/1.1 200 OK</status></propstat></response>`,
        );
      if (!outgoing.write(lines.join(''))) return void outgoing.once('drain', more);
    }
    outgoing.end('<sync-token>http://radicale.org/ns/sync/many</sync-token></multistatus>');
  };
  more();
}

/** A multiget of the cards `listMany` listed: each one a phone's card, made from its href. */
function sendMany(outgoing: ServerResponse, body: string) {
  const responses = [...body.matchAll(/<d:href>\/alice\/phone\/many-(\d+)\.vcf<\/d:href>/g)].map(
    ([, n]) =>
      `<response><href>/alice/phone/many-${n}.vcf</href><propstat><prop><getetag>"e${n}"</getetag><C:address-data xmlns:C="urn:ietf:params:xml:ns:carddav">${phoneCard(`many-${n}`, `Many ${n}`, { github: `many-${n}` })}</C:address-data></prop><status>HTTP/1.1 200 OK</status></propstat></response>`,
  );
  outgoing.writeHead(207, { 'Content-Type': 'application/xml; charset=utf-8' });
  outgoing.end(
    `<?xml version="1.0"?><multistatus xmlns="DAV:">${responses.join('')}</multistatus>`,
  );
}

async function startProxy(port = 0): Promise<number> {
  proxy = createServer(async (incoming, outgoing) => {
    const body = await bodyOf(incoming);
    const path = incoming.url ?? '/';
    const phone = path.startsWith('/alice/phone/');
    if (holdSlow && path.startsWith('/alice/slow/')) {
      held.push(outgoing);
      return;
    }
    if (fault === '403' && phone && incoming.method === 'REPORT') {
      outgoing.writeHead(403, { 'Content-Type': 'text/plain' });
      outgoing.end('Access to the requested resource forbidden.');
      return;
    }
    if (fault === 'put-507' && incoming.method === 'PUT') {
      outgoing.writeHead(507, { 'Content-Type': 'text/plain' });
      outgoing.end('Insufficient Storage');
      return;
    }
    if (fault === 'elsewhere' && phone && incoming.method === 'REPORT') {
      outgoing.writeHead(301, { Location: `http://localhost:${elsewherePort}${path}` });
      outgoing.end();
      return;
    }
    if (fault === 'many' && phone && body.includes('sync-collection')) {
      listMany(outgoing, MAX_CARDS + 1);
      return;
    }
    if (fault === 'hundred-k' && phone && body.includes('sync-collection')) {
      // Radicale's token means nothing to this book: refused as Radicale refuses one, so the
      // whole book is listed from empty (100,000, not 100,000 more than the 20 held).
      if (/<d:sync-token>[^<]+<\/d:sync-token>/.test(body.toString())) {
        outgoing.writeHead(403, { 'Content-Type': 'text/xml; charset=utf-8' });
        outgoing.end(
          '<?xml version="1.0"?><D:error xmlns:D="DAV:"><D:valid-sync-token/></D:error>',
        );
      } else listMany(outgoing, MAX_CARDS);
      return;
    }
    if (fault === 'hundred-k' && phone && body.includes('addressbook-multiget')) {
      sendMany(outgoing, body.toString());
      return;
    }
    const upstream = forward(
      {
        host: '127.0.0.1',
        port: radicale.port,
        method: incoming.method,
        path,
        headers: { ...incoming.headers, 'content-length': String(body.length) },
      },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    upstream.on('error', () => outgoing.destroy());
    upstream.end(body);
  });
  await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve));
  const address = proxy.address();
  return typeof address === 'object' && address ? address.port : 0;
}

const holds = (pattern: string) =>
  session.worker.evaluate((origin) => chrome.permissions.contains({ origins: [origin] }), pattern);

async function openOptions(page = options) {
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  await page.getByRole('heading', { name: 'Address books (CardDAV)' }).waitFor();
}

const whoIs = (login: string) =>
  options.evaluate(
    async (key) =>
      (
        (await chrome.runtime.sendMessage({ type: 'lookup', key })) as {
          profile: { name: string; directory?: string };
        } | null
      )?.profile ?? null,
    `github:${login}`,
  );

/** The user's own people as stored (read in the service worker). */
const ownPeople = () =>
  session.worker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('profile-card');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const all = await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction('people').objectStore('people').getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return JSON.stringify(all);
  });

let ownBefore = '';

/** The Phone book's row in the options page. */
const phoneRow = () =>
  options
    .getByTestId('pc-carddav-books')
    .getByRole('listitem')
    .filter({ has: options.locator('.pc-person-name', { hasText: /^Phone$/ }) });

/** Opens the page afresh, clicks Refresh for `name`, and returns the status sentence once it comes. */
async function refresh(name: string, page = options, timeout = 60_000): Promise<string> {
  await openOptions(page);
  const status = page.getByText(new RegExp(`^${name} (was not updated|is up to date)`));
  await page.getByRole('button', { name: `Refresh ${name} now` }).click();
  await status.waitFor({ timeout });
  return (await status.textContent()) ?? '';
}

/** The fault said, the copy kept, the user's own people unchanged; then the control. */
async function faultThenControl(expected: RegExp) {
  const said = await refresh('Phone');
  expect(said).toMatch(expected);
  expect(said).toContain(host);
  await phoneRow()
    .getByRole('alert')
    .getByText(/Showing the copy from/)
    .waitFor();
  expect(await whoIs('fault-c7')).toEqual(
    expect.objectContaining({ name: 'Contact 7', directory: 'Phone' }),
  );
  expect(await ownPeople()).toBe(ownBefore);
  // Control: the fault cleared, the same click brings the book up to date.
  fault = 'none';
  expect(await refresh('Phone')).toBe(`Phone is up to date: ${COUNT} contacts.`);
  expect(
    await phoneRow()
      .getByText(/Showing the copy from/)
      .count(),
  ).toBe(0);
}

beforeAll(async () => {
  radicale = await startRadicale({ password: PASSWORD });
  await radicale.putBook(
    'phone',
    Array.from({ length: COUNT }, (_, n) =>
      phoneCard(`c${n}`, `Contact ${n}`, { github: `fault-c${n}` }),
    ),
    'Phone',
  );
  await radicale.putBook('slow', [phoneCard('s1', 'Slow One', { github: 'fault-s1' })], 'Slow');
  proxyPort = await startProxy();
  host = `127.0.0.1:${proxyPort}`;
  elsewhere = createServer((_, outgoing) => {
    reachedElsewhere++;
    outgoing.writeHead(207, { 'Content-Type': 'application/xml' });
    outgoing.end('<?xml version="1.0"?><multistatus xmlns="DAV:"/>');
  });
  // Every address (so `localhost` reaches it whichever family it resolves to).
  await new Promise<void>((resolve) => elsewhere.listen(0, resolve));
  const address = elsewhere.address();
  elsewherePort = typeof address === 'object' && address ? address.port : 0;

  profileDir = mkdtempSync(join(tmpdir(), 'profile-card-carddav-faults-'));
  const first = await launch({ width: 1280, height: 900 }, { profileDir });
  const id = first.extensionId;
  await first.close();
  const preferences = join(profileDir, 'Default', 'Preferences');
  const prefs = JSON.parse(readFileSync(preferences, 'utf8'));
  prefs.extensions.settings[id].runtime_granted_permissions = { explicit_host: [PATTERN] };
  writeFileSync(preferences, JSON.stringify(prefs));
  session = await launch({ width: 1280, height: 900 }, { profileDir });
  for (const origin of [`http://${host}`, `http://localhost:${elsewherePort}`])
    await session.context.route(`${origin}/**`, (route) => route.continue());
  options = await session.context.newPage();
  slowPage = await session.context.newPage();

  await openOptions();
  await options.getByLabel('Server address').fill(host);
  await options.getByLabel('User name').fill(radicale.user);
  await options.getByLabel('App password').fill(PASSWORD);
  await options.getByRole('button', { name: 'Find address books' }).click();
  await options.getByRole('button', { name: 'Connect the chosen address books' }).click();
  await options
    .getByText(`Connected Slow: 1 contact. Connected Phone: ${COUNT} contacts.`)
    .waitFor({ timeout: 60_000 });
  // One of the user's own people, sharing a handle with a contact (theirs wins it).
  await options.getByRole('button', { name: 'Add a person' }).click();
  await options.getByLabel('Name', { exact: true }).first().fill('Own Person');
  await options.getByLabel('GitHub logins').fill('https://github.com/fault-c3');
  await options.getByRole('button', { name: 'Add person' }).click();
  await options.getByText('Saved Own Person.').waitFor();
  ownBefore = await ownPeople();
  expect(ownBefore).toContain('Own Person');
}, 180_000);

afterAll(async () => {
  for (const response of held) response.destroy();
  await session?.close();
  proxy?.closeAllConnections();
  proxy?.close();
  elsewhere?.close();
  await radicale?.stop();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

describe('a faulty address-book server, in the options page', () => {
  it('a slow server: the refresh is started here and checked at the end', async () => {
    holdSlow = true;
    await openOptions(slowPage);
    slowClickedAt = Date.now();
    await slowPage.getByRole('button', { name: 'Refresh Slow now' }).click();
    // Asked, and not answered.
    await waitUntil('the slow book to be asked', async () => held.length > 0);
  });

  it('401: a refused app password (Radicale, its password changed)', async () => {
    writeFileSync(join(radicale.dir, 'users'), 'alice:a-new-password\n');
    try {
      await openOptions();
      const said = await refresh('Phone');
      expect(said).toBe(
        `Phone was not updated: ${host} refused the user name or app password (401). Check them, or make a new app password.`,
      );
      expect(await whoIs('fault-c7')).toEqual(expect.objectContaining({ name: 'Contact 7' }));
      expect(await ownPeople()).toBe(ownBefore);
    } finally {
      writeFileSync(join(radicale.dir, 'users'), `alice:${PASSWORD}\n`);
    }
    expect(await refresh('Phone')).toBe(`Phone is up to date: ${COUNT} contacts.`);
  });

  it('403 on a book read before', async () => {
    fault = '403';
    await faultThenControl(/does not let this account do that \(403\)\.$/);
  });

  it('a redirect to another host: refused, nothing sent there, the permission still one host', async () => {
    // Control for the probe: a request that does reach the other server is counted.
    await fetch(`http://localhost:${elsewherePort}/`);
    expect(reachedElsewhere).toBe(1);
    fault = 'elsewhere';
    await faultThenControl(/redirect/);
    expect(reachedElsewhere).toBe(1);
    expect(await holds(`http://localhost/*`)).toBe(false);
    expect(await holds(PATTERN)).toBe(true);
  });

  it('100,001 contacts listed: refused before any card is fetched; the page stays usable', async () => {
    fault = 'many';
    await openOptions();
    const status = options.getByText(/^Phone (was not updated|is up to date)/);
    await options.getByRole('button', { name: 'Refresh Phone now' }).click();
    // While the background reads the listing, the page answers and takes typing.
    await options.getByLabel('User name').fill('typing while it reads');
    expect(await options.getByLabel('User name').inputValue()).toBe('typing while it reads');
    await status.waitFor({ timeout: 120_000 });
    expect(await status.textContent()).toBe(
      `Phone was not updated: This address book holds more than ${MAX_CARDS.toLocaleString('en')} contacts; Profile Card reads at most ${MAX_CARDS.toLocaleString('en')}. The last good copy stays.`,
    );
    expect(await whoIs('many-5')).toBeNull();
    await options.getByLabel('User name').fill('');
    await faultThenControlAfter();
  });

  it('507 on a write: said for that person and book; the phone card untouched', async () => {
    await openOptions();
    const writeBack = phoneRow().getByRole('checkbox');
    await writeBack.check();
    await waitUntil('write-back to be saved', async () => !(await writeBack.isDisabled()));
    const before = (await radicale.get(`${radicale.origin}/alice/phone/`, 'c3.vcf')).body;
    fault = 'put-507';
    await options.getByRole('button', { name: 'Edit Own Person' }).click();
    await options.getByLabel('Headline (optional)', { exact: true }).fill('Storage tester');
    await options.getByRole('button', { name: 'Save changes' }).click();
    await options.getByText('Saved Own Person.').waitFor();
    const line = options
      .getByTestId('pc-carddav-books')
      .getByText(
        `Own Person was not written to Phone: ${host} has no room left for this account (507 Insufficient Storage).`,
      );
    await waitUntil(
      'the failed write to be listed',
      async () => {
        await openOptions();
        return (await line.count()) === 1;
      },
      30_000,
    );
    expect((await radicale.get(`${radicale.origin}/alice/phone/`, 'c3.vcf')).body).toBe(before);
    // Control: the fault cleared, saving again writes to the phone's card, and the line goes.
    fault = 'none';
    await options.getByRole('button', { name: 'Edit Own Person' }).click();
    await options.getByLabel('Headline (optional)', { exact: true }).fill('Storage tester 2');
    await options.getByRole('button', { name: 'Save changes' }).click();
    await options.getByText('Saved Own Person.').waitFor();
    await waitUntil(
      'the card on the server to take the edit',
      async () =>
        (await radicale.get(`${radicale.origin}/alice/phone/`, 'c3.vcf')).body.includes(
          'Storage tester 2',
        ),
      30_000,
    );
    await openOptions();
    expect(await line.count()).toBe(0);
    ownBefore = await ownPeople();
  });

  it('malformed cards: the rest still read, and a sentence says how many were skipped', async () => {
    const book = `${radicale.origin}/alice/phone/`;
    // Cards Radicale takes but no one can show: an empty name, markup, a control character.
    await radicale.put(
      book,
      'empty.vcf',
      'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:empty\r\nFN:\r\nN:;;;;\r\nURL:https://github.com/fault-e1\r\nEND:VCARD\r\n',
    );
    await radicale.put(book, 'markup.vcf', phoneCard('markup', '<b>x</b>', { github: 'fault-e2' }));
    await radicale.put(book, 'bell.vcf', phoneCard('bell', 'a\u0007b', { github: 'fault-e3' }));
    await radicale.put(book, 'c20.vcf', phoneCard('c20', 'Contact 20', { github: 'fault-c20' }));
    // A good person with fields no one can use: an email that is not one, a 5,000-character note.
    await radicale.put(
      book,
      'fields.vcf',
      phoneCard('fields', 'Odd Fields', {
        github: 'fault-f1',
        extra: ['EMAIL:not an email', `NOTE:${'n'.repeat(5000)}`, 'TITLE:Keeps her title'],
      }),
    );
    await openOptions();
    expect(await refresh('Phone')).toBe(`Phone is up to date: ${COUNT + 2} contacts.`);
    await options
      .getByTestId('pc-carddav-books')
      .getByText(/^3 cards could not be read: (bell|empty|markup)\.vcf: /)
      .waitFor();
    // The rest still read (the new good card among them); the unusable ones show no one.
    expect(await whoIs('fault-c20')).toEqual(expect.objectContaining({ name: 'Contact 20' }));
    expect(await whoIs('fault-e2')).toBeNull();
    // Never refused whole for one unusable field: the person shows, without those fields.
    const odd = (await whoIs('fault-f1')) as Record<string, unknown> | null;
    expect(odd).toEqual(
      expect.objectContaining({ name: 'Odd Fields', headline: 'Keeps her title' }),
    );
    expect(JSON.stringify(odd)).not.toMatch(/not an email|nnnnnnnnnn/);
    expect(await ownPeople()).toBe(ownBefore);
  });

  it('the slow server: said within the timeout, while the rest went on', async () => {
    const said = slowPage.getByText(/^Slow was not updated: /);
    await said.waitFor({ timeout: DAV_TIMEOUT_MS + 30_000 - (Date.now() - slowClickedAt) });
    expect(await said.textContent()).toBe(
      `Slow was not updated: ${host} did not answer in time. The last good copy stays.`,
    );
    expect(await whoIs('fault-s1')).toEqual(expect.objectContaining({ name: 'Slow One' }));
    expect(await ownPeople()).toBe(ownBefore);
    // Control: answered again, the same click brings it up to date.
    holdSlow = false;
    expect(await refresh('Slow')).toBe('Slow is up to date: 1 contact.');
  }, 120_000);

  it('100,000 contacts: all read, written a batch at a time; a card on GitHub, own people untouched', async () => {
    fault = 'hundred-k';
    await openOptions();
    const status = options.getByText(/^Phone (was not updated|is up to date)/);
    await options.getByRole('button', { name: 'Refresh Phone now' }).click();
    // While the background reads and writes, the page answers and takes typing.
    await options.getByLabel('User name').fill('typing while it reads');
    expect(await options.getByLabel('User name').inputValue()).toBe('typing while it reads');
    await status.waitFor({ timeout: 600_000 });
    expect(await status.textContent()).toBe(
      `Phone is up to date: ${MAX_CARDS.toLocaleString('en')} contacts.`,
    );
    expect(
      await phoneRow()
        .getByText(/could not be read/)
        .count(),
    ).toBe(0);
    // The first, one in the middle and the last, each with its book's name.
    for (const n of [0, 54_321, MAX_CARDS - 1])
      expect(await whoIs(`many-${n}`)).toEqual(
        expect.objectContaining({ name: `Many ${n}`, directory: 'Phone' }),
      );
    const page = await session.context.newPage();
    await page.goto('https://github.com/many-54321');
    await cardShows(page, 'Many 54321');
    expect(await cardText(page)).toContain('From Phone');
    await page.close();
    // The Phone's own cards are not in this listing: gone from the copy. The user's own people are not.
    expect(await whoIs('fault-c7')).toBeNull();
    expect(await ownPeople()).toBe(ownBefore);
    await options.getByLabel('User name').fill('');
    // Control: the server back to its own cards, the same click removes the 100,000 and reads them.
    fault = 'none';
    expect(await refresh('Phone', options, 600_000)).toBe(
      `Phone is up to date: ${COUNT + 2} contacts.`,
    );
    expect(await whoIs('many-54321')).toBeNull();
    expect(await whoIs('fault-c7')).toEqual(expect.objectContaining({ name: 'Contact 7' }));
    expect(await ownPeople()).toBe(ownBefore);
  }, 900_000);

  it('a server that is down: said, the copy kept; back up, read again (control)', async () => {
    proxy.closeAllConnections();
    await new Promise<void>((resolve) => proxy.close(() => resolve()));
    await openOptions();
    const said = await refresh('Phone');
    expect(said).toMatch(new RegExp(`^Phone was not updated: Could not reach ${host}: `));
    expect(await whoIs('fault-c7')).toEqual(expect.objectContaining({ name: 'Contact 7' }));
    expect(await ownPeople()).toBe(ownBefore);
    await startProxy(proxyPort);
    expect(await refresh('Phone')).toBe(`Phone is up to date: ${COUNT + 2} contacts.`);
  });
});

/** After the 100,001 listing: the copy kept, own people unchanged, and the control. */
async function faultThenControlAfter() {
  expect(await whoIs('fault-c7')).toEqual(expect.objectContaining({ name: 'Contact 7' }));
  expect(await ownPeople()).toBe(ownBefore);
  fault = 'none';
  expect(await refresh('Phone')).toBe(`Phone is up to date: ${COUNT} contacts.`);
}
