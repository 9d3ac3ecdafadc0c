/**
 * Team directories in real Chromium: subscribe from the options page, the
 * people on pages labelled with the directory's name, losing to your own
 * people (and the clash listed), refresh answered 304, a changed file, a
 * broken one and an oversized one (the last good copy stays, with why),
 * unsubscribe (the people and the permission go). The directory is served
 * at https://directory.example through Playwright's `context.route`, which
 * also sees the requests the extension's service worker makes.
 *
 * Granting the host permission without a prompt. Headless Chromium shows
 * `permissions.request`'s prompt where nothing can click it (the request
 * stays pending; `--apps-gallery-install-auto-confirm-for-tests` does not
 * answer it; CDP `Browser.grantPermissions` is for web permissions, not
 * extension hosts). What works, and what these tests do: start the browser
 * once so Chromium writes the extension's entry in the profile's
 * `Default/Preferences`, stop it, and add the directory's host to that
 * entry's `runtime_granted_permissions` — Chromium's record of hosts the
 * user granted at runtime before — then start again on the same profile.
 * The host is then NOT held (`permissions.contains` is false), and the
 * options page's real `permissions.request` from the Subscribe click
 * resolves true without a prompt, as Chromium does for a host the user
 * granted before; `permissions.remove` on unsubscribe really removes it.
 * So the extension's own code asks for and gives back the permission; only
 * the user's "Allow" is stood in for.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { cardShows, cardText, launch, type Session, seedPeople, waitUntil } from './harness';

const HOST = 'https://directory.example';
const FILE = `${HOST}/team/people.json`;
const PATTERN = `${HOST}/*`;

let session: Session;
let profileDir: string;
let options: Page;

const person = (id: string, name: string, github: string) => ({
  id,
  name,
  headline: 'Colleague',
  projects: [],
  contact: { email: `${id}@directory.example` },
  identities: { github: [github], linkedin: [] },
});
const exportOf = (people: object[]) => JSON.stringify({ version: 1, profiles: people });

/** The directory's server: what it answers, and every request it saw. */
const server = {
  body: '' as string | Buffer,
  etag: undefined as string | undefined,
  headers: {} as Record<string, string>,
  requests: [] as { url: string; headers: Record<string, string> }[],
};

const holds = () =>
  session.worker.evaluate(
    (pattern) => chrome.permissions.contains({ origins: [pattern] }),
    PATTERN,
  );

async function openOptions() {
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await options.getByRole('heading', { name: 'Team directories' }).waitFor();
}

const directoryRow = () => options.getByTestId('pc-directories');

/** Whom the background says a GitHub login is (what every page's card asks), from an extension page. */
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

beforeAll(async () => {
  profileDir = mkdtempSync(join(tmpdir(), 'profile-card-directories-'));
  // First start: Chromium records the extension in the profile's preferences.
  const first = await launch({ width: 1280, height: 900 }, { profileDir });
  const id = first.extensionId;
  await first.close();
  // "Granted by the user before" (see the header), then the real start.
  const preferences = join(profileDir, 'Default', 'Preferences');
  const prefs = JSON.parse(readFileSync(preferences, 'utf8'));
  prefs.extensions.settings[id].runtime_granted_permissions = { explicit_host: [PATTERN] };
  writeFileSync(preferences, JSON.stringify(prefs));
  session = await launch({ width: 1280, height: 900 }, { profileDir });
  expect(session.extensionId).toBe(id);

  await session.context.addCookies([
    { name: 'sso', value: 'secret', domain: 'directory.example', path: '/', secure: true },
  ]);
  await session.context.route(`${HOST}/**`, async (route) => {
    const request = route.request();
    server.requests.push({ url: request.url(), headers: await request.allHeaders() });
    if (request.url() === `${HOST}/page`)
      return route.fulfill({ contentType: 'text/html', body: '<p>The intranet</p>' });
    if (server.etag && request.headers()['if-none-match'] === server.etag)
      return route.fulfill({ status: 304, headers: { etag: server.etag } });
    return route.fulfill({
      status: 200,
      body: server.body,
      headers: {
        'content-type': 'application/json',
        ...(server.etag && { etag: server.etag }),
        ...server.headers,
      },
    });
  });
  options = await session.context.newPage();
});
afterAll(async () => {
  await session?.close();
  rmSync(profileDir, { recursive: true, force: true });
});

describe('a team directory', () => {
  it('subscribes from the click, asking for that one host, and shows its people labelled', async () => {
    server.body = exportOf([
      person('ada-team', 'Ada Team', 'dirada'),
      person('bob-team', 'Bob Team', 'dirbob'),
    ]);
    server.etag = '"v1"';
    // A person of your own who has Ada's handle: yours shows, and the clash is listed.
    await seedPeople(session, [person('my-ada', 'My Own Ada', 'dirada')]);
    expect(await holds()).toBe(false);

    await openOptions();
    await expect(options.getByTestId('pc-privacy-promise').textContent()).resolves.toBe(
      'No network requests, except fetching the directories you subscribed to and the address books you connected, from the addresses you gave.',
    );
    await options.getByLabel('Directory address').fill(FILE);
    await options.getByLabel('Name on cards (optional)').fill('Team');
    await options.getByRole('button', { name: 'Subscribe to a directory' }).click();
    const said = options.getByText(/^Subscribed to Team/);
    await said.waitFor();
    expect(await said.textContent()).toBe('Subscribed to Team: 2 people.');
    expect(await holds()).toBe(true);
    expect(await session.worker.evaluate(() => chrome.permissions.getAll())).toMatchObject({
      origins: expect.arrayContaining([PATTERN]),
    });
    await directoryRow()
      .getByText(/2 people · fetched/)
      .waitFor();

    // One request, to the address given, with no cookie, no referrer, no ETag yet.
    const fetched = server.requests.filter((request) => request.url === FILE);
    expect(fetched).toHaveLength(1);
    expect(fetched[0]?.headers.cookie).toBeUndefined();
    expect(fetched[0]?.headers.referer).toBeUndefined();
    expect(fetched[0]?.headers['if-none-match']).toBeUndefined();
    // The control: a page the user opens on that host does carry the cookie.
    const intranet = await session.context.newPage();
    await intranet.goto(`${HOST}/page`);
    expect(server.requests.at(-1)?.headers.cookie).toBe('sso=secret');
    await intranet.close();

    const page = await session.context.newPage();
    await page.goto('https://github.com/dirbob');
    await cardShows(page, 'Bob Team');
    expect(await cardText(page)).toContain('From Team');
    await page.goto('https://github.com/dirada');
    await cardShows(page, 'My Own Ada');
    expect(await cardText(page)).not.toContain('From Team');
    await page.close();
    await openOptions();
    await options
      .getByText(/github:dirada: cards show My Own Ada, not Ada Team from Team\./)
      .waitFor();
  });

  it('refreshes with If-None-Match; a 304 keeps the copy', async () => {
    const before = server.requests.length;
    await openOptions();
    await options.getByRole('button', { name: 'Refresh Team now' }).click();
    await options.getByText('Team is up to date: 2 people.').waitFor();
    const asked = server.requests.slice(before).filter((request) => request.url === FILE);
    expect(asked.map((request) => request.headers['if-none-match'])).toEqual(['"v1"']);
    const page = await session.context.newPage();
    await page.goto('https://github.com/dirbob');
    await cardShows(page, 'Bob Team');
    await page.close();
  });

  it('takes a changed file in place of the old copy', async () => {
    server.body = exportOf([
      person('ada-team', 'Ada Team', 'dirada'),
      person('carol-team', 'Carol Team', 'dircarol'),
      person('dan-team', 'Dan Team', 'dirdan'),
    ]);
    server.etag = '"v2"';
    await openOptions();
    await options.getByRole('button', { name: 'Refresh Team now' }).click();
    await options.getByText('Team is up to date: 3 people.').waitFor();
    const page = await session.context.newPage();
    await page.goto('https://github.com/dircarol');
    await cardShows(page, 'Carol Team');
    await page.close();
    // Bob left the team's file, so nobody answers for him; Dan, new, does.
    expect(await whoIs('dirbob')).toBeNull();
    expect(await whoIs('dirdan')).toEqual(
      expect.objectContaining({ name: 'Dan Team', directory: 'Team' }),
    );
  });

  it.each([
    ['a broken file', '{ "version": 1, "profiles": [', {}, /not valid JSON/],
    [
      'an oversized file',
      '[]',
      { 'content-length': String(65 * 1024 * 1024) },
      /larger than 64 MB/,
    ],
  ])('keeps the last good copy of %s, and says why', async (_what, body, headers, reason) => {
    server.body = body;
    server.etag = '"broken"';
    server.headers = headers;
    try {
      await openOptions();
      await options.getByRole('button', { name: 'Refresh Team now' }).click();
      await options.getByText(/^Team was not updated: /).waitFor();
      await expect(options.getByText(/^Team was not updated: /).textContent()).resolves.toMatch(
        reason,
      );
      await directoryRow()
        .getByRole('alert')
        .getByText(/Showing the copy fetched/)
        .waitFor();
      await directoryRow()
        .getByText(/3 people · fetched/)
        .waitFor();
      const page = await session.context.newPage();
      await page.goto('https://github.com/dircarol');
      await cardShows(page, 'Carol Team');
      await page.close();
    } finally {
      server.headers = {};
    }
  });

  it('unsubscribes: its people go, the permission is given back, nothing more is fetched', async () => {
    await openOptions();
    await options.getByRole('button', { name: 'Unsubscribe from Team' }).click();
    await options.getByText(/^Unsubscribed from Team; its people are gone/).waitFor();
    expect(await holds()).toBe(false);
    // The directory's people are nobody now; your own person, the control, still answers.
    expect(await whoIs('dircarol')).toBeNull();
    expect(await whoIs('dirada')).toEqual(expect.objectContaining({ name: 'My Own Ada' }));
    const page = await session.context.newPage();
    await page.goto('https://github.com/dirada');
    await cardShows(page, 'My Own Ada');
    await page.close();
    const before = server.requests.length;
    await openOptions();
    await waitUntil(
      'the list to settle',
      async () => (await options.getByTestId('pc-directories').count()) === 0,
    );
    expect(server.requests.length).toBe(before);
    // Nothing but fixtures and the directory's own host was ever asked.
    expect(
      session.requests.filter((href) => {
        const url = new URL(href);
        return (
          !['github.com', 'directory.example', session.extensionId].includes(url.hostname) &&
          url.protocol !== 'data:'
        );
      }),
    ).toEqual([]);
  });
});
