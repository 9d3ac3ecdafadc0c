/**
 * The toolbar popup: the real action popup over a fixture tab (opened with
 * chrome.action.openPopup and read over CDP), and popup.html in a tab for the
 * list, the keyboard, copying and axe-core.
 */
import axe from 'axe-core';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { launch, openToolbarPopup, type Session, strayRequests, waitUntil } from './harness';

let session: Session;
beforeAll(async () => {
  session = await launch();
});
afterAll(() => session?.close());

describe('the toolbar popup over the active tab', () => {
  it.each([
    ['https://github.com/spacejam', 'Tyler Neely'],
    ['https://github.com/spacejam/sled/pulls', 'Tyler Neely'],
    ['https://gist.github.com/PATMESH', 'Patmesh S'],
    ['https://de.linkedin.com/in/denizalti/details/experience/', 'Deniz Altınbüken'],
  ])('%s → %s', async (url, name) => {
    const page = await session.context.newPage();
    await page.goto(url);
    const popup = await openToolbarPopup(session, page);
    await popup.waitForText(name);
    expect(await popup.text()).toContain('Copy vCard');
    await popup.close();
    await page.close();
  });

  it('lists everyone when the tab is nobody’s page', async () => {
    const page = await session.context.newPage();
    await page.goto('https://github.com/tikv');
    const popup = await openToolbarPopup(session, page);
    await popup.waitForText('3 people');
    const text = await popup.text();
    for (const name of ['Deniz Altınbüken', 'Patmesh S', 'Tyler Neely'])
      expect(text).toContain(name);
    await popup.close();
    await page.close();
  });

  it('sets the toolbar badge and title from the tab, and clears them elsewhere', async () => {
    const page = await session.context.newPage();
    const badge = () =>
      session.worker.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return {
          text: await chrome.action.getBadgeText({ tabId: tab?.id }),
          title: await chrome.action.getTitle({ tabId: tab?.id }),
        };
      });
    await page.goto('https://www.linkedin.com/in/denizalti/');
    await page.bringToFront();
    await waitUntil('the badge', async () => (await badge()).text === 'DA');
    expect(await badge()).toEqual({ text: 'DA', title: 'Profile Card: Deniz Altınbüken' });
    await page.evaluate(() =>
      (window as never as { __spaNavigate(h: string): void }).__spaNavigate('/in/patmesh-s/'),
    );
    await waitUntil('the badge to follow', async () => (await badge()).text === 'PS');
    await page.goto('https://github.com/tikv');
    await waitUntil('the badge to clear', async () => (await badge()).text === '');
    expect((await badge()).title).toBe('Profile Card');
    await page.close();
  });
});

describe('popup.html', () => {
  let popup: Page;
  beforeAll(async () => {
    popup = await session.context.newPage();
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await popup.getByText('3 people').waitFor();
  });

  it('searches names, headlines and handles, accent-insensitively', async () => {
    const search = popup.getByRole('searchbox', { name: 'Search people' });
    await expect(search.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await search.fill('altinbuken');
    await popup.getByText('1 of 3 people').waitFor();
    await search.fill('@spacejam');
    await popup.getByText('1 of 3 people').waitFor();
    expect(await popup.getByRole('option').allInnerTexts()).toEqual([
      expect.stringContaining('Tyler Neely'),
    ]);
    await search.fill('distributed systems');
    await popup.getByText('2 of 3 people').waitFor();
    await search.fill('');
    await popup.getByText('3 people').waitFor();
  });

  it('walks the list with the arrow keys and opens a card with Enter', async () => {
    const search = popup.getByRole('searchbox', { name: 'Search people' });
    await search.focus();
    await popup.keyboard.press('ArrowDown');
    expect(await popup.getByRole('option', { selected: true }).innerText()).toContain('Patmesh S');
    await popup.keyboard.press('ArrowUp');
    await popup.keyboard.press('ArrowUp');
    expect(await popup.getByRole('option', { selected: true }).innerText()).toContain(
      'Tyler Neely',
    );
    await popup.keyboard.press('Enter');
    await popup.getByRole('heading', { name: 'Tyler Neely' }).waitFor();
    await popup.getByRole('button', { name: 'All people' }).click();
    await popup.getByRole('option', { name: /Deniz/ }).click();
    await popup.getByRole('heading', { name: 'Deniz Altınbüken' }).waitFor();
  });

  it('copies a vCard from the popup', async () => {
    await popup.getByRole('button', { name: 'Copy vCard' }).click();
    await popup.getByRole('status').getByText('Copied vCard').waitFor();
    // Chromium won't grant clipboard-read to an extension origin; the
    // clipboard is the browser's, so read it back from a fixture page.
    await session.context.grantPermissions(['clipboard-read'], { origin: 'https://github.com' });
    const reader = await session.context.newPage();
    await reader.goto('https://github.com/');
    const card = new ICAL.Component(
      ICAL.parse(await reader.evaluate(() => navigator.clipboard.readText())),
    );
    await reader.close();
    expect(card.getFirstPropertyValue('fn')).toBe('Deniz Altınbüken');
    await popup.getByRole('button', { name: 'more', exact: true }).click();
    await popup.getByText('As a Tech Lead').waitFor();
  });

  const violations = async () => {
    await popup.evaluate(axe.source);
    return popup.evaluate(async () => {
      const result = await (window as never as { axe: typeof axe }).axe.run(document);
      return result.violations.map(
        (violation) =>
          `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
      );
    });
  };

  it.each(['light', 'dark'] as const)(
    'has no axe-core violations, card and list, %s',
    async (scheme) => {
      await popup.emulateMedia({ colorScheme: scheme });
      await waitUntil(
        scheme,
        async () => (await popup.locator('.pc-theme').getAttribute('data-scheme')) === scheme,
      );
      await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
      await popup.getByText('3 people').waitFor();
      expect(await violations()).toEqual([]);
      await popup.getByRole('option', { name: /Tyler/ }).click();
      await popup.getByRole('heading', { name: 'Tyler Neely' }).waitFor();
      await popup.getByRole('button', { name: '+11 more' }).click();
      expect(await violations()).toEqual([]);
    },
  );

  it('made no request beyond the fixtures and its own files', () => {
    expect(session.unexpected).toEqual([]);
    expect(strayRequests(session)).toEqual([]);
  });
});
