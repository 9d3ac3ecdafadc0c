/**
 * The toolbar popup: the real action popup over a fixture tab (opened with
 * chrome.action.openPopup and read over CDP), and popup.html in a tab for the
 * list, the keyboard, copying and axe-core.
 */
import axe from 'axe-core';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import {
  launch,
  openToolbarPopup,
  runningWorkers,
  type Session,
  stopServiceWorker,
  strayRequests,
  waitUntil,
} from './harness';

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

  it('sets the badge of a tab opened while the worker slept (the action read when needed)', async () => {
    const page = await session.context.newPage();
    await page.goto('https://github.com/tikv');
    const cdp = await session.context.newCDPSession(page);
    await stopServiceWorker(cdp, session.extensionId);
    await page.goto('https://github.com/spacejam');
    await page.bringToFront();
    await waitUntil(
      'the worker to wake',
      async () => (await runningWorkers(cdp, session.extensionId)) === 1,
    );
    // Read from an extension page: the woken worker is a new target.
    const probe = await session.context.newPage();
    await probe.goto(`chrome-extension://${session.extensionId}/popup.html`);
    const badge = () =>
      probe.evaluate(async () => {
        const tabs = await chrome.tabs.query({ url: 'https://github.com/spacejam' });
        return chrome.action.getBadgeText({ tabId: tabs[0]?.id });
      });
    await waitUntil('the badge', async () => (await badge()) === 'TN');
    await cdp.detach();
    await probe.close();
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
    // A project's name finds the person who made it.
    await search.fill('sled');
    await popup.getByText('1 of 3 people').waitFor();
    expect(await popup.getByRole('option').allInnerTexts()).toEqual([
      expect.stringContaining('Tyler Neely'),
    ]);
    await search.fill('');
    await popup.getByText('3 people').waitFor();
  });

  it('says in a sentence when nobody matches, and what to try', async () => {
    const search = popup.getByRole('searchbox', { name: 'Search people' });
    await search.fill('zzqx');
    await popup.getByText('Nobody matches “zzqx” among 3 people.').waitFor();
    await popup.getByText(/^Try the start of a first or last name/).waitFor();
    await popup.getByRole('button', { name: 'Clear the search' }).click();
    await popup.getByText('3 people').waitFor();
    expect(await search.inputValue()).toBe('');
    expect(await search.evaluate((input) => input === document.activeElement)).toBe(true);
  });

  it('starts the popup’s own sentences where everything else starts', async () => {
    // The "Kept …" line is a direct child of the popup's <main>, like this one.
    const insets = await popup.evaluate(() => {
      const main = document.querySelector('main') as HTMLElement;
      const measure = (parent: HTMLElement) => {
        const note = document.createElement('p');
        note.className = 'pc-popup-note';
        note.textContent = 'Kept Ines Okafor.';
        parent.append(note);
        const range = document.createRange();
        range.selectNodeContents(note);
        const inset = range.getBoundingClientRect().left - main.getBoundingClientRect().left;
        note.remove();
        return inset;
      };
      const search = document.querySelector('input[type="search"]') as HTMLElement;
      // Positive control: the same note one level down, where the popup's rule does not reach.
      const wrapper = document.createElement('div');
      main.append(wrapper);
      const bare = measure(wrapper);
      wrapper.remove();
      return {
        kept: measure(main),
        search: search.getBoundingClientRect().left - main.getBoundingClientRect().left,
        bare,
      };
    });
    expect(insets.bare).toBeLessThan(12);
    expect(insets.kept).toBeGreaterThanOrEqual(12);
    expect(insets.kept).toBeLessThanOrEqual(16);
    expect(insets.search).toBeGreaterThanOrEqual(12);
  });

  it('walks the list with the arrow keys, opens a card with Enter, and Esc goes back', async () => {
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
    // Focus is on the person's name, not dropped to <body>.
    const focused = () =>
      popup.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        return `${element?.tagName}: ${element?.innerText.trim()}`;
      });
    expect(await focused()).toBe('H1: Tyler Neely');
    // The way back says what it does, in words a sighted user reads too.
    const back = popup.getByRole('button', { name: 'All people' });
    expect(await back.innerText()).toBe('← All people');
    await popup.keyboard.press('Escape');
    // Back to the list, the search focused, on the person you left.
    await popup.getByText('3 people').waitFor();
    await waitUntil('the search box to have focus', () =>
      search.evaluate((input) => input === document.activeElement),
    );
    expect(await popup.getByRole('option', { selected: true }).innerText()).toContain(
      'Tyler Neely',
    );
    await popup.getByRole('option', { name: /Deniz/ }).click();
    await popup.getByRole('heading', { name: 'Deniz Altınbüken' }).waitFor();
    await back.click();
    await popup.getByRole('option', { name: /Deniz/ }).click();
    await popup.getByRole('heading', { name: 'Deniz Altınbüken' }).waitFor();
  });

  it('shows a project’s name whole while its description has room', async () => {
    const widths = await popup.locator('.pc-project').evaluateAll((rows) =>
      rows.map((row) => {
        const name = row.querySelector('.pc-project-name') as HTMLElement;
        const desc = row.querySelector('.pc-project-desc') as HTMLElement | null;
        return {
          name: name.textContent,
          cut: name.scrollWidth > name.clientWidth + 1,
          descCut: desc ? desc.scrollWidth > desc.clientWidth + 1 : false,
        };
      }),
    );
    expect(widths.find((row) => row.name === 'Paxos Made Moderately Complex')).toEqual(
      expect.objectContaining({ cut: false }),
    );
    expect(widths.every((row) => !row.cut)).toBe(true);
    // Positive control: the same probe sees a name that is cut (one squeezed to 40 px).
    const squeezed = await popup
      .locator('.pc-project-name')
      .first()
      .evaluate((name) => {
        (name as HTMLElement).style.maxWidth = '40px';
        const cut = name.scrollWidth > name.clientWidth + 1;
        (name as HTMLElement).style.maxWidth = '';
        return cut;
      });
    expect(squeezed).toBe(true);
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

  it('shows the active person and the way back in forced colours', async () => {
    await popup.emulateMedia({ forcedColors: 'active' });
    try {
      await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
      await popup.getByText('3 people').waitFor();
      const marks = () =>
        popup.evaluate(() =>
          [...document.querySelectorAll('[role="option"]')].map((option) => {
            const style = getComputedStyle(option);
            return `${option.getAttribute('aria-selected')} ${style.outlineStyle} ${style.boxShadow}`;
          }),
        );
      const [active, ...others] = await marks();
      // Forced colours drop backgrounds and shadows: the active row needs a mark that stays.
      expect(active).toMatch(/^true solid/);
      for (const other of others) expect(other).toMatch(/^false none/);
      await popup.getByRole('option', { name: /Tyler/ }).click();
      const back = popup.getByRole('button', { name: 'All people' });
      expect(await back.evaluate((button) => getComputedStyle(button).borderTopStyle)).toBe(
        'solid',
      );
      expect(await back.isVisible()).toBe(true);
    } finally {
      await popup.emulateMedia({ forcedColors: 'none' });
    }
  });

  it('fits at 200 % zoom', async () => {
    // A 360-pixel popup at 200 % is 720 device pixels wide, within a popup's 800.
    await popup.setViewportSize({ width: 360, height: 300 });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await popup.getByText('3 people').waitFor();
    await popup.getByRole('option', { name: /Deniz/ }).click();
    await popup.getByRole('heading', { name: 'Deniz Altınbüken' }).waitFor();
    const wide = () =>
      popup.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
    expect(await wide()).toBe(false);
    // Positive control.
    await popup.evaluate(() => {
      document.body.append(
        Object.assign(document.createElement('div'), { style: 'width:900px;height:4px' }),
      );
    });
    expect(await wide()).toBe(true);
  });

  it('made no request beyond the fixtures and its own files', () => {
    expect(session.unexpected).toEqual([]);
    expect(strayRequests(session)).toEqual([]);
  });
});
