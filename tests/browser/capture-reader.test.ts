/**
 * The in-page reader (capture/read-page.ts), bundled on its own as it will be
 * injected, run by real Chromium on the capture fixtures served at their own
 * URLs: it must read each page exactly as the unit tests' happy-dom does, so
 * what tests/unit/capture.test.ts checks holds in the browser it runs in.
 * No extension is needed; every request is recorded and must be a fixture.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Window } from 'happy-dom';
import { build, type Rollup } from 'vite';
import { draftFromReading } from '../../capture/draft';
import { readPage } from '../../capture/read-page';
import type { PageReading } from '../../capture/reading';
import { catalogLookup } from '../../i18n/catalog';
import { setLookup } from '../../i18n/t';
import en from '../../public/_locales/en/messages.json';
import { launch, type Session } from './harness';

// Node has no browser.i18n: the reader's sentences in English, as in the unit tests.
setLookup(catalogLookup(en), 'en');

const root = resolve(import.meta.dirname, '../..');
const dir = join(root, 'tests/unit/fixtures/capture');
const FIXTURES: [string, string][] = [
  ['github-profile.html', 'https://github.com/mirak'],
  ['github-organisation.html', 'https://github.com/ferrous-labs'],
  ['linkedin-signed-in.html', 'https://www.linkedin.com/in/mira-kova%C4%8Devi%C4%87-4821/'],
  ['linkedin-signed-out.html', 'https://hr.linkedin.com/in/mira-kova%C4%8Devi%C4%87-4821'],
  ['about-h-card.html', 'https://jonas.example/about/'],
  ['about-json-ld.html', 'https://priya.example/about'],
  ['about-rel-me.html', 'https://sam.example/'],
];
/** Pages as real sites write them, and the seeds' texts as about pages (issue 24). */
const ABOUT: [string, string][] = [
  ['hugo-about.html', 'https://ines.example/about/'],
  ['speaker.html', 'https://summit.example/speakers/amara-okafor/'],
  ['team.html', 'https://northwind.example/people/'],
  ['blog-post.html', 'https://engineering.tessellate.example/2026/03/02/raft-in-flight/'],
  ['seed-deniz-jekyll.html', 'https://denizaltinbuken.com/about/'],
  ['seed-tyler-hugo.html', 'https://tylerneely.com/'],
  ['seed-patmesh-astro.html', 'https://patmesh.netlify.app/'],
];
FIXTURES.push(
  ...ABOUT.map(([file, url]): [string, string] => [`../../../browser/fixtures/about/${file}`, url]),
);

let session: Session;
let reader: string;

beforeAll(async () => {
  const output = (await build({
    root,
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      lib: {
        entry: join(root, 'tests/browser/capture-reader-entry.ts'),
        formats: ['iife'],
        name: 'reader',
      },
    },
  })) as Rollup.RollupOutput | Rollup.RollupOutput[];
  const [first] = Array.isArray(output) ? output : [output];
  const chunk = first?.output.find((item): item is Rollup.OutputChunk => item.type === 'chunk');
  reader = chunk?.code ?? '';
  session = await launch(undefined, { extension: false });
  for (const [file, url] of FIXTURES) session.pages.set(url, readFileSync(join(dir, file), 'utf8'));
});

afterAll(async () => {
  await session?.close();
});

describe('the in-page reader in Chromium', () => {
  it.each(FIXTURES)('reads %s as happy-dom does', async (file, url) => {
    const page = await session.context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const before = await page.content();
    const requests = session.requests.length;
    const inChromium = (await page.evaluate(
      ([code, messages]) =>
        new Function(
          'messages',
          `${code}; reader.setLookup(reader.catalogLookup(messages), 'en'); return reader.readPage(document, location.href);`,
        )(messages),
      [reader, en] as const,
    )) as PageReading;
    await page.waitForTimeout(300);
    // Reading changed nothing in the page and asked for nothing.
    expect(await page.content()).toBe(before);
    expect(session.requests.slice(requests)).toEqual([]);

    const window = new Window({ url });
    const inHappyDom = readPage(
      new window.DOMParser().parseFromString(
        readFileSync(join(dir, file), 'utf8'),
        'text/html',
      ) as unknown as Document,
      url,
    );
    await window.happyDOM.close();
    expect(inChromium).toEqual(inHappyDom);
    // And the draft made from it is the one the unit tests check.
    const draft = draftFromReading(inChromium);
    expect(draft.ok || ['organisation', 'many-people', 'article'].includes(draft.reason)).toBe(
      true,
    );
    await page.close();
  });

  it('would have seen a request made from the page (positive control)', async () => {
    const page = await session.context.newPage();
    await page.goto(FIXTURES[0]?.[1] ?? '', { waitUntil: 'load' });
    const requests = session.requests.length;
    await page.evaluate(() => {
      new Image().src = 'https://github.com/probe.png';
    });
    await page.waitForTimeout(300);
    expect(session.requests.slice(requests)).toEqual(['https://github.com/probe.png']);
    await page.close();
  });
});
