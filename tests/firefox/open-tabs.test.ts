/**
 * Edits reach open tabs in real Firefox (issue 28): the background hears a
 * stored change and tells the GitHub and LinkedIn tabs; the in-page cards of
 * two tabs and an open hovercard follow an edit made in an extension page.
 */
import type { Page } from 'puppeteer-core';
import { cardGone, cardShows, hovercardGone, hovercardShows, hoverState } from './card';
import { type FirefoxSession, launch, newTab, openExtensionPage, strayRequests } from './harness';
import { boxOf } from './input';

let session: FirefoxSession;
const pageErrors: string[] = [];

beforeAll(async () => {
  session = await launch();
  console.log('Firefox under test:', session.version);
});
afterAll(() => session?.close());

async function tab(url: string): Promise<Page> {
  const page = await newTab(session);
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await page.goto(url);
  return page;
}

async function hover(page: Page, selector: string) {
  await page.bringToFront();
  await page.mouse.move(1200, 860);
  const box = await boxOf(page, selector);
  await page.mouse.move(box.center.x, box.center.y, { steps: 4 });
}

describe('stored changes', () => {
  it('an edit from an extension page reaches every open tab', async () => {
    const options = await newTab(session);
    await openExtensionPage(options, 'options.html');
    const store = (items: Record<string, unknown>) =>
      options.evaluate(
        (values) =>
          (
            globalThis as unknown as {
              browser: { storage: { local: { set(v: object): Promise<void> } } };
            }
          ).browser.storage.local.set(values),
        items,
      );
    const github = await tab('https://github.com/spacejam');
    const linkedin = await tab('https://www.linkedin.com/in/denizalti/');
    const thread = await tab('https://github.com/tikv/tikv/pull/1');
    await cardShows(session, github, 'Tyler Neely');
    await cardShows(session, linkedin, 'Deniz');
    await hover(thread, '[data-test="classic-author"]');
    await hovercardShows(session, thread, 'Tyler');

    await store({ 'setting.github.inPage': false, 'setting.linkedin.inPage': false });
    await cardGone(session, github);
    await cardGone(session, linkedin);
    // The open hovercard closes: what it showed may be stale.
    await hovercardGone(session, thread);

    await store({ 'setting.github.inPage': true, 'setting.linkedin.inPage': true });
    await cardShows(session, github, 'Tyler Neely');
    await cardShows(session, linkedin, 'Deniz');

    await store({ 'setting.github.hovercards': false });
    await new Promise((done) => setTimeout(done, 300));
    await hover(thread, '[data-test="classic-author"]');
    await new Promise((done) => setTimeout(done, 1500));
    expect((await hoverState(session, thread)).open).toBe(false);
    // Positive control: turned back on, the same hover opens it.
    await store({ 'setting.github.hovercards': true });
    await new Promise((done) => setTimeout(done, 300));
    await hover(thread, '[data-test="classic-author"]');
    await hovercardShows(session, thread, 'Tyler');
    for (const page of [github, linkedin, thread, options]) await page.close();
  });

  it('made no request beyond the fixtures and threw nothing into the pages', () => {
    expect(session.unexpected).toEqual([]);
    expect(strayRequests(session)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
