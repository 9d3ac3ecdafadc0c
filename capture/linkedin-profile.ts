/**
 * A LinkedIn profile page (`/in/<slug>/`) → what it says about its person.
 * Runs in the page.
 *
 * LinkedIn's class names are hashed and change often, so none is a hook
 * (docs/pages.md). What is read instead, most structured first:
 * - signed out: the schema.org `Person` in the page's JSON-LD `@graph`, and
 *   the title `"<Name> - <Headline> | LinkedIn"`;
 * - signed in: the title `"(<n>) <Name> | LinkedIn"`, the top card's `h1`,
 *   the profile's own record in the embedded JSON (linkedin-embedded.ts),
 *   and the text between the `h1` and the "Contact info" link (whose `href`,
 *   `/overlay/contact-info/`, is the anchor): headline first, location last;
 * - `og:` metas; the contact-info dialog when the user has it open.
 * The headline is the line the page shows under the name (the profile's own
 * record, else the top card's first line); titles and `og:title` come after,
 * since they often carry the current employer instead.
 * A name is taken only when two of these agree or one is tied to the URL (a
 * sign-up wall also has a title and an `h1`); a field nothing vouches for is
 * left out rather than guessed.
 *
 * Real URLs:
 * https://www.linkedin.com/in/denizalti/
 * https://www.linkedin.com/in/patmesh-s/overlay/contact-info/
 * https://de.linkedin.com/in/michael-r%C3%BCffer-61125324
 */

import { t } from '../i18n/t';
import { siteOfHost } from '../identity/hosts';
import { isLinkedinMemberId, linkedinKey } from '../identity/keys';
import { parseIdentityUrl } from '../identity/parse';
import {
  absoluteUrl,
  blockText,
  firstOf,
  MAX_ITEMS,
  mailtoAddress,
  metaContent,
  multiLine,
  oneLine,
  sourced,
} from './dom';
import { isPerson, jsonLdNodes, type LdNode, ldText, ldUrls } from './json-ld';
import { readMemberRecord } from './linkedin-embedded';
import type { PageReading, ReadIdentity, ReadLink } from './reading';

/** Sub-pages (`details/…`, `recent-activity/…`) have no top card. */
function isMainProfilePage(url: URL): boolean {
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] === 'm' || parts[0] === 'mwlite') parts.shift();
  const rest = parts.slice(2);
  return (
    rest.length === 0 ||
    (rest.length === 1 && /^[a-z]{2}$/.test(rest[0] ?? '')) ||
    rest[0] === 'overlay'
  );
}

/** `"(3) Ada Lovelace | LinkedIn"` → name; `"Ada Lovelace - Analyst | LinkedIn"` → name and headline. */
export function splitLinkedinTitle(
  title: string,
  knownName?: string,
): { name?: string; headline?: string } {
  const line = oneLine(title);
  if (!/\s\|\s*LinkedIn$/i.test(line)) return {};
  const bare = line.replace(/^\(\d+\+?\)\s*/, '').replace(/\s*\|\s*LinkedIn$/i, '');
  if (bare === '' || bare.includes(' | ')) return {};
  if (knownName && bare.startsWith(`${knownName} - `))
    return { name: knownName, headline: bare.slice(knownName.length + 3).trim() || undefined };
  const dash = bare.indexOf(' - ');
  if (dash < 0) return { name: bare };
  return { name: bare.slice(0, dash).trim(), headline: bare.slice(dash + 3).trim() || undefined };
}

/** The JSON-LD `Person` whose `url` or `sameAs` is this profile. */
function ownPerson(doc: Document, handle: string): LdNode | undefined {
  const key = linkedinKey(handle);
  return jsonLdNodes(doc)
    .filter(isPerson)
    .find((node) =>
      [...ldUrls(node.url), ...ldUrls(node.sameAs)].some(
        (url) => parseIdentityUrl(url)?.key === key,
      ),
    );
}

const SKIPPED = 'a, button, svg, script, style, template, [hidden], [aria-hidden="true"], h1';
/** Pronouns ("She/Her"), connection degrees ("· 1st"), lone separators. */
const NOT_A_FIELD = /^(?:[·•|]|\(?\s*\p{L}+\s*\/\s*\p{L}+\s*\)?|(?:·\s*)?(?:1st|2nd|3rd\+?))$/u;

/** Text blocks after the top card's `h1`, up to the "Contact info" link. */
function topCardBlocks(doc: Document, h1: Element): { blocks: string[]; bounded: boolean } {
  const card = h1.closest('section') ?? h1.parentElement?.parentElement?.parentElement;
  if (!card) return { blocks: [], bounded: false };
  const end = card.querySelector('a[href*="/overlay/contact-info"]');
  const texts = new Map<Element, string>();
  const walker = doc.createTreeWalker(card, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest(SKIPPED)) continue;
    if (!((h1.compareDocumentPosition(node) & 4) /* FOLLOWING */)) continue;
    if (end && !((end.compareDocumentPosition(node) & 2) /* PRECEDING */)) break;
    const text = oneLine(node.textContent);
    if (text) texts.set(parent, oneLine(`${texts.get(parent) ?? ''} ${text}`));
    if (texts.size > 20) break;
  }
  const blocks = [...texts.values()].filter((text) => !NOT_A_FIELD.test(text));
  return { blocks, bounded: end !== null };
}

/** The "About" section's text, found by its `#about` anchor. */
function aboutText(doc: Document): string {
  const section = doc.getElementById('about')?.closest('section');
  if (!section) return '';
  // LinkedIn writes the text twice (one copy `aria-hidden`, one for screen
  // readers): the longest innermost block outside headings and buttons is it.
  let longest = '';
  for (const element of section.querySelectorAll('span, p')) {
    if (element.closest(SKIPPED) || element.querySelector('div, p, span')) continue;
    const text = blockText(element);
    if (text.length > longest.length) longest = text;
  }
  return longest;
}

/** Email and websites from the contact-info dialog, when its URL says it is open. */
function contactInfo(doc: Document, url: URL): { email?: string; links: ReadLink[] } {
  if (!/\/overlay\/contact-info\/?$/.test(url.pathname)) return { links: [] };
  const dialog = doc.querySelector('[role="dialog"]');
  if (!dialog) return { links: [] };
  const email = mailtoAddress(dialog.querySelector('a[href^="mailto:"]')?.getAttribute('href'));
  const links: ReadLink[] = [];
  for (const anchor of [...dialog.querySelectorAll('a[href]')].slice(0, MAX_ITEMS)) {
    const href = absoluteUrl(anchor.getAttribute('href'), url.href);
    if (!href || !/^https?:/.test(href) || siteOfHost(new URL(href).hostname) === 'linkedin')
      continue;
    links.push({ url: href, source: 'contact-info' });
  }
  return email ? { email, links } : { links };
}

export function readLinkedinProfile(doc: Document, url: URL, handle: string): PageReading {
  if (!isMainProfilePage(url)) {
    return {
      ok: false,
      reason: 'not-profile-page',
      message: t('capture_linkedin_subpage', handle),
    };
  }
  const person = ownPerson(doc, handle);
  const record = readMemberRecord(doc, handle, url.href);
  const recordName = oneLine(`${record.firstName ?? ''} ${record.lastName ?? ''}`);
  const personName = oneLine(ldText(person?.name));
  const title = splitLinkedinTitle(doc.title, personName || recordName || undefined);
  const expected = title.name ?? recordName;
  const h1 = expected
    ? [...doc.querySelectorAll('h1')].find((element) => oneLine(element.textContent) === expected)
    : undefined;

  // Vouched-for names only: tied to the URL (JSON-LD, embedded record) or the h1 agreeing with the title.
  const name = firstOf(
    sourced(personName, 'json-ld'),
    h1 ? sourced(oneLine(h1.textContent), 'h1') : undefined,
    sourced(recordName, 'embedded-json'),
  );
  if (!name) {
    return {
      ok: false,
      reason: 'no-person',
      message: t('capture_linkedin_not_yet'),
    };
  }

  const og = splitLinkedinTitle(metaContent(doc, 'og:title'), name.value);
  const card = h1 ? topCardBlocks(doc, h1) : { blocks: [], bounded: false };
  const jobTitle = ldText(person?.jobTitle);
  const worksFor = ldText(person?.worksFor);
  const address = person?.address as LdNode | undefined;
  const contact = contactInfo(doc, url);

  // The line the page shows under the name is the headline; the titles often
  // carry the current employer instead ("Name - Company | LinkedIn").
  const headline = firstOf(
    sourced(record.headline, 'embedded-json'),
    card.bounded ? sourced(card.blocks[0], 'top-card') : undefined,
    title.name === name.value ? sourced(title.headline, 'title') : undefined,
    sourced(jobTitle && worksFor ? `${jobTitle} at ${worksFor}` : jobTitle, 'json-ld'),
    og.name === name.value ? sourced(og.headline, 'og') : undefined,
    sourced(card.blocks[0], 'top-card'),
  );
  const location = firstOf(
    sourced(ldText(address?.addressLocality), 'json-ld'),
    sourced(record.location, 'embedded-json'),
    card.bounded && card.blocks.length >= 2 ? sourced(card.blocks.at(-1), 'top-card') : undefined,
  );
  const bio = firstOf(
    sourced(multiLine(ldText(person?.description)), 'json-ld'),
    sourced(multiLine(record.summary), 'embedded-json'),
    sourced(aboutText(doc), 'about-section'),
  );

  const identities: ReadIdentity[] = [];
  if (isLinkedinMemberId(handle) && record.slug)
    identities.push({ site: 'linkedin', handle: record.slug, source: 'embedded-json' });
  identities.push({ site: 'linkedin', handle, source: 'url' });
  if (record.memberId && record.memberId !== handle)
    identities.push({ site: 'linkedin', handle: record.memberId, source: 'embedded-json' });

  const sameAs: ReadLink[] = ldUrls(person?.sameAs).map((link) => ({
    url: link,
    source: 'json-ld',
  }));
  return {
    ok: true,
    person: {
      page: 'linkedin-profile',
      url: url.href.split('#')[0] ?? url.href,
      name,
      ...(headline && { headline }),
      ...(bio && { bio }),
      ...(worksFor && { company: { value: worksFor, source: 'json-ld' as const } }),
      ...(location && { location }),
      ...(contact.email && { email: { value: contact.email, source: 'contact-info' as const } }),
      identities,
      links: [...contact.links, ...sameAs],
      projects: [],
    },
  };
}
