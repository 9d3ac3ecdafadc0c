/**
 * Edits reach open tabs (issue 28): the page's content script keeps no
 * storage listener of its own (building the storage API costs every page
 * that asks); the background hears stored changes and tells the GitHub and
 * LinkedIn tabs, also when its service worker was asleep. Two tabs, an edit
 * from an extension page, the in-page cards and a hovercard follow it.
 */
import type { Page } from 'playwright-core';
import {
  cardShows,
  hostCount,
  hovercardGone,
  hovercardShows,
  hoverState,
  inContentScript,
  launch,
  runningWorkers,
  type Session,
  scriptListening,
  stopServiceWorker,
  strayRequests,
  waitUntil,
} from './harness';

let session: Session;
let options: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  session = await launch();
  options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
});
afterAll(() => session?.close());

/** A page of a GitHub or LinkedIn tab, its errors kept. */
async function tab(url: string): Promise<Page> {
  const page = await session.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(url);
  return page;
}

/** Written from the options page, as the user's edit is: not from the worker. */
const store = (items: Record<string, unknown>) =>
  options.evaluate((values) => chrome.storage.local.set(values), items);

describe('stored changes', () => {
  it('the content script of a page that asked adds no storage listener', async () => {
    const page = await tab('https://github.com/spacejam');
    await cardShows(page, 'Tyler Neely');
    const storageListened =
      '[globalThis.chrome, globalThis.browser].some((api) => !!api?.storage?.onChanged.hasListeners())';
    expect(await inContentScript(session, page, storageListened)).toBe(false);
    // Positive control: the probe sees a listener when that world has one.
    await inContentScript(session, page, 'chrome.storage.onChanged.addListener(() => {})');
    expect(await inContentScript(session, page, storageListened)).toBe(true);
    await page.close();
  });

  it('an edit from the options page reaches every open tab, after the worker slept', async () => {
    const github = await tab('https://github.com/spacejam');
    const linkedin = await tab('https://www.linkedin.com/in/denizalti/');
    const thread = await tab('https://github.com/tikv/tikv/pull/1');
    await cardShows(github, 'Tyler Neely');
    await cardShows(linkedin, 'Deniz');
    await scriptListening(session, thread);
    await thread.hover('[data-test="classic-author"]');
    await hovercardShows(thread, 'Tyler');

    // Chrome stops an idle worker after ~30 s; the change must wake it.
    const cdp = await session.context.newCDPSession(options);
    await stopServiceWorker(cdp, session.extensionId);

    await store({ 'setting.github.inPage': false, 'setting.linkedin.inPage': false });
    await waitUntil('the GitHub card to go', async () => (await hostCount(github)) === 0);
    await waitUntil('the LinkedIn card to go', async () => (await hostCount(linkedin)) === 0);
    // The open hovercard closes: what it showed may be stale.
    await hovercardGone(thread);
    expect(await runningWorkers(cdp, session.extensionId)).toBe(1);

    // And back, the worker asleep again: the cards return in both tabs.
    await stopServiceWorker(cdp, session.extensionId);
    await store({ 'setting.github.inPage': true, 'setting.linkedin.inPage': true });
    await cardShows(github, 'Tyler Neely');
    await cardShows(linkedin, 'Deniz');

    // Hovercards switched off reach the tab: the next hover opens nothing; back on, it opens.
    await thread.mouse.move(700, 880);
    await store({ 'setting.github.hovercards': false });
    await thread.waitForTimeout(300);
    await thread.hover('[data-test="classic-author"]');
    await thread.waitForTimeout(700);
    expect((await hoverState(thread)).open).toBe(false);
    await store({ 'setting.github.hovercards': true });
    await thread.mouse.move(700, 880);
    await thread.waitForTimeout(300);
    await thread.hover('[data-test="classic-author"]');
    await hovercardShows(thread, 'Tyler');
    await cdp.detach();
    for (const page of [github, linkedin, thread]) await page.close();
  });

  it('made no request beyond the fixtures and threw nothing into the pages', () => {
    expect(session.unexpected).toEqual([]);
    expect(strayRequests(session)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
