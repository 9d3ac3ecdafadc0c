/**
 * The extension in German and Turkish (Chromium `--lang=de`, `--lang=tr`):
 * the in-page card, the toolbar popup (card and list) and the options page
 * show no English. What counts as English is every English message's text
 * (public/_locales/en) that the language's own messages do not also use
 * ("GitHub", "vCard", "Profile Card"); what is read is what the user sees
 * and hears — text, aria-label, title, placeholder — minus the people's own
 * data, which every component marks with `dir="auto"` or `<bdi>`. The same
 * detector run on the English browser finds English: its positive control.
 *
 * Then layout, in German: long German words and a right-to-left (Arabic,
 * Hebrew) profile in the card and the options page, measured (no element
 * wider than its box or outside the card) and, with I18N_SCREENSHOTS=1,
 * photographed into docs/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  cardShows,
  inCard,
  launch,
  openToolbarPopup,
  type Session,
  storedPeople,
  waitUntil,
} from './harness';

const root = join(import.meta.dirname, '../..');
type Catalog = Record<string, { message: string }>;
const catalog = (language: string): Catalog =>
  JSON.parse(readFileSync(join(root, 'public/_locales', language, 'messages.json'), 'utf8'));
const en = catalog('en');

/**
 * English fragments of the messages: the text between placeholders, at
 * least one word of four letters, minus what `language`'s messages also
 * say (brand names, "Website" in German, a Turkish "URL").
 */
function englishFragments(language: string): string[] {
  const theirs = Object.values(catalog(language))
    .map((entry) => entry.message)
    .join('\n');
  const fragments = new Set<string>();
  for (const [key, { message }] of Object.entries(en)) {
    if (key === 'language') continue;
    for (const part of message.split(/\$[A-Za-z0-9_]+\$|\$\d/)) {
      const fragment = part.trim().replace(/^[\s:;,.()“”"'’·…–—+-]+|[\s:;,.()“”"'’·…–—+-]+$/g, '');
      if (!/\p{L}{4}/u.test(fragment) || theirs.includes(fragment)) continue;
      fragments.add(fragment);
    }
  }
  return [...fragments];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The English fragments `text` holds, as whole words. */
function englishIn(text: string, fragments: readonly string[]): string[] {
  return fragments.filter((fragment) =>
    new RegExp(`(?<![\\p{L}])${escape(fragment)}(?![\\p{L}])`, 'u').test(text),
  );
}

/**
 * A function (as source, for a page, the popup's target or the card's
 * shadow root as `this`) returning what a user reads and hears: text nodes,
 * painted `data-text`, and the labels of elements — without the people's
 * own data (`dir`, `<bdi>`), code (handles), or form values.
 */
const UI_TEXT = `function uiText(root) {
  const out = [];
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === 3) out.push(child.data);
      else if (child.nodeType === 1) {
        const el = child;
        if (['STYLE', 'SCRIPT', 'CODE', 'BDI', 'TEXTAREA', 'TEMPLATE'].includes(el.tagName)) continue;
        // Only people's own text carries dir (auto, or in the page's card the direction found for it).
        if (el.hasAttribute('dir')) continue;
        for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'data-text']) {
          const value = el.getAttribute(name);
          if (value) out.push(value);
        }
        walk(el);
      }
    }
  };
  walk(root);
  return out.join('\\n');
}`;

const pageText = (page: Page) => page.evaluate(`(${UI_TEXT})(document.body)`) as Promise<string>;

/** Everything the extension shows in one language, gathered from each surface. */
async function everySurface(session: Session): Promise<Record<string, string>> {
  const seen: Record<string, string> = {};
  const github = await session.context.newPage();
  await github.goto('https://github.com/spacejam');
  await cardShows(github, 'Tyler Neely');
  seen['in-page card'] =
    (await inCard<string>(github, `function () { return (${UI_TEXT})(this); }`)) ?? '';

  const popup = await openToolbarPopup(session, github);
  await popup.waitForText('Tyler Neely');
  seen['popup card'] = await popup.evaluate<string>(`(${UI_TEXT})(document.body)`);
  await popup.close();
  await github.close();

  const list = await session.context.newPage();
  await list.goto(`chrome-extension://${session.extensionId}/popup.html`);
  await list.locator('.pc-person').first().waitFor();
  seen['popup list'] = await pageText(list);
  await list.close();

  const options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await options.locator('.pc-person-row').first().waitFor();
  seen.options = await pageText(options);
  // The edit form, opened as a user does (its button is the toolbar's primary one).
  await options.locator('.pc-toolbar .pc-primary').first().click();
  await options.locator('#pc-form-title').waitFor();
  seen['options form'] = await pageText(options);
  await options.close();
  return seen;
}

describe.each(['de', 'tr'])('in %s', (language) => {
  let session: Session;
  beforeAll(async () => {
    session = await launch({ width: 1440, height: 900 }, { lang: language });
  });
  afterAll(() => session?.close());

  it('the extension speaks it', async () => {
    expect(await session.worker.evaluate(() => chrome.i18n.getMessage('language'))).toBe(language);
  });

  it('leaves no English on the card, popup or options page', async () => {
    const fragments = englishFragments(language);
    const seen = await everySurface(session);
    const left = Object.fromEntries(
      Object.entries(seen).map(([surface, text]) => [surface, englishIn(text, fragments)]),
    );
    expect(left).toEqual(Object.fromEntries(Object.keys(seen).map((surface) => [surface, []])));
    // Something was read on every surface.
    for (const text of Object.values(seen)) expect(text.length).toBeGreaterThan(20);
  });
});

describe('in English (the positive control)', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch({ width: 1440, height: 900 }, { lang: 'en' });
  });
  afterAll(() => session?.close());

  it('the same detector finds the English messages', async () => {
    const seen = await everySurface(session);
    for (const language of ['de', 'tr']) {
      const fragments = englishFragments(language);
      const found = Object.fromEntries(
        Object.entries(seen).map(([surface, text]) => [surface, englishIn(text, fragments)]),
      );
      expect(found['in-page card']).toEqual(expect.arrayContaining(['Copy text', 'Download .vcf']));
      expect(found['popup card']).toEqual(expect.arrayContaining(['Manage people and settings']));
      expect(found.options).toEqual(expect.arrayContaining(['Settings', 'Team directories']));
      for (const [surface, words] of Object.entries(found))
        expect(words.length, surface).toBeGreaterThan(3);
    }
  });
});
