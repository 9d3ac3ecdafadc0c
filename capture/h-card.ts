/**
 * The page's representative microformats2 `h-card`
 * (https://microformats.org/wiki/h-card, and for choosing among several,
 * https://microformats.org/wiki/representative-h-card-parsing). IndieWeb
 * sites mark their author up this way: `p-name`, `p-note`, `u-url`,
 * `u-email`, `p-job-title`, `p-org`, `p-locality`. Runs in the page; reads
 * only. A nested h-card (a `p-org h-card`) is a property of its parent, and
 * its own properties are not the parent's.
 */
import { absoluteUrl, blockText, MAX_ITEMS, mailtoAddress, oneLine } from './dom';

export interface HCard {
  name?: string;
  note?: string;
  urls: string[];
  email?: string;
  jobTitle?: string;
  org?: string;
  location?: string;
}

/** Elements carrying a property class that belong to `root` itself, not to a nested card. */
function properties(root: Element, name: string): Element[] {
  return [...root.querySelectorAll(`.${name}`)].filter(
    (element) => element.parentElement?.closest('.h-card') === root,
  );
}

/** A `p-*` value: an abbreviation's title, an image's alt, a data value, else the text. */
function plainValue(element: Element): string {
  if (element.matches('abbr[title]')) return oneLine(element.getAttribute('title'));
  if (element.matches('img[alt], area[alt]')) return oneLine(element.getAttribute('alt'));
  if (element.matches('data[value], input[value]')) return oneLine(element.getAttribute('value'));
  // A nested card as a property (a `p-org h-card`) is worth its name.
  if (element.matches('.h-card')) {
    const name = properties(element, 'p-name')[0];
    if (name) return plainValue(name);
  }
  return oneLine(element.textContent);
}

/** A `u-*` value: the link's `href`, the image's `src`, else the text. */
function urlValue(element: Element, base: string): string | undefined {
  const attribute = element.matches('a[href], area[href], link[href]')
    ? element.getAttribute('href')
    : element.matches('img[src], audio[src], video[src], source[src]')
      ? element.getAttribute('src')
      : element.matches('data[value]')
        ? element.getAttribute('value')
        : element.textContent;
  if (attribute && /^mailto:/i.test(attribute.trim())) return attribute.trim();
  return absoluteUrl(attribute, base);
}

const first = (root: Element, name: string) => {
  const element = properties(root, name)[0];
  return element ? plainValue(element) || undefined : undefined;
};

function readCard(root: Element, base: string): HCard {
  const urls = properties(root, 'u-url')
    .map((element) => urlValue(element, base))
    .filter((url): url is string => url !== undefined)
    .slice(0, MAX_ITEMS);
  // An h-card with no property elements at all is named by its text (mf2's implied name).
  // A class token starting p-, u-, e- or dt- anywhere inside (one native query, however big the card).
  const hasProperties =
    root.querySelector(
      ['p-', 'u-', 'e-', 'dt-']
        .map((prefix) => `[class^="${prefix}"], [class*=" ${prefix}"]`)
        .join(', '),
    ) !== null;
  const implied = hasProperties ? undefined : oneLine(root.textContent) || undefined;
  if (urls.length === 0 && root.matches('a[href]')) {
    const url = absoluteUrl(root.getAttribute('href'), base);
    if (url) urls.push(url);
  }
  const emailElement = properties(root, 'u-email')[0];
  const noteElement = properties(root, 'p-note')[0] ?? properties(root, 'e-note')[0];
  const place = ['p-locality', 'p-region', 'p-country-name']
    .map((name) => first(root, name))
    .filter(Boolean)
    .join(', ');
  const card: HCard = { urls };
  const name = first(root, 'p-name') ?? implied;
  if (name) card.name = name;
  const note = blockText(noteElement);
  if (note) card.note = note;
  const email = emailElement
    ? (mailtoAddress(emailElement.getAttribute('href')) ?? oneLine(emailElement.textContent))
    : '';
  if (email) card.email = email;
  const jobTitle = first(root, 'p-job-title');
  if (jobTitle) card.jobTitle = jobTitle;
  const org = first(root, 'p-org');
  if (org) card.org = org;
  if (place) card.location = place;
  return card;
}

const withoutQuery = (url: string) => url.replace(/[?#].*$/, '').replace(/\/$/, '');

/** The page's cards and which one speaks for it. */
export interface CardChoice {
  card?: HCard;
  /** Its `u-url` is the page itself or one of its `rel="me"` links. */
  own: boolean;
  /** It is the author of an entry (a post's byline, a comment), not the page's subject. */
  byline: boolean;
  /** The names of the top-level cards that are neither bylines nor nested, in order. */
  names: string[];
}

/**
 * The card that speaks for the page: one whose `u-url` is the page itself or
 * one of its `rel="me"` links, else the first top-level card with a name.
 */
export function chooseHCard(doc: Document, pageUrl: string, relMe: readonly string[]): CardChoice {
  const roots = [...doc.querySelectorAll('.h-card')]
    .filter((element) => element.parentElement?.closest('.h-card') == null)
    .slice(0, 20);
  const cards = roots
    .map((root) => ({
      card: readCard(root, pageUrl),
      byline: root.closest('.h-entry, .p-author') !== null,
    }))
    .filter(({ card }) => card.name);
  const own = new Set([pageUrl, ...relMe].map(withoutQuery));
  const mine = cards.find(({ card }) => card.urls.some((url) => own.has(withoutQuery(url))));
  const chosen = mine ?? cards[0];
  const names: string[] = [];
  for (const { card, byline } of cards)
    if (!byline && card.name && !names.includes(card.name)) names.push(card.name);
  return {
    ...(chosen && { card: chosen.card }),
    own: mine !== undefined,
    byline: chosen?.byline ?? false,
    names,
  };
}
