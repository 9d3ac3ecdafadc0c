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

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The English fragments `text` holds, as whole words. */
function englishIn(text: string, fragments: readonly string[]): string[] {
  return fragments.filter((fragment) =>
    new RegExp(`(?<![\\p{L}])${escapeRegExp(fragment)}(?![\\p{L}])`, 'u').test(text),
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

  it('says what is wrong with an imported file in it, from the import worker too', async () => {
    const messages = catalog(language);
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    // One entry without an id: refused by the schema, in the worker (jobs/jobs.ts).
    await options.setInputFiles('input[type="file"]', {
      name: 'ada.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify([{ name: 'Ada Lovelace' }])),
    });
    const preview = options.locator('.pc-preview');
    await preview.waitFor();
    await preview.locator('.pc-errors').waitFor();
    const text = await preview.evaluate(
      (el, source) => new Function(`return (${source})`)()(el) as string,
      UI_TEXT,
    );
    expect(text).toContain(messages.v_required?.message);
    expect(text).toContain(messages.import_refused_one?.message);
    expect(englishIn(text, englishFragments(language))).toEqual([]);
    await options.close();
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

/** Long German compounds in every field, and nothing to break them at. */
const LONG = {
  id: 'friederike-donaudampf',
  name: 'Friederike Donaudampfschifffahrtsgesellschaftskapitänswitwe',
  headline:
    'Rechtsschutzversicherungsgesellschaftsangestellte, Kraftfahrzeughaftpflichtversicherung',
  bio: 'Zuständig für Grundstücksverkehrsgenehmigungszuständigkeitsübertragungsverordnungen und Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetze.',
  location: 'Mecklenburg-Vorpommern',
  projects: [
    {
      name: 'Betäubungsmittelverschreibungsverordnung',
      description: 'Arzneimittelausgabenbegrenzungsgesetzprüfwerkzeug',
      repo: 'friederike-lang/bmvv',
    },
  ],
  contact: {
    email: 'friederike.donaudampfschifffahrtsgesellschaft@versicherungsgesellschaft.example',
  },
  identities: { github: ['friederike-lang'], linkedin: [] },
};
/** Right to left: an Arabic name, headline and bio, a Hebrew project. */
const RTL = {
  id: 'noor-alali',
  name: 'نور الهدى العلي',
  headline: 'مهندسة برمجيات في فريق البنية التحتية',
  bio: 'أعمل على أنظمة التخزين الموزعة وأكتب عن قواعد البيانات. أحب القراءة والسفر.',
  location: 'عمّان، الأردن',
  projects: [
    { name: 'מאגר נתונים', description: 'ספריית אחסון מבוזרת', url: 'https://example.org/db' },
  ],
  identities: { github: ['noor-alali'], linkedin: [] },
};

/**
 * What sticks out or is cut off, in `root` (a card, an options row): an
 * element or a line of text that reaches outside `root`'s box, or a box
 * that hides part of its content — unless it ends in an ellipsis and its
 * `title` holds the whole text. Inside a box that clips, only that box is
 * judged. Also the `direction` of the name in `root`.
 */
const OVERFLOW = `function overflow(root) {
  const box = root.getBoundingClientRect();
  const bad = [];
  const outside = (r) => r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1);
  const insideClip = (el) => {
    for (let up = el.parentElement; up && up !== root; up = up.parentElement)
      if (getComputedStyle(up).overflowX !== 'visible') return true;
    return false;
  };
  for (const el of root.querySelectorAll('*')) {
    if (insideClip(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const what = (typeof el.className === 'string' && el.className) || el.tagName;
    if (outside(r)) bad.push(what + ' reaches outside');
    const style = getComputedStyle(el);
    for (const node of style.overflowX === 'visible' ? el.childNodes : []) {
      if (node.nodeType !== 3 || !node.data.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      if ([...range.getClientRects()].some(outside)) bad.push(what + ': its text reaches outside');
    }
    const cut = el.scrollWidth - el.clientWidth;
    if (style.overflowX !== 'visible' && cut > 1 && !(style.textOverflow === 'ellipsis' && el.title))
      bad.push(what + ' cuts off ' + cut + 'px');
  }
  const named = root.querySelector('.pc-name, .pc-person-name');
  return { bad, direction: named ? getComputedStyle(named).direction : '' };
}`;

interface Overflow {
  bad: string[];
  direction: string;
}

const shots = process.env.I18N_SCREENSHOTS === '1';
const shot = (name: string) => join(root, 'docs', name);

describe('layout in German, with long words and right-to-left people', () => {
  let session: Session;
  beforeAll(async () => {
    session = await launch({ width: 1440, height: 900 }, { lang: 'de' });
    // Imported as a user does, through the options page (no English to wait for).
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.setInputFiles('input[type="file"]', {
      name: 'people.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ version: 1, profiles: [LONG, RTL] })),
    });
    await options.locator('.pc-preview .pc-primary').click();
    await waitUntil('the people stored', async () => {
      const stored = await storedPeople(session);
      return stored.includes(LONG.id) && stored.includes(RTL.id);
    });
    await options.close();
  });
  afterAll(() => session?.close());

  it.each([
    ['long German words', LONG, 'ltr', 'i18n-card-de-long-words.png'],
    ['Arabic and Hebrew', RTL, 'rtl', 'i18n-card-rtl.png'],
  ])('the in-page card fits %s', async (_what, person, direction, file) => {
    const page = await session.context.newPage();
    await page.goto(`https://github.com/${person.identities.github[0]}`);
    await cardShows(page, person.name);
    const found = await inCard<Overflow>(
      page,
      `function () { return (${OVERFLOW})(this.querySelector('.pc-card')); }`,
    );
    expect(found).toEqual({ bad: [], direction });
    if (shots) {
      const clip = await inCard<{ x: number; y: number; width: number; height: number }>(
        page,
        `function () { const r = this.querySelector('.pc-float').getBoundingClientRect();
          return { x: r.x - 8, y: r.y - 8, width: r.width + 16, height: r.height + 16 }; }`,
      );
      await page.screenshot({ path: shot(file), ...(clip && { clip }) });
    }
    await page.close();
  });

  it.each([
    ['long German words', LONG, 'ltr'],
    ['Arabic and Hebrew', RTL, 'rtl'],
  ])('the popup card fits %s', async (_what, person, direction) => {
    const page = await session.context.newPage();
    await page.goto(`https://github.com/${person.identities.github[0]}`);
    const popup = await openToolbarPopup(session, page);
    await popup.waitForText(person.name);
    expect(
      await popup.evaluate<Overflow>(`(${OVERFLOW})(document.querySelector('.pc-card'))`),
    ).toEqual({ bad: [], direction });
    await popup.close();
    await page.close();
  });

  it('the options page rows fit both, and the page does not scroll sideways', async () => {
    const options = await session.context.newPage();
    await options.setViewportSize({ width: 900, height: 900 });
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    for (const [person, direction] of [
      [LONG, 'ltr'],
      [RTL, 'rtl'],
    ] as const) {
      const row = options.locator('.pc-person-row', { hasText: person.name });
      await row.waitFor();
      expect(
        await row.evaluate((el, source) => new Function(`return (${source})`)()(el), OVERFLOW),
      ).toEqual({
        bad: [],
        direction,
      });
    }
    expect(
      await options.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
    ).toBeLessThanOrEqual(0);
    if (shots) {
      await options.locator('.pc-person-row', { hasText: RTL.name }).scrollIntoViewIfNeeded();
      const rows = options.locator('.pc-people').first();
      await rows.screenshot({ path: shot('i18n-options-rows-de.png') });
    }
    await options.close();
  });

  it('the measure catches a layout that does overflow (its positive control)', async () => {
    const page = await session.context.newPage();
    await page.goto(`https://github.com/${LONG.identities.github[0]}`);
    const popup = await openToolbarPopup(session, page);
    await popup.waitForText(LONG.name);
    const measure = () =>
      popup.evaluate<Overflow>(`(${OVERFLOW})(document.querySelector('.pc-card'))`);
    expect((await measure()).bad).toEqual([]);
    const style = (css: string) =>
      popup.evaluate(
        `document.head.append(Object.assign(document.createElement('style'), { textContent: ${JSON.stringify(css)} }))`,
      );
    // A headline that will not wrap sticks out of the card…
    await style('.pc-headline { white-space: nowrap; overflow-wrap: normal; }');
    expect((await measure()).bad.join('\n')).toMatch(/pc-headline: its text reaches outside/);
    // …and once it clips, the words are cut off.
    await style('.pc-headline { overflow: hidden; }');
    expect((await measure()).bad.join('\n')).toMatch(/pc-headline cuts off \d+px/);
    await popup.close();
    await page.close();
  });
});
