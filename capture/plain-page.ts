/**
 * What every page has, for a page that says nothing structured about a person
 * (no JSON-LD Person, no h-card, no rel="me"): most personal sites, speaker
 * pages and lab pages. Runs in the page; reads only; bounded.
 *
 *   names   <h1> (the first in <main>), <title>, og:title, twitter:title,
 *           og:site_name, meta author, the header's home link
 *   one person   a name-like <h1> that <title>, og: or the site's name agree
 *                with; or an "About" <h1> on a site named after a person; or
 *                the one name-like <h1> of a page titled only "Home" that
 *                links their accounts
 *   many people  no such name, and the page shows several people (two GitHub
 *                or LinkedIn profiles, or three cards of photo + name)
 *   an article   a dated post whose heading is not a name: its author wrote
 *                it, it is not about them
 *   fields  headline: the first short paragraph under the name;
 *           bio: the paragraphs after it, up to the next heading;
 *           links: GitHub, LinkedIn, Mastodon, Bluesky and mailto: in the
 *           main column (the whole page only on a site that is theirs, whose
 *           header and footer links are their own, not a conference's)
 *
 * A name must look like one (words that start with a capital or a letter of
 * a script without case, no digits, no sentence punctuation, none of the
 * words that name a page or a topic), so "Leek soup" and "Ten tips for
 * faster builds" are nobody.
 */
import { fold } from '../text/fold';
import {
  absoluteUrl,
  blockText,
  MAX_ITEMS,
  mailtoAddress,
  metaContent,
  oneLine as oneRawLine,
} from './dom';
import { withoutInvisibles } from './look-alike';
import type { ReadLink, Source, Sourced } from './reading';
import { socialAccount } from './social';

/** One line of text without the invisible characters a name must not hide behind. */
const oneLine = (text: string | null | undefined) => withoutInvisibles(oneRawLine(text));

/** Words that name a page, not a person: "About me | Jane Doe" is Jane Doe. */
export const PAGE_WORDS =
  /^(?:about(?: me| us)?|who ?am ?i|whoami|home(?:page)?|blog|contact|cv|resume|résumé|portfolio|welcome|index|me|hello|hi)$/i;

/** Headings of a page about its site's person: "About", "Hi!", "Résumé" (not "Blog" or "Contact"). */
const ABOUT_WORDS =
  /^(?:about(?: me)?|who ?am ?i|whoami|home(?:page)?|cv|resume|résumé|me|bio|hello|hi|welcome)$/i;

// i18n-ignore-start: word lists the reader matches against headings, never shown
/** Words that are never part of a person's name as pages write headings. */
const NOT_NAME_WORDS = new Set(
  (
    'a an the and or of for to in on at by with from into about how why what when where who my our your ' +
    'their his her its this that these those is are was we you it not no new notes blog posts post team ' +
    'people staff speakers speaker members our us home page news tips guide projects talks work writing ' +
    'research publications contact welcome hello hi soup recipe recipes day week'
  ).split(' '),
);
/** Lower-case particles that do belong to names: "Ludwig van Beethoven", "María de la Cruz". */
const PARTICLES = new Set(
  'van von der den de da di du del della la le bin ibn al el y e zu ten ter dos das do'.split(' '),
);
// i18n-ignore-end

/** Whether a short text reads as a person's name. */
export function looksLikeName(text: string | undefined): boolean {
  if (!text) return false;
  const line = oneLine(text);
  if (line.length < 2 || line.length > 70 || PAGE_WORDS.test(line)) return false;
  if (/[\d?!:;@#/\\|()[\]{}"“”<>=+*&%_~^]/.test(line)) return false;
  const words = line.split(' ');
  if (words.length > 6) return false;
  return words.every((word) => {
    const bare = word.replace(/[,.’']+$/, '');
    if (bare === '') return false;
    if (NOT_NAME_WORDS.has(bare.toLowerCase())) return false;
    if (PARTICLES.has(bare)) return words.length > 1;
    // Capitalised, an initial ("J."), or a letter of a script without case (中, ع, क).
    return /^(?:\p{Lu}|\p{Lt}|\p{Lo})[\p{L}\p{M}’'.-]*$/u.test(bare);
  });
}

/** The parts of a title that could be a name: "About — Jane Doe" → ["Jane Doe"]. */
export function titleNames(title: string | undefined): string[] {
  return oneLine(title)
    .replace(/^(?:hi|hello|hey)[,!.]?\s+(?:i['’]m|i am)\s+/i, '')
    .split(/\s+[|–—·:•»/-]\s+/)
    .map((part) => part.replace(/[.!]+$/, '').trim())
    .filter((part) => part !== '' && !PAGE_WORDS.test(part))
    .slice(0, 6);
}

/** The person a title or heading names: "About — Jane Doe" → "Jane Doe", "Hi, I'm Jane" → "Jane". */
export function nameFromTitle(title: string): string | undefined {
  return titleNames(title)[0];
}

const folded = (text: string) => fold(text).replace(/\s+/g, ' ').trim();
const same = (a: string | undefined, b: string | undefined) =>
  !!a && !!b && folded(a) === folded(b);
/** The same name, or one with what follows a comma or a bracket: "Jane Doe" and "Jane Doe, PhD". */
const agrees = (a: string | undefined, b: string | undefined) => {
  if (!a || !b) return false;
  const [x, y] = [folded(a), folded(b)];
  const extends_ = (long: string, short: string) =>
    long.startsWith(`${short},`) || long.startsWith(`${short} (`);
  return x === y || extends_(x, y) || extends_(y, x);
};

/** The page's main column: <main>, else role=main, else the body. */
function mainRegion(doc: Document): Element | null {
  return doc.querySelector('main, [role="main"]') ?? doc.body;
}

/** Elements of a kind that come after `after` in the document, at most `max`. */
function following(root: Element, selector: string, after: Element, max = 200): Element[] {
  return [...root.querySelectorAll(selector)]
    .slice(0, max)
    .filter((element) => (after.compareDocumentPosition(element) & 4) /* FOLLOWING */ !== 0);
}

const HEADING = /^H[1-6]$/;
/** Links and text that are not the page's prose about its subject. */
const ASIDE = 'nav, header, footer, aside, form, figure, blockquote, li, [aria-hidden="true"]';

/** The share of a paragraph's text that is link text. */
function linkShare(element: Element): number {
  const text = oneLine(element.textContent).length || 1;
  let links = 0;
  for (const link of [...element.querySelectorAll('a')].slice(0, 50))
    links += oneLine(link.textContent).length;
  return links / text;
}

const HEADLINE_MAX = 160;
const BIO_MAX = 1200;

/** The first short paragraph under the name, and the paragraphs after it up to the next heading. */
function prose(region: Element, h1: Element): { headline?: string; bio?: string } {
  const paragraphs: string[] = [];
  let headline: string | undefined;
  let length = 0;
  for (const element of following(region, 'p, h1, h2, h3, h4, h5, h6', h1)) {
    if (HEADING.test(element.nodeName)) {
      if (paragraphs.length > 0 || headline) break;
      continue;
    }
    // A header, list or quote is not prose about them, unless it holds the name (a hero header).
    const aside = element.closest(ASIDE);
    if (aside && !aside.contains(h1)) continue;
    const text = blockText(element);
    if (text === '' || linkShare(element) > 0.5) continue;
    if (paragraphs.length === 0 && headline === undefined) {
      if (text.length <= HEADLINE_MAX && !text.includes('\n')) {
        headline = text;
        continue;
      }
    }
    if (paragraphs.length > 0 && length + text.length > BIO_MAX) break;
    paragraphs.push(text);
    length += text.length + 2;
    if (paragraphs.length >= 6) break;
  }
  return {
    ...(headline && { headline }),
    ...(paragraphs.length > 0 && { bio: paragraphs.join('\n\n') }),
  };
}

/** GitHub/LinkedIn profiles, Mastodon and Bluesky accounts: what a person links to as themselves. */
export function isAccountLink(href: string): boolean {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return false;
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const parts = url.pathname.split('/').filter(Boolean);
  if (host === 'github.com') return parts.length === 1;
  if (/(?:^|\.)linkedin\.com$/.test(host)) return parts[0] === 'in' && parts.length >= 2;
  return socialAccount(href) !== undefined;
}

/** Links in someone else's card or a comment: never the page's person's. */
const OTHERS = '.h-entry .h-card, .p-author, .u-comment, .comment, .comments, .replies';

function accountLinks(root: Element, base: string): ReadLink[] {
  const links: ReadLink[] = [];
  for (const anchor of [...root.querySelectorAll('a[href]')].slice(0, 2000)) {
    if (anchor.closest(OTHERS)) continue;
    const url = absoluteUrl(anchor.getAttribute('href'), base);
    if (!url || !isAccountLink(url)) continue;
    const label = oneLine(anchor.textContent);
    links.push(
      label && label.length <= 40
        ? { url, label, source: 'page-link' }
        : { url, source: 'page-link' },
    );
    if (links.length >= MAX_ITEMS) break;
  }
  return links;
}

/** A profile link's site and handle, to count distinct people: `github:ada`, `linkedin:ada-l`. */
function accountKey(url: string): string | undefined {
  const parsed = new URL(url);
  const host = parsed.hostname.toLowerCase().replace(/^www\./, '');
  const parts = parsed.pathname.split('/').filter(Boolean);
  if (host === 'github.com') return `github:${(parts[0] ?? '').toLowerCase()}`;
  if (host.endsWith('linkedin.com')) return `linkedin:${(parts[1] ?? '').toLowerCase()}`;
  return undefined;
}

/** Repeated cards of photo + name-like heading: a team page's people. */
function personCards(region: Element): string[] {
  const names: string[] = [];
  for (const heading of [...region.querySelectorAll('h2, h3, h4, h5')].slice(0, 200)) {
    const name = oneLine(heading.textContent);
    if (!looksLikeName(name) || name.split(' ').length < 2) continue;
    const card = heading.parentElement;
    if (!card || card === region || !card.querySelector('img')) continue;
    if (card.querySelectorAll('h2, h3, h4, h5').length !== 1) continue;
    if (!names.some((known) => same(known, name))) names.push(name);
  }
  return names;
}

export interface PlainReading {
  name?: Sourced;
  headline?: Sourced;
  bio?: Sourced;
  email?: Sourced;
  /** Account links (GitHub, LinkedIn, Mastodon, Bluesky) in the main column, or the page. */
  links: ReadLink[];
  /** The site is named after the person (its header, og:site_name or title say only their name). */
  ownSite: boolean;
  /** Set when the page shows several people and names none of them as its subject. */
  many?: string[];
  /** Set when the page is a dated post whose heading is not a name; the author, if named, and where. */
  article?: { author?: string; source?: Source };
}

/**
 * The page's plain reading. `known`: a name structured data already gave
 * (an h-card in the footer), which the page's own words then agree with.
 */
export function readPlainPage(doc: Document, url: URL, known?: string): PlainReading {
  const region = mainRegion(doc);
  const h1 = region?.querySelector('h1') ?? doc.querySelector('h1');
  const h1Text = oneLine(h1?.textContent);
  const h1Name = titleNames(h1Text).find(looksLikeName);
  const aboutHeading =
    h1 === null || h1Text === '' || ABOUT_WORDS.test(h1Text.replace(/[.!]+$/, ''));
  const title = titleNames(doc.title);
  const ogTitle = titleNames(metaContent(doc, 'og:title'));
  const twitterTitle = titleNames(metaContent(doc, 'twitter:title'));
  const siteName = oneLine(metaContent(doc, 'og:site_name'));
  const author = oneLine(metaContent(doc, 'author'));
  const brand = oneLine(
    doc.querySelector('header a[href="/"], .site-title, .logo a, a[rel="home"]')?.textContent,
  );
  const vouchers = [...title, ...ogTitle, ...twitterTitle, siteName, author, brand, known ?? ''];

  let name: Sourced | undefined;
  if (known) name = undefined;
  else if (h1Name && vouchers.some((other) => agrees(other, h1Name)))
    name = { value: h1Name, source: 'h1' };
  else if (aboutHeading) {
    const fromTitle = title.find(looksLikeName);
    const fromOg = ogTitle.find(looksLikeName);
    if (fromTitle && (title.length === 1 || same(fromTitle, siteName) || same(fromTitle, brand)))
      name = { value: fromTitle, source: 'title' };
    else if (fromOg && (same(fromOg, siteName) || same(fromOg, brand)))
      name = { value: fromOg, source: 'og' };
    else if (
      looksLikeName(siteName) &&
      (same(siteName, brand) || title.some((p) => same(p, siteName)))
    )
      name = { value: siteName, source: 'og' };
  } else if (
    h1Name &&
    title.length === 0 &&
    region &&
    doc.querySelectorAll('h1').length === 1 &&
    accountLinks(region, url.href).length > 0
  ) {
    // A page titled only "Home" whose one heading is a name and that links their accounts.
    name = { value: h1Name, source: 'h1' };
  }
  const person = known ?? name?.value;
  const ownSite =
    person !== undefined &&
    (same(siteName, person) ||
      same(brand, person) ||
      title.every((part) => same(part, person)) ||
      (aboutHeading && title.some((part) => same(part, person))));

  // Links: the main column's; the whole page's only on the person's own site.
  let links = region ? accountLinks(region, url.href) : [];
  if (ownSite) {
    const all = accountLinks(doc.documentElement, url.href);
    const sites = new Set(
      links.map((link) => accountKey(link.url) ?? socialAccount(link.url)?.network),
    );
    links = [
      ...links,
      ...all.filter(
        (link) =>
          !links.some((own) => own.url === link.url) &&
          !sites.has(accountKey(link.url)?.split(':')[0] ?? socialAccount(link.url)?.network),
      ),
    ];
  }
  // Email: the main column's, or on their own site anywhere (a footer's "Contact me").
  const mail = [...(ownSite ? doc : (region ?? doc)).querySelectorAll('a[href^="mailto:" i]')]
    .filter((anchor) => !anchor.closest(OTHERS))
    .map((anchor) => mailtoAddress(anchor.getAttribute('href')))
    .find(Boolean);

  const reading: PlainReading = { links, ownSite };
  if (mail) reading.email = { value: mail, source: 'page-link' };
  if (person === undefined) {
    const distinct = new Set(
      (region ? accountLinks(region, url.href) : [])
        .map((link) => accountKey(link.url))
        .filter(Boolean),
    );
    const github = [...distinct].filter((key) => key?.startsWith('github:')).length;
    const linkedin = [...distinct].filter((key) => key?.startsWith('linkedin:')).length;
    const cards = region ? personCards(region) : [];
    const published =
      metaContent(doc, 'article:published_time') !== '' ||
      doc.querySelector('article time[datetime], time.dt-published, [itemprop="datePublished"]') !==
        null;
    if (published && h1 && !aboutHeading) {
      const byline = oneLine(
        doc.querySelector('[rel="author"]:not(a[href="/"]), .p-author, [itemprop="author"]')
          ?.textContent,
      );
      reading.article = looksLikeName(author)
        ? { author, source: 'meta-author' }
        : looksLikeName(byline)
          ? { author: byline, source: 'byline' }
          : {};
    } else if (cards.length >= 3 || github >= 2 || linkedin >= 2) {
      reading.many = cards.length >= 2 ? cards : [];
    }
    return reading;
  }
  if (name) reading.name = name;
  if (h1 && region) {
    const { headline, bio } = prose(region, h1);
    if (headline) reading.headline = { value: headline, source: 'paragraph' };
    if (bio) reading.bio = { value: bio, source: 'paragraph' };
  }
  if (!reading.bio) {
    const description =
      metaContent(doc, 'description') ||
      metaContent(doc, 'og:description') ||
      metaContent(doc, 'twitter:description');
    if (description) reading.bio = { value: description, source: 'meta-description' };
  }
  return reading;
}
