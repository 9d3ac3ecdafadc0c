/**
 * Issue 21 in real Firefox: the hostile GitHub page of
 * ../browser/hostile-fixture.ts, for a bundled person, an imported private
 * person and an unknown one. Fonts the page defines never load for the card;
 * a still pointer opens nothing whatever the page swaps under it; a
 * transparent link opens nothing; 20 pushes after one click show at most
 * the clicked person. Each absence has its positive control. What Firefox
 * cannot see (a link under a `pointer-events: none` cover: it has no
 * IntersectionObserver v2) is measured and reported, not asserted.
 */
import type { Page } from 'puppeteer-core';
import {
  type FontProbe,
  fontsFetched,
  hostilePage,
  PROBED_CODEPOINTS,
  SYSTEM_FAMILIES,
  uiFontFamilies,
} from '../browser/hostile-fixture';
import { cardShows, hovercardGone, hovercardShows } from './card';
import {
  EXTENSION_DIR,
  type FirefoxSession,
  launch,
  seedPeople,
  strayRequests,
  wait,
} from './harness';

const PRIVATE = {
  id: 'mira-kovacevic',
  name: 'Mira Kovačević',
  headline: 'Reached privately',
  bio: 'Call +1 555 0142 after six; Signal preferred.',
  projects: [],
  contact: { email: 'mira.k@private.example' },
  identities: { github: ['mira-k'], linkedin: [] },
};

const PEOPLE = [
  { who: 'bundled', name: 'Tyler Neely', href: '/spacejam' },
  { who: 'private', name: 'Mira Kovačević', href: '/mira-k' },
  { who: 'unknown', name: '', href: '/octocat' },
] as const;
type Person = (typeof PEOPLE)[number];
const URL_ = 'https://github.com/explore?hostile';
const ownPage = (person: Person) => `https://github.com${person.href}?hostile`;

let session: FirefoxSession;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  session = await launch();
  page = session.page;
  page.on('pageerror', (error) => pageErrors.push(String(error)));
  await seedPeople(session, [PRIVATE]);
  session.pages.set(URL_, hostilePage('github', 'A hostile page', 'firefox'));
  for (const person of PEOPLE)
    session.pages.set(ownPage(person), hostilePage('github', 'A person’s page', 'firefox'));
  console.log('Firefox under test:', session.version);
}, 120_000);
afterAll(() => session?.close());

// biome-ignore lint/suspicious/noExplicitAny: the fixture's page-world API, untyped here
type Attack = any;
const attack = <T>(fn: (a: Attack, arg: never) => T, arg?: unknown) =>
  page.evaluate(
    (source, value) =>
      new Function('a', 'v', `return (${source})(a, v)`)(
        (window as never as { __attack: Attack }).__attack,
        value,
      ),
    fn.toString(),
    arg as never,
  ) as Promise<Awaited<T>>;
const park = () => page.mouse.move(1200, 860);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('a hostile GitHub page in Firefox', () => {
  it.each(PEOPLE)(
    '$who: the page’s faces never load for the card; its own text loads them',
    async (person) => {
      const families = [...new Set([...uiFontFamilies(EXTENSION_DIR), ...SYSTEM_FAMILIES])];
      const probe = (tag: string): FontProbe => ({
        tag: `ff-${person.who}-${tag}`,
        families,
        codepoints: PROBED_CODEPOINTS,
      });
      const onLoad = probe('own');
      const own = `${ownPage(person)}&fonts`;
      session.pages.set(own, hostilePage('github', 'A person’s page', 'firefox', onLoad));
      await page.goto(own);
      if (person.who === 'unknown') await sleep(1000);
      else await cardShows(session, page, person.name);
      await sleep(500);
      const onHover = probe('hover');
      const other = `${URL_}&fonts`;
      session.pages.set(other, hostilePage('github', 'A hostile page', 'firefox', onHover));
      await page.goto(other);
      await park();
      const box = await attack((a, href: string) => {
        const link = a.link(href);
        const r = link.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }, person.href);
      await page.mouse.move(box.x, box.y, { steps: 4 });
      if (person.who === 'unknown') await sleep(1200);
      else await hovercardShows(session, page, person.name);
      await sleep(500);
      const show = (pairs: [string, string][]) =>
        [...new Set(pairs.map(([f, c]) => `${f}:${c}`))].sort();
      expect({
        inPage: show(fontsFetched(session.requests, onLoad)),
        hover: show(fontsFetched(session.requests, onHover)),
      }).toEqual({ inPage: [], hover: [] });
      // Positive control: the page's own text in each family loads its face.
      await attack((a, list: string[]) => a.ownFonts(list, 'Q'), families);
      await wait('the page’s own faces', async () => {
        const loaded = fontsFetched(session.requests, onHover);
        return families.every((family) => loaded.some(([f, c]) => f === family && c === 'Q'));
      });
    },
  );

  it('a still pointer: links swapped under it open nothing; moving onto one opens it', async () => {
    await page.goto(URL_);
    const point = { x: 400, y: 500 };
    await page.mouse.move(point.x - 200, point.y);
    await page.mouse.move(point.x, point.y, { steps: 3 });
    const hrefs = [...PEOPLE, ...PEOPLE].map((person) => person.href);
    const seen: Record<string, boolean[]> = {};
    const report: Record<string, string> = {};
    for (const kind of ['transparent', 'visible']) {
      const { arrived, ms } = await attack(
        (a, [list, k, p]: [string[], string, object]) => a.swapUnder(list, k, p, 450),
        [hrefs, kind, point],
      );
      seen[kind] = arrived;
      report[kind] = `${((hrefs.length / ms) * 1000).toFixed(1)} guesses/s`;
    }
    console.log(`still pointer (firefox): ${JSON.stringify(report)}`);
    const none = hrefs.map(() => false);
    expect(seen).toEqual({ transparent: none, visible: none });
    // Positive control: an ordinary link there, and the user moves on it.
    const rect = { x: point.x - 60, y: point.y - 12, width: 120, height: 24 };
    await attack(
      (a, [href, r]: [string, object]) => {
        a.place(href, 'visible', r).id = 'placed';
      },
      [PEOPLE[1].href, rect],
    );
    await page.mouse.move(point.x + 4, point.y + 2, { steps: 2 });
    await hovercardShows(session, page, PEOPLE[1].name);
    await park();
    await hovercardGone(session, page);
  });

  it('a transparent link opens nothing under a moving pointer; an ordinary one does; a covered one is reported', async () => {
    await page.goto(URL_);
    await park();
    const rect = { x: 300, y: 400, width: 160, height: 30 };
    const through = async () => {
      await page.mouse.move(rect.x - 40, rect.y + 15);
      await page.mouse.move(rect.x + 80, rect.y + 15, { steps: 6 });
      await page.mouse.move(rect.x + 90, rect.y + 12, { steps: 2 });
      await sleep(1200);
    };
    const opened: Record<string, boolean> = {};
    for (const kind of ['transparent', 'covered', 'visible']) {
      for (const person of PEOPLE) {
        await attack(
          (a, [href, k, r]: [string, string, object]) => {
            (window as never as { __probe: { records: string[] } }).__probe.records.length = 0;
            a.place(href, k, r).id = 'placed';
          },
          [person.href, kind, rect],
        );
        await through();
        opened[`${kind} ${person.who}`] = await attack((a) => a.hostArrived());
        await attack((a) => a.unplace(document.getElementById('placed')));
        await park();
        await sleep(400);
      }
    }
    console.log(`moving pointer (firefox), host arrived: ${JSON.stringify(opened)}`);
    expect(opened).toMatchObject({
      'transparent bundled': false,
      'transparent private': false,
      'transparent unknown': false,
      'covered unknown': false,
      'visible bundled': true,
      'visible private': true,
      'visible unknown': false,
    });
  });

  it('one click, one navigation: 20 pushes after a click show nothing more', async () => {
    const candidates = Array.from({ length: 20 }, (_, i) => {
      const person = PEOPLE[i % 3] as Person;
      return i < 6 ? person.href : `${person.href}-${i}`;
    });
    const pushed = async () => {
      await wait('the pushes', async () =>
        page.evaluate(
          () => (window as never as { __probe: { pushed?: unknown } }).__probe.pushed !== undefined,
        ),
      );
      return page.evaluate(
        () => (window as never as { __probe: { pushed: { arrived: boolean[] } } }).__probe.pushed,
      );
    };
    const click = async (selector: string) => {
      const box = await page.$eval(selector, (el) => {
        const r = el.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      });
      await page.mouse.click(box.x, box.y);
    };
    await page.goto(URL_);
    await attack((a, list: string[]) => a.armPushes(list, 30, 'click'), candidates);
    await click('#nowhere');
    const afterSettings = (await pushed()).arrived.filter(Boolean).length;
    await page.goto(URL_);
    await click('#search');
    await page.keyboard.type('tyler');
    await attack((a, list: string[]) => a.armPushes(list, 30, 'keydown'), candidates);
    await page.keyboard.press('Enter');
    const afterEnter = (await pushed()).arrived.filter(Boolean).length;
    expect({ afterSettings, afterEnter }).toEqual({ afterSettings: 0, afterEnter: 0 });
    // Positive control: the user clicks a link to the bundled person.
    await page.goto(URL_);
    await attack((a, href: string) => {
      a.link(href, undefined, true).id = 'spa-link';
    }, PEOPLE[0].href);
    await click('#spa-link');
    await cardShows(session, page, PEOPLE[0].name);
  });

  it('made no request beyond the fixture pages and threw nothing into them', () => {
    expect(strayRequests(session)).toEqual([]);
    // Firefox reports each of the probe's faces it fetched and could not use.
    const probeFaces = /^Error: downloadable font: .* source: https:\/\/github\.com\/__font\//;
    expect(pageErrors.filter((error) => !probeFaces.test(error))).toEqual([]);
  });
});
