/**
 * Keeping anyone from the page they wrote about themselves (issue 24): pages
 * as static-site generators and conference sites write them, and the three
 * seeds' texts laid out as about pages (tests/browser/fixtures/about/). Each
 * one-person page gives a draft whose fields say where they came from; a
 * team page and a post by someone are said to be what they are, never
 * guessed into a person; every "no person" has a positive control.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CaptureResult, capturePerson } from '../../capture';
import { firstSentence } from '../../capture/draft';
import { lookAlike, skeleton, withoutInvisibles } from '../../capture/look-alike';
import { looksLikeName } from '../../capture/plain-page';
import { socialAccount } from '../../capture/social';
import { bundledProfiles } from '../../people/bundled';
import { validateProfile } from '../../people/validate';
import { person } from './fixtures';

const dir = join(import.meta.dirname, '../browser/fixtures/about');
const html = (file: string) => readFileSync(join(dir, file), 'utf8');
const parse = (source: string) => new DOMParser().parseFromString(source, 'text/html');

type Kept = Extract<CaptureResult, { ok: true }>;
function keep(file: string, url: string): Kept {
  const result = capturePerson(parse(html(file)), url);
  if (!result.ok) throw new Error(`expected a draft, got: ${result.message}`);
  expect(validateProfile(result.draft)).toEqual({ ok: true, value: result.draft });
  return result;
}
const refusal = (file: string, url: string) => {
  const result = capturePerson(parse(html(file)), url);
  if (result.ok) throw new Error(`expected a refusal, got ${result.draft.name}`);
  return result;
};

describe('one person’s page, as static-site generators write it', () => {
  it('a Hugo (PaperMod) about page: "About" as the heading, the name in the title and site name', () => {
    const { draft, sources } = keep('hugo-about.html', 'https://ines.example/about/');
    expect(draft).toEqual({
      id: 'ines-duarte',
      name: 'Ines Duarte',
      headline: 'Compiler engineer at Lumen Labs, Lisbon.',
      bio:
        'I work on the middle of compilers: register allocation, instruction selection, and the passes nobody writes blog posts about. Before Lumen I spent four years on GPU drivers.\n\n' +
        'Outside work I keep a small language called wren-ish alive and bake more bread than one person should.',
      projects: [],
      contact: {
        email: 'ines@ines.example',
        website: 'https://ines.example/about/',
        links: [
          { label: '@ines@hachyderm.io', url: 'https://hachyderm.io/@ines' },
          { label: '@ines.bsky.social', url: 'https://bsky.app/profile/ines.bsky.social' },
        ],
      },
      identities: { github: ['inesd'], linkedin: ['ines-duarte-pt'] },
    });
    expect(sources).toEqual({
      name: 'title',
      headline: 'paragraph',
      bio: 'paragraph',
      'contact.email': 'page-link',
      'contact.website': 'url',
      'contact.links.0': 'page-link',
      'contact.links.1': 'page-link',
      'identities.github.0': 'page-link',
      'identities.linkedin.0': 'page-link',
    });
  });

  it('a conference speaker page: the speaker, not the conference’s GitHub or email', () => {
    const { draft, sources } = keep(
      'speaker.html',
      'https://summit.example/speakers/amara-okafor/',
    );
    expect(draft).toMatchObject({
      name: 'Amara Okafor',
      headline: 'Staff engineer, storage at Tessellate',
      identities: { github: ['amaraok'], linkedin: ['amara-okafor'] },
      contact: { website: 'https://summit.example/speakers/amara-okafor/' },
    });
    expect(draft.bio).toMatch(/^Amara builds the replication layer/);
    expect(draft.bio).toMatch(/real-time payments switch\.$/);
    expect(draft.contact.email).toBeUndefined();
    expect(sources).toMatchObject({ name: 'h1', headline: 'paragraph', bio: 'paragraph' });
  });

  it('Deniz Altınbüken’s text as a Jekyll (minima) about page: the footer h-card, the first sentence as headline', () => {
    const { draft, sources, notes } = keep(
      'seed-deniz-jekyll.html',
      'https://denizaltinbuken.com/about/',
    );
    expect(draft).toMatchObject({
      name: 'Deniz Altınbüken',
      headline: 'I’m a Software Engineer and a Tech Lead in the Infrastructure team at Google.',
      contact: {
        email: 'hello@denizaltinbuken.com',
        website: 'https://denizaltinbuken.com/about/',
      },
      identities: { github: ['denizalti'], linkedin: ['denizalti'] },
    });
    expect(draft.bio).toMatch(/^I’m a Software Engineer .* at Google\. My work is focused/);
    expect(draft.bio).toContain('\n\nAs a Tech Lead, I focus on enabling hard to execute projects');
    expect(sources).toMatchObject({
      name: 'h-card',
      headline: 'paragraph',
      bio: 'paragraph',
      'contact.email': 'h-card',
      'identities.github.0': 'page-link',
    });
    expect(notes).toContainEqual({
      field: 'headline',
      action: 'filled',
      detail: 'the bio’s first sentence stands in',
    });
  });

  it('Tyler Neely’s text as a Hugo home page: the header’s GitHub on his own site, no repository as a profile', () => {
    const { draft, sources, notes } = keep('seed-tyler-hugo.html', 'https://tylerneely.com/');
    expect(draft).toMatchObject({
      name: 'Tyler Neely',
      // His first sentence is 162 characters: cut to the headline's 160, and said so.
      headline:
        "I've built and operated a variety of stateful distributed systems, cutting across the consistency-availability, latency-throughput, and price-performance…",
      identities: { github: ['spacejam'], linkedin: [] },
      contact: { website: 'https://tylerneely.com/' },
    });
    expect(draft.bio).toMatch(/maniacal pleasure from invalidating my assumptions/);
    expect(sources).toMatchObject({
      name: 'h1',
      bio: 'paragraph',
      'identities.github.0': 'page-link',
    });
    expect(notes.map((note) => `${note.field} ${note.action}`)).toEqual([
      'headline shortened',
      'headline filled',
    ]);
  });

  it('Patmesh S’s text as an Astro portfolio: the tagline under the name is the headline', () => {
    const { draft, sources } = keep('seed-patmesh-astro.html', 'https://patmesh.netlify.app/');
    expect(draft).toMatchObject({
      name: 'Patmesh S',
      headline: 'backend engineer · distributed systems',
      bio: 'I work at the intersection of correctness and scale — where the interesting problems live. Building distributed systems for enterprise network management.',
      identities: { github: ['PATMESH'], linkedin: ['patmesh-s'] },
      contact: { website: 'https://patmesh.netlify.app/' },
    });
    expect(sources).toMatchObject({ name: 'h1', headline: 'paragraph', bio: 'paragraph' });
  });
});

describe('pages that are not about one person say so', () => {
  it('a team page: several people, named, and no guess', () => {
    expect(refusal('team.html', 'https://northwind.example/people/')).toEqual({
      ok: false,
      reason: 'many-people',
      message:
        'This page shows several people (Hana Sato, Luis Ortega, Greta Nilsson and 1 more), so Profile Card won’t guess which one you mean. Open that person’s own page, or add them by hand.',
      byHand: { website: 'https://northwind.example/people/' },
    });
    // Positive control: one of those cards on a page of its own is that person.
    const doc = parse(html('team.html'));
    for (const card of [...doc.querySelectorAll('.person-card')].slice(1)) card.remove();
    doc.title = 'Hana Sato | Northwind Systems Lab';
    const h1 = doc.querySelector('h1');
    if (h1) h1.textContent = 'Hana Sato';
    expect(capturePerson(doc, 'https://northwind.example/people/hana/')).toMatchObject({
      ok: true,
      draft: { name: 'Hana Sato', identities: { github: ['hanasato'] } },
    });
  });

  it('a post by someone else: its author named, the post not taken for their page', () => {
    const result = refusal(
      'blog-post.html',
      'https://engineering.tessellate.example/2026/03/02/raft-in-flight/',
    );
    expect(result).toEqual({
      ok: false,
      reason: 'article',
      message:
        'This page is a post by Kai Berg, not a page about them. Open their own page to keep them, or add them by hand.',
      byHand: { name: 'Kai Berg', nameSource: 'json-ld' },
    });
    // Without the structured data, the byline and the date still say it is a post.
    const doc = parse(html('blog-post.html'));
    for (const script of doc.querySelectorAll('script')) script.remove();
    for (const card of doc.querySelectorAll('.h-card')) card.classList.remove('h-card');
    expect(capturePerson(doc, 'https://engineering.tessellate.example/x/')).toMatchObject({
      reason: 'article',
      byHand: { name: 'Kai Berg', nameSource: 'meta-author' },
    });
    // Positive control: the same author's post on their own site, tied to it, is theirs.
    const own = parse(
      html('blog-post.html').replace(
        '"author":{"@type":"Person","name":"Kai Berg"}',
        '"author":{"@type":"Person","name":"Kai Berg","url":"https://engineering.tessellate.example/about/"}',
      ),
    );
    expect(
      capturePerson(own, 'https://engineering.tessellate.example/2026/03/02/raft-in-flight/'),
    ).toMatchObject({ ok: true, draft: { name: 'Kai Berg' } });
  });

  it('a page that names no one offers itself for a person added by hand; a recipe is no one', () => {
    const recipe = parse(
      '<!doctype html><title>Soup of the day</title><h1>Leek soup</h1><p>Leeks, potatoes.</p>',
    );
    expect(capturePerson(recipe, 'https://recipes.example/')).toEqual({
      ok: false,
      reason: 'no-person',
      message:
        'Profile Card found no one’s name on this page, so it can’t fill in a card by itself.',
      byHand: { website: 'https://recipes.example/' },
    });
    // Positive control: the same page with a name its title agrees with is that person.
    const named = parse(
      '<!doctype html><title>Lea Kerr — Cook</title><h1>Lea Kerr</h1><p>I cook soup.</p>',
    );
    expect(capturePerson(named, 'https://recipes.example/')).toMatchObject({
      ok: true,
      draft: { name: 'Lea Kerr', headline: 'I cook soup.' },
    });
  });
});

describe('a page titled only "Home"', () => {
  it('is the person its one heading names when it links their accounts', () => {
    const home = (links: string) =>
      parse(
        `<!doctype html><title>Home</title><main><h1>Jane Doe</h1><p>Typesetter.</p>${links}</main>`,
      );
    expect(
      capturePerson(home('<a href="https://github.com/janedoe">GitHub</a>'), 'https://jd.example/'),
    ).toMatchObject({
      ok: true,
      draft: { name: 'Jane Doe', headline: 'Typesetter.', identities: { github: ['janedoe'] } },
      sources: { name: 'h1' },
    });
    // Without any account of theirs, a heading alone is not enough.
    expect(capturePerson(home(''), 'https://jd.example/')).toMatchObject({
      ok: false,
      reason: 'no-person',
    });
  });
});

describe('a heading that adds to the name', () => {
  it('agrees with the title: "Jane Doe, PhD" and "Jane Doe"', () => {
    const doc = parse(
      '<!doctype html><title>Jane Doe | Lab</title><main><h1>Jane Doe, PhD</h1><p>Typesetter.</p></main>',
    );
    expect(capturePerson(doc, 'https://lab.example/jane')).toMatchObject({
      ok: true,
      draft: { name: 'Jane Doe, PhD', headline: 'Typesetter.' },
    });
    // Positive control: a heading that only starts with another name does not agree.
    const other = parse(
      '<!doctype html><title>Jane Doe | Lab</title><main><h1>Jane Doerr</h1><p>Typesetter.</p></main>',
    );
    expect(capturePerson(other, 'https://lab.example/jane').ok).toBe(false);
  });
});

describe('a blog index on someone’s site', () => {
  it('is not their about page: "Blog" is not a heading about them', () => {
    const doc = parse(
      '<!doctype html><title>Blog | Ines Duarte</title><meta property="og:site_name" content="Ines Duarte">' +
        '<main><h1>Blog</h1><article><h2>Register allocation, slowly</h2><time datetime="2026-01-02">Jan 2</time><p>Part one.</p></article></main>',
    );
    // Its dated entries make it read as posts, not as a page about her.
    expect(capturePerson(doc, 'https://ines.example/posts/')).toMatchObject({
      ok: false,
      reason: 'article',
    });
    // Positive control: the same site's "About" page is hers, email from its footer.
    const aboutPage = parse(
      '<!doctype html><title>About | Ines Duarte</title><meta property="og:site_name" content="Ines Duarte">' +
        '<main><h1>About</h1><p>Compiler engineer.</p></main><footer><a href="mailto:ines@ines.example">Mail</a></footer>',
    );
    expect(capturePerson(aboutPage, 'https://ines.example/about/')).toMatchObject({
      ok: true,
      draft: { name: 'Ines Duarte', contact: { email: 'ines@ines.example' } },
    });
  });
});

describe('the paragraph under the name', () => {
  it('is the headline in a hero header that holds the name, and a footer’s is not', () => {
    const doc = parse(
      '<!doctype html><title>Jane Doe</title><header><h1>Jane Doe</h1><p>Typesetter.</p></header>' +
        '<p>I set type for small presses.</p><footer><p>© Jane</p></footer>',
    );
    expect(capturePerson(doc, 'https://jd.example/')).toMatchObject({
      ok: true,
      draft: { headline: 'Typesetter.', bio: 'I set type for small presses.' },
    });
  });
});

describe('looksLikeName', () => {
  it.each([
    ['Ines Duarte', true],
    ['Deniz Altınbüken', true],
    ['Patmesh S', true],
    ['Ludwig van Beethoven', true],
    ['J. R. Hartley', true],
    ['毛泽东', true],
    ['Leek soup', false],
    ['Our team', false],
    ['Ten Tips For Faster Builds', false],
    ['What a Raft leader election does to in-flight tasks', false],
    ['About', false],
    ['Release 2.0', false],
    ['van', false],
  ])('%j → %s', (text, expected) => {
    expect(looksLikeName(text)).toBe(expected);
  });
});

describe('accounts as people write them', () => {
  it.each([
    ['https://hachyderm.io/@ines', '@ines@hachyderm.io'],
    ['https://mastodon.social/@ines@hachyderm.io', '@ines@hachyderm.io'],
    ['https://bsky.app/profile/ines.bsky.social', '@ines.bsky.social'],
    ['https://medium.com/@ines', undefined],
    ['https://www.youtube.com/@ines', undefined],
    ['https://hachyderm.io/@ines/113', undefined],
    ['https://bsky.app/profile/did:plc:abc', undefined],
    ['javascript:alert(1)//@x', undefined],
  ])('%s → %s', (url, handle) => {
    expect(socialAccount(url)?.handle).toBe(handle);
  });

  it('labels a GitHub profile’s Mastodon link with its handle, however GitHub labels the icon', () => {
    const source = readFileSync(
      join(import.meta.dirname, 'fixtures/capture/github-profile.html'),
      'utf8',
    ).replace(
      '<svg role="img" aria-label="Mastodon" class="octicon" viewBox="0 0 16 16" width="16" height="16"><title>Mastodon</title>',
      '<svg role="img" aria-label="hachyderm.io" class="octicon" viewBox="0 0 16 16" width="16" height="16"><title>hachyderm.io</title>',
    );
    const result = capturePerson(parse(source), 'https://github.com/mirak');
    if (!result.ok) throw new Error(result.message);
    expect(result.draft.contact.links?.[0]).toEqual({
      label: '@mirak@hachyderm.io',
      url: 'https://hachyderm.io/@mirak',
    });
  });
});

describe('firstSentence', () => {
  it.each([
    [
      'Compiler engineer at @lumen-labs. Building tiny languages.',
      'Compiler engineer at @lumen-labs.',
    ],
    [
      'Distributed systems, storage engines,\nand the occasional compiler. <3 Rust.',
      'Distributed systems, storage engines, and the occasional compiler.',
    ],
    [
      'I received a Ph.D. in Computer Science. Then more.',
      'I received a Ph.D. in Computer Science.',
    ],
    ['Compiler engineer\nBuilding tiny languages', 'Compiler engineer'],
    ['No full stop at all', 'No full stop at all'],
  ])('%j → %j', (bio, sentence) => {
    expect(firstSentence(bio)).toBe(sentence);
  });
});

describe('look-alikes', () => {
  const tyler = bundledProfiles.find((profile) => profile.id === 'tyler-neely');
  if (!tyler) throw new Error('no bundled Tyler Neely');
  const draft = (over: object) =>
    person('draft', { name: 'Someone New', identities: { github: [], linkedin: [] }, ...over });

  it.each([
    ['a Cyrillic а in the name', { name: 'Tyler Neеly' }, 'name'],
    ['a zero-width space in the name', { name: 'Tyler\u200B Neely' }, 'name'],
    ['the name in another case', { name: 'TYLER NEELY' }, 'name'],
    [
      'a GitHub link with a Cyrillic а',
      { contact: { links: [{ label: 'GitHub', url: 'https://github.com/sp%D0%B0cejam' }] } },
      'github',
    ],
    ['a login in another case', { identities: { github: ['SpaceJam'], linkedin: [] } }, 'github'],
  ])('%s looks like Tyler Neely', (_what, over, by) => {
    expect(lookAlike(draft(over), [tyler])).toMatchObject({ person: tyler, by });
  });

  it('someone else looks like no one (positive control: the same check finds Tyler)', () => {
    expect(lookAlike(draft({ name: 'Tyler Nelson' }), [tyler])).toBeUndefined();
    expect(lookAlike(draft({ name: 'Tyler Neely' }), [tyler])?.by).toBe('name');
  });

  it('folds homoglyphs, invisibles and case, and nothing else', () => {
    expect(skeleton('Tуlеr\u200D Nееly')).toBe(skeleton('tyler neely'));
    expect(skeleton('Tyler Neely')).not.toBe(skeleton('Tyler Neelx'));
  });

  it.each([
    ['Tyler\u200BNeely', 'TylerNeely'],
    ['Eve\u202Egnp.exe', 'Evegnp.exe'],
    ['Ada\u200E Lovelace\u2066', 'Ada Lovelace'],
    ['Ty\u200Dler', 'Tyler'],
    ['Ada 👩\u200D💻', 'Ada 👩\u200D💻'],
    ['می\u200Cخواهم', 'می\u200Cخواهم'],
  ])('keeps invisibles out of %j, but not the joiners a script or an emoji needs', (name, kept) => {
    expect(withoutInvisibles(name)).toBe(kept);
  });
});
