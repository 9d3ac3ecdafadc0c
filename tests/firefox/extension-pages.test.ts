/**
 * The add-on's own pages in real Firefox, loaded as moz-extension:// tabs:
 * the popup's list (search, keyboard, a card, copy) and the options page's
 * people. A test cannot open the toolbar popup itself in Firefox (release
 * builds allow `browserAction.openPopup()` only in a user action's handler,
 * and BiDi cannot run code in the background page), so popup.html runs in a
 * tab, where it lists everyone (docs/firefox.md).
 */
import type { Page } from 'puppeteer-core';
import {
  EXTENSION_ORIGIN,
  type FirefoxSession,
  launch,
  newTab,
  openExtensionPage,
  strayRequests,
  wait,
} from './harness';
import { pasteClipboard } from './input';

let session: FirefoxSession;
beforeAll(async () => {
  session = await launch();
  console.log('Firefox under test:', session.version);
});
afterAll(() => session?.close());

const text = (page: Page) => page.evaluate(() => document.body.innerText);
const waitForText = (page: Page, needle: string) =>
  wait(`"${needle}" on ${page.url()}`, async () => (await text(page)).includes(needle));

describe('popup.html', () => {
  let popup: Page;
  beforeAll(async () => {
    popup = await newTab(session, { width: 360, height: 600 });
    await openExtensionPage(popup, 'popup.html');
  });

  it('lists the three people', async () => {
    await waitForText(popup, '3 people');
    for (const name of ['Deniz Altınbüken', 'Patmesh S', 'Tyler Neely'])
      expect(await text(popup)).toContain(name);
  });

  it('searches accent-insensitively and opens a card from the keyboard', async () => {
    await popup.click('input[type="search"]');
    await popup.keyboard.type('altinbuken');
    await waitForText(popup, '1 of 3 people');
    const options = await popup.$$eval('[role="option"]', (els) =>
      els.map((el) => (el as HTMLElement).innerText),
    );
    expect(options).toEqual([expect.stringContaining('Deniz Altınbüken')]);
    await popup.keyboard.press('Enter');
    await wait('Deniz’s card', async () =>
      popup.$$eval('h1, h2', (els) => els.some((el) => el.textContent === 'Deniz Altınbüken')),
    );
    // Focus is on her name, not dropped to <body>.
    await wait('the heading to have focus', () =>
      popup.evaluate(() => document.activeElement?.textContent === 'Deniz Altınbüken'),
    );
  });

  it('copies a vCard with a real click', async () => {
    const button = await popup.waitForSelector('button ::-p-text(Copy vCard)');
    await button?.click();
    await waitForText(popup, 'Copied vCard');
    const vcard = await pasteClipboard(popup);
    expect(vcard).toMatch(/^BEGIN:VCARD\r?\nVERSION:4\.0/);
    expect(vcard).toContain('FN:Deniz Altınbüken');
  });

  it('opens the options page in a tab from its link', async () => {
    // Esc goes back to the list, the search as it was left.
    await popup.keyboard.press('Escape');
    await waitForText(popup, '1 of 3 people');
    await waitForText(popup, 'Manage people and settings');
    const before = new Set(await session.browser.pages());
    await popup.click('a[href="options.html"]');
    // BiDi reports no navigation to moz-extension:// pages, so puppeteer's
    // targets keep saying about:blank: ask each new tab where it is.
    let options: Page | undefined;
    await wait('the options tab', async () => {
      for (const page of await session.browser.pages()) {
        if (before.has(page)) continue;
        const href = await page.evaluate(() => location.href).catch(() => '');
        if (href === `${EXTENSION_ORIGIN}/options.html`) options = page;
      }
      return options !== undefined;
    });
    if (!options) throw new Error('no options tab');
    await waitForText(options, 'Tyler Neely');
    await options.close();
  });
});

describe('options.html', () => {
  it('shows the three people', async () => {
    const options = await newTab(session, { width: 1280, height: 900 });
    await openExtensionPage(options, 'options.html');
    await wait('three people rows', async () =>
      options.$$eval('.pc-person-row', (rows) => rows.length === 3),
    );
    const rows = await options.$$eval('.pc-person-row', (els) =>
      els.map((el) => (el as HTMLElement).innerText),
    );
    for (const name of ['Deniz Altınbüken', 'Patmesh S', 'Tyler Neely'])
      expect(
        rows.some((row) => row.includes(name)),
        name,
      ).toBe(true);
  });
});

describe('200 % zoom', () => {
  it('fits the options page at 200 % zoom (a 1440-pixel window is 720 CSS pixels)', async () => {
    const options = await newTab(session, { width: 720, height: 500 });
    await openExtensionPage(options, 'options.html');
    await wait('the people', async () =>
      options.$$eval('.pc-person-row', (rows) => rows.length === 3),
    );
    const wide = () =>
      options.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    expect(await wide()).toBe(false);
    // Positive control.
    await options.evaluate(() => {
      const block = document.createElement('div');
      block.style.cssText = 'width:2000px;height:4px';
      document.querySelector('.pc-panel')?.append(block);
    });
    expect(await wide()).toBe(true);
    await options.close();
  });
});

describe('requests', () => {
  it('made none beyond the add-on’s own files', () => {
    expect(strayRequests(session)).toEqual([]);
  });
});
