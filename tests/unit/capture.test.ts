/**
 * Keeping a person from their page: every extractor, every field, on
 * fixtures written from the markup facts in docs/pages.md.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CaptureResult, capturePerson, readPage } from '../../capture';
import { splitLinkedinTitle } from '../../capture/linkedin-profile';
import { nameFromTitle } from '../../capture/personal-site';
import type { Profile } from '../../people/schema';
import { validateProfile } from '../../people/validate';

const dir = join(import.meta.dirname, 'fixtures/capture');
const html = (file: string) => readFileSync(join(dir, file), 'utf8');
const parse = (source: string) => new DOMParser().parseFromString(source, 'text/html');

const MIRA_SLUG = 'mira-kovačević-4821';
const MIRA_ENCODED = 'mira-kova%C4%8Devi%C4%87-4821';
const MIRA_ID = 'ACoAABx7rQ0BkLmNoPqRsTuVwXyZ12345678';
const GITHUB = 'https://github.com/mirak';
const SIGNED_IN = `https://www.linkedin.com/in/${MIRA_ENCODED}/`;
const SIGNED_OUT = `https://hr.linkedin.com/in/${MIRA_ENCODED}`;

type Kept = Extract<CaptureResult, { ok: true }>;
function kept(result: CaptureResult): Kept {
  if (!result.ok) throw new Error(`expected a draft, got: ${result.message}`);
  // Every draft offered is a valid profile.
  expect(validateProfile(result.draft)).toEqual({ ok: true, value: result.draft });
  return result;
}
const keep = (file: string, url: string, taken?: Set<string>) =>
  kept(capturePerson(parse(html(file)), url, taken ? { takenIds: taken } : {}));
function refused(result: CaptureResult) {
  if (result.ok) throw new Error(`expected a refusal, got ${result.draft.name}`);
  return result;
}

describe('a GitHub profile', () => {
  const { draft, sources, notes } = keep('github-profile.html', GITHUB);

  it('reads name, login, bio, company, location, email and website from the microdata', () => {
    expect(draft).toMatchObject({
      id: 'mira-kovacevic',
      name: 'Mira Kovačević',
      bio: 'Distributed systems, storage engines,\nand the occasional compiler. <3 Rust.',
      location: 'Zagreb, Croatia',
      contact: { email: 'mira@kovacevic.example', website: 'https://kovacevic.example/' },
    });
    expect(draft.identities.github).toEqual(['mirak']);
    expect(sources).toMatchObject({
      name: 'microdata',
      bio: 'microdata',
      location: 'microdata',
      'contact.email': 'microdata',
      'contact.website': 'microdata',
      'identities.github.0': 'microdata',
    });
  });

  it('takes the headline from the first sentence they wrote, not the organisation, and says so', () => {
    expect(draft.headline).toBe(
      'Distributed systems, storage engines, and the occasional compiler.',
    );
    expect(notes).toContainEqual({
      field: 'headline',
      action: 'filled',
      detail: 'the bio’s first sentence stands in',
    });
    // Without a bio, where they work stands in.
    const doc = parse(html('github-profile.html'));
    doc.querySelector('.user-profile-bio')?.remove();
    const bare = kept(capturePerson(doc, GITHUB));
    expect(bare.draft.headline).toBe('@ferrous-labs');
    expect(bare.notes).toContainEqual({
      field: 'headline',
      action: 'filled',
      detail: 'the page gives no headline; where they work stands in',
    });
  });

  it('turns the LinkedIn social link into their LinkedIn identity, other socials into links', () => {
    expect(draft.identities.linkedin).toEqual([MIRA_SLUG]);
    expect(sources['identities.linkedin.0']).toBe('microdata');
    expect(draft.contact.links).toEqual([
      { label: '@mirak@hachyderm.io', url: 'https://hachyderm.io/@mirak' },
      { label: 'X', url: 'https://twitter.com/mira_k' },
    ]);
  });

  it('ignores LinkedIn links in the free-form README', () => {
    expect(draft.identities.linkedin).not.toContain('someone-else');
  });

  it('keeps pinned repositories (any owner) and gists as projects, in order', () => {
    expect(draft.projects).toEqual([
      {
        name: 'tidewater',
        description: 'A log-structured storage engine with crash-consistent snapshots.',
        url: 'https://github.com/mirak/tidewater',
        repo: 'mirak/tidewater',
      },
      {
        name: 'sable',
        description: 'Raft, but boring on purpose.',
        url: 'https://github.com/ferrous-labs/sable',
        repo: 'ferrous-labs/sable',
      },
      {
        // No description on the page: none made up (issue 24).
        name: 'crdt-playground',
        url: 'https://github.com/mirak/crdt-playground',
        repo: 'mirak/crdt-playground',
      },
      {
        name: 'fsync-notes.md',
        description: 'What fsync does and does not promise, per file system.',
        url: 'https://gist.github.com/mirak/5d1f0c3e9b2a4f6e8d7c',
      },
    ]);
    expect(sources['projects.0']).toBe('pinned-items');
    expect(notes.filter((note) => note.field.startsWith('projects.'))).toEqual([]);
  });

  it('reads the profile on any tab and in any case of the login', () => {
    const result = keep('github-profile.html', 'https://github.com/MiraK?tab=repositories');
    expect(result.draft.identities.github).toEqual(['mirak']);
  });

  it('falls back to og:title, then the login, for the name', () => {
    const doc = parse(html('github-profile.html'));
    doc.querySelector('[itemprop="name"]')?.remove();
    expect(kept(capturePerson(doc, GITHUB)).draft.name).toBe('Mira Kovačević');
    expect(kept(capturePerson(doc, GITHUB)).sources.name).toBe('og');
    doc.querySelector('meta[property="og:title"]')?.remove();
    const bare = kept(capturePerson(doc, GITHUB));
    expect(bare.draft.name).toBe('mirak');
    expect(bare.sources.name).toBe('url');
  });

  it('gives the draft an id no one has', () => {
    const taken = new Set(['mira-kovacevic', 'mira-kovacevic-2']);
    expect(keep('github-profile.html', GITHUB, taken).draft.id).toBe('mira-kovacevic-3');
  });

  it('refuses an organisation, with a message', () => {
    const result = refused(
      capturePerson(parse(html('github-organisation.html')), 'https://github.com/ferrous-labs'),
    );
    expect(result).toEqual({
      ok: false,
      reason: 'organisation',
      message: 'github.com/ferrous-labs is an organisation, not a person; only people can be kept.',
    });
    // Positive control: the same reader keeps a person.
    expect(capturePerson(parse(html('github-profile.html')), GITHUB).ok).toBe(true);
  });

  it('says a page with no profile on it shows no person', () => {
    const notFound = parse('<title>Page not found · GitHub</title><h1>404</h1>');
    expect(refused(capturePerson(notFound, 'https://github.com/nobody-here'))).toMatchObject({
      reason: 'no-person',
    });
  });

  it.each([
    ['a repository', 'https://github.com/mirak/tidewater'],
    ['an issue', 'https://github.com/mirak/tidewater/issues/1'],
    ['a reserved page', 'https://github.com/settings/profile'],
    ['a commit list by author', 'https://github.com/mirak/tidewater/commits?author=mirak'],
    ['a gist', 'https://gist.github.com/mirak/5d1f0c3e9b2a4f6e8d7c'],
  ])('does not read %s as a profile', (_label, url) => {
    expect(refused(capturePerson(parse(html('github-profile.html')), url)).reason).toBe(
      'not-profile-page',
    );
  });
});

describe('a LinkedIn profile, signed in', () => {
  const { draft, sources } = keep('linkedin-signed-in.html', SIGNED_IN);

  it('takes the name from the h1 that agrees with the title', () => {
    expect(draft.name).toBe('Mira Kovačević');
    expect(sources.name).toBe('h1');
  });

  it("takes the headline from the profile's own embedded record, not the viewer's", () => {
    expect(draft.headline).toBe(
      'Distributed systems engineer at Ferrous Labs · Rust · Storage engines',
    );
    expect(sources.headline).toBe('embedded-json');
  });

  it('keeps the slug and the member id tied to it, and no one else’s id', () => {
    expect(draft.identities.linkedin).toEqual([MIRA_SLUG, MIRA_ID]);
    expect(sources['identities.linkedin.0']).toBe('url');
    expect(sources['identities.linkedin.1']).toBe('embedded-json');
  });

  it('reads the location before "Contact info" and the About section', () => {
    expect(draft.location).toBe('Zagreb, City of Zagreb, Croatia');
    expect(sources.location).toBe('top-card');
    expect(draft.bio).toBe(
      'I build storage engines that survive power cuts.\nBefore that: compilers, and a year of teaching.',
    );
    expect(sources.bio).toBe('about-section');
  });

  it('without embedded data, reads the headline from the top card and the id from a link', () => {
    const doc = parse(html('linkedin-signed-in.html'));
    for (const code of doc.querySelectorAll('code')) code.remove();
    const result = kept(capturePerson(doc, SIGNED_IN));
    expect(result.draft.headline).toBe(
      'Distributed systems engineer at Ferrous Labs · Rust · Storage engines',
    );
    expect(result.sources.headline).toBe('top-card');
    expect(result.draft.identities.linkedin).toEqual([MIRA_SLUG, MIRA_ID]);
  });

  it('takes the headline the page shows under the name, not og:title’s employer', () => {
    const doc = parse(html('linkedin-signed-in.html'));
    for (const code of doc.querySelectorAll('code')) code.remove();
    doc
      .querySelector('meta[property="og:title"]')
      ?.setAttribute('content', 'Mira Kovačević - Ferrous Labs | LinkedIn');
    const result = kept(capturePerson(doc, SIGNED_IN));
    expect(result.draft.headline).toBe(
      'Distributed systems engineer at Ferrous Labs · Rust · Storage engines',
    );
    expect(result.sources.headline).toBe('top-card');
    // Positive control: without the headline line, og:title is what is left.
    const bare = parse(html('linkedin-signed-in.html'));
    for (const code of bare.querySelectorAll('code')) code.remove();
    bare.querySelector('a[href*="/overlay/contact-info"]')?.remove();
    for (const block of bare.querySelectorAll('.text-body-medium')) block.remove();
    bare
      .querySelector('meta[property="og:title"]')
      ?.setAttribute('content', 'Mira Kovačević - Ferrous Labs | LinkedIn');
    expect(kept(capturePerson(bare, SIGNED_IN)).sources.headline).toBe('og');
  });

  it('takes no member id that is not tied to the slug', () => {
    const doc = parse(html('linkedin-signed-in.html'));
    for (const code of doc.querySelectorAll('code')) code.remove();
    for (const link of doc.querySelectorAll(`a[href*="${MIRA_ENCODED}?miniProfileUrn"]`))
      link.remove();
    // Other people's ids are still on the page (people also viewed).
    expect(doc.body.innerHTML).toContain('ACoAAOther');
    expect(kept(capturePerson(doc, SIGNED_IN)).draft.identities.linkedin).toEqual([MIRA_SLUG]);
  });

  it('reads the contact-info dialog when it is open', () => {
    const doc = parse(html('linkedin-signed-in.html'));
    const dialog = parse(`<div role="dialog" aria-labelledby="h"><h2 id="h">Contact Info</h2>
      <section><h3>Mira's Profile</h3><a href="https://www.linkedin.com/in/${MIRA_ENCODED}">linkedin.com/in/${MIRA_ENCODED}</a></section>
      <section><h3>Websites</h3>
        <a href="https://kovacevic.example/">kovacevic.example</a> (Personal)
        <a href="https://github.com/mirak">github.com/mirak</a> (Portfolio)
        <a href="https://kovacevic.example/blog">kovacevic.example/blog</a> (Blog)</section>
      <section><h3>Email</h3><a href="mailto:mira@kovacevic.example">mira@kovacevic.example</a></section>
      <section><h3>Birthday</h3><span>March 3</span></section></div>`).body.firstElementChild;
    if (dialog) doc.body.append(doc.importNode(dialog, true));
    const url = `${SIGNED_IN}overlay/contact-info/`;
    const result = kept(capturePerson(doc, url));
    expect(result.draft.contact).toEqual({
      email: 'mira@kovacevic.example',
      links: [
        { label: 'kovacevic.example', url: 'https://kovacevic.example/' },
        { label: 'kovacevic.example', url: 'https://kovacevic.example/blog' },
      ],
    });
    expect(result.draft.identities.github).toEqual(['mirak']);
    expect(result.sources['contact.email']).toBe('contact-info');
    // The same dialog on the plain profile URL is not read (it is not the contact overlay).
    expect(kept(capturePerson(doc, SIGNED_IN)).draft.contact).toEqual({});
  });

  it('says nothing is shown behind a sign-up wall', () => {
    const wall = parse(
      '<title>Sign Up | LinkedIn</title><main><h1>Join LinkedIn</h1><p>Make the most of your professional life</p></main>',
    );
    expect(refused(capturePerson(wall, SIGNED_IN))).toMatchObject({ reason: 'no-person' });
  });

  it.each([`${SIGNED_IN}details/experience/`, `${SIGNED_IN}recent-activity/all/`])(
    'asks for the profile itself on %s',
    (url) => {
      expect(refused(capturePerson(parse(html('linkedin-signed-in.html')), url)).reason).toBe(
        'not-profile-page',
      );
    },
  );

  it.each(['https://www.linkedin.com/feed/', 'https://www.linkedin.com/company/ferrous-labs/'])(
    'does not read %s as a person',
    (url) => {
      expect(refused(capturePerson(parse(html('linkedin-signed-in.html')), url)).reason).toBe(
        'not-profile-page',
      );
    },
  );

  it('on a member-id URL, finds the slug that goes with the id', () => {
    const result = keep('linkedin-signed-in.html', `https://www.linkedin.com/in/${MIRA_ID}/`);
    expect(result.draft.identities.linkedin).toEqual([MIRA_SLUG, MIRA_ID]);
  });
});

describe('a LinkedIn profile, signed out', () => {
  const { draft, sources } = keep('linkedin-signed-out.html', SIGNED_OUT);

  it('reads the JSON-LD Person whose URL is this profile, not the others in the graph', () => {
    expect(draft).toMatchObject({
      name: 'Mira Kovačević',
      headline: 'Distributed systems engineer at Ferrous Labs',
      bio: 'I build storage engines that survive power cuts. Before that: compilers, and a year of teaching.',
      location: 'Zagreb',
      identities: { github: [], linkedin: [MIRA_SLUG] },
      contact: {},
    });
    expect(sources).toMatchObject({
      name: 'json-ld',
      headline: 'title',
      bio: 'json-ld',
      location: 'json-ld',
      'identities.linkedin.0': 'url',
    });
  });

  it('falls back to the JSON-LD job title and employer when the title has no headline', () => {
    const doc = parse(html('linkedin-signed-out.html'));
    doc.title = 'Mira Kovačević | LinkedIn';
    for (const meta of doc.querySelectorAll('meta[property="og:title"]')) meta.remove();
    const result = kept(capturePerson(doc, SIGNED_OUT));
    expect(result.draft.headline).toBe('Distributed systems engineer at Ferrous Labs');
    expect(result.sources.headline).toBe('json-ld');
  });
});

describe('splitLinkedinTitle', () => {
  it.each([
    ['(3) Ada Lovelace | LinkedIn', undefined, { name: 'Ada Lovelace' }],
    ['(99+) Ada Lovelace | LinkedIn', undefined, { name: 'Ada Lovelace' }],
    [
      'Ada Lovelace - Analyst at Babbage & Co | LinkedIn',
      undefined,
      { name: 'Ada Lovelace', headline: 'Analyst at Babbage & Co' },
    ],
    [
      'Jean - Luc Picard - Captain | LinkedIn',
      'Jean - Luc Picard',
      { name: 'Jean - Luc Picard', headline: 'Captain' },
    ],
    ['Experience | Ada Lovelace | LinkedIn', undefined, {}],
    ['Ada Lovelace', undefined, {}],
    ['LinkedIn', undefined, {}],
  ])('%j', (title, known, expected) => {
    expect(splitLinkedinTitle(title, known)).toEqual(expected);
  });
});

describe('a personal site', () => {
  it('reads an h-card: name, note, job title at org, locality, email, URLs', () => {
    const { draft, sources, notes } = keep('about-h-card.html', 'https://jonas.example/about/');
    expect(draft).toEqual({
      id: 'jonas-lindqvist',
      name: 'Jonas Lindqvist',
      headline: 'Database engineer at Northwind Data',
      bio: 'I write query planners for a living and bicycle wheels for fun.\n\nAsk me about cost models & cache misses.',
      location: 'Malmö, Sweden',
      projects: [],
      contact: {
        email: 'jonas@jonas.example',
        website: 'https://jonas.example/',
        links: [{ label: '@jonasl@fosstodon.org', url: 'https://fosstodon.org/@jonasl' }],
      },
      identities: { github: ['jlindqvist'], linkedin: ['jonas-lindqvist-se'] },
    } satisfies Profile);
    expect(sources).toMatchObject({
      name: 'h-card',
      bio: 'h-card',
      'identities.github.0': 'h-card',
    });
    // The javascript: URL in the card is dropped, and the draft says why.
    expect(notes).toContainEqual({
      field: 'contact.links.0.url',
      action: 'dropped',
      detail: '"javascript:alert(document.cookie)" is not an http(s) URL',
    });
  });

  it("does not take a commenter's h-card for the author's", () => {
    const { draft } = keep('about-h-card.html', 'https://jonas.example/about/');
    expect(draft.identities.github).not.toContain('someone-else');
  });

  it("reads a profile page's JSON-LD Person: mailto: email, sameAs, HTML in the description", () => {
    const { draft, sources, notes } = keep('about-json-ld.html', 'https://priya.example/about');
    expect(draft).toEqual({
      id: 'priya-raman',
      name: 'Priya Raman',
      headline: 'Compiler engineer at Lumen Systems',
      bio: 'I work on register allocation & instruction selection.\nPreviously: GPU drivers.',
      location: 'Edinburgh',
      projects: [],
      contact: {
        email: 'priya@priya.example',
        website: 'https://priya.example/',
        links: [{ label: 'twitter.com', url: 'https://twitter.com/priya_codes' }],
      },
      identities: { github: ['priyaraman'], linkedin: ['priya-raman-compilers'] },
    } satisfies Profile);
    expect(sources).toMatchObject({ name: 'json-ld', 'contact.email': 'json-ld' });
    expect(notes.map((note) => note.action)).toEqual(['dropped']);
  });

  it('with only rel="me" links, names the person from the title and keeps the page as the website', () => {
    const { draft, sources, notes } = keep('about-rel-me.html', 'https://sam.example/');
    expect(draft).toMatchObject({
      name: 'Sam Rivera',
      contact: {
        website: 'https://sam.example/',
        links: [{ label: '@samr@mastodon.social', url: 'https://mastodon.social/@samr' }],
      },
      identities: { github: ['samrivera'], linkedin: ['sam-rivera-📊'] },
    });
    expect(sources).toMatchObject({
      name: 'title',
      'contact.website': 'url',
      'identities.github.0': 'rel-me',
    });
    // The short paragraph under the name is the headline; no bio on the page: said so.
    expect(draft.headline).toBe('I make small tools for big spreadsheets.');
    expect(sources.headline).toBe('paragraph');
    expect(notes.map((note) => `${note.field} ${note.action}`)).toEqual(['bio filled']);
  });

  it("takes a bare h-card's text as its name (mf2's implied name)", () => {
    const doc = parse(
      '<p>Written by <a class="h-card" href="https://ivy.example/">Ivy Implied</a></p>',
    );
    const { draft, sources } = kept(capturePerson(doc, 'https://ivy.example/post/1'));
    expect(draft).toMatchObject({
      name: 'Ivy Implied',
      contact: { website: 'https://ivy.example/' },
    });
    expect(sources.name).toBe('h-card');
    // Positive control: a card with properties is named by p-name, not by all its text.
    const named = parse(
      '<div class="h-card"><span class="p-name">Ivy</span> <span class="p-note">Writes.</span></div>',
    );
    expect(kept(capturePerson(named, 'https://ivy.example/')).draft.name).toBe('Ivy');
  });

  it('falls back through author meta, og:title, title and h1 for the name', () => {
    const page = (head: string, body = '') =>
      parse(
        `<html><head>${head}</head><body>${body}<a rel="me" href="https://github.com/x1">me</a></body></html>`,
      );
    const nameOf = (doc: Document) => kept(capturePerson(doc, 'https://x.example/')).draft.name;
    expect(nameOf(page('<meta name="author" content="Ann Author"><title>Blog</title>'))).toBe(
      'Ann Author',
    );
    expect(nameOf(page('<meta property="og:title" content="Olga Og"><title>T</title>'))).toBe(
      'Olga Og',
    );
    expect(nameOf(page('<title>About me | Tia Title</title>'))).toBe('Tia Title');
    expect(nameOf(page('', '<h1>Hello, I am Hana Heading!</h1>'))).toBe('Hana Heading');
  });

  it('says in plain words that a page with no person on it names no one, and offers the page', () => {
    const article = parse(
      '<title>Ten tips for faster builds</title><h1>Ten tips</h1><p>By the team.</p><a href="https://github.com/x1">repo</a>',
    );
    expect(refused(capturePerson(article, 'https://blog.example/tips'))).toEqual({
      ok: false,
      reason: 'no-person',
      message:
        'Profile Card found no one’s name on this page, so it can’t fill in a card by itself.',
      byHand: { website: 'https://blog.example/tips' },
    });
  });
});

describe('nameFromTitle', () => {
  it.each([
    ['Jane Doe', 'Jane Doe'],
    ['About — Jane Doe', 'Jane Doe'],
    ['Jane Doe · Home', 'Jane Doe'],
    ["Hi, I'm Jane Doe.", 'Jane Doe'],
    ['About', undefined],
    ['', undefined],
  ])('%j → %j', (title, name) => {
    expect(nameFromTitle(title)).toBe(name);
  });
});

describe('readPage', () => {
  it.each([
    ['about:blank'],
    ['chrome://extensions/'],
    ['file:///home/me/page.html'],
    ['not a url'],
  ])('shows no person on %s', (url) => {
    expect(readPage(parse('<title>x</title>'), url)).toMatchObject({
      ok: false,
      reason: 'no-person',
    });
  });
});
