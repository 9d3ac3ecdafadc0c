/**
 * 10,000 people, as a user with that many would meet them (issue 12): the
 * popup lists the right count and renders only the rows on screen, search
 * finds someone deep in the list (by a name typed without its letters, and
 * by handle), the arrow keys walk it, the options page scrolls to the last
 * person with their actions, its jump links reach Import and Settings, and
 * an import shows its progress and can be cancelled without a trace — beside
 * the same import, not cancelled, landing.
 *
 * Behaviour only: how fast is `npm run bench`'s business. The people are put
 * in the way a user does, by importing an export on the options page
 * (harness.ts `seedPeople`), which writes through the store's import path.
 */
import type { Page } from 'playwright-core';
import { launch, openToolbarPopup, type Session, seedPeople, waitUntil } from './harness';

const COUNT = 10_000;
/** Someone near the end of the list, with letters that do not decompose. */
const DEEP = 9_876;
const pad = (index: number) => String(index).padStart(5, '0');
const FIRST = ['Ada', 'Grace', 'Alan', 'Barbara', 'Edsger', 'Frances', 'Leslie', 'Radia'];
const LAST = ['Lovelace', 'Hopper', 'Turing', 'Liskov', 'Dijkstra', 'Allen', 'Lamport'];

const person = (prefix: string, index: number) => ({
  id: `${prefix}-${pad(index)}`,
  name:
    prefix === 'p' && index === DEEP
      ? 'Łukasz Żółw'
      : `${FIRST[index % FIRST.length]} ${LAST[index % LAST.length]} ${prefix}${index}`,
  headline: index % 2 ? 'Engineer' : 'Researcher',
  projects: [],
  contact: {},
  identities: { github: [`${prefix}-login-${pad(index)}`], linkedin: [] },
});
const people = (prefix: string, count: number) =>
  Array.from({ length: count }, (_, index) => person(prefix, index));
const LAST_USER = person('p', COUNT - 1).name;

let session: Session;

/** How many people the store holds, read in the service worker. */
const storedCount = () =>
  session.worker.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const request = indexedDB.open('profile-card');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const count = db.transaction('people').objectStore('people').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
          count.onerror = () => reject(count.error);
        };
      }),
  );

beforeAll(async () => {
  session = await launch({ width: 1280, height: 900 });
  await seedPeople(session, people('p', COUNT));
  expect(await storedCount()).toBe(COUNT);
}, 180_000);
afterAll(() => session?.close());

describe('the popup with 10,000 people', () => {
  let popup: Page;
  beforeAll(async () => {
    popup = await session.context.newPage();
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await popup.getByText('10,003 people').waitFor();
  });
  const selected = () =>
    popup.evaluate(() => {
      const input = document.querySelector('input[type="search"]');
      const id = input?.getAttribute('aria-activedescendant');
      const option = id ? document.getElementById(id) : null;
      const list = document.querySelector('[role="listbox"]');
      const box = option?.getBoundingClientRect();
      const view = list?.getBoundingClientRect();
      return {
        text: option?.textContent ?? null,
        selected: option?.getAttribute('aria-selected') ?? null,
        position: Number(option?.getAttribute('aria-posinset')),
        size: Number(option?.getAttribute('aria-setsize')),
        onScreen: !!box && !!view && box.top >= view.top - 1 && box.bottom <= view.bottom + 1,
      };
    });

  it('says how many, and renders only the rows on screen', async () => {
    const rendered = await popup.getByRole('option').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(80);
    expect(await popup.getByRole('listbox').getAttribute('aria-label')).toBe('People, 10,003');
    expect((await selected()).size).toBe(10_003);
  });

  it('finds a person deep in the list, by a name typed without its letters and by handle', async () => {
    const search = popup.getByRole('searchbox', { name: 'Search people' });
    await search.fill('lukasz zolw');
    await popup.getByText('1 of 10,003 people').waitFor();
    expect(await popup.getByRole('option').allInnerTexts()).toEqual([
      expect.stringContaining('Łukasz Żółw'),
    ]);
    await search.fill(`@p-login-${pad(COUNT - 1)}`);
    await popup.getByText('1 of 10,003 people').waitFor();
    expect(await popup.getByRole('option').allInnerTexts()).toEqual([
      expect.stringContaining(LAST_USER),
    ]);
    // A prefix of a word: everyone whose login starts so.
    await search.fill('p-login-0999');
    await popup.getByText('10 of 10,003 people').waitFor();
    await search.fill('');
    await popup.getByText('10,003 people').waitFor();
  });

  it('walks the list with the arrow keys, to the end and back', async () => {
    const search = popup.getByRole('searchbox', { name: 'Search people' });
    await search.focus();
    expect(await selected()).toMatchObject({ position: 1, selected: 'true' });
    for (let step = 0; step < 3; step++) await popup.keyboard.press('ArrowDown');
    expect(await selected()).toMatchObject({ position: 4, selected: 'true', onScreen: true });
    // Up from the first wraps to the last, who is scrolled into view.
    await popup.keyboard.press('Control+Home');
    await popup.keyboard.press('ArrowUp');
    await waitUntil('the last person in view', async () => (await selected()).onScreen);
    expect(await selected()).toMatchObject({
      position: 10_003,
      text: expect.stringContaining('Tyler Neely'),
    });
    await popup.keyboard.press('ArrowUp');
    expect(await selected()).toMatchObject({
      position: 10_002,
      text: expect.stringContaining('Patmesh S'),
    });
    await popup.keyboard.press('PageUp');
    expect((await selected()).position).toBeLessThan(10_002);
    await waitUntil('the selection in view', async () => (await selected()).onScreen);
    await popup.keyboard.press('Control+End');
    await popup.keyboard.press('Enter');
    await popup.getByRole('heading', { name: 'Tyler Neely' }).waitFor();
  });

  it('follows a change made while it is open, keeping the search', async () => {
    const search = popup.getByRole('searchbox', { name: 'Search people' });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await search.fill('grace hopper');
    await popup.getByText(/^\d[\d,]* of 10,003 people$/).waitFor();
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.getByRole('button', { name: 'Add a person' }).click();
    await options.getByLabel('Name', { exact: true }).first().fill('Grace Hopper Zed');
    await options.getByRole('button', { name: 'Add person' }).click();
    await options.getByText('Saved Grace Hopper Zed.').waitFor();
    await popup.getByText(/ of 10,004 people$/).waitFor();
    await search.fill('grace hopper zed');
    await popup.getByText('1 of 10,004 people').waitFor();
    await options.getByRole('searchbox', { name: 'Search people' }).fill('Grace Hopper Zed');
    await options.getByRole('button', { name: 'Delete Grace Hopper Zed' }).click();
    await options.getByRole('button', { name: 'Delete', exact: true }).click();
    await popup.getByText('Nobody matches “grace hopper zed” among 10,003 people.').waitFor();
    await options.close();
    await search.fill('');
  });

  it('lists everyone in the real toolbar popup over a page that is nobody’s', async () => {
    const page = await session.context.newPage();
    await page.goto('https://github.com/tikv');
    const real = await openToolbarPopup(session, page);
    await real.waitForText('10,003 people');
    await real.close();
    await page.close();
  });
});

describe('the options page with 10,000 people', () => {
  let options: Page;
  beforeAll(async () => {
    options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.getByRole('heading', { name: 'People' }).waitFor();
  });

  it('says how many, renders only the rows on screen, and scrolls to the last person', async () => {
    const list = options.getByRole('list', { name: 'People, 10,003' });
    await list.waitFor();
    expect(await options.locator('.pc-person-row').count()).toBeLessThan(80);
    await options.locator('.pc-people-scroll').evaluate((element) => {
      element.scrollTop = element.scrollHeight;
    });
    await options.getByRole('button', { name: 'Hide Tyler Neely' }).waitFor();
    const last = options.getByRole('button', { name: `Edit ${LAST_USER}` });
    await last.scrollIntoViewIfNeeded();
    await last.click();
    await waitUntil(
      'the form with their name',
      async () =>
        (await options.getByLabel('Name', { exact: true }).first().inputValue()) === LAST_USER,
    );
    await options.getByRole('button', { name: 'Cancel' }).first().click();
  });

  it('searches everyone from the options page too', async () => {
    await options.getByRole('searchbox', { name: 'Search people' }).fill('lukasz');
    await options.getByText('1 of 10,003 match').waitFor();
    await options.getByRole('button', { name: 'Edit Łukasz Żółw' }).waitFor();
    await options.getByRole('searchbox', { name: 'Search people' }).fill('');
  });

  it('has jump links to its sections', async () => {
    const inView = (name: string) =>
      options.getByRole('heading', { name, level: 2 }).evaluate((heading) => {
        const box = heading.getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight;
      });
    const nav = options.getByRole('navigation', { name: 'On this page' });
    await nav.getByRole('link', { name: 'Settings' }).click();
    await waitUntil('Settings in view', () => inView('Settings'));
    await nav.getByRole('link', { name: 'Import' }).click();
    await waitUntil('Import in view', () => inView('Import'));
  });

  it('shows an import’s progress; Cancel leaves the store as it was, and without it the import lands', async () => {
    const file = {
      name: 'more.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ version: 1, profiles: people('q', COUNT) })),
    };
    // What the page showed, seen from inside it: every progress bar and its phase.
    await options.evaluate(() => {
      const seen = { phases: [] as string[], cancel: false };
      (window as never as { __seen: typeof seen }).__seen = seen;
      new MutationObserver(() => {
        for (const bar of document.querySelectorAll('[role="progressbar"]')) {
          const phase = bar.getAttribute('aria-label') ?? '';
          if (seen.phases.at(-1) !== phase) seen.phases.push(phase);
          // Once people are being written, the user cancels.
          if (seen.cancel && /^Writing [1-9][\d,]* of/.test(phase)) {
            seen.cancel = false;
            const button = [...document.querySelectorAll('button')].find(
              (b) => b.textContent === 'Cancel import',
            );
            button?.click();
          }
        }
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const seen = () =>
      options.evaluate(() => (window as never as { __seen: { phases: string[] } }).__seen.phases);

    await options.setInputFiles('input[type="file"]', file);
    await options.getByText('10,000 to add · 0 to update · 0 unchanged · 0 refused').waitFor();
    expect(await seen()).toEqual(expect.arrayContaining([expect.stringMatching(/^Checking/)]));

    await options.evaluate(() => {
      (window as never as { __seen: { cancel: boolean } }).__seen.cancel = true;
    });
    await options.getByRole('button', { name: 'Import 10,000 profiles' }).click();
    await options
      .getByRole('status')
      .getByText('Import cancelled; nothing was changed.')
      .waitFor({ timeout: 30_000 });
    expect(await seen()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Writing [1-9][\d,]* of 10,000 people$/)]),
    );
    expect(await storedCount()).toBe(COUNT);
    expect(await options.getByText(/^Imported:/).count()).toBe(0);

    // The positive control: the same file, not cancelled, lands.
    await options.setInputFiles('input[type="file"]', file);
    await options.getByRole('button', { name: 'Import 10,000 profiles' }).click();
    await options
      .getByRole('status')
      .getByText('Imported: 10,000 added, 0 updated.')
      .waitFor({ timeout: 60_000 });
    expect(await storedCount()).toBe(2 * COUNT);
    await options.getByRole('list', { name: 'People, 20,003' }).waitFor();
    // Said once, in the page's one status region.
    expect(await options.getByRole('status').count()).toBe(1);
    expect(await options.getByText(/^Imported:/).count()).toBe(1);
  });
});
