/**
 * Real Firefox with the built `.output/firefox-mv2` installed as a temporary
 * add-on, driven by puppeteer-core over WebDriver BiDi: Debian's firefox-esr,
 * or an older ESR unpacked by ./unpack-esr.sh. docs/firefox.md says why this
 * pairing, and what each workaround below is for.
 *
 * Requests: every http(s) request a tab makes (pages, content scripts,
 * extension pages) is intercepted with BiDi. GitHub and LinkedIn URLs are
 * answered from ../browser/fixtures.ts, everything else with a 404, and
 * recorded. Requests made outside any tab (the add-on's background page, the
 * browser itself) are not visible to BiDi, so Firefox is also pointed at a
 * local proxy that refuses and records whatever reaches it. Both lists must
 * stay empty (`strayRequests`).
 *
 * Reading the card: ./card.ts; real mouse and keyboard: ./input.ts.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { siteOfHost } from '../../identity/hosts';
import { type FixtureOptions, githubFixture, linkedinFixture } from '../browser/fixtures';
import { waitUntil } from '../browser/harness';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/firefox-mv2');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
  browser_specific_settings: { gecko: { id: string; strict_min_version: string } };
};
/** The oldest Firefox the built manifest accepts, e.g. "140.0". */
export const MIN_VERSION = manifest.browser_specific_settings.gecko.strict_min_version;
const GECKO_ID = manifest.browser_specific_settings.gecko.id;
/** Any fixed UUID: Firefox picks a random one per profile unless told. */
const EXTENSION_UUID = '6f0c2b7e-4a1d-4c8e-9f53-0d2e7b1a9c41';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/** Firefox is slower to start work than Chromium on a busy 2-core machine. */
const WAIT_MS = 15_000;
/** Fetching it shows that requests leaving Firefox reach the recording proxy. */
export const PROBE_URL = 'https://probe.invalid/';

/** The few BiDi calls and events used here, as puppeteer's connection carries them. */
interface Bidi {
  send(method: string, params: object): Promise<{ result: unknown }>;
  on(event: string, listener: (params: never) => void): void;
}
interface BeforeRequestSent {
  isBlocked: boolean;
  request: { request: string; url: string };
}
export type Remote = {
  type: string;
  value?: unknown;
  sharedId?: string;
};
interface ScriptResult {
  type: 'success' | 'exception';
  result?: Remote;
  exceptionDetails?: { text: string };
}

export interface FirefoxSession {
  browser: Browser;
  /** The tab Firefox opened with, at the test viewport. */
  page: Page;
  /** What `browser.version()` says, e.g. "firefox/153.7.0". */
  version: string;
  /** Every http(s) URL a tab asked for, in order. */
  requests: string[];
  /** Tab requests that no fixture answers (answered 404). */
  unexpected: string[];
  /** What reached the proxy: requests from outside any tab. */
  outside: string[];
  /** Theme and other knobs for the next fixture served. */
  fixture: FixtureOptions;
  /** Extra fixture pages by URL, for a test's own markup (the hostile pages). */
  pages: Map<string, string>;
  bidi: Bidi;
  close(): Promise<void>;
}

const isFixtureUrl = (url: URL) =>
  url.protocol === 'https:' && siteOfHost(url.hostname) !== undefined;

const header = (name: string, value: string) => ({ name, value: { type: 'string', value } });

/** Answers one intercepted request: a fixture page, or a recorded 404. */
async function answer(session: FirefoxSession, event: BeforeRequestSent): Promise<void> {
  const { request, url: href } = event.request;
  const url = new URL(href);
  if (href === PROBE_URL) {
    // Let through on purpose, to reach the proxy.
    await session.bidi.send('network.continueRequest', { request });
    return;
  }
  let body: string | undefined = session.pages.get(href);
  if (body === undefined && isFixtureUrl(url) && !/\.(ico|png|svg|css|js)$/.test(url.pathname)) {
    body =
      siteOfHost(url.hostname) === 'linkedin'
        ? linkedinFixture(url, session.fixture)
        : githubFixture(url, session.fixture);
  }
  if (!isFixtureUrl(url)) session.unexpected.push(href);
  await session.bidi.send('network.provideResponse', {
    request,
    statusCode: body === undefined ? 404 : 200,
    reasonPhrase: body === undefined ? 'Not Found' : 'OK',
    headers: [header('content-type', 'text/html; charset=utf-8')],
    body: { type: 'string', value: body ?? '' },
  });
}

/** A proxy that answers nothing and writes down what asked. */
async function recordingProxy(log: string[]) {
  const server = createServer((request, response) => {
    log.push(`${request.method} ${request.url}`);
    response.writeHead(403).end();
  });
  server.on('connect', (request, socket) => {
    log.push(`CONNECT ${request.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, port: (server.address() as AddressInfo).port };
}

/** Prefs for every Firefox here: the add-on's fixed address, the proxy, quiet services. */
const prefs = (proxyPort: number) => ({
  'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': proxyPort,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': proxyPort,
  'network.proxy.no_proxies_on': '',
  'network.proxy.allow_hijacking_localhost': true,
  'services.settings.server': 'data:,#remote-settings-dummy/v1',
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
});

export async function launch({
  executablePath = FIREFOX,
  viewport = { width: 1440, height: 900 },
  /** More prefs for this browser (forced colours, say). */
  extraPrefs = {} as Record<string, unknown>,
  /** Another build of the add-on (the bench's before-and-after runs). */
  extensionDir = EXTENSION_DIR,
  /** More environment for Firefox (the Gecko profiler's MOZ_PROFILER_* in bench/firefox-pageload.ts). */
  extraEnv = {} as Record<string, string>,
} = {}): Promise<FirefoxSession> {
  const outside: string[] = [];
  const proxy = await recordingProxy(outside);
  const profileDir = mkdtempSync(join(tmpdir(), 'profile-card-firefox-'));
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close();
    proxy.server.close();
    rmSync(profileDir, { recursive: true, force: true });
  };
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      userDataDir: profileDir,
      // puppeteer's page.setViewport fails on ESR 140; see setViewport below.
      defaultViewport: null,
      // Without it Firefox 153 refuses to navigate a tab to moz-extension:// pages.
      args: ['--remote-allow-system-access'],
      // Lets the remote-settings server in the prefs be overridden in a
      // release build, so Firefox does not phone home during the tests.
      env: { ...process.env, MOZ_REMOTE_SETTINGS_DEVTOOLS: '1', ...extraEnv },
      extraPrefsFirefox: { ...prefs(proxy.port), ...extraPrefs },
    });
    const bidi = (browser as unknown as { connection: Bidi }).connection;
    const [page] = await browser.pages();
    if (!page) throw new Error('Firefox opened no tab');
    const session: FirefoxSession = {
      browser,
      page,
      version: await browser.version(),
      requests: [],
      unexpected: [],
      outside,
      fixture: {},
      pages: new Map(),
      bidi,
      close,
    };
    bidi.on('network.beforeRequestSent', (event: BeforeRequestSent) => {
      session.requests.push(event.request.url);
      // answer() records a stray request before it responds; a request whose
      // page navigated away meanwhile cannot be answered, and that is fine.
      if (event.isBlocked) answer(session, event).catch(() => undefined);
    });
    await bidi.send('network.addIntercept', {
      phases: ['beforeRequestSent'],
      urlPatterns: [
        { type: 'pattern', protocol: 'https' },
        { type: 'pattern', protocol: 'http' },
      ],
    });
    const id = await browser.installExtension(extensionDir);
    if (id !== GECKO_ID) throw new Error(`installed ${id}, expected ${GECKO_ID}`);
    await setViewport(session, page, viewport);
    return session;
  } catch (error) {
    await close().catch(() => undefined);
    throw error;
  }
}

/**
 * Requests that are neither fixtures nor the extension's own, from tabs and
 * from outside them. Firefox's own service hosts are set aside: the prefs
 * above keep them quiet, and the extension has no reason to call Mozilla.
 */
export function strayRequests(session: FirefoxSession): string[] {
  const fromTabs = session.unexpected.filter((href) => href !== PROBE_URL);
  const probeHost = new URL(PROBE_URL).host;
  const fromOutside = session.outside.filter((line) => {
    const target = line.split(' ')[1] ?? '';
    const host = target.includes('://') ? new URL(target).hostname : target.split(':')[0];
    if (host === probeHost) return false;
    return !/(^|\.)(mozilla\.(com|org|net)|firefox\.com)$/.test(host ?? '');
  });
  return [...fromTabs, ...fromOutside.map((line) => `outside a tab: ${line}`)];
}

/** The BiDi browsing-context id of a tab (puppeteer keeps it on the frame). */
export function contextOf(page: Page): string {
  const id = (page.mainFrame() as unknown as { _id?: unknown })._id;
  if (typeof id !== 'string') throw new Error('no BiDi context id on the page');
  return id;
}

/** BiDi `browsingContext.setViewport`, which ESR 140 has (puppeteer's call needs more). */
export async function setViewport(
  session: FirefoxSession,
  page: Page,
  viewport: { width: number; height: number },
): Promise<void> {
  await session.bidi.send('browsingContext.setViewport', { context: contextOf(page), viewport });
}

/** A new tab at the test viewport. */
export async function newTab(
  session: FirefoxSession,
  viewport = { width: 1440, height: 900 },
): Promise<Page> {
  const page = await session.browser.newPage();
  await setViewport(session, page, viewport);
  return page;
}

/**
 * Loads one of the add-on's pages in `page`. Over BiDi, navigating to a
 * moz-extension:// page never reports that it settled, so this starts the
 * navigation and waits for the document instead.
 */
export async function openExtensionPage(page: Page, path: string): Promise<void> {
  const url = `${EXTENSION_ORIGIN}/${path}`;
  page.goto(url).catch(() => undefined);
  await wait(`${path} to load`, async () =>
    page
      .evaluate(() => `${location.href} ${document.readyState}`)
      .then((state) => state === `${url} complete`)
      .catch(() => false),
  );
}

export const wait = (what: string, check: () => Promise<boolean>, timeout = WAIT_MS) =>
  waitUntil(what, check, timeout);

/** Runs `script.callFunction` in the page's main world, with `this` if given. */
export async function callFunction(
  session: FirefoxSession,
  page: Page,
  params: { functionDeclaration: string; this?: Remote; arguments?: Remote[] },
  serializationOptions?: object,
): Promise<Remote> {
  const { result } = (await session.bidi.send('script.callFunction', {
    ...params,
    target: { context: contextOf(page) },
    awaitPromise: true,
    resultOwnership: 'none',
    ...(serializationOptions && { serializationOptions }),
  })) as { result: ScriptResult };
  if (result.type === 'exception')
    throw new Error(`in page: ${result.exceptionDetails?.text ?? 'an exception'}`);
  return result.result as Remote;
}

/**
 * Puts people into the add-on's store the way a user does: an import of an
 * export document on the options page, in a tab of its own, closed after.
 */
export async function seedPeople(session: FirefoxSession, profiles: readonly object[]) {
  const dir = mkdtempSync(join(tmpdir(), 'profile-card-seed-'));
  const file = join(dir, 'seed.json');
  writeFileSync(file, JSON.stringify({ version: 1, profiles }));
  const tab = await newTab(session);
  try {
    await openExtensionPage(tab, 'options.html');
    const input = await tab.waitForSelector('input[type="file"]');
    await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(file);
    const button = await tab.waitForSelector('.pc-preview .pc-primary');
    await button?.click();
    await wait('the import', async () =>
      tab.evaluate(() => /Imported: /.test(document.body.innerText)),
    );
  } finally {
    await tab.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
