/**
 * A personal site or about page → what it says about its author. Runs in the
 * page. Sources, most structured first (docs/pages.md): a schema.org `Person`
 * in JSON-LD, the representative microformats2 `h-card`, `rel="me"` links
 * (https://microformats.org/wiki/rel-me; those to GitHub or LinkedIn become
 * identities later, in draft.ts), then `meta[name=author]`, `og:title`,
 * `<title>` and `<h1>` for a name. A page with none of the first four (or an
 * author meta) shows no person: every page has a title. The page's URL is
 * the website unless the person names one.
 */
import { t } from '../i18n/t';
import { parseIdentityUrl } from '../identity/parse';
import {
  absoluteUrl,
  firstOf,
  MAX_ITEMS,
  metaContent,
  multiLine,
  oneLine,
  sourced,
  textOf,
} from './dom';
import { readHCard } from './h-card';
import { isPerson, jsonLdNodes, type LdNode, ldText, ldUrls } from './json-ld';
import type { PageReading, ReadLink, Sourced } from './reading';

/** Words that name a page, not a person: "About me | Jane Doe" is Jane Doe. */
const PAGE_WORDS =
  /^(?:about(?: me)?|home(?:page)?|blog|contact|cv|resume|résumé|portfolio|welcome|index|me)$/i;

/** The person a title or heading names: "About — Jane Doe" → "Jane Doe", "Hi, I'm Jane" → "Jane". */
export function nameFromTitle(title: string): string | undefined {
  const parts = oneLine(title)
    .replace(/^(?:hi|hello|hey)[,!.]?\s+(?:i['’]m|i am)\s+/i, '')
    .split(/\s+[|–—·:-]\s+/)
    .map((part) => part.replace(/[.!]+$/, '').trim())
    .filter((part) => part !== '' && !PAGE_WORDS.test(part));
  return parts[0];
}

/** The page's Person: a profile page's main entity, else one named by the page's URL, else the first. */
function pagePerson(doc: Document, pageUrl: string): LdNode | undefined {
  const nodes = jsonLdNodes(doc);
  const people = nodes.filter((node) => isPerson(node) && ldText(node.name));
  const main = nodes
    .filter((node) => ldText(node['@type']) === 'ProfilePage')
    .map((node) => node.mainEntity)
    .find((entity): entity is LdNode => typeof entity === 'object' && entity !== null);
  const origin = new URL(pageUrl).origin;
  return (
    people.find((node) => node === main) ??
    people.find((node) => ldUrls(node.url).some((url) => url.startsWith(origin))) ??
    people[0]
  );
}

const withCompany = (title: string | undefined, company: string | undefined) =>
  title && company && !title.includes(company) ? `${title} at ${company}` : title;

const isIdentityUrl = (url: string) => parseIdentityUrl(url)?.kind === 'profile';

export function readPersonalSite(doc: Document, url: URL): PageReading {
  const pageUrl = `${url.origin}${url.pathname}`;
  const relMe: ReadLink[] = [...doc.querySelectorAll('a[rel~="me"][href], link[rel~="me"][href]')]
    .slice(0, MAX_ITEMS)
    .flatMap((element) => {
      const href = absoluteUrl(element.getAttribute('href'), url.href);
      if (!href) return [];
      const label = oneLine(element.textContent);
      return [
        label && label.length <= 40
          ? { url: href, label, source: 'rel-me' as const }
          : { url: href, source: 'rel-me' as const },
      ];
    });
  const person = pagePerson(doc, url.href);
  const card = readHCard(
    doc,
    url.href,
    relMe.map((link) => link.url),
  );
  const author = metaContent(doc, 'author');
  if (!person && !card && relMe.length === 0 && !author) {
    return {
      ok: false,
      reason: 'no-person',
      message: t('capture_no_person'),
    };
  }

  const name = firstOf(
    sourced(ldText(person?.name), 'json-ld'),
    sourced(card?.name, 'h-card'),
    sourced(author, 'meta-author'),
    sourced(nameFromTitle(metaContent(doc, 'og:title')), 'og'),
    sourced(nameFromTitle(doc.title), 'title'),
    sourced(nameFromTitle(textOf(doc, 'h1')), 'h1'),
  );
  const ldCompany = ldText(person?.worksFor);
  const address = person?.address;
  const ldLocation =
    typeof address === 'string'
      ? address
      : ldText((address as LdNode | undefined)?.addressLocality);
  const ldEmail = ldText(person?.email)?.replace(/^mailto:/i, '');

  // Everything the person links to; draft.ts sorts identities from links.
  const ldLinks: ReadLink[] = [...ldUrls(person?.url), ...ldUrls(person?.sameAs)].map((link) => ({
    url: link,
    source: 'json-ld',
  }));
  const cardLinks: ReadLink[] = (card?.urls ?? [])
    .filter((link) => !/^mailto:/i.test(link))
    .map((link) => ({ url: link, source: 'h-card' }));
  const links = [...ldLinks, ...cardLinks, ...relMe];
  // The first of their own links that is not a GitHub or LinkedIn profile, else this page.
  const website: ReadLink = links.find(
    (link) => link.source !== 'rel-me' && /^https?:/i.test(link.url) && !isIdentityUrl(link.url),
  ) ?? { url: pageUrl, source: 'url' };

  return {
    ok: true,
    person: {
      page: 'personal-site',
      url: url.href.split('#')[0] ?? url.href,
      ...(name && { name }),
      ...optional(
        'headline',
        firstOf(
          sourced(withCompany(ldText(person?.jobTitle), ldCompany), 'json-ld'),
          sourced(withCompany(card?.jobTitle, card?.org), 'h-card'),
        ),
      ),
      ...optional(
        'bio',
        firstOf(
          sourced(multiLine(ldText(person?.description)), 'json-ld'),
          sourced(card?.note, 'h-card'),
        ),
      ),
      ...optional('company', firstOf(sourced(ldCompany, 'json-ld'), sourced(card?.org, 'h-card'))),
      ...optional(
        'location',
        firstOf(sourced(ldLocation, 'json-ld'), sourced(card?.location, 'h-card')),
      ),
      ...optional('email', firstOf(sourced(ldEmail, 'json-ld'), sourced(card?.email, 'h-card'))),
      website: { value: website.url, source: website.source },
      identities: [],
      links: links.filter((link) => link.url !== website.url),
      projects: [],
    },
  };
}

function optional<K extends string>(
  key: K,
  value: Sourced | undefined,
): Partial<Record<K, Sourced>> {
  return value ? ({ [key]: value } as Record<K, Sourced>) : {};
}
