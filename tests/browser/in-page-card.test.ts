/**
 * The in-page card in real Chromium with the built extension, on fixture
 * pages served for real github.com and linkedin.com URLs.
 */
import { readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import {
  cardShows,
  cardText,
  clickInCard,
  extensionListeners,
  focusedInCard,
  hostCount,
  inCard,
  launch,
  pageNavigates,
  type Session,
  strayRequests,
  userNavigates,
  waitUntil,
} from './harness';

let session: Session;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  session = await launch();
  page = await session.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
});
afterAll(() => session?.close());
beforeEach(() => {
  session.fixture = {};
});

/** Resets what the user told the extension during the session. */
async function forgetSession() {
  await session.worker.evaluate(async () => {
    await chrome.storage.session.clear();
    await chrome.storage.local.clear();
  });
}

/** Waits long enough that a card would have shown if one were coming. */
async function settle() {
  await page.waitForLoadState('load');
  await page.waitForTimeout(400);
}

describe('shows the person on their pages', () => {
  beforeAll(forgetSession);
  it.each([
    ['https://github.com/spacejam', 'Tyler Neely'],
    ['https://github.com/SpaceJam?tab=repositories', 'Tyler Neely'],
    ['https://github.com/spacejam/sled/issues/1200', 'Tyler Neely'],
    ['https://gist.github.com/spacejam', 'Tyler Neely'],
    ['https://github.com/PATMESH', 'Patmesh S'],
    ['https://github.com/patmesh/kairos-scheduler', 'Patmesh S'],
    ['https://www.linkedin.com/in/patmesh-s/', 'Patmesh S'],
    ['https://github.com/denizalti', 'Deniz Altınbüken'],
    ['https://www.linkedin.com/in/denizalti/', 'Deniz Altınbüken'],
    ['https://de.linkedin.com/in/DenizAlti/details/experience/?trk=public', 'Deniz Altınbüken'],
  ])('%s → %s', async (url, name) => {
    await page.goto(url);
    await cardShows(page, name);
    expect(await hostCount(page)).toBe(1);
  });
});

describe('costs one message for the first card', () => {
  it('asks once and gets the UI with the answer, with no separate mount-ui', async () => {
    // Record what reaches the background from here on (a listener in the
    // service worker's own global, which answers nothing).
    await session.worker.evaluate(() => {
      const seen: string[] = [];
      (globalThis as { __seen?: string[] }).__seen = seen;
      chrome.runtime.onMessage.addListener((message: { type: string }) => {
        seen.push(message.type);
      });
    });
    await page.goto('https://github.com/denizalti');
    await cardShows(page, 'Deniz Altınbüken');
    const seen = await session.worker.evaluate(
      () => (globalThis as { __seen?: string[] }).__seen ?? [],
    );
    expect(seen).toEqual(['lookup']);
  });
});

describe('shows nothing elsewhere', () => {
  it.each([
    'https://github.com/tikv',
    'https://github.com/settings/profile',
    'https://github.com/search?q=spacejam',
    'https://github.com/spacejammer',
    'https://github.com/login',
    'https://www.linkedin.com/company/google/',
    'https://www.linkedin.com/in/denizalti2/',
    'https://www.linkedin.com/feed/',
  ])('%s, while the user can still go to a known person from there', async (url) => {
    await page.goto(url);
    await settle();
    expect(await hostCount(page)).toBe(0);
    // Positive control: the script runs on this page and shows a card when due.
    await userNavigates(page, url.includes('linkedin') ? '/in/denizalti/' : '/denizalti');
    await cardShows(page, 'Deniz Altınbüken');
  });
});

describe('single-page navigation', () => {
  beforeAll(forgetSession);

  it('follows GitHub (Turbo) and LinkedIn (history) navigations the user makes, without stale or duplicated cards', async () => {
    await page.goto('https://github.com/spacejam');
    await cardShows(page, 'Tyler Neely');
    const timings: Record<string, number> = {};
    await userNavigates(page, '/denizalti');
    timings.toOtherPerson = await cardShows(page, 'Deniz Altınbüken');
    expect(await cardText(page)).not.toContain('Tyler');
    await userNavigates(page, '/settings/profile');
    timings.toNobody = await waitUntil('the card to go', async () => (await hostCount(page)) === 0);
    await page.goBack();
    timings.back = await cardShows(page, 'Deniz Altınbüken');
    await userNavigates(page, '/PATMESH/kairos-scheduler');
    timings.toRepo = await cardShows(page, 'Patmesh S');
    expect(await hostCount(page)).toBe(1);

    await page.goto('https://www.linkedin.com/in/denizalti/');
    await cardShows(page, 'Deniz Altınbüken');
    await userNavigates(page, '/in/patmesh-s/');
    timings.linkedinToPerson = await cardShows(page, 'Patmesh S');
    await userNavigates(page, '/company/google/');
    timings.linkedinToNobody = await waitUntil(
      'the card to go',
      async () => (await hostCount(page)) === 0,
    );
    // Reported, not asserted: the 200 ms target is shown by the benchmark.
    console.log(
      'SPA navigation → card updated (ms):',
      JSON.stringify(timings, (_k, v) => (typeof v === 'number' ? Math.round(v) : v)),
    );
    for (const ms of Object.values(timings)) expect(ms).toBeLessThan(2000);
  });

  it("a page's own navigation to a person shows nothing; the user's click to the same URL does", async () => {
    await page.goto('https://github.com/settings/profile');
    await pageNavigates(page, '/denizalti');
    await page.waitForTimeout(700);
    expect(await hostCount(page)).toBe(0);
    // The page leaves a person's page on its own: their card goes, whoever is next.
    await page.goto('https://github.com/spacejam');
    await cardShows(page, 'Tyler Neely');
    await pageNavigates(page, '/denizalti');
    await waitUntil('the card to go', async () => (await hostCount(page)) === 0);
    await page.waitForTimeout(500);
    expect(await hostCount(page)).toBe(0);
    // Positive control: the user's own click to that person's page.
    await pageNavigates(page, '/settings/profile');
    await userNavigates(page, '/denizalti');
    await cardShows(page, 'Deniz Altınbüken');
  });

  it("leaks no listeners (counted in the extension's own world) and no hosts over 100 navigations", async () => {
    await page.goto('https://github.com/spacejam');
    await cardShows(page, 'Tyler Neely');
    // One full round first, so every lazy listener exists before counting.
    for (const path of ['/denizalti', '/settings/profile', '/spacejam'])
      await userNavigates(page, path);
    await cardShows(page, 'Tyler Neely');
    const before = await extensionListeners(session, page);
    // Positive control: the count sees our listeners (the hovercards' at least).
    expect(before['document:pointermove']).toBe(1);
    const route = ['/denizalti', '/settings/profile', '/PATMESH', '/tikv', '/spacejam'];
    for (let step = 0; step < 100; step++) {
      await userNavigates(page, route[step % route.length] as string);
    }
    await cardShows(page, 'Tyler Neely');
    expect(await hostCount(page)).toBe(1);
    expect(await extensionListeners(session, page)).toEqual(before);
  });
});

describe('issue 17.2: the state the user left a card in survives navigating away and back', () => {
  beforeEach(forgetSession);

  it('collapsed stays collapsed', async () => {
    await page.goto('https://github.com/denizalti');
    await cardShows(page, 'Copy vCard');
    await clickInCard(page, 'button[aria-label="Collapse card"]');
    await waitUntil('the chip', async () => !(await cardText(page)).includes('Copy vCard'));
    await userNavigates(page, '/spacejam');
    await cardShows(page, 'Tyler Neely');
    await userNavigates(page, '/denizalti');
    await cardShows(page, 'Deniz Altınbüken');
    await page.waitForTimeout(300);
    expect(await cardText(page)).not.toContain('Copy vCard');
  });

  it('dismissed stays dismissed, while another person still shows', async () => {
    await page.goto('https://github.com/denizalti');
    await cardShows(page, 'Deniz');
    await clickInCard(page, 'button[aria-label^="Dismiss"]');
    await waitUntil('the card and its host to go', async () => (await hostCount(page)) === 0);
    await userNavigates(page, '/spacejam');
    await cardShows(page, 'Tyler Neely');
    await userNavigates(page, '/denizalti');
    await waitUntil('the card to go', async () => (await hostCount(page)) === 0);
    await page.waitForTimeout(500);
    expect(await hostCount(page)).toBe(0);
  });
});

describe('collapse and dismiss', () => {
  beforeAll(forgetSession);

  it('collapses to a chip, remembered for the session', async () => {
    await page.goto('https://github.com/denizalti');
    await cardShows(page, 'Copy vCard');
    await clickInCard(page, 'button[aria-label="Collapse card"]');
    await waitUntil('the chip', async () => !(await cardText(page)).includes('Copy vCard'));
    expect(await cardText(page)).toContain('Deniz Altınbüken');
    await page.reload();
    await cardShows(page, 'Deniz Altınbüken');
    await settle();
    expect(await cardText(page)).not.toContain('Copy vCard');
    await clickInCard(page, '.pc-chip-open');
    await cardShows(page, 'Copy vCard');
  });

  it('dismisses per person for the session', async () => {
    await page.goto('https://github.com/denizalti');
    await cardShows(page, 'Deniz');
    await clickInCard(page, 'button[aria-label^="Dismiss"]');
    await waitUntil('the card and its host to go', async () => (await hostCount(page)) === 0);
    await page.goto('https://www.linkedin.com/in/denizalti/');
    await settle();
    expect(await hostCount(page)).toBe(0);
    await page.goto('https://github.com/spacejam');
    await cardShows(page, 'Tyler Neely');
  });
});

describe('copy actions', () => {
  beforeAll(async () => {
    await forgetSession();
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: 'https://github.com',
    });
  });
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());

  it('copies the email, the text and a vCard that parses', async () => {
    await page.goto('https://github.com/denizalti');
    await cardShows(page, 'Copy email');
    await clickInCard(page, 'button', 'Copy email');
    await cardShows(page, 'Copied email');
    expect(await clipboard()).toBe('hello@denizaltinbuken.com');

    await clickInCard(page, 'button', 'Copy text');
    await cardShows(page, 'Copied contact as text');
    const text = await clipboard();
    expect(text).toContain('Deniz Altınbüken\n');
    expect(text).toContain('LinkedIn: https://www.linkedin.com/in/denizalti/');

    await clickInCard(page, 'button', 'Copy vCard');
    await cardShows(page, 'Copied vCard');
    const vcard = new ICAL.Component(ICAL.parse(await clipboard()));
    expect(vcard.getFirstPropertyValue('fn')).toBe('Deniz Altınbüken');
    expect(vcard.getFirstPropertyValue('email')).toBe('hello@denizaltinbuken.com');
  });

  it('downloads a .vcf', async () => {
    await page.goto('https://github.com/spacejam');
    await cardShows(page, 'Download .vcf');
    const download = page.waitForEvent('download');
    await clickInCard(page, 'button', 'Download .vcf');
    const file = await download;
    expect(file.suggestedFilename()).toBe('tyler-neely.vcf');
    const vcard = new ICAL.Component(
      ICAL.parse(readFileSync((await file.path()) as string, 'utf8')),
    );
    expect(vcard.getFirstPropertyValue('fn')).toBe('Tyler Neely');
    await cardShows(page, 'Downloaded tyler-neely.vcf');
  });
});

describe('themes', () => {
  beforeAll(forgetSession);
  const theme = () =>
    inCard<{ scheme: string; contrast: string; background: string }>(
      page,
      `function () {
        const root = this.querySelector('.pc-theme');
        return { scheme: root.dataset.scheme, contrast: root.dataset.contrast,
          background: getComputedStyle(this.querySelector('.pc-float, .pc-chip')).backgroundColor };
      }`,
    );

  it.each([
    [{ colorMode: 'light' as const }, 'light', 'normal', 'rgb(255, 255, 255)'],
    [{ colorMode: 'dark' as const }, 'dark', 'normal', 'rgb(21, 27, 35)'],
    [
      { colorMode: 'dark' as const, darkTheme: 'dark_high_contrast' },
      'dark',
      'more',
      'rgb(1, 4, 9)',
    ],
    [
      { colorMode: 'light' as const, lightTheme: 'light_high_contrast' },
      'light',
      'more',
      'rgb(255, 255, 255)',
    ],
  ])('GitHub %j', async (fixture, scheme, contrast, background) => {
    session.fixture = fixture;
    await page.goto('https://github.com/spacejam');
    await cardShows(page, 'Tyler');
    expect(await theme()).toEqual({ scheme, contrast, background });
  });

  it('GitHub "auto" follows the system, and changes live', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    session.fixture = { colorMode: 'auto' };
    await page.goto('https://github.com/spacejam');
    await cardShows(page, 'Tyler');
    expect((await theme())?.scheme).toBe('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await waitUntil('light', async () => (await theme())?.scheme === 'light');
    await page.evaluate(() => document.documentElement.setAttribute('data-color-mode', 'dark'));
    await waitUntil('dark', async () => (await theme())?.scheme === 'dark');
  });

  it('LinkedIn dark', async () => {
    session.fixture = { linkedinTheme: 'dark' };
    await page.goto('https://www.linkedin.com/in/denizalti/');
    await cardShows(page, 'Deniz');
    expect((await theme())?.scheme).toBe('dark');
  });
});

describe('keyboard only', () => {
  beforeAll(forgetSession);

  it('Tab reaches every control, Esc collapses and keeps focus on the chip', async () => {
    await page.goto('https://github.com/denizalti');
    await cardShows(page, 'Copy vCard');
    await page.focus('#last-page-link');
    const seen: string[] = [];
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      const focused = await focusedInCard(page);
      if (focused) seen.push(focused);
    }
    for (const control of [
      'Collapse card',
      'more',
      'Paxos Made Moderately Complex',
      'Copy email',
      'Copy text',
      'Copy vCard',
      'Download .vcf',
    ]) {
      expect(seen.some((label) => label.includes(control))).toBe(true);
    }
    await page.focus('#last-page-link');
    await page.keyboard.press('Tab');
    expect(await focusedInCard(page)).toContain('Collapse card');
    await page.keyboard.press('Escape');
    await waitUntil(
      'the chip to take focus',
      async () => (await focusedInCard(page))?.includes('Deniz') ?? false,
    );
    await page.keyboard.press('Enter');
    await cardShows(page, 'Copy vCard');
    expect(await focusedInCard(page)).toContain('Collapse card');
  });

  it('draws a visible focus ring', async () => {
    const outline = await inCard<string>(
      page,
      `function () { return getComputedStyle(this.activeElement).outlineStyle; }`,
    );
    expect(outline).toBe('solid');
  });
});

describe('privacy', () => {
  // tests/browser/hostile-page.test.ts tries everything else a page could.
  it("page scripts can't read the card", async () => {
    await page.goto('https://github.com/spacejam');
    await cardShows(page, 'Copy vCard');
    const seen = await page.evaluate(() => {
      const host = document.body.nextElementSibling;
      return {
        host: host?.localName,
        shadowRoot: host?.shadowRoot ?? null,
        html: document.documentElement.outerHTML.includes('Copy vCard'),
        text: document.documentElement.innerText.includes('Copy vCard'),
        found: (window as never as { find(text: string): boolean }).find('Copy vCard'),
        attributes: host ? [...host.attributes].map((a) => a.name) : null,
      };
    });
    expect(seen).toEqual({
      host: 'div',
      shadowRoot: null,
      html: false,
      text: false,
      found: false,
      attributes: [],
    });
  });

  it('made no request beyond the fixture pages', () => {
    expect(session.unexpected).toEqual([]);
    expect(strayRequests(session)).toEqual([]);
  });
});

describe('settings and bad storage', () => {
  it('the per-site switch turns the in-page card off', async () => {
    await session.worker.evaluate(() =>
      chrome.storage.local.set({
        settings: {
          sites: {
            github: { inPage: false, hovercards: true },
            linkedin: { inPage: true, hovercards: true },
          },
          hoverDelayMs: 300,
        },
      }),
    );
    await page.goto('https://github.com/spacejam');
    await settle();
    expect(await hostCount(page)).toBe(0);
    await page.goto('https://www.linkedin.com/in/denizalti/');
    await cardShows(page, 'Deniz');
  });

  it('a corrupted settings value falls back to defaults and is left as it was', async () => {
    await session.worker.evaluate(() => chrome.storage.local.set({ settings: 'garbage{' }));
    await page.goto('https://github.com/spacejam');
    await cardShows(page, 'Tyler');
    expect(await session.worker.evaluate(() => chrome.storage.local.get('settings'))).toEqual({
      settings: 'garbage{',
    });
    await forgetSession();
  });
});

describe('extension reload', () => {
  it('tears the old card down on the next navigation, with no errors in the page', async () => {
    await page.goto('https://github.com/spacejam');
    await cardShows(page, 'Tyler');
    await session.worker.evaluate(() => chrome.runtime.reload()).catch(() => undefined);
    await page.waitForTimeout(500);
    await userNavigates(page, '/denizalti');
    await waitUntil('the orphaned card to go', async () => (await hostCount(page)) === 0);
    expect(pageErrors).toEqual([]);
  });
});
