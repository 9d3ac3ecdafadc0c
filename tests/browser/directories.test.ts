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
/** A directory on this computer, over plain http (a secure context). */
const LOCAL = 'http://127.0.0.1:8125/team.json';
const LOCAL_PATTERN = 'http://127.0.0.1/*';

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
  /** While set, the file is not answered: a server dripping its file byte by byte. */
  hold: undefined as Promise<void> | undefined,
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

type Box = { x: number; y: number; width: number; height: number };
const box = async (locator: import('playwright-core').Locator): Promise<Box> => {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not on screen');
  return found;
};
/** Do two boxes share any area (more than a rounding pixel)? */
const overlap = (a: Box, b: Box) =>
  Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x) > 1 &&
  Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y) > 1;
/** Is `inner` inside `outer` (to a rounding pixel)? */
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 1 &&
  inner.y >= outer.y - 1 &&
  inner.x + inner.width <= outer.x + outer.width + 1 &&
  inner.y + inner.height <= outer.y + outer.height + 1;

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
  prefs.extensions.settings[id].runtime_granted_permissions = {
    explicit_host: [PATTERN, LOCAL_PATTERN],
  };
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
    if (server.hold) {
      await server.hold;
      // The extension stopped asking meanwhile: there is nobody to answer.
      return route.abort().catch(() => undefined);
    }
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
  await session.context.route(LOCAL, (route) =>
    route.fulfill({
      contentType: 'application/json',
      body: exportOf([person('lou-local', 'Lou Local', 'dirlou')]),
    }),
  );
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
    await options.getByText('Team is up to date: the file has not changed (2 people).').waitFor();
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
    // What changed is said, not "up to date".
    await options
      .getByText('Team was updated from a changed file: it now holds 3 people (before: 2).')
      .waitFor();
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
      'a web page',
      '<!doctype html><title>Sign in</title>',
      { 'content-type': 'text/html' },
      /answered with a web page \(HTML\)/,
    ],
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
      await options.getByText('Team was not updated: the reason is shown with it below.').waitFor();
      // The reason is said once, in the directory's row.
      await directoryRow()
        .getByRole('alert')
        .getByText(/Showing the copy fetched/)
        .waitFor();
      await expect(directoryRow().getByRole('alert').textContent()).resolves.toMatch(reason);
      expect(await options.getByText(reason).count()).toBe(1);
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

  it('subscribes to a directory on this computer over http, and gives that host back', async () => {
    const local = () =>
      session.worker.evaluate(
        (pattern) => chrome.permissions.contains({ origins: [pattern] }),
        LOCAL_PATTERN,
      );
    expect(await local()).toBe(false);
    await openOptions();
    await options.getByLabel('Directory address').fill(LOCAL);
    await options.getByLabel('Name on cards (optional)').fill('Laptop');
    await options.getByRole('button', { name: 'Subscribe to a directory' }).click();
    await options.getByText('Subscribed to Laptop: 1 person.').waitFor();
    expect(await local()).toBe(true);
    expect(await whoIs('dirlou')).toEqual(
      expect.objectContaining({ name: 'Lou Local', directory: 'Laptop' }),
    );
    await options.getByRole('button', { name: 'Unsubscribe from Laptop' }).click();
    await options.getByText(/^Unsubscribed from Laptop/).waitFor();
    expect(await local()).toBe(false);
    // Positive control: plain http anywhere else is still refused.
    await options.getByLabel('Directory address').fill('http://directory.example/team.json');
    await options.getByRole('button', { name: 'Subscribe to a directory' }).click();
    await options
      .getByRole('alert')
      .getByText(/^Use an https:\/\/ address/)
      .waitFor();
    await options.getByLabel('Directory address').fill('');
  });

  it('draws the row inside its panel, below the form, and the status line covers none of it', async () => {
    // The row still shows the last problem (the tests above), its tallest state.
    await openOptions();
    await options.getByRole('button', { name: 'Refresh Team now' }).click();
    await options.getByText('Team was not updated: the reason is shown with it below.').waitFor();
    await options.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const panel = await box(options.locator('section[aria-labelledby="pc-directories-title"]'));
    const subscribe = await box(options.getByRole('button', { name: 'Subscribe to a directory' }));
    const list = await box(directoryRow());
    const row = await box(directoryRow().locator('li').first());
    const problem = await box(directoryRow().getByRole('alert'));
    const refresh = await box(options.getByRole('button', { name: 'Refresh Team now' }));
    const unsubscribe = await box(options.getByRole('button', { name: 'Unsubscribe from Team' }));
    const status = await box(options.locator('main > .pc-status-line'));
    // Positive control: the probe sees an overlap where there is one.
    expect(overlap(row, unsubscribe)).toBe(true);
    expect(inside(unsubscribe, row)).toBe(true);
    expect(list.height).toBeGreaterThanOrEqual(row.height);
    expect(list.y).toBeGreaterThanOrEqual(subscribe.y + subscribe.height);
    for (const part of [row, problem, refresh, unsubscribe]) {
      expect(inside(part, panel)).toBe(true);
      expect(overlap(part, subscribe)).toBe(false);
      expect(overlap(part, status)).toBe(false);
    }
    // Scrolled to from above (a click's scroll into view), the buttons land above the status line.
    await options.evaluate(() => window.scrollTo(0, 0));
    await options.getByRole('button', { name: 'Unsubscribe from Team' }).scrollIntoViewIfNeeded();
    const shown = await box(options.getByRole('button', { name: 'Unsubscribe from Team' }));
    expect(overlap(shown, await box(options.locator('main > .pc-status-line')))).toBe(false);
  });

  it('unsubscribes at once while a refresh drips: its people go, the permission is given back, nothing more is fetched', async () => {
    await openOptions();
    let release: () => void = () => undefined;
    server.hold = new Promise<void>((resolve) => {
      release = resolve;
    });
    try {
      const before = server.requests.length;
      await options.getByRole('button', { name: 'Refresh Team now' }).click();
      await waitUntil('the refresh to ask', async () =>
        server.requests.slice(before).some((request) => request.url === FILE),
      );
      // The refresh is under way; Unsubscribe is not held by it.
      expect(
        await options.getByRole('button', { name: 'Refresh Team now' }).getAttribute('aria-busy'),
      ).toBe('true');
      const unsubscribe = options.getByRole('button', { name: 'Unsubscribe from Team' });
      expect(await unsubscribe.isEnabled()).toBe(true);
      await unsubscribe.click();
      await options.getByText(/^Unsubscribed from Team; its people are gone/).waitFor();
    } finally {
      server.hold = undefined;
      release();
    }
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
          !['github.com', 'directory.example', '127.0.0.1', session.extensionId].includes(
            url.hostname,
          ) && url.protocol !== 'data:'
        );
      }),
    ).toEqual([]);
  });
});
