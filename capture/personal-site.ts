/**
 * A personal site, an about page, a speaker or lab page → what it says about
 * its person. Runs in the page. Sources in order of trust (docs/pages.md):
 *
 *   structured   a schema.org `Person` in JSON-LD (json-ld.ts), the
 *                representative microformats2 `h-card` (h-card.ts),
 *                `rel="me"` links (https://microformats.org/wiki/rel-me)
 *   every page   plain-page.ts: <h1>, <title>, og:/twitter:, meta
 *                description and author, the first short paragraph under
 *                the name, GitHub/LinkedIn/Mastodon/Bluesky/mailto: links
 *
 * Each field takes the first source that has it. What is not about one
 * person is said, not guessed:
 *   - several people and none the page's own (a team page)  → many-people
 *   - the person is only a post's author, not tied to the site → article
 *   - no name that two of the page's own places agree on    → no-person
 * and each of those offers the page to the popup for adding someone by hand.
 * The page's URL is the website unless the person names one.
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
import { chooseHCard } from './h-card';
import { isPerson, jsonLdNodes, type LdNode, ldText, ldUrls } from './json-ld';
import { looksLikeName, nameFromTitle, readPlainPage } from './plain-page';
import type { PageReading, ReadLink, Source, Sourced } from './reading';
import { socialAccount } from './social';

export { nameFromTitle } from './plain-page';

const ARTICLE =
  /^(?:(?:https?:\/\/)?schema\.org\/|schema:)?(?:Article|BlogPosting|NewsArticle|TechArticle|ScholarlyArticle|SocialMediaPosting|Report|LiveBlogPosting|DiscussionForumPosting)$/;

const typesOf = (node: LdNode) =>
  (Array.isArray(node['@type']) ? node['@type'] : [node['@type']]).filter(
    (type): type is string => typeof type === 'string',
  );

interface LdChoice {
  person?: LdNode;
  /** The page says the person is its own: a profile page's main entity, or their URL is on this site or a rel="me" link. */
  tied: boolean;
  /** The person is (only) the author of an article on the page. */
  author: boolean;
  names: string[];
}

/** The page's Person: a profile page's main entity, else one tied to the site, else the first. */
function ldPerson(doc: Document, url: URL, relMe: readonly string[]): LdChoice {
  const nodes = jsonLdNodes(doc);
  const people = nodes.filter((node) => isPerson(node) && ldText(node.name));
  const main = nodes
    .filter((node) => typesOf(node).some((type) => /ProfilePage$/.test(type)))
    .map((node) => node.mainEntity)
    .find((entity): entity is LdNode => typeof entity === 'object' && entity !== null);
  const own = new Set(relMe.map((link) => link.replace(/\/$/, '')));
  const tiedTo = (node: LdNode) =>
    node === main ||
    ldUrls(node.url).some((link) => link.startsWith(url.origin)) ||
    [...ldUrls(node.url), ...ldUrls(node.sameAs)].some((link) => own.has(link.replace(/\/$/, '')));
  const person = people.find((node) => node === main) ?? people.find(tiedTo) ?? people[0];
  const authors = new Set<unknown>(
    nodes
      .filter((node) => typesOf(node).some((type) => ARTICLE.test(type)))
      .flatMap((node) => (Array.isArray(node.author) ? node.author : [node.author])),
  );
  const names: string[] = [];
  for (const node of people) {
    const name = ldText(node.name);
    if (name && !authors.has(node) && !names.includes(name)) names.push(name);
  }
  return {
    ...(person && { person }),
    tied: person !== undefined && tiedTo(person),
    author: person !== undefined && authors.has(person),
    names,
  };
}

const withCompany = (title: string | undefined, company: string | undefined) =>
  title && company && !title.includes(company) ? `${title} at ${company}` : title;

const isIdentityUrl = (url: string) => parseIdentityUrl(url)?.kind === 'profile';

/** The network a link is an account on, to let the page's own links fill only what structured data left out. */
const networkOf = (url: string) => {
  const identity = parseIdentityUrl(url);
  return identity?.kind === 'profile' ? identity.site : socialAccount(url)?.network;
};

export function readPersonalSite(doc: Document, url: URL): PageReading {
  const pageUrl = `${url.origin}${url.pathname}`;
  const byHand = { website: pageUrl };
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
  const relMeUrls = relMe.map((link) => link.url);
  const ld = ldPerson(doc, url, relMeUrls);
  const cards = chooseHCard(doc, url.href, relMeUrls);
  const person = ld.person;
  const card = cards.card;

  // Several people, none of them the page's own: a team page.
  const others = ld.person && !ld.tied ? ld.names : cards.card && !cards.own ? cards.names : [];
  if (others.length >= 2 && relMe.length === 0) return manyPeople(others, byHand);
  // Only a post's author, not tied to this site: a post by someone, not a page about them.
  const author = person
    ? ld.author && !ld.tied
      ? ldText(person.name)
      : undefined
    : card && cards.byline && !cards.own && relMe.length === 0
      ? card.name
      : undefined;
  if (author) return article(author, person ? 'json-ld' : 'h-card');

  const structuredName = firstOf(
    sourced(ldText(person?.name), 'json-ld'),
    sourced(card?.name, 'h-card'),
  );
  const plain = readPlainPage(doc, url, structuredName?.value);
  const authorMeta = metaContent(doc, 'author');
  const name = structuredName
    ? structuredName
    : relMe.length > 0
      ? firstOf(
          sourced(authorMeta, 'meta-author'),
          sourced(nameFromTitle(metaContent(doc, 'og:title')), 'og'),
          sourced(nameFromTitle(doc.title), 'title'),
          sourced(nameFromTitle(textOf(doc, 'h1')), 'h1'),
        )
      : plain.name;
  if (!name) {
    if (plain.many) return manyPeople(plain.many, byHand);
    if (plain.article) {
      return plain.article.author
        ? article(plain.article.author, plain.article.source ?? 'meta-author')
        : { ok: false, reason: 'article', message: t('capture_article_unsigned'), byHand };
    }
    const guess = nameFromTitle(doc.title);
    return {
      ok: false,
      reason: 'no-person',
      message: t('capture_no_person'),
      byHand: looksLikeName(guess) ? { ...byHand, name: guess, nameSource: 'title' } : byHand,
    };
  }

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
  const structured = [...ldLinks, ...cardLinks, ...relMe];
  // The page's own account links fill in only the networks structured data left out.
  const networks = new Set(structured.map((link) => networkOf(link.url)).filter(Boolean));
  const links = [
    ...structured,
    ...plain.links.filter((link) => !networks.has(networkOf(link.url))),
  ];
  // The first of their own links that is not a GitHub or LinkedIn profile, else this page.
  const website: ReadLink = structured.find(
    (link) =>
      link.source !== 'rel-me' &&
      /^https?:/i.test(link.url) &&
      !isIdentityUrl(link.url) &&
      !socialAccount(link.url),
  ) ?? { url: pageUrl, source: 'url' };

  return {
    ok: true,
    person: {
      page: 'personal-site',
      url: url.href.split('#')[0] ?? url.href,
      name,
      ...optional(
        'headline',
        firstOf(
          sourced(withCompany(ldText(person?.jobTitle), ldCompany), 'json-ld'),
          sourced(withCompany(card?.jobTitle, card?.org), 'h-card'),
          plain.headline,
        ),
      ),
      ...optional(
        'bio',
        firstOf(
          sourced(multiLine(ldText(person?.description)), 'json-ld'),
          sourced(card?.note, 'h-card'),
          plain.bio,
        ),
      ),
      ...optional('company', firstOf(sourced(ldCompany, 'json-ld'), sourced(card?.org, 'h-card'))),
      ...optional(
        'location',
        firstOf(sourced(ldLocation, 'json-ld'), sourced(card?.location, 'h-card')),
      ),
      ...optional(
        'email',
        firstOf(sourced(ldEmail, 'json-ld'), sourced(card?.email, 'h-card'), plain.email),
      ),
      website: { value: website.url, source: website.source },
      identities: [],
      links: links.filter((link) => link.url !== website.url),
      projects: [],
    },
  };
}

function manyPeople(names: string[], byHand: { website: string }): PageReading {
  const shown = names.slice(0, 3).join(', ');
  return {
    ok: false,
    reason: 'many-people',
    message:
      names.length === 0
        ? t('capture_many_people_unnamed')
        : names.length > 3
          ? t('capture_many_people_more', shown, names.length - 3)
          : t('capture_many_people', shown),
    byHand,
  };
}

function article(author: string, nameSource: Source): PageReading {
  return {
    ok: false,
    reason: 'article',
    message: t('capture_article_by', author),
    byHand: { name: author, nameSource },
  };
}

function optional<K extends string>(
  key: K,
  value: Sourced | undefined,
): Partial<Record<K, Sourced>> {
  return value ? ({ [key]: value } as Record<K, Sourced>) : {};
}
