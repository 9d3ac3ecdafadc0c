/**
 * "Keep this person" against a page that tries to see or steer the reader.
 * The reader (entrypoints/capture-reader.ts) is injected with
 * `scripting.executeScript`, whose default world is the extension's isolated
 * world (https://developer.chrome.com/docs/extensions/reference/api/scripting#type-ExecutionWorld):
 * it shares the page's DOM but not its JavaScript objects, so whatever the
 * page patches — DOM prototypes, getters, JSON, Array — the reader calls the
 * browser's own. This page patches all of them before anything else runs,
 * each patch recording every call and lying about the answer, and listens
 * for every event and mutation; the popup must still keep the page's true
 * person, and the page must have seen none of it. Positive controls: the
 * same patches record (and lie to) a call made from the page's own world.
 */
import type { Page } from 'playwright-core';
import { clearPeople, launch, openToolbarPopup, type Session, waitUntil } from './harness';

const TRAP = 'https://trap.example/about';
const TRAP_PAGE = `<!doctype html><html><head><script>
  const calls = (window.__calls = []);
  const events = (window.__events = []);
  const spy = (owner, name, lie) => {
    const real = owner[name];
    owner[name] = function (...args) {
      calls.push(name);
      return lie ? lie.apply(this, args) : real.apply(this, args);
    };
  };
  spy(Element.prototype, 'querySelector', () => null);
  spy(Element.prototype, 'querySelectorAll', () => []);
  spy(Document.prototype, 'querySelector', () => null);
  spy(Document.prototype, 'querySelectorAll', () => []);
  spy(Element.prototype, 'getAttribute', () => 'javascript:alert(1)');
  spy(Element.prototype, 'matches', () => true);
  spy(Element.prototype, 'closest', () => null);
  spy(JSON, 'parse', () => ({ '@type': 'Person', name: 'PWNED by JSON' }));
  spy(Array.prototype, 'slice');
  spy(String.prototype, 'replace');
  Object.defineProperty(Node.prototype, 'textContent', {
    get() { calls.push('textContent'); return 'PWNED by textContent'; },
  });
  Object.defineProperty(Document.prototype, 'title', {
    get() { calls.push('title'); return 'PWNED by title'; },
  });
  for (const type of ['focus', 'blur', 'visibilitychange', 'pointerdown', 'keydown', 'message', 'DOMContentLoaded', 'securitypolicyviolation'])
    window.addEventListener(type, () => events.push(type), true);
  new MutationObserver((records) => events.push('mutation:' + records.length))
    .observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
</script>
<title>About — Real Person</title>
<script type="application/ld+json">{"@type":"Person","name":"Real Person","jobTitle":"Bridge engineer","sameAs":["https://github.com/real-person"]}</script>
</head><body><div class="h-card"><span class="p-name">Real Person</span>
<a class="u-url" rel="me" href="https://real.example/">home</a></div></body></html>`;

let session: Session;
beforeAll(async () => {
  session = await launch();
  session.pages.set(TRAP, TRAP_PAGE);
});
afterAll(() => session?.close());
beforeEach(() => clearPeople(session));

const pageState = (page: Page) =>
  page.evaluate(() => {
    const w = window as never as { __calls: string[]; __events: string[] };
    return { calls: [...w.__calls], events: [...w.__events] };
  });

describe('a page that patches everything before the reader runs', () => {
  it('neither sees the reader nor changes what it reads', async () => {
    const page = await session.context.newPage();
    await page.goto(TRAP, { waitUntil: 'load' });
    const before = await pageState(page);
    const popup = await openToolbarPopup(session, page, { click: true });
    await waitUntil('the keep offer', async () =>
      (await popup.text().catch(() => '')).includes('Keep Real Person'),
    );
    expect(await popup.text()).not.toContain('PWNED');
    // The page saw nothing: no call through its patches, no event, no mutation. (Playwright's
    // own page.evaluate calls Array.prototype.slice twice in the page's world before our
    // function runs — three reads in a row show 2, 4, 6 — so the read itself adds two; the
    // reader slices every string it keeps, so a leak would show as dozens.)
    expect(await pageState(page)).toEqual({
      calls: [...before.calls, 'slice', 'slice'],
      events: before.events,
    });
    await popup.close();

    // Positive controls: the page's patches do catch (and lie to) a call from its own world,
    // and its observer does see a change an extension script makes in the page.
    const lied = await page.evaluate(() => {
      const name = document.querySelector('.p-name');
      return { name, text: document.body.textContent };
    });
    expect(lied).toEqual({ name: null, text: 'PWNED by textContent' });
    expect((await pageState(page)).calls).toEqual(
      expect.arrayContaining(['querySelector', 'textContent']),
    );
    await session.worker.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      await chrome.scripting.executeScript({
        target: { tabId: tab?.id as number },
        func: () => document.body.setAttribute('data-probe', '1'),
      });
    }, TRAP);
    await waitUntil('the observer to see the probe', async () =>
      (await pageState(page)).events.some((event) => event.startsWith('mutation:')),
    );
    await page.close();
  });
});
