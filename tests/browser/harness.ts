/**
 * Real Chromium (Debian's /usr/bin/chromium) with the built extension loaded,
 * driven by playwright-core. GitHub and LinkedIn URLs are answered from
 * fixtures.ts through `context.route`; every request is recorded and any
 * request that is not to a fixture is aborted and reported, so a test can
 * assert the extension made none.
 *
 * The card lives in a *closed* shadow root, which Playwright's locators cannot
 * pierce; CDP can (`DOM.getDocument({ pierce: true })`), so the helpers below
 * resolve the shadow root once and run small functions against it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  type BrowserContext,
  type CDPSession,
  chromium,
  type Page,
  type Route,
  type Worker,
} from 'playwright-core';
import { siteOfHost } from '../../identity/hosts';
import { type FixtureOptions, githubFixture, linkedinFixture } from './fixtures';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Session {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  /** Every URL any page asked for, in order. */
  requests: string[];
  /** Requests that no fixture answers: must stay empty. */
  unexpected: string[];
  /** Theme and other knobs for the next fixture served. */
  fixture: FixtureOptions;
  /** Extra fixture pages by URL, for a test's own markup. */
  pages: Map<string, string>;
  /** Extra response headers for a fixture URL (a page's own policies). */
  headers: Map<string, Record<string, string>>;
  /**
   * `work` with no request intercepted (the bench's page-opening figures):
   * while a route is set, Playwright holds EVERY request of the browser,
   * the extension's own files too, for a round trip to this process — tens
   * of milliseconds per page under load that no user's browser pays. Not
   * for tests: nothing is recorded as unexpected meanwhile.
   */
  unrouted<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Fixture pages stand in for every host the extension runs on. */
const isFixtureUrl = (url: URL) =>
  url.protocol === 'https:' && siteOfHost(url.hostname) !== undefined;

/**
 * `extension: false` starts the same browser without it: the benchmark's
 * baseline. `profileDir`: a user-data directory the caller keeps (and
 * removes), for a test that starts the browser twice on one profile.
 * `lang`: the browser's language (`--lang`), which picks the extension's
 * messages (public/_locales).
 */
export async function launch(
  viewport = { width: 1440, height: 900 },
  {
    extension = true,
    profileDir: kept,
    lang,
    extensionDir = EXTENSION_DIR,
    serviceWorker = true,
  }: {
    extension?: boolean;
    profileDir?: string;
    lang?: string;
    /** Another build of the extension (the bench's before-and-after runs). */
    extensionDir?: string;
    /**
     * false: the extension has no service worker to wait for (a peer
     * extension in bench/peers.ts); `extensionId` and `worker` stay unset.
     */
    serviceWorker?: boolean;
  } = {},
): Promise<Session> {
  const profileDir = kept ?? mkdtempSync(join(tmpdir(), 'profile-card-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      '--no-sandbox',
      ...(lang ? [`--lang=${lang}`] : []),
      ...(extension
        ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`]
        : []),
      // Lets CDP's Extensions.triggerAction click the toolbar button as a user
      // would (openToolbarPopup's `click`), which grants activeTab.
      '--enable-unsafe-extension-debugging',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const session: Session = {
    context,
    worker: undefined as unknown as Worker,
    extensionId: '',
    requests: [],
    unexpected: [],
    fixture: {},
    pages: new Map(),
    headers: new Map(),
    unrouted: async (work) => {
      await context.unroute('**/*', answer);
      try {
        return await work();
      } finally {
        await context.route('**/*', answer);
      }
    },
    close: async () => {
      await context.close();
      if (!kept) rmSync(profileDir, { recursive: true, force: true });
    },
  };
  context.on('request', (request) => session.requests.push(request.url()));
  const answer = async (route: Route) => {
    const url = new URL(route.request().url());
    // The extension's own pages load their own files (a peer's, whose id is not
    // known without its service worker, too: it is the only extension there).
    if (
      url.protocol === 'chrome-extension:' &&
      (url.host === session.extensionId || !serviceWorker)
    )
      return route.continue();
    const custom = session.pages.get(url.href);
    const headers = session.headers.get(url.href);
    if (custom !== undefined)
      return route.fulfill({ contentType: 'text/html', body: custom, ...(headers && { headers }) });
    if (isFixtureUrl(url)) {
      if (/\.(ico|png|svg|css|js)$/.test(url.pathname))
        return route.fulfill({ status: 404, body: '' });
      const body =
        siteOfHost(url.hostname) === 'linkedin'
          ? linkedinFixture(url, session.fixture)
          : githubFixture(url, session.fixture);
      return route.fulfill({ contentType: 'text/html; charset=utf-8', body });
    }
    session.unexpected.push(url.href);
    return route.abort();
  };
  await context.route('**/*', answer);
  if (!extension || !serviceWorker) return session;
  session.worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  session.extensionId = new URL(session.worker.url()).host;
  return session;
}

/** Requests made that are neither fixtures nor the extension's own files. */
export function strayRequests(session: Session): string[] {
  return session.requests.filter((href) => {
    const url = new URL(href);
    if (url.protocol === 'chrome-extension:' && url.host === session.extensionId) return false;
    if (url.protocol === 'data:' || url.protocol === 'blob:') return false;
    return !isFixtureUrl(url);
  });
}

const cdpSessions = new WeakMap<Page, CDPSession>();
async function cdp(page: Page): Promise<CDPSession> {
  let session = cdpSessions.get(page);
  if (!session) {
    session = await page.context().newCDPSession(page);
    cdpSessions.set(page, session);
  }
  return session;
}

interface DomNode {
  nodeName: string;
  nodeType: number;
  nodeValue?: string;
  backendNodeId: number;
  children?: DomNode[];
  shadowRoots?: DomNode[];
  shadowRootType?: string;
  contentDocument?: DomNode;
}

/** Our shadow root holds the card's stylesheet: the only way to tell it from a page's own. */
const isCardRoot = (root: DomNode) =>
  root.shadowRootType === 'closed' &&
  (root.children ?? []).some(
    (child) =>
      child.nodeName === 'STYLE' &&
      (child.children ?? []).some((text) => text.nodeValue?.includes('.pc-theme')),
  );

/**
 * The card's closed shadow roots on the page. The host is a plain element
 * with no attributes (it must not say what it is), so it is found by what its
 * root holds, through CDP, which sees closed roots.
 */
async function cardShadowRoots(page: Page): Promise<DomNode[]> {
  const { root } = (await (
    await cdp(page)
  ).send('DOM.getDocument', { depth: -1, pierce: true })) as {
    root: DomNode;
  };
  const found: DomNode[] = [];
  const walk = (node: DomNode) => {
    for (const shadow of node.shadowRoots ?? []) if (isCardRoot(shadow)) found.push(shadow);
    for (const child of node.children ?? []) walk(child);
  };
  walk(root);
  return found;
}

/**
 * Runs `fn` with `this` bound to the card's shadow root (through CDP, in the
 * page's main world; the root is closed to the page's own scripts). Returns
 * undefined when no card is mounted.
 */
export async function inCard<T>(
  page: Page,
  fn: string,
  ...args: unknown[]
): Promise<T | undefined> {
  const [shadow] = await cardShadowRoots(page);
  if (!shadow) return undefined;
  const session = await cdp(page);
  const { object } = (await session.send('DOM.resolveNode', {
    backendNodeId: shadow.backendNodeId,
  })) as {
    object: { objectId: string };
  };
  const { result, exceptionDetails } = (await session.send('Runtime.callFunctionOn', {
    objectId: object.objectId,
    functionDeclaration: fn,
    arguments: args.map((value) => ({ value })),
    returnByValue: true,
    awaitPromise: true,
  })) as { result: { value: T }; exceptionDetails?: { text: string } };
  if (exceptionDetails) throw new Error(`in card: ${exceptionDetails.text}`);
  return result.value;
}

/**
 * In pages, the card's text is painted as CSS generated content from
 * `data-text` attributes, not held in text nodes (so the page's
 * `window.find` and selections cannot reach it). This function, as source
 * for `inCard` callers, reads a subtree's text the way a user sees it.
 */
export const RENDERED_TEXT = `function renderedText(node) {
  let out = '';
  for (const child of node.childNodes) {
    if (child.nodeType === 3) out += child.data;
    else if (child.nodeType === 1 && child.localName !== 'style') {
      const text = child.getAttribute('data-text');
      if (text !== null) out += text;
      out += renderedText(child);
    }
  }
  return out;
}`;

/** The card's visible text, or '' when there is no card. */
export async function cardText(page: Page): Promise<string> {
  return (
    (await inCard<string>(page, `function () { ${RENDERED_TEXT}; return renderedText(this); }`)) ??
    ''
  );
}

/** How many card hosts the page holds (0 or 1). */
export async function hostCount(page: Page): Promise<number> {
  return (await cardShadowRoots(page)).length;
}

/** Polls until `check` holds; returns how long that took. */
export async function waitUntil(
  what: string,
  check: () => Promise<boolean>,
  timeout = 5000,
): Promise<number> {
  const start = performance.now();
  while (performance.now() - start < timeout) {
    if (await check()) return performance.now() - start;
    await new Promise((done) => setTimeout(done, 20));
  }
  throw new Error(`timed out after ${timeout} ms waiting for ${what}`);
}

export const cardShows = (page: Page, text: string) =>
  waitUntil(`a card showing "${text}"`, async () => (await cardText(page)).includes(text));

/** Clicks the element matching `selector` inside the card with the real mouse. */
export async function clickInCard(page: Page, selector: string, text?: string): Promise<void> {
  const point = await inCard<{ x: number; y: number } | null>(
    page,
    `function (selector, text) {
      ${RENDERED_TEXT};
      const el = [...this.querySelectorAll(selector)].find((e) => !text || renderedText(e).includes(text));
      if (!el) return null;
      el.scrollIntoView({ block: 'nearest' });
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }`,
    selector,
    text ?? '',
  );
  if (!point) throw new Error(`no ${selector} ${text ?? ''} in the card`);
  await page.mouse.click(point.x, point.y);
}

/** The focused element inside the card, described, or null. */
export async function focusedInCard(page: Page): Promise<string | null> {
  return (
    (await inCard<string | null>(
      page,
      `function () {
        ${RENDERED_TEXT};
        const el = this.activeElement;
        return el ? (el.getAttribute('aria-label') || renderedText(el) || el.tagName).trim() : null;
      }`,
    )) ?? null
  );
}

/**
 * Opens the real toolbar popup over `page` (the active tab) with
 * `chrome.action.openPopup()`, called in the service worker, or in
 * `opener` (an extension page in another tab) when given — which does not
 * start a stopped service worker. Playwright does not surface action popups
 * as pages, so this talks to the popup's target over CDP.
 *
 * `{ click: true }` opens it as the user's click on the toolbar button does
 * (CDP `Extensions.triggerAction`), which also grants the extension
 * `activeTab` on that tab, as `openPopup()` does not: what the popup needs to
 * read a page on a site the manifest has no host permission for.
 */
export async function openToolbarPopup(
  session: Session,
  page: Page,
  { click = false, opener }: { click?: boolean; opener?: Page } = {},
) {
  await page.bringToFront();
  const cdpSession = await cdp(page);
  const popupTargets = async () =>
    (
      (await cdpSession.send('Target.getTargets')) as {
        targetInfos: { targetId: string; url: string; type: string }[];
      }
    ).targetInfos.filter((target) => target.url.endsWith('/popup.html'));
  // popup.html may also be open in tabs: the popup is the target that is new.
  const before = new Set((await popupTargets()).map((target) => target.targetId));
  if (click) {
    // A persistent context's browser() is its browser, whose CDP session may run it.
    const browser = page.context().browser();
    if (!browser) throw new Error('no browser to click the toolbar button with');
    const browserSession = await browser.newBrowserCDPSession();
    // The button belongs to the tab (a `tab` target), not to the page inside it.
    const { targetInfos } = (await browserSession.send('Target.getTargets', {
      filter: [{ type: 'tab' }],
    } as never)) as { targetInfos: { targetId: string; url: string }[] };
    const tabs = targetInfos.filter((target) => target.url === page.url());
    const [tab] = tabs;
    if (!tab || tabs.length > 1) throw new Error(`expected one tab at ${page.url()}`);
    await browserSession.send(
      'Extensions.triggerAction' as never,
      {
        id: session.extensionId,
        targetId: tab.targetId,
      } as never,
    );
    await browserSession.detach();
  } else if (opener) await opener.evaluate(() => chrome.action.openPopup());
  else await session.worker.evaluate(() => chrome.action.openPopup());
  let targetId: string | undefined;
  await waitUntil('the popup target', async () => {
    targetId = (await popupTargets()).find((target) => !before.has(target.targetId))?.targetId;
    return targetId !== undefined;
  });
  const { sessionId } = (await cdpSession.send('Target.attachToTarget', {
    targetId: targetId as string,
    flatten: false,
  })) as { sessionId: string };
  let nextId = 1;
  /** One CDP command to the popup's own target. */
  const call = async <T>(method: string, params: object): Promise<T> => {
    const id = nextId++;
    const reply = new Promise<T>((resolve, reject) => {
      const onMessage = (event: { sessionId: string; message: string }) => {
        const message = JSON.parse(event.message) as {
          id?: number;
          result?: T;
          error?: { message: string };
        };
        if (event.sessionId !== sessionId || message.id !== id) return;
        cdpSession.off('Target.receivedMessageFromTarget', onMessage);
        if (message.error) reject(new Error(message.error.message));
        else resolve(message.result as T);
      };
      cdpSession.on('Target.receivedMessageFromTarget', onMessage);
    });
    await cdpSession.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id, method, params }),
    });
    return reply;
  };
  const evaluate = async <T>(expression: string): Promise<T> => {
    const result = await call<{ result: { value: T }; exceptionDetails?: { text: string } }>(
      'Runtime.evaluate',
      { expression, returnByValue: true, awaitPromise: true },
    );
    if (result.exceptionDetails) throw new Error(result.exceptionDetails.text);
    return result.result.value;
  };
  const text = () => evaluate<string>('document.body.innerText');
  return {
    evaluate,
    text,
    waitForText: (needle: string) =>
      waitUntil(`the popup to show "${needle}"`, async () => (await text()).includes(needle)),
    close: () => evaluate('window.close()').catch(() => undefined),
    /** The popup's own prefers-color-scheme (the tab's emulation does not reach it). */
    colorScheme: (value: 'light' | 'dark') =>
      call('Emulation.setEmulatedMedia', {
        features: [{ name: 'prefers-color-scheme', value }],
      }),
    /** A PNG of the popup as it is drawn. */
    screenshot: async () =>
      Buffer.from(
        (await call<{ data: string }>('Page.captureScreenshot', { format: 'png' })).data,
        'base64',
      ),
  };
}

export interface HoverState {
  open: boolean;
  text: string;
  box: { x: number; y: number; width: number; height: number } | null;
}

/** The hovercard inside the closed shadow root: open (placed and visible), its text, its box. */
export async function hoverState(page: Page): Promise<HoverState> {
  return (
    (await inCard<HoverState>(
      page,
      `function () {
        ${RENDERED_TEXT};
        const card = this.querySelector('.pc-hover');
        if (!card) return { open: false, text: '', box: null };
        const r = card.getBoundingClientRect();
        return { open: card.style.visibility === 'visible', text: renderedText(card),
          box: { x: r.x, y: r.y, width: r.width, height: r.height } };
      }`,
    )) ?? { open: false, text: '', box: null }
  );
}

export const hovercardShows = (page: Page, text: string) =>
  waitUntil(`a hovercard showing "${text}"`, async () => {
    const state = await hoverState(page);
    return state.open && state.text.includes(text);
  });

export const hovercardGone = (page: Page) =>
  waitUntil('the hovercard to close', async () => !(await hoverState(page)).open);

/**
 * The user's own people, and nobody else: what was stored is cleared, then
 * `profiles` go in through seedPeople (below). The hostile-page and hovercard
 * tests use it to have exactly one private person, and to take them out again.
 */
export async function seedUserProfiles(
  session: Session,
  profiles: readonly object[],
): Promise<void> {
  await clearPeople(session);
  if (profiles.length > 0) await seedPeople(session, profiles);
}

/**
 * Empties the people store (records, hidden ids, and `meta`: the store's
 * version and the list's summary, store/people-rows.ts, which would
 * otherwise still list the people cleared) from the service worker and
 * announces the change the way the store does (store/change-feed.ts),
 * so open tabs forget what they knew.
 */
export async function clearPeople(session: Session): Promise<void> {
  await session.worker.evaluate(async () => {
    const databases = await indexedDB.databases();
    if (databases.some((database) => database.name === 'profile-card')) {
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('profile-card');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const stores = ['people', 'hidden', 'meta'].filter((name) =>
            db.objectStoreNames.contains(name),
          );
          if (stores.length === 0) {
            db.close();
            resolve();
            return;
          }
          const tx = db.transaction(stores, 'readwrite');
          for (const name of stores) tx.objectStore(name).clear();
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      });
    }
    await chrome.storage.local.set({ peopleVersion: crypto.randomUUID() });
  });
}

/**
 * Waits until our content script listens on the page (document_idle may
 * come after Playwright's `load`, most of all in a browser just started): a
 * pointer already resting on a link when the script starts opens nothing
 * (react only to the user), so a test that hovers must hover after it.
 */
export const scriptListening = (session: Session, page: Page) =>
  waitUntil('our content script to listen on the page', async () => {
    try {
      return Object.keys(await extensionListeners(session, page)).length > 0;
    } catch {
      return false;
    }
  });

/**
 * Our content script's execution context in the page's top frame, through an
 * attached CDP client: CDP names each context, and ours is the top frame's
 * `isolated` one whose origin is the extension's (listeners and globals are
 * per world: the page's say nothing about ours).
 */
async function extensionWorld(session: Session, client: CDPSession): Promise<number> {
  const contexts: { id: number; origin: string; auxData?: { type?: string; frameId?: string } }[] =
    [];
  client.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await client.send('Runtime.enable');
  const { frameTree } = (await client.send('Page.getFrameTree')) as {
    frameTree: { frame: { id: string } };
  };
  const ours = contexts.filter(
    (context) =>
      context.auxData?.type === 'isolated' &&
      context.auxData.frameId === frameTree.frame.id &&
      context.origin === `chrome-extension://${session.extensionId}`,
  );
  if (ours.length !== 1 || !ours[0]) {
    throw new Error(`expected one extension world, found ${ours.length}`);
  }
  return ours[0].id;
}

/** Runs `expression` in our content script's world of the page's top frame; its value. */
export async function inContentScript(
  session: Session,
  page: Page,
  expression: string,
): Promise<unknown> {
  const client = await page.context().newCDPSession(page);
  try {
    const contextId = await extensionWorld(session, client);
    const { result } = (await client.send('Runtime.evaluate', {
      expression,
      contextId,
      returnByValue: true,
    })) as { result: { value: unknown } };
    return result.value;
  } finally {
    await client.detach();
  }
}

/**
 * Event listeners the extension holds on the page's `window`, `document` and
 * `<html>`, counted in the extension's own isolated world.
 */
export async function extensionListeners(
  session: Session,
  page: Page,
): Promise<Record<string, number>> {
  const client = await page.context().newCDPSession(page);
  try {
    const contextId = await extensionWorld(session, client);
    const counts: Record<string, number> = {};
    for (const expression of ['window', 'document', 'document.documentElement']) {
      const { result } = (await client.send('Runtime.evaluate', {
        expression,
        contextId,
      })) as { result: { objectId: string } };
      const { listeners } = (await client.send('DOMDebugger.getEventListeners', {
        objectId: result.objectId,
      })) as { listeners: { type: string }[] };
      for (const { type } of listeners) {
        const name = `${expression}:${type}`;
        counts[name] = (counts[name] ?? 0) + 1;
      }
    }
    return counts;
  } finally {
    await client.detach();
  }
}

/** The extension's service workers that run, seen through `cdp`. */
export async function workerTargets(cdp: CDPSession, extensionId: string) {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as {
    targetInfos: { targetId: string; type: string; url: string }[];
  };
  return targetInfos.filter(
    (target) =>
      target.type === 'service_worker' &&
      target.url.startsWith(`chrome-extension://${extensionId}/`),
  );
}

/** How many of the extension's service workers run. */
export const runningWorkers = async (cdp: CDPSession, extensionId: string) =>
  (await workerTargets(cdp, extensionId)).length;

/** How often a worker woken again at once is stopped again (stopServiceWorker). */
const STOP_AGAIN_MS = 250;

/**
 * Stops the extension's service worker as Chrome does after ~30 s idle, and
 * waits until it is gone (up to 20 s: a loaded machine): what comes next
 * must wake it. An event already on its way (the first question of a page
 * just loaded, a tab's update) wakes it again at once, so it is stopped
 * again, every STOP_AGAIN_MS, until it stays stopped (one stop alone timed
 * out once in CI, popup.test.ts, right after a page load).
 */
export async function stopServiceWorker(cdp: CDPSession, extensionId: string): Promise<void> {
  await cdp.send('ServiceWorker.enable');
  let stoppedAt = Number.NEGATIVE_INFINITY;
  await waitUntil(
    'the service worker to stop',
    async () => {
      if ((await runningWorkers(cdp, extensionId)) === 0) return true;
      if (performance.now() - stoppedAt >= STOP_AGAIN_MS) {
        stoppedAt = performance.now();
        await cdp.send('ServiceWorker.stopAllWorkers');
      }
      return false;
    },
    20_000,
  );
}

/**
 * The user clicks a link that the fixture page routes itself (pushState, as
 * GitHub and LinkedIn do): a soft navigation the user caused. The fixture's
 * navigation holds the common ones; others are added to it first.
 */
export async function userNavigates(page: Page, href: string): Promise<void> {
  const selector = `nav a[data-spa][href="${href}"]`;
  if ((await page.locator(selector).count()) === 0) {
    await page.evaluate((target) => {
      const link = document.createElement('a');
      link.setAttribute('data-spa', '');
      link.href = target;
      link.textContent = target;
      document.querySelector('nav')?.append(' ', link);
    }, href);
  }
  await page.click(selector);
}

/** A page script's own client-side navigation: not the user's doing. */
export async function pageNavigates(page: Page, href: string): Promise<void> {
  await page.evaluate(
    (target) => (window as never as { __spaNavigate(h: string): void }).__spaNavigate(target),
    href,
  );
}

/**
 * Puts people into the extension's store the way a user does: an import of
 * an export document on the options page (one transaction, through
 * store/store.ts), in a page of its own that is closed afterwards.
 */
export async function seedPeople(session: Session, profiles: readonly object[]): Promise<void> {
  const page = await session.context.newPage();
  try {
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    await page.getByRole('heading', { name: 'People' }).waitFor();
    await page.setInputFiles('input[type="file"]', {
      name: 'seed.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ version: 1, profiles })),
    });
    const button = page.locator('.pc-preview .pc-primary');
    await button.waitFor();
    if (await button.isEnabled()) {
      await button.click();
      await page.getByText(/^Imported: /).waitFor({ timeout: 120_000 });
    }
  } finally {
    await page.close();
  }
}

/** The people store's records and hidden ids as stored (read in the service worker), as JSON. */
export async function storedPeople(session: Session): Promise<string> {
  return session.worker.evaluate(async () => {
    // Opening a database that does not exist would create it, empty.
    const databases = await indexedDB.databases();
    if (!databases.some((database) => database.name === 'profile-card'))
      return JSON.stringify({ people: [], hidden: [] });
    return new Promise<string>((resolve, reject) => {
      const request = indexedDB.open('profile-card');
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains('people')) {
          db.close();
          resolve(JSON.stringify({ people: [], hidden: [] }));
          return;
        }
        const tx = db.transaction(['people', 'hidden']);
        const people = tx.objectStore('people').getAll();
        const hidden = tx.objectStore('hidden').getAllKeys();
        tx.oncomplete = () => {
          db.close();
          resolve(JSON.stringify({ people: people.result, hidden: hidden.result }));
        };
        tx.onerror = () => reject(tx.error);
      };
    });
  });
}
