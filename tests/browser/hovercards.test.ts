/**
 * Hovercards in real Chromium: every GitHub and LinkedIn target shape from
 * ../shared/notes/pages.md (fixtures.ts), by pointer and by keyboard, the
 * negatives, hover intent, GitHub's own hovercard, and settings.
 */
import type { Page } from 'playwright-core';
import {
  clickInCard,
  focusedInCard,
  hostCount,
  hovercardGone,
  hovercardShows,
  hoverState,
  launch,
  type Session,
  strayRequests,
  waitUntil,
} from './harness';

const THREAD = 'https://github.com/tikv/tikv/issues/1';
const FEED = 'https://www.linkedin.com/feed/';

let session: Session;
let page: Page;
const pageErrors: string[] = [];
beforeAll(async () => {
  session = await launch();
  page = await session.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
});
afterAll(() => session?.close());

const target = (name: string) => `[data-test="${name}"]`;
/** Parks the pointer on empty page space, away from every target. */
const park = () => page.mouse.move(700, 880);

async function fresh(url: string) {
  await page.goto(url);
  await park();
}

const positives: [string, string, string][] = [
  [THREAD, 'classic-author', 'Tyler Neely'],
  [THREAD, 'review-author', 'Deniz Altınbüken'],
  [THREAD, 'mention', 'Patmesh S'],
  [THREAD, 'react-author', 'Deniz Altınbüken'],
  [THREAD, 'react-avatar', 'Tyler Neely'],
  [THREAD, 'react-plain-author', 'Patmesh S'],
  [THREAD, 'issue-list-author', 'Tyler Neely'],
  [THREAD, 'commit-avatar', 'Deniz Altınbüken'],
  [THREAD, 'commits-by', 'Tyler Neely'],
  [THREAD, 'stack-1', 'Patmesh S'],
  [THREAD, 'stack-2', 'Tyler Neely'],
  [THREAD, 'repo-owner', 'Deniz Altınbüken'],
  [THREAD, 'contributor', 'Tyler Neely'],
  [FEED, 'actor', 'Deniz Altınbüken'],
  [FEED, 'actor-image', 'Deniz Altınbüken'],
  [FEED, 'mention', 'Patmesh S'],
  [FEED, 'comment-author', 'Patmesh S'],
  [FEED, 'search-result', 'Patmesh S'],
  [FEED, 'pav', 'Deniz Altınbüken'],
];

describe('hover a known person', () => {
  it.each(positives)('%s [%s] → %s', async (url, name, person) => {
    await fresh(url);
    await page.hover(target(name));
    await hovercardShows(page, person);
    const { box } = await hoverState(page);
    const anchor = await page.locator(target(name)).boundingBox();
    // Beside the target, never over it, and inside the viewport.
    expect(box && anchor).toBeTruthy();
    if (box && anchor) {
      const overlaps =
        box.x < anchor.x + anchor.width &&
        anchor.x < box.x + box.width &&
        box.y < anchor.y + anchor.height &&
        anchor.y < box.y + box.height;
      expect(overlaps).toBe(false);
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(1440);
      expect(box.y + box.height).toBeLessThanOrEqual(900);
    }
    await park();
    await hovercardGone(page);
  });
});

describe('focus a known person', () => {
  it.each(positives)('%s [%s] → Alt+↑ opens %s, Esc returns focus', async (url, name, person) => {
    await fresh(url);
    await page.focus(target(name));
    await page.keyboard.press('Alt+ArrowUp');
    await hovercardShows(page, person);
    await waitUntil('focus inside the card', async () => (await focusedInCard(page)) !== null);
    await page.keyboard.press('Tab');
    expect(await focusedInCard(page)).not.toBeNull();
    await page.keyboard.press('Escape');
    await hovercardGone(page);
    expect(
      await page.evaluate(
        (selector) => document.activeElement === document.querySelector(selector),
        target(name),
      ),
    ).toBe(true);
  });
});

describe('nothing happens for', () => {
  it.each([
    [THREAD, 'unknown-author'],
    [THREAD, 'org'],
    [THREAD, 'repo-link'],
    [THREAD, 'bot'],
    [THREAD, 'bot-login'],
    [THREAD, 'reserved'],
    [THREAD, 'login'],
    [FEED, 'unknown'],
    [FEED, 'company'],
    [FEED, 'school'],
    [FEED, 'member-id'],
    [FEED, 'pav-unicode'],
  ])('%s [%s]', async (url, name) => {
    await fresh(url);
    await page.hover(target(name));
    await page.waitForTimeout(700);
    await page.focus(target(name));
    await page.keyboard.press('Alt+ArrowUp');
    await page.waitForTimeout(300);
    expect(await hostCount(page)).toBe(0);
  });
});

describe('hover intent', () => {
  it('does not open on a quick pass', async () => {
    await fresh(THREAD);
    const box = await page.locator(target('classic-author')).boundingBox();
    if (!box) throw new Error('no target');
    await page.mouse.move(box.x + 2, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width - 2, box.y + box.height / 2, { steps: 4 });
    await park();
    await page.waitForTimeout(800);
    expect((await hoverState(page)).open).toBe(false);
  });

  it('waits for the delay before opening', async () => {
    await fresh(THREAD);
    await page.hover(target('review-author'));
    await page.waitForTimeout(120);
    expect((await hoverState(page)).open).toBe(false);
    await hovercardShows(page, 'Deniz');
  });

  it('stays open while the pointer moves into the card, and Copy works there', async () => {
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: 'https://github.com',
    });
    await fresh(THREAD);
    await page.hover(target('review-author'));
    await hovercardShows(page, 'Deniz');
    const { box } = await hoverState(page);
    if (!box) throw new Error('no card box');
    await page.mouse.move(box.x + 40, box.y + 30, { steps: 6 });
    await page.waitForTimeout(700);
    expect((await hoverState(page)).open).toBe(true);
    await clickInCard(page, '.pc-hover button', 'Copy email');
    await waitUntil('Copied', async () => (await hoverState(page)).text.includes('Copied email'));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'hello@denizaltinbuken.com',
    );
    await park();
    await hovercardGone(page);
  });

  it('shows only one card at a time', async () => {
    await fresh(THREAD);
    // From a lower target straight up to another (the open card sits below its target).
    await page.hover(target('mention'));
    await hovercardShows(page, 'Patmesh');
    await page.hover(target('classic-author'));
    await hovercardShows(page, 'Tyler');
    const cards = await page.evaluate(() => document.querySelectorAll('profile-card').length);
    expect(cards).toBe(1);
    expect((await hoverState(page)).text).not.toContain('Patmesh');
  });

  it('stays inside the viewport near its edge', async () => {
    await fresh(THREAD);
    await page.hover(target('corner'));
    await hovercardShows(page, 'Deniz');
    const { box } = await hoverState(page);
    expect(box).not.toBeNull();
    if (box) {
      expect(box.x + box.width).toBeLessThanOrEqual(1440);
      expect(box.y + box.height).toBeLessThanOrEqual(900);
      expect(box.y).toBeGreaterThanOrEqual(0);
    }
  });

  it('closes when the user clicks elsewhere, and on single-page navigation', async () => {
    await fresh(THREAD);
    await page.hover(target('review-author'));
    await hovercardShows(page, 'Deniz');
    await page.mouse.click(700, 880);
    await hovercardGone(page);
    await page.focus(target('review-author'));
    await page.keyboard.press('Alt+ArrowUp');
    await hovercardShows(page, 'Deniz');
    await page.evaluate(() =>
      (window as never as { __spaNavigate(h: string): void }).__spaNavigate('/tikv/tikv/issues/2'),
    );
    await hovercardGone(page);
  });

  it('ignores touch', async () => {
    await fresh(THREAD);
    await page.evaluate((selector) => {
      const link = document.querySelector(selector) as Element;
      link.dispatchEvent(new PointerEvent('pointerover', { pointerType: 'touch', bubbles: true }));
    }, target('classic-author'));
    await page.waitForTimeout(700);
    expect(await hostCount(page)).toBe(0);
  });
});

describe("GitHub's own hovercard", () => {
  const githubCardVisible = () =>
    page.evaluate(() => {
      const popover = document.querySelector('.js-hovercard-content') as HTMLElement;
      const style = getComputedStyle(popover);
      return style.display !== 'none' && style.visibility !== 'hidden';
    });

  it('never shows at the same time as ours, even on the first hover', async () => {
    await fresh(THREAD);
    await page.hover(target('review-author'));
    let both = 0;
    let ours = 0;
    const until = Date.now() + 1200;
    while (Date.now() < until) {
      const [mine, theirs] = [(await hoverState(page)).open, await githubCardVisible()];
      if (mine) ours++;
      if (mine && theirs) both++;
      await page.waitForTimeout(15);
    }
    expect(ours).toBeGreaterThan(0);
    expect(both).toBe(0);
    await park();
    await hovercardGone(page);
    expect(
      await page.evaluate(
        () => (document.querySelector('.js-hovercard-content') as HTMLElement).style.visibility,
      ),
    ).toBe('');
  });

  it('does not even start for a person we already know', async () => {
    await page.hover(target('review-author'));
    await hovercardShows(page, 'Deniz');
    expect(
      await page.evaluate(
        () => (document.querySelector('.js-hovercard-content') as HTMLElement).style.display,
      ),
    ).toBe('none');
  });

  it('keeps working for everyone else', async () => {
    await fresh(THREAD);
    await page.hover(target('unknown-author'));
    await waitUntil("GitHub's card", githubCardVisible);
    expect((await hoverState(page)).open).toBe(false);
    await page.hover(target('org'));
    await waitUntil("GitHub's card for the organisation", async () =>
      page.evaluate(
        () =>
          document
            .querySelector('.js-hovercard-content')
            ?.getAttribute('data-hovercard-target-url') === '/orgs/tikv/hovercard',
      ),
    );
  });

  it('respects a user who turned GitHub hovercards off: no hover cards, Alt+↑ still works', async () => {
    session.fixture = { githubHovercardsOff: true };
    await fresh(THREAD);
    await page.hover(target('classic-author'));
    await page.waitForTimeout(700);
    expect((await hoverState(page)).open).toBe(false);
    await page.focus(target('classic-author'));
    await page.keyboard.press('Alt+ArrowUp');
    await hovercardShows(page, 'Tyler');
    session.fixture = {};
  });
});

describe('settings', () => {
  const setSettings = (github: boolean, delay: number) =>
    session.worker.evaluate(
      ([githubHovercards, hoverDelayMs]) =>
        chrome.storage.local.set({
          settings: {
            sites: {
              github: { inPage: true, hovercards: githubHovercards },
              linkedin: { inPage: true, hovercards: true },
            },
            hoverDelayMs,
          },
        }),
      [github, delay] as const,
    );
  afterAll(() => session.worker.evaluate(() => chrome.storage.local.clear()));

  it('turns hovercards off per site, in open tabs without a reload', async () => {
    await fresh(THREAD);
    await setSettings(false, 300);
    await page.waitForTimeout(100);
    await page.hover(target('classic-author'));
    await page.waitForTimeout(700);
    expect((await hoverState(page)).open).toBe(false);
    await fresh(FEED);
    await page.hover(target('actor'));
    await hovercardShows(page, 'Deniz');
  });

  it('uses the configured delay', async () => {
    await setSettings(true, 900);
    await fresh(THREAD);
    await page.hover(target('classic-author'));
    await page.waitForTimeout(500);
    expect((await hoverState(page)).open).toBe(false);
    await hovercardShows(page, 'Tyler');
  });
});

describe('cost and privacy', () => {
  it('leaves the page untouched until a card is shown', async () => {
    await page.goto(THREAD);
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    await page.hover(target('unknown-author'));
    await page.hover(target('org'));
    await page.waitForTimeout(500);
    await park();
    await page.waitForTimeout(300);
    // GitHub's own (fixture) card toggles its inline style; everything else is as it was.
    const strip = (html: string) => html.replace(/<div class="Popover[^>]*>/, '');
    expect(strip(await page.evaluate(() => document.documentElement.outerHTML))).toBe(
      strip(before),
    );
  });

  it('made no request beyond the fixture pages and threw nothing into them', () => {
    expect(session.unexpected).toEqual([]);
    expect(strayRequests(session)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
