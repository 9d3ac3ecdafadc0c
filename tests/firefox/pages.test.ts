/**
 * The add-on on GitHub and LinkedIn pages in real Firefox (Debian's
 * firefox-esr): the in-page card for each bundled person, a hovercard under
 * the real mouse, the sites' own navigation without reloads, copying, and no
 * request beyond the fixtures. One Firefox for the file, one tab reused.
 */
import type { Page } from 'puppeteer-core';
import {
  cardGone,
  cardShows,
  cardText,
  clickInCard,
  hostCount,
  hovercardGone,
  hovercardShows,
  hoverState,
} from './card';
import { type FirefoxSession, launch, PROBE_URL, strayRequests, wait } from './harness';
import { boxOf, followLink, pasteClipboard } from './input';

let session: FirefoxSession;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  session = await launch();
  page = session.page;
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  console.log('Firefox under test:', session.version);
});
afterAll(() => session?.close());

/** Parks the pointer on empty page space, away from every link. */
const park = () => page.mouse.move(1200, 860);

describe('the in-page card', () => {
  it.each([
    ['https://github.com/spacejam', 'Tyler Neely'],
    ['https://github.com/PATMESH', 'Patmesh S'],
    ['https://www.linkedin.com/in/denizalti/', 'Deniz Altınbüken'],
  ])('%s → %s', async (url, name) => {
    await page.goto(url);
    await cardShows(session, page, name);
    expect(await cardText(session, page)).toContain('Copy vCard');
    expect(await hostCount(session, page)).toBe(1);
  });

  it('shows nothing on a page that is nobody’s', async () => {
    // Positive control, same tab: the add-on shows a card here.
    await page.goto('https://github.com/spacejam');
    await cardShows(session, page, 'Tyler Neely');
    await page.goto('https://www.linkedin.com/company/google/');
    // Long enough for a card to have come if one were coming.
    await new Promise((done) => setTimeout(done, 1500));
    expect(await hostCount(session, page)).toBe(0);
  });
});

describe('a hovercard under the real mouse', () => {
  const THREAD = 'https://github.com/tikv/tikv/pull/1';
  const FEED = 'https://www.linkedin.com/feed/';

  it.each([
    [THREAD, 'classic-author', 'Tyler Neely'],
    [FEED, 'actor', 'Deniz Altınbüken'],
  ])(
    '%s [%s] → %s, beside the link, closing when the pointer leaves',
    async (url, name, person) => {
      await page.goto(url);
      await park();
      const anchor = await boxOf(page, `[data-test="${name}"]`);
      await page.mouse.move(anchor.center.x, anchor.center.y, { steps: 4 });
      await hovercardShows(session, page, person);
      const { box } = await hoverState(session, page);
      if (!box) throw new Error('an open hovercard has no box');
      const overlaps =
        box.x < anchor.x + anchor.width &&
        anchor.x < box.x + box.width &&
        box.y < anchor.y + anchor.height &&
        anchor.y < box.y + box.height;
      expect(overlaps).toBe(false);
      await park();
      await hovercardGone(session, page);
    },
  );

  it('opens nothing for an unknown author, then opens for a known one', async () => {
    await page.goto(THREAD);
    await park();
    const unknown = await boxOf(page, '[data-test="unknown-author"]');
    await page.mouse.move(unknown.center.x, unknown.center.y, { steps: 4 });
    // Past the 300 ms hover delay, with room for a busy machine.
    await new Promise((done) => setTimeout(done, 1500));
    expect((await hoverState(session, page)).open).toBe(false);
    // Positive control: the same pointer, one link along.
    const known = await boxOf(page, '[data-test="review-author"]');
    await page.mouse.move(known.center.x, known.center.y, { steps: 4 });
    // GitHub's own popover for the unknown author covers this line until it
    // hides; a link uncovered under a resting pointer opens nothing (issue
    // 21), so the pointer moves on it once more, as a hand does.
    await new Promise((done) => setTimeout(done, 400));
    await page.mouse.move(known.center.x + 3, known.center.y, { steps: 2 });
    await hovercardShows(session, page, 'Deniz Altınbüken');
    await park();
    await hovercardGone(session, page);
  });
});

describe('navigation without reloads', () => {
  const follow = (href: string) => followLink(page, href);

  it('follows LinkedIn’s history navigation (pushState)', async () => {
    await page.goto('https://www.linkedin.com/in/denizalti/');
    await cardShows(session, page, 'Deniz Altınbüken');
    await follow('/in/patmesh-s/');
    await cardShows(session, page, 'Patmesh S');
    expect(await cardText(session, page)).not.toContain('Deniz');
    await follow('/company/google/');
    await cardGone(session, page);
  });

  it('follows GitHub’s Turbo navigation and the back button', async () => {
    await page.goto('https://github.com/spacejam');
    await cardShows(session, page, 'Tyler Neely');
    await follow('/denizalti');
    await cardShows(session, page, 'Deniz Altınbüken');
    expect(await cardText(session, page)).not.toContain('Tyler');
    await follow('/settings/profile');
    await cardGone(session, page);
    // WebDriver BiDi's traverseHistory is not the user's back button: Firefox's
    // navigate event says userInitiated false, as for a script's
    // history.back(), so no card (issue 21: the click on settings explains
    // only that navigation). Chromium's test drives the user's back button.
    await page.goBack();
    await wait('the URL to go back', async () => page.url() === 'https://github.com/denizalti');
    await new Promise((done) => setTimeout(done, 1000));
    expect(await hostCount(session, page)).toBe(0);
    // Positive control: the user's click on a link to her brings it back.
    await follow('/settings/profile');
    await follow('/denizalti');
    await cardShows(session, page, 'Deniz Altınbüken');
    expect(await hostCount(session, page)).toBe(1);
  });
});

describe('copy', () => {
  const pasted = () => pasteClipboard(page);

  it('copies the email, the text and a vCard with a real click', async () => {
    await page.goto('https://github.com/denizalti');
    await cardShows(session, page, 'Copy email');
    await clickInCard(session, page, 'button', 'Copy email');
    await cardShows(session, page, 'Copied email');
    expect(await pasted()).toBe('hello@denizaltinbuken.com');

    await clickInCard(session, page, 'button', 'Copy text');
    await cardShows(session, page, 'Copied contact as text');
    const text = await pasted();
    expect(text).toContain('Deniz Altınbüken\n');
    expect(text).toContain('LinkedIn: https://www.linkedin.com/in/denizalti/');

    await clickInCard(session, page, 'button', 'Copy vCard');
    await cardShows(session, page, 'Copied vCard');
    const vcard = await pasted();
    expect(vcard).toMatch(/^BEGIN:VCARD\r?\nVERSION:4\.0/);
    expect(vcard).toContain('FN:Deniz Altınbüken');
  });
});

describe('requests', () => {
  it('made none beyond the fixtures, and would have seen one', async () => {
    // The recorder sees tab requests: fixture pages go through it.
    await page.goto('https://github.com/spacejam');
    expect(session.requests).toContain('https://github.com/spacejam');
    // And requests leaving Firefox: a probe let through reaches the proxy.
    await page.evaluate((url) => fetch(url).catch(() => undefined), PROBE_URL);
    const probe = `CONNECT ${new URL(PROBE_URL).host}:443`;
    await wait('the probe at the proxy', async () => session.outside.includes(probe));
    expect(strayRequests(session)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
