/**
 * Edge values in what an earlier version left in `storage.local`, and a
 * backup at scale: a revision at or past 2^53, a large negative WXT item
 * version (`profiles$`), a newer version's data, and an export of 10,000
 * people (over the old 5 MB import limit) that must re-import unchanged.
 *
 * The old data is written in the old key layout (`profiles`, `profiles$`,
 * `profilesRevision`), the way a033939 and earlier stored it; the store
 * moves it into IndexedDB on its first use (store/migrate.ts). Each test
 * failed on the one-value store before it: changes stopped reaching tabs,
 * the options page hung on "Loading…", the newer data had no warning, and
 * the export was refused as too big.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { DB_VERSION } from '../../store/db';
import { cardShows, hostCount, launch, type Session, waitUntil } from './harness';

let session: Session;
let options: Page;

const ada = {
  id: 'ada-lovelace',
  name: 'Ada Lovelace',
  headline: 'Analyst of the Analytical Engine',
  bio: 'Wrote the first published program.',
  projects: [],
  contact: {},
  identities: { github: ['adalovelace'], linkedin: [] },
};

async function openOptions() {
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
}
const setLocal = (values: Record<string, unknown>) =>
  session.worker.evaluate((values) => chrome.storage.local.set(values), values);
const localKeys = () =>
  session.worker.evaluate(async () => Object.keys(await chrome.storage.local.get(null)).sort());

beforeAll(async () => {
  session = await launch({ width: 1280, height: 900 });
  options = await session.context.newPage();
});
afterAll(() => session?.close());

describe('old values at the edges', () => {
  it('keeps changes reaching open tabs when the old revision is 2^53', async () => {
    await setLocal({ profiles: { profiles: [ada], hidden: [] }, profilesRevision: 2 ** 53 });
    const page = await session.context.newPage();
    await page.goto('https://github.com/adalovelace');
    await cardShows(page, 'Ada Lovelace');
    await openOptions();
    await options.getByRole('button', { name: 'Delete Ada Lovelace' }).click();
    await options.getByRole('button', { name: 'Delete', exact: true }).click();
    await options.getByText('Deleted Ada Lovelace.').waitFor();
    await waitUntil('the card to go', async () => (await hostCount(page)) === 0);
    // A hostile or huge change token of our own cannot freeze the feed either.
    await setLocal({ peopleVersion: 2 ** 53 });
    await page.goto('https://github.com/spacejam');
    await cardShows(page, 'Tyler Neely');
    await options.getByRole('button', { name: 'Hide Tyler Neely' }).click();
    await waitUntil('the card to go', async () => (await hostCount(page)) === 0);
    await options.getByRole('button', { name: 'Show Tyler Neely' }).click();
    await cardShows(page, 'Tyler Neely');
    await page.close();
  });

  it('opens the options page at once over a large negative item version', async () => {
    await setLocal({
      profiles: { profiles: [{ ...ada, id: 'negative', identities: {} }], hidden: [] },
      profiles$: { v: -100_000_000 },
    });
    const start = Date.now();
    await openOptions();
    await options.getByRole('heading', { name: 'People' }).waitFor({ timeout: 10_000 });
    await options.getByText('Ada Lovelace').first().waitFor({ timeout: 10_000 });
    expect(Date.now() - start).toBeLessThan(10_000);
    expect(await localKeys()).not.toContain('profiles');
  });

  it('warns about a newer version’s data and writes nothing over it', async () => {
    const future = { profiles: [{ ...ada, id: 'future', shape: 'v2' }], hidden: [] };
    await setLocal({ profiles: future, profiles$: { v: 2 } });
    await openOptions();
    await options
      .getByRole('alert')
      .getByText(/newer version of Profile Card/)
      .waitFor();
    expect(await options.getByRole('button', { name: 'Add a person' }).isDisabled()).toBe(true);
    await options.setInputFiles('input[type="file"]', {
      name: 'x.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ ...ada, id: 'new-one', identities: {} })),
    });
    await options.getByText('1 to add').waitFor();
    const button = options.locator('.pc-preview').getByRole('button', { name: /^Import/ });
    expect(await button.isDisabled()).toBe(true);
    const stored = await session.worker.evaluate(() => chrome.storage.local.get(['profiles']));
    expect(stored.profiles).toEqual(future);
    await session.worker.evaluate(() => chrome.storage.local.remove(['profiles', 'profiles$']));
  });
});

describe('a backup at scale', () => {
  it('exports 10,000 people (over 5 MB) and re-imports the file unchanged', async () => {
    const many = Array.from({ length: 10_000 }, (_, index) => ({
      id: `p-${index}`,
      name: `Person Number ${index}`,
      headline: 'Engineer working on storage engines and the occasional compiler',
      bio: `Person ${index}. ${'Builds and measures distributed systems for a living. '.repeat(6)}`,
      projects: [],
      contact: { email: `p${index}@example.org` },
      identities: { github: [`p-login-${index}`], linkedin: [] },
    }));
    await setLocal({ profiles: { profiles: many, hidden: [] } });
    await openOptions();
    await options.getByRole('heading', { name: 'People' }).waitFor({ timeout: 90_000 });
    // 10,000 more than the earlier tests left.
    await options.getByText(/10,00\d yours/).waitFor({ timeout: 90_000 });
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export all (JSON)' }).click();
    const saved = await download;
    const text = readFileSync((await saved.path()) as string, 'utf8');
    expect(text.length).toBeGreaterThan(5 * 1024 * 1024);
    const count = JSON.parse(text).profiles.length;
    expect(count).toBeGreaterThanOrEqual(10_000);
    await options.setInputFiles('input[type="file"]', {
      name: saved.suggestedFilename(),
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    await options
      .getByText(`0 to add · 0 to update · ${count.toLocaleString('en')} unchanged · 0 refused`)
      .waitFor({ timeout: 90_000 });
    // A migration, an export and a preview of 10,000 people: minutes, not
    // seconds, when the machine is shared (a CI run at load 12 took over 60 s).
  }, 240_000);
});

describe('what the database itself holds', () => {
  it('reports a damaged record, keeps serving the rest, and removes it only when asked', async () => {
    await openOptions();
    await options.getByRole('heading', { name: 'People' }).waitFor();
    await options.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('profile-card');
          request.onsuccess = () => {
            const tx = request.result.transaction('people', 'readwrite');
            tx.objectStore('people').put({
              id: 'broken',
              rev: -1,
              profile: { id: 'broken' },
              keys: [],
            });
            tx.oncomplete = () => {
              request.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await openOptions();
    await options.getByRole('alert').getByText('One stored person could not be read').waitFor();
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Download the damaged records' }).click();
    const raw = JSON.parse(readFileSync((await (await download).path()) as string, 'utf8'));
    expect(raw).toEqual([{ id: 'broken', rev: -1, profile: { id: 'broken' }, keys: [] }]);
    const page = await session.context.newPage();
    await page.goto('https://github.com/spacejam');
    await cardShows(page, 'Tyler Neely');
    await page.close();
    await options.getByRole('button', { name: 'Remove them' }).click();
    await waitUntil(
      'the banner to go',
      async () => (await options.getByText('One stored person could not be read').count()) === 0,
    );
  });

  it('reads and writes nothing in a database made by a newer version, and says so', async () => {
    // A newer version opens the database past ours (ours close on versionchange).
    await session.worker.evaluate(
      (newer) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('profile-card', newer);
          request.onsuccess = () => {
            request.result.close();
            resolve();
          };
          request.onerror = () => reject(request.error);
        }),
      DB_VERSION + 1,
    );
    await openOptions();
    await options
      .getByRole('alert')
      .getByText(/saved by a newer version of Profile Card/)
      .first()
      .waitFor();
    expect(await options.getByRole('button', { name: 'Add a person' }).isDisabled()).toBe(true);
  });
});
