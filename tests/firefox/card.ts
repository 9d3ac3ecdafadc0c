/**
 * The card in Firefox, read from outside: it lives in a *closed* shadow root,
 * which neither the page nor puppeteer's selectors can enter. BiDi serializes
 * it anyway (`includeShadowTree: 'all'`), and a second `script.callFunction`
 * with the root as `this` reads it (docs/firefox.md). The host is found by
 * what its shadow root holds, never by its tag name.
 */
import type { Page } from 'puppeteer-core';
import { RENDERED_TEXT } from '../browser/harness';
import { callFunction, type FirefoxSession, wait } from './harness';

/** Elements whose shadow root is closed (the fixture pages have none of their own). */
async function closedShadowRoots(session: FirefoxSession, page: Page): Promise<string[]> {
  const elements = await callFunction(
    session,
    page,
    { functionDeclaration: '() => [...document.querySelectorAll("*")]' },
    { includeShadowTree: 'all', maxDomDepth: 0 },
  );
  type Node = { value?: { shadowRoot?: { sharedId?: string; value?: { mode?: string } } } };
  return ((elements.value ?? []) as Node[]).flatMap((node) => {
    const root = node.value?.shadowRoot;
    return root?.value?.mode === 'closed' && root.sharedId ? [root.sharedId] : [];
  });
}

/** Anything the card UI renders carries a `pc-` class. */
const CARD_PARTS = '.pc-theme, .pc-card, .pc-hover, .pc-chip';

/** How many elements on the page carry a closed shadow root: card hosts. */
export async function hostCount(session: FirefoxSession, page: Page): Promise<number> {
  return (await closedShadowRoots(session, page)).length;
}

/**
 * Runs `fn` (a function's source, returning JSON-able data) with `this` bound
 * to the closed shadow root that holds the card. Undefined when there is none.
 */
export async function inCard<T>(
  session: FirefoxSession,
  page: Page,
  fn: string,
  ...args: unknown[]
): Promise<T | undefined> {
  for (const sharedId of await closedShadowRoots(session, page)) {
    const result = await callFunction(session, page, {
      functionDeclaration: `async function (parts, json) {
        if (!this.querySelector(parts)) return '"__none__"';
        const value = await (${fn}).apply(this, JSON.parse(json));
        return JSON.stringify(value === undefined ? null : value);
      }`,
      this: { type: 'node', sharedId },
      arguments: [
        { type: 'string', value: CARD_PARTS },
        { type: 'string', value: JSON.stringify(args) },
      ],
    });
    const parsed = JSON.parse(result.value as string) as T | '__none__';
    if (parsed !== '__none__') return parsed;
  }
  return undefined;
}

/** The card's visible text, or '' when there is no card. */
export async function cardText(session: FirefoxSession, page: Page): Promise<string> {
  return (
    (await inCard<string>(
      session,
      page,
      `function () { ${RENDERED_TEXT}; return renderedText(this); }`,
    )) ?? ''
  );
}

/** Waits for the card to show `text`; on timeout, says what it showed instead. */
export async function cardShows(session: FirefoxSession, page: Page, text: string) {
  let shown = '';
  try {
    return await wait(`a card showing "${text}"`, async () => {
      shown = await cardText(session, page);
      return shown.includes(text);
    });
  } catch (error) {
    throw new Error(
      `${(error as Error).message}; the card shows ${shown ? `"${shown.slice(0, 80)}…"` : 'nothing'} at ${page.url()}`,
    );
  }
}

export const cardGone = (session: FirefoxSession, page: Page) =>
  wait('the card and its host to go', async () => (await hostCount(session, page)) === 0);

/** Clicks the element matching `selector` (and containing `text`) inside the card, with the real mouse. */
export async function clickInCard(
  session: FirefoxSession,
  page: Page,
  selector: string,
  text = '',
): Promise<void> {
  const point = await inCard<{ x: number; y: number } | null>(
    session,
    page,
    `function (selector, text) {
      ${RENDERED_TEXT};
      const el = [...this.querySelectorAll(selector)].find((e) => renderedText(e).includes(text));
      if (!el) return null;
      el.scrollIntoView({ block: 'nearest' });
      const r = el.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    }`,
    selector,
    text,
  );
  if (!point) throw new Error(`no ${selector} ${text} in the card`);
  await page.mouse.click(point.x, point.y);
}

export interface HoverState {
  open: boolean;
  text: string;
  box: { x: number; y: number; width: number; height: number } | null;
}

/** The hovercard: open (placed and visible), its text, its box. */
export async function hoverState(session: FirefoxSession, page: Page): Promise<HoverState> {
  return (
    (await inCard<HoverState>(
      session,
      page,
      `function () {
        ${RENDERED_TEXT};
        const card = this.querySelector('.pc-hover');
        if (!card) return { open: false, text: '', box: null };
        const r = card.getBoundingClientRect();
        return { open: card.style.visibility === 'visible', text: renderedText(card),
          box: { x: r.x, y: r.y, width: r.width, height: r.height } };
      }`,
    )) ?? { open: false, text: '', box: null }
  );
}

export const hovercardShows = (session: FirefoxSession, page: Page, text: string) =>
  wait(`a hovercard showing "${text}"`, async () => {
    const state = await hoverState(session, page);
    return state.open && state.text.includes(text);
  });

export const hovercardGone = (session: FirefoxSession, page: Page) =>
  wait('the hovercard to close', async () => !(await hoverState(session, page)).open);
