/**
 * "What's new" in real Chromium, with a real update: the build is installed
 * as version 0.0.1 (a fresh install: no banner), then its manifest gets the
 * real version and the extension is reloaded from chrome://extensions, as a
 * developer's Reload button does (developer mode on; without it Chromium
 * disables a reloaded command-line extension). Chromium then fires
 * `runtime.onInstalled` with `reason: 'update'` and the previous version, as
 * a store update does. The update opens no tab; the options page, opened by
 * the user, shows CHANGELOG.md's entry once; its footer links to the privacy
 * policy page, which is PRIVACY.md.
 *
 * Before the update the key the background writes is removed, as 0.1.0 (which
 * had no "What's new") leaves storage; the background then writes the
 * previous version, which is also the sign that its update handler ran.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import { EXTENSION_DIR, waitUntil } from './harness';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const KEY = 'whatsNew.lastVersionSeen';
const version = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'))
  .version as string;

async function start(extensionDir: string, userDataDir: string) {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  const requests: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('chrome-extension://')) return route.continue();
    requests.push(url);
    return route.abort();
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, worker, id: new URL(worker.url()).host, requests };
}

const lastSeen = (worker: Worker) =>
  worker.evaluate(
    (key) => chrome.storage.local.get(key).then((got: Record<string, unknown>) => got[key]),
    KEY,
  );

async function openOptions(context: BrowserContext, id: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/options.html`);
  await page.getByRole('heading', { name: 'People' }).waitFor();
  return page;
}

const banner = (page: Page) => page.getByRole('heading', { name: /^What’s new in Profile Card/ });

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'profile-card-whats-new-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('says nothing on a fresh install; after an update opens no tab, and the options page shows the changelog once', async () => {
  const extensionDir = join(root, 'extension');
  cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
  const manifestPath = join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: '0.0.1' }));

  const { context, worker, id, requests } = await start(extensionDir, join(root, 'user-data'));
  try {
    // 1. A fresh install of "0.0.1": the background remembers it; no banner.
    await waitUntil(
      'the install to be noted',
      async () => (await lastSeen(worker)) === '0.0.1',
      10_000,
    );
    const fresh = await openOptions(context, id);
    await fresh.getByRole('link', { name: 'Privacy policy' }).waitFor(); // the page is drawn
    expect(await banner(fresh).count()).toBe(0);
    await fresh.close();
    // As 0.1.0 leaves storage: no key at all.
    await worker.evaluate((key) => chrome.storage.local.remove(key), KEY);

    // 2. The update: the real version, reloaded as a developer would.
    writeFileSync(manifestPath, JSON.stringify(manifest));
    const extensions = await context.newPage();
    await extensions.goto('chrome://extensions');
    const opened: string[] = [];
    context.on('page', (page) => opened.push(page.url() || 'about:blank'));
    const pagesBefore = context.pages().length;
    const reloaded = await extensions.evaluate(
      (id) =>
        new Promise<string>((resolve) => {
          const dev = (chrome as never as { developerPrivate: DeveloperPrivate }).developerPrivate;
          dev.updateProfileConfiguration({ inDeveloperMode: true }, () =>
            dev.reload(id, { failQuietly: false }, () =>
              resolve(chrome.runtime.lastError?.message ?? 'reloaded'),
            ),
          );
        }),
      id,
    );
    expect(reloaded).toBe('reloaded');
    const newWorker = () =>
      context.serviceWorkers().find((found) => found !== worker && found.url().includes(id));
    await waitUntil('the updated background', async () => newWorker() !== undefined, 10_000);
    const updated = newWorker() as Worker;
    expect(await updated.evaluate(() => chrome.runtime.getManifest().version)).toBe(version);
    await waitUntil(
      'the update to be noted',
      async () => (await lastSeen(updated)) === '0.0.1',
      10_000,
    );
    expect(opened).toEqual([]);
    expect(context.pages().length).toBe(pagesBefore);
    // Control: a tab the extension does open is seen by the same watch.
    const control = context.waitForEvent('page');
    await updated.evaluate(() => chrome.tabs.create({ url: 'about:blank' }));
    await (await control).close();
    expect(opened).toHaveLength(1);

    // 3. The user opens the options page: the changelog's entry for this version.
    const page = await openOptions(context, id);
    await banner(page).waitFor();
    expect(await banner(page).textContent()).toBe(`What’s new in Profile Card ${version}`);
    expect(await page.locator('section.pc-whats-new').textContent()).toContain('First release.');
    expect(await lastSeen(updated)).toBe(version);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    expect(await banner(page).count()).toBe(0);
    // Once: not after a reload, not in another tab.
    await page.reload();
    await page.getByRole('link', { name: 'Privacy policy' }).waitFor();
    expect(await banner(page).count()).toBe(0);

    // 4. The footer's link: PRIVACY.md, as a page of the extension, in a new tab.
    const policyOpened = context.waitForEvent('page');
    await page.getByRole('link', { name: 'Privacy policy' }).click();
    const policy = await policyOpened;
    await policy.getByRole('heading', { level: 1, name: 'Privacy policy' }).waitFor();
    expect(policy.url()).toBe(`chrome-extension://${id}/privacy.html`);
    expect(await policy.getByRole('heading', { name: 'Whose data this is' }).count()).toBe(1);
    expect(await policy.locator('main').textContent()).toContain('other people');
    expect(requests).toEqual([]);
  } finally {
    await context.close();
  }
});

/** The part of chrome://extensions' private API this uses. */
interface DeveloperPrivate {
  updateProfileConfiguration(update: { inDeveloperMode: boolean }, done: () => void): void;
  reload(id: string, options: { failQuietly: boolean }, done: () => void): void;
}
