/**
 * vCard (2.1, 3.0 or 4.0) → the fields of a profile that each card carries,
 * for formats/import.ts to merge into the person it matches and validate.
 * Only what a card holds is set, so a card without NOTE leaves a kept bio
 * alone. The mapping, the reverse of formats/vcard.ts:
 *
 *   FN (else N, else ORG)        name
 *   TITLE (else ORG)             headline
 *   NOTE                         bio
 *   ADR: locality, region, country   location (never the street)
 *   EMAIL (the preferred one)    contact.email
 *   URL;PREF=1 (else the first unlabelled URL that is nobody's profile)  contact.website
 *   URL / X-SOCIALPROFILE of a GitHub or LinkedIn profile                identities
 *   itemN.URL + itemN.X-ABLABEL (Apple's labels), other URLs             contact.links
 *   X-PROFILE-CARD-ID            id
 *   NOTE;X-PROFILE-CARD=mine     mine.note (the user's own note: issue 26)
 *   CATEGORIES                   mine.tags, normalised (`Team Storage` → team-storage)
 *   X-PROFILE-CARD-CONTACTED     mine.contacted
 *
 * A card with X-PROFILE-CARD-ID was written by formats/vcard.ts and is read
 * exactly: its preferred URL is the website and its labelled URLs are links
 * even when they point at a GitHub or LinkedIn profile. A card from another
 * app is read generously: every GitHub or LinkedIn profile URL, labelled or
 * not, becomes an identity, so the person's card follows them there.
 *   X-PROFILE-CARD-HIGHLIGHT     highlights, one per property
 *   X-PROFILE-CARD-PROJECT       projects: name;description;url;repo (an empty
 *                                description, or "—", is none)
 *
 * Text is unescaped per RFC 6350 §3.4 (`\\`, `\,`, `\;`, `\n`): ical.js
 * leaves `\;` escaped, which is one reason this reader is our own (the
 * syntax is in vcard-lines.ts). URLs are taken as written, except that a
 * backslash escape is undone (no URL holds a backslash; some writers escape
 * `:` and `,`) and a bare `www.example.com` gets `https://`.
 */
import { t } from '../i18n/t';
import type { Site } from '../identity/keys';
import { parseIdentityUrl } from '../identity/parse';
import { GITHUB_LOGIN } from '../identity/rules';
import { normaliseTag } from '../people/notes';
import { LIMITS, NO_DESCRIPTION } from '../people/schema';
import { type RawCard, readVCardLines, type VCardProperty } from './vcard-lines';

export interface VCardEntry {
  /** The card's name for messages (`vCard 3 ("Ada")`). */
  label: string;
  /** The fields this card carries, profile-shaped. */
  profile: Record<string, unknown>;
  /** Why the card cannot be read at all (no name survives, cut short); the other cards still can. */
  problems: string[];
  /** Properties left out because they could not be decoded, one sentence each; the card is kept. */
  notes: string[];
}

export type VCardRead = { ok: true; cards: VCardEntry[] } | { ok: false; error: string };

const VERSIONS = new Set(['2.1', '3.0', '4.0']);

/** Splits on `separator` where it is not backslash-escaped; escapes stay. */
function splitUnescaped(value: string, separator: ';' | ','): string[] {
  const parts: string[] = [];
  let current = '';
  for (let at = 0; at < value.length; at++) {
    const char = value[at] as string;
    if (char === '\\' && at + 1 < value.length) {
      current += char + value[at + 1];
      at++;
    } else if (char === separator) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}

/** RFC 6350 §3.4: `\\` `\,` `\;` and `\n`/`\N`; any other backslash stays as written. */
export function unescapeText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n') // raw line ends (a decoded =0D=0A) read as the schema's "\n"
    .replace(/\\([\\,;nN])/g, (_, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

/** A component of a structured value: its list items unescaped, joined. */
const component = (value: string) =>
  splitUnescaped(value, ',')
    .map((item) => unescapeText(item).trim())
    .filter(Boolean)
    .join(', ');

function unescapeUri(value: string): string {
  return value.replace(/\\([\s\S])/g, '$1');
}

/** `www.example.com/x` → `https://www.example.com/x`; anything with a scheme as is. */
function withScheme(url: string): string {
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(url)) return url;
  return /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(?:[/?#]|$)/u.test(url) ? `https://${url}` : url;
}

const typesOf = (property: VCardProperty) =>
  (property.params.get('TYPE') ?? []).flatMap((type) => type.toUpperCase().split(','));

/** Lower PREF first (RFC 6350 §5.3), then TYPE=pref (3.0), then document order. */
function preference(property: VCardProperty): number {
  const pref = Number(property.params.get('PREF')?.[0]);
  if (Number.isInteger(pref) && pref >= 1) return pref;
  return typesOf(property).includes('PREF') ? 1 : 101;
}
const isPreferred = (property: VCardProperty) => preference(property) <= 100;

/** Apple's `_$!<HomePage>!$_` and friends read as their name. */
const labelText = (label: string) => label.replace(/^_\$!<([\s\S]*)>!\$_$/, '$1').trim();

function hostLabel(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '').slice(0, 40) || 'Link';
  } catch {
    return 'Link';
  }
}

/**
 * The identity URLs formats/vcard.ts writes, read back by their exact shape,
 * so our own round trip does not depend on which pages count as a profile
 * (a login such as `features` is a reserved GitHub path, yet it was stored).
 */
function ownIdentity(url: string): { site: Site; handle: string } | undefined {
  const github = /^https:\/\/github\.com\/([^/?#]+)$/.exec(url);
  if (github && GITHUB_LOGIN.test(github[1] as string))
    return { site: 'github', handle: github[1] as string };
  const linkedin = /^https:\/\/www\.linkedin\.com\/in\/([^/?#]+)\/$/.exec(url);
  if (linkedin) {
    try {
      return { site: 'linkedin', handle: decodeURIComponent(linkedin[1] as string) };
    } catch {
      return undefined;
    }
  }
  return undefined;
}

function readCard(properties: VCardProperty[], problems: string[], notes: string[]) {
  const all = (name: string) => properties.filter((property) => property.name === name);
  // A property that cannot be decoded is left out, and said so; the rest of the card is read.
  const used = (property: VCardProperty) => {
    if (!property.problem) return property.value;
    notes.push(t('vcard_left_out', property.problem));
    return '';
  };
  const texts = (name: string) =>
    all(name)
      .map((property) => unescapeText(used(property)).trim())
      .filter(Boolean);
  const first = (name: string) => texts(name)[0];
  const structured = (property: VCardProperty) =>
    splitUnescaped(used(property), ';').map(component);
  const preferred = (name: string) =>
    all(name)
      .map((property, index) => ({ property, index }))
      .sort((a, b) => preference(a.property) - preference(b.property) || a.index - b.index)
      .map(({ property }) => property);

  const version = first('VERSION');
  if (version !== undefined && !VERSIONS.has(version))
    problems.push(t('vcard_version', JSON.stringify(version.slice(0, 10))));

  const profile: Record<string, unknown> = {};
  const org = all('ORG')
    .map((property) => structured(property).filter(Boolean).join(', '))
    .find(Boolean);
  const fromN = all('N')
    .map((property) => {
      const [family = '', given = '', additional = '', prefix = '', suffix = ''] =
        structured(property);
      return [prefix, given, additional, family, suffix].filter(Boolean).join(' ');
    })
    .find(Boolean);
  const id = first('X-PROFILE-CARD-ID');
  if (id !== undefined) profile.id = id;
  const name = first('FN') ?? fromN ?? org;
  if (name !== undefined) profile.name = name;
  const headline = first('TITLE') ?? org;
  if (headline !== undefined) profile.headline = headline;
  const isMine = (property: VCardProperty) =>
    (property.params.get('X-PROFILE-CARD') ?? []).some((value) => value.toLowerCase() === 'mine');
  const bio = all('NOTE')
    .filter((property) => !isMine(property))
    .map((property) => unescapeText(used(property)).trim())
    .filter(Boolean);
  if (bio.length > 0) profile.bio = bio.join('\n\n');
  const mine = readMine(
    all('NOTE')
      .filter(isMine)
      .map((property) => unescapeText(used(property)).trim()),
    all('CATEGORIES').flatMap((property) =>
      splitUnescaped(used(property), ',').map((part) => unescapeText(part)),
    ),
    first('X-PROFILE-CARD-CONTACTED'),
  );
  if (mine) profile.mine = mine;
  const location = preferred('ADR')
    .map((property) => {
      const [, , , locality = '', region = '', , country = ''] = structured(property);
      return [locality, region, country].filter(Boolean).join(', ');
    })
    .find(Boolean);
  if (location !== undefined) profile.location = location;
  const highlights = texts('X-PROFILE-CARD-HIGHLIGHT');
  if (highlights.length > 0) profile.highlights = highlights;
  const projects = all('X-PROFILE-CARD-PROJECT').map((property) => {
    const [name = '', description = '', url = '', repo = ''] = splitUnescaped(
      used(property),
      ';',
    ).map((part) => unescapeText(part).trim());
    const project: Record<string, string> = { name };
    if (description && description !== NO_DESCRIPTION) project.description = description;
    if (url) project.url = url;
    if (repo) project.repo = repo;
    return project;
  });
  if (projects.length > 0) profile.projects = projects;

  const contact: Record<string, unknown> = {};
  const email = preferred('EMAIL')
    .map((property) =>
      unescapeText(used(property))
        .trim()
        .replace(/^mailto:/i, ''),
    )
    .find(Boolean);
  if (email) contact.email = email;

  // Links: labels come from Apple's grouped X-ABLABEL (`item1.URL` + `item1.X-ABLABEL`).
  const labels = new Map<string, string>();
  for (const property of all('X-ABLABEL'))
    if (property.group) labels.set(property.group, labelText(unescapeText(used(property))));
  // Our own cards say exactly what each URL is (see the header); a card from
  // another app is read generously: any GitHub or LinkedIn profile is an identity.
  const ours = id !== undefined;
  const github: string[] = [];
  const linkedin: string[] = [];
  type Found = { url: string; label?: string; preferred: boolean };
  const found: Found[] = [];
  for (const property of properties) {
    if (property.name !== 'URL' && property.name !== 'X-SOCIALPROFILE') continue;
    const url = withScheme(unescapeUri(used(property)).trim());
    if (!url) continue;
    const label = property.group ? labels.get(property.group) : undefined;
    const preferred = isPreferred(property);
    const identity = ours
      ? label || preferred
        ? undefined
        : ownIdentity(url)
      : parseIdentityUrl(url);
    if (identity && (!('kind' in identity) || identity.kind === 'profile')) {
      const handles = identity.site === 'github' ? github : linkedin;
      if (!handles.includes(identity.handle)) handles.push(identity.handle);
      continue;
    }
    // A social account that is not GitHub or LinkedIn: a link named by its TYPE.
    const type = property.name === 'X-SOCIALPROFILE' ? typesOf(property)[0] : undefined;
    const named = label ?? (type ? type[0] + type.slice(1).toLowerCase() : undefined);
    found.push({ url, label: named, preferred: preferred && !type });
  }
  const website =
    found.find((link) => link.preferred && !link.label) ?? found.find((link) => !link.label);
  if (website) contact.website = website.url;
  const links = found
    .filter((link) => link !== website)
    .map((link) => ({ label: link.label || hostLabel(link.url), url: link.url }));
  if (links.length > 0) contact.links = links;
  profile.contact = contact;
  profile.identities = { github, linkedin };
  return profile;
}

/**
 * The user's own note (NOTE;X-PROFILE-CARD=mine), tags (CATEGORIES, from
 * any app: an address book's groups become tags) and last-contacted day.
 */
function readMine(
  notes: string[],
  categories: string[],
  contacted: string | undefined,
): Record<string, unknown> | undefined {
  const mine: Record<string, unknown> = {};
  const note = notes.filter(Boolean).join('\n\n');
  if (note) mine.note = note;
  // Each category is one tag, whatever it holds (`VIP\\, old` → vip-old).
  const tags = [
    ...new Set(categories.map(normaliseTag).filter((tag): tag is string => tag !== undefined)),
  ].slice(0, LIMITS.tags);
  if (tags.length > 0) mine.tags = tags;
  if (contacted && /^\d{4}-\d{2}-\d{2}$/.test(contacted)) mine.contacted = contacted;
  return Object.keys(mine).length > 0 ? mine : undefined;
}

/** One card's fields, or why it cannot be read. */
export function interpretCard(raw: RawCard): VCardEntry {
  const problems: string[] = [];
  const notes: string[] = [];
  const profile = readCard(raw.properties, problems, notes);
  if (raw.unterminated) problems.push(t('vcard_no_end', String(raw.line)));
  // No name left: the card is refused for the reason its name could not be read.
  const named = ['FN', 'N', 'ORG'];
  if (profile.name === undefined)
    for (const property of raw.properties)
      if (named.includes(property.name) && property.problem) problems.push(property.problem);
  const label = typeof profile.name === 'string' ? profile.name : '';
  return { label, profile, problems: [...new Set(problems)], notes: [...new Set(notes)] };
}

/** Every card at once (the importer reads them one by one, see formats/read-entries.ts). */
export function readVCards(source: string): VCardRead {
  const lines = readVCardLines(source);
  if (!lines.ok) return lines;
  if (lines.cards.length === 0) return { ok: false, error: t('read_no_cards') };
  return { ok: true, cards: lines.cards.map(interpretCard) };
}
