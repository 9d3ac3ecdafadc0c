/**
 * An update, as a user gets it: people kept by 0.1.0 (commit a033939, the
 * last release before the IndexedDB store) must be there after the new
 * build replaces it, and the old `local:profiles` value must be gone.
 *
 * Two ways, because building the old release takes `npm ci` (minutes, and
 * the network) and the test suite should not:
 * - With `PREV_BUILD=<dir of a033939's .output/chrome-mv3>` the real old
 *   build runs first: Chromium with a persistent user-data-dir loads it from
 *   a fixed path, the people are imported through its options page, the
 *   browser closes; the new build is put at the SAME path (unpacked
 *   extension ids derive from the path) and Chromium is started again on the
 *   same user-data-dir. This is how fixtures/storage-0.1.0.json was made:
 *     git worktree add /tmp/prev a033939 && (cd /tmp/prev && npm ci && npx wxt build)
 *     PREV_BUILD=/tmp/prev/.output/chrome-mv3 RECORD_FIXTURE=1 npx vitest run \
 *       --config vitest.browser.config.ts tests/browser/store-migration.test.ts
 * - Without it, the storage values that real run left
 *   (fixtures/storage-0.1.0.json, committed) are written in the old key
 *   layout into the new build's storage, which moves them in the same way.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { EXTENSION_DIR, waitUntil } from './harness';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PREV = process.env.PREV_BUILD;
const FIXTURE = join(import.meta.dirname, 'fixtures/storage-0.1.0.json');

const people = [
  {
    id: 'ada-lovelace',
    name: 'Ada Lovelace',
    headline: 'Analyst of the Analytical Engine',
    bio: 'Wrote the first published program.',
    projects: [{ name: 'Notes', description: 'Sketch of the Analytical Engine' }],
    contact: { email: 'ada@example.org' },
    identities: { github: ['adalovelace'], linkedin: ['ada-lovelace-1815'] },
  },
  {
    id: 'grace-hopper',
    name: 'Grace Hopper',
    headline: 'Rear admiral',
    bio: 'Compilers.',
    projects: [],
    contact: {},
    identities: { github: ['ghopper'], linkedin: [] },
    location: 'Arlington',
  },
];

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
  // No page may reach the network; only the extension's own files load.
  await context.route('**/*', (route) =>
    route.request().url().startsWith('chrome-extension://') ? route.continue() : route.abort(),
  );
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, worker, id: new URL(worker.url()).host };
}

async function options(context: BrowserContext, id: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${id}/options.html`);
  await page.getByRole('heading', { name: 'People' }).waitFor();
  return page;
}

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'profile-card-upgrade-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

it(`keeps 0.1.0's people after the update (${PREV ? 'the real old build' : 'its recorded storage'})`, async () => {
  const extensionDir = join(root, 'extension');
  const userDataDir = join(root, 'user-data');
  let oldId: string | undefined;
  let stored: Record<string, unknown>;
  if (PREV) {
    cpSync(PREV, extensionDir, { recursive: true });
    const old = await start(extensionDir, userDataDir);
    oldId = old.id;
    const page = await options(old.context, old.id);
    await page.setInputFiles('input[type="file"]', {
      name: 'people.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(people)),
    });
    await page.getByRole('button', { name: 'Import 2 profiles' }).click();
    await page.getByText('Imported: 2 added').first().waitFor();
    await page.getByRole('button', { name: 'Hide Patmesh S' }).click();
    await page.getByRole('button', { name: 'Show Patmesh S' }).waitFor();
    stored = await old.worker.evaluate(() => chrome.storage.local.get(null));
    expect(Object.keys(stored).sort()).toEqual(['profiles', 'profilesRevision']);
    if (process.env.RECORD_FIXTURE) writeFileSync(FIXTURE, `${JSON.stringify(stored, null, 2)}\n`);
    await old.context.close();
    rmSync(extensionDir, { recursive: true, force: true });
  } else {
    stored = JSON.parse(readFileSync(FIXTURE, 'utf8'));
  }

  // The new build at the same path, the same user-data-dir, with a higher
  // version, as every real update has.
  cpSync(EXTENSION_DIR, extensionDir, { recursive: true });
  const manifestPath = join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, version: '999.0.0' }));
  // Chrome keeps running an unpacked extension's cached service-worker
  // script across a restart even when its files and version changed (a
  // store update re-registers it; chrome.runtime.reload() unloads a
  // command-line extension for good): drop the cache, keep all storage.
  rmSync(join(userDataDir, 'Default', 'Service Worker'), { recursive: true, force: true });
  const relaunched = await start(extensionDir, userDataDir);
  const { context, id } = relaunched;
  try {
    if (oldId) expect(id).toBe(oldId);
    const page = await context.newPage();
    // The background moves the old value on its first start; a page would too.
    if (!oldId)
      await relaunched.worker.evaluate((values) => chrome.storage.local.set(values), stored);
    await waitUntil(
      'the old value to be moved and removed by the background',
      async () =>
        !('profiles' in (await relaunched.worker.evaluate(() => chrome.storage.local.get(null)))),
      10_000,
    );
    const left = await relaunched.worker.evaluate(() => chrome.storage.local.get(null));
    // The old keys are gone; beside the change feed, only "What's new"'s note of the version.
    expect(Object.keys(left).sort()).toEqual(['peopleVersion', 'whatsNew.lastVersionSeen']);
    await page.goto(`chrome-extension://${id}/options.html`);
    await page.getByRole('heading', { name: 'People' }).waitFor();
    await page.getByText('Ada Lovelace').first().waitFor();
    await page.getByText('Grace Hopper').first().waitFor();
    await page.getByRole('button', { name: 'Show Patmesh S' }).waitFor();
    const lookups = await page.evaluate(async () =>
      Promise.all(
        [
          'github:adalovelace',
          'linkedin:ada-lovelace-1815',
          'github:ghopper',
          'github:patmesh',
        ].map(
          async (key) =>
            (
              (await chrome.runtime.sendMessage({ type: 'lookup', key })) as {
                profile: { id: string };
              } | null
            )?.profile.id ?? null,
        ),
      ),
    );
    expect(lookups).toEqual(['ada-lovelace', 'ada-lovelace', 'grace-hopper', null]);
    // Same content, field for field.
    const exported = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export all (JSON)' }).click();
    const file = JSON.parse(readFileSync((await (await exported).path()) as string, 'utf8'));
    expect(file.profiles).toEqual((stored.profiles as { profiles: unknown[] }).profiles);
  } finally {
    await context.close();
  }
});
