/**
 * The in-page half of capture/ as it will run in a user's tab: bundled on its
 * own it pulls in no zod and no schema, works from that bundle alone, leaves
 * the page exactly as it was, and stays bounded on hostile pages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Rollup } from 'vite';
import { capturePerson, readPage } from '../../capture';
import type { PageReading } from '../../capture/reading';

const root = join(import.meta.dirname, '../..');
const dir = join(import.meta.dirname, 'fixtures/capture');
const html = (file: string) => readFileSync(join(dir, file), 'utf8');
const parse = (source: string) => new DOMParser().parseFromString(source, 'text/html');

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

describe('the in-page reader, bundled on its own', () => {
  let chunk: Rollup.OutputChunk;
  beforeAll(async () => {
    const output = (await build({
      root,
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        minify: true,
        lib: { entry: join(root, 'capture/read-page.ts'), formats: ['iife'], name: 'reader' },
      },
    })) as Rollup.RollupOutput | Rollup.RollupOutput[];
    const [first] = Array.isArray(output) ? output : [output];
    chunk = first?.output.find(
      (item): item is Rollup.OutputChunk => item.type === 'chunk',
    ) as Rollup.OutputChunk;
  }, 60_000);

  it('holds no zod, no schema and nothing from people/, formats/ or store/', () => {
    const modules = Object.keys(chunk.modules).map((path) => path.slice(root.length + 1));
    expect(modules).toContain('capture/read-page.ts');
    expect(
      modules.filter((path) => /zod|people\/|formats\/|store\/|capture\/draft/.test(path)),
    ).toEqual([]);
  });

  it('is small (≤ 32 KB minified; about 20 KB today)', () => {
    expect(chunk.code.length).toBeLessThan(32_000);
  });

  it.each(FIXTURES)('reads %s exactly as the source does', (file, url) => {
    const bundled = new Function(`${chunk.code}; return reader;`)() as {
      readPage: (doc: Document, href: string) => PageReading;
    };
    expect(bundled.readPage(parse(html(file)), url)).toEqual(readPage(parse(html(file)), url));
  });
});

/** Mutation records arrive after the task that made them. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('reading leaves the page as it was', () => {
  it.each(FIXTURES)('%s', async (file, url) => {
    const doc = parse(html(file));
    const before = doc.documentElement.outerHTML;
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((found) => records.push(...found));
    observer.observe(doc, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });

    readPage(doc, url);
    await settle();
    expect(records).toEqual([]);
    expect(doc.documentElement.outerHTML).toBe(before);

    // Positive control: the observer does see a change to this document.
    doc.body.setAttribute('data-touched', '');
    await settle();
    expect(records.length).toBe(1);
    observer.disconnect();
  });
});

describe('hostile pages', () => {
  it('caps what a page can hand back: huge text, thousands of links', () => {
    const huge = 'x'.repeat(200_000);
    const links = Array.from(
      { length: 3000 },
      (_, n) => `<a rel="me" href="https://e${n}.example/">e${n}</a>`,
    ).join('');
    const doc = parse(
      `<title>${huge}</title><div class="h-card"><span class="p-name">${huge}</span><p class="p-note">${huge}</p></div>${links}`,
    );
    const reading = readPage(doc, 'https://big.example/');
    if (!reading.ok) throw new Error(reading.message);
    expect(reading.person.name?.value.length).toBeLessThanOrEqual(4000);
    expect(reading.person.bio?.value.length).toBeLessThanOrEqual(4000);
    expect(reading.person.links.length).toBeLessThanOrEqual(60);
    // And the draft is cut to the schema's limits, saying so.
    const result = capturePerson(doc, 'https://big.example/');
    if (!result.ok) throw new Error(result.message);
    expect(result.draft.name.length).toBe(80);
    expect(result.draft.name.endsWith('…')).toBe(true);
    expect(result.draft.bio?.length).toBeLessThanOrEqual(1200);
    expect(result.draft.contact.links).toHaveLength(12);
    expect(result.notes).toContainEqual({
      field: 'name',
      action: 'shortened',
      detail: 'shortened from 4,000 to at most 80 characters',
    });
  });

  it('survives JSON-LD that is broken or deeply nested', () => {
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const person = JSON.stringify({
      '@type': 'Person',
      name: 'Real Person',
      sameAs: 'https://github.com/real',
    });
    const doc = parse(
      `<script type="application/ld+json">${deep}</script><script type="application/ld+json">{oops</script>` +
        `<script type="application/ld+json">${person}</script>`,
    );
    const result = capturePerson(doc, 'https://real.example/');
    if (!result.ok) throw new Error(result.message);
    expect(result.draft.name).toBe('Real Person');
    expect(result.draft.identities.github).toEqual(['real']);
  });

  it.each([
    [
      'a 10 MB JSON-LD block',
      `<script type="application/ld+json">${JSON.stringify({ '@type': 'Person', name: 'Big Person', description: 'x'.repeat(10_000_000) })}</script>`,
      /^This page’s structured data is too large to read \(9\.5 MB; Profile Card reads up to 0\.5 MB\)/,
    ],
    [
      'a graph of 50,000 things',
      `<script type="application/ld+json">${JSON.stringify({ '@graph': Array.from({ length: 50_000 }, (_, n) => ({ '@type': 'Thing', n })) })}</script>`,
      /too large to read/,
    ],
    [
      'a Person with 100,000 sameAs links',
      `<script type="application/ld+json">${JSON.stringify({ '@type': 'Person', name: 'Linky', sameAs: Array.from({ length: 100_000 }, (_, n) => `h:${n}`) })}</script>`,
      /too large to read/,
    ],
    [
      'a Person with 5,000 short sameAs links',
      `<script type="application/ld+json">${JSON.stringify({ '@type': 'Person', name: 'Linky', sameAs: Array.from({ length: 5000 }, () => 'a') })}</script>`,
      /^This page lists 5,000 links for one person, more than Profile Card reads \(1,000\)/,
    ],
  ])('says %s is too large, and reads nothing from it', (_what, script, message) => {
    const doc = parse(`<title>Big Person</title><h1>Big Person</h1>${script}<p>Hello.</p>`);
    const result = capturePerson(doc, 'https://big.example/');
    expect(result).toMatchObject({
      ok: false,
      reason: 'too-large',
      message: expect.stringMatching(message),
      byHand: { website: 'https://big.example/' },
    });
    // Positive control: the same page with a small block is read.
    const small = parse(
      '<title>Big Person</title><script type="application/ld+json">{"@type":"Person","name":"Big Person","sameAs":["https://github.com/big"]}</script>',
    );
    expect(capturePerson(small, 'https://big.example/')).toMatchObject({
      ok: true,
      draft: { name: 'Big Person', identities: { github: ['big'] } },
    });
  });

  it('keeps markup, controls and bidi overrides out of the draft', () => {
    const doc = parse(
      `<div class="h-card"><span class="p-name">Eve&#x202E;gnp.exe</span>` +
        `<span class="p-job-title">&lt;img src=x onerror=alert(1)&gt; Hacker</span>` +
        `<a class="u-url" href="https://github.com/eve">gh</a></div>`,
    );
    const result = capturePerson(doc, 'https://eve.example/');
    if (!result.ok) throw new Error(result.message);
    expect(result.draft.name).toBe('Evegnp.exe');
    expect(result.draft.headline).toBe('Hacker');
  });

  it('keeps javascript:, data: and other non-web links out of the draft, wherever the page puts them', () => {
    const bad = [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'data:text/html,<b>x',
      'vbscript:x',
    ];
    const person = JSON.stringify({
      '@type': 'Person',
      name: 'Mallory',
      url: bad[0],
      sameAs: bad,
      email: 'mailto:javascript:alert(1)',
    });
    const doc = parse(
      `<script type="application/ld+json">${person}</script>` +
        `<div class="h-card"><span class="p-name">Mallory</span>${bad.map((href) => `<a class="u-url" href="${href}">x</a>`).join('')}</div>` +
        bad.map((href) => `<a rel="me" href="${href}">me</a>`).join('') +
        '<a rel="me" href="https://mallory.example/blog">blog</a>',
    );
    const result = capturePerson(doc, 'https://mallory.example/');
    if (!result.ok) throw new Error(result.message);
    const urls = [
      result.draft.contact.website,
      ...(result.draft.contact.links ?? []).map((link) => link.url),
    ];
    // Positive control: the one web link the page gave is kept.
    expect(urls).toContain('https://mallory.example/blog');
    for (const url of urls) expect(url).toMatch(/^https?:\/\//);
    expect(JSON.stringify(result.draft)).not.toMatch(/javascript:|data:|vbscript:/i);
    expect(result.draft.contact.email).toBeUndefined();
  });

  it('never throws: a failure is a message', () => {
    const doc = parse('<title>x</title>');
    Object.defineProperty(doc, 'querySelectorAll', {
      value: () => {
        throw new Error('boom');
      },
    });
    expect(readPage(doc, 'https://x.example/')).toEqual({
      ok: false,
      reason: 'no-person',
      message: 'This page could not be read (boom).',
    });
  });
});
