/**
 * Profile → vCard 4.0 (RFC 6350, https://www.rfc-editor.org/rfc/rfc6350), or
 * 3.0 (RFC 2426) for "Export all", which Apple and Google Contacts import
 * (docs/imports.md says why).
 * The rules that address books trip over, each tested:
 * - `VERSION:4.0` right after `BEGIN:VCARD`; `FN` always present (§6.1.1, §6.2.1)
 * - CRLF line ends, lines folded at 75 octets, never inside a UTF-8
 *   character (§3.2): "Altınbüken" must survive a fold
 * - in text values `\`, `,`, `;` and newlines are escaped (§3.4)
 *
 * The card carries the whole person, so importing it again changes nothing
 * (formats/vcard-read.ts reads it back exactly):
 *
 *   name FN · headline TITLE · bio NOTE · location ADR (as the locality)
 *   contact.email EMAIL · contact.website URL;PREF=1
 *   identities: a URL per GitHub login and LinkedIn id (every one, not
 *     only the one the card shows)
 *   contact.links: itemN.URL + itemN.X-ABLABEL, the grouping Apple and
 *     Google Contacts use for a URL's label
 *   the user's own note (only when asked: their exports): NOTE;X-PROFILE-CARD=mine,
 *     tags CATEGORIES, last contacted X-PROFILE-CARD-CONTACTED
 *   id, highlights, projects: extension properties (§6.10)
 *     X-PROFILE-CARD-ID, X-PROFILE-CARD-HIGHLIGHT (one each), and
 *     X-PROFILE-CARD-PROJECT:name;description;url;repo (components escaped
 *     like any structured value; an absent url or repo is empty, an absent
 *     description is "—", which builds before issue 24 read: people/limits.ts
 *     NO_DESCRIPTION — a CardDAV book's cards are read by every browser)
 */

import { githubProfileUrl, linkedinProfileUrl } from '../contact/links';
import { NO_DESCRIPTION } from '../people/limits';
import type { Mine, Profile } from '../people/schema';
import { splitByBytes } from '../text/pieces';

const CRLF = '\r\n';
/** The parameter that marks the user's own NOTE (formats/vcard-read.ts reads it back). */
export const MINE_PARAM = 'X-PROFILE-CARD';
const MAX_OCTETS = 75;
const encoder = new TextEncoder();

/** §3.4: backslash first, so the escapes it adds are not escaped again. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * URI values are not text (§5.1 VALUE=uri): their commas and semicolons are
 * part of the URI and stay as written, so the URL re-imports byte for byte.
 * The schema refuses backslashes in URLs; one is escaped anyway, so no value
 * can end a line in an escape.
 */
function escapeUri(value: string): string {
  return value.replace(/\\/g, '\\\\');
}

/** §3.2: at most 75 octets per line; continuation lines start with a space. */
export function foldLine(line: string): string {
  // The first line holds 75 octets; continuations hold 74 after their space.
  return splitByBytes(
    line,
    (index) => (index === 0 ? MAX_OCTETS : MAX_OCTETS - 1),
    (char) => encoder.encode(char).length,
  ).join(`${CRLF} `);
}

/**
 * `N` (family;given;additional;prefix;suffix), which vCard 3.0 requires: the
 * last word as the family name, the rest as given names. A guess for address
 * books that sort by it; FN keeps the name exactly as written.
 */
function structuredName(name: string): string {
  const at = name.lastIndexOf(' ');
  const [given, family] = at === -1 ? ['', name] : [name.slice(0, at), name.slice(at + 1)];
  return `${escapeText(family)};${escapeText(given)};;;`;
}

export interface VCardOptions {
  /**
   * 4.0 (RFC 6350) by default. "Export all" writes 3.0 (RFC 2426), the
   * version Apple Contacts and Google Contacts both import and themselves
   * write; 3.0 differs here only in `N` being required and `TYPE=pref`
   * for the preferred URL.
   */
  version?: '3.0' | '4.0';
  /**
   * Also the user's own note about the person (issue 26), for the user's own
   * exports. A card copied or downloaded from a card to hand to someone else
   * never carries it.
   */
  mine?: boolean;
}

export function toVCard(
  profile: Profile,
  { version = '4.0', mine = false }: VCardOptions = {},
): string {
  const { contact, identities } = profile;
  const three = version === '3.0';
  const lines = [
    'BEGIN:VCARD',
    `VERSION:${version}`,
    // i18n-ignore: the vCard's product id, a fixed format value
    'PRODID:-//Profile Card//EN',
    ...(three ? [`N:${structuredName(profile.name)}`] : []),
    `FN:${escapeText(profile.name)}`,
  ];
  if (profile.headline) lines.push(`TITLE:${escapeText(profile.headline)}`);
  // So re-importing finds the same person.
  lines.push(`X-PROFILE-CARD-ID:${profile.id}`);
  if (contact.email) lines.push(`EMAIL:${escapeText(contact.email)}`);
  // ADR's seven components (§6.3.1); the location is free text, kept whole as the locality.
  if (profile.location) lines.push(`ADR:;;;${escapeText(profile.location)};;;`);
  if (contact.website)
    lines.push(`URL;${three ? 'TYPE=pref' : 'PREF=1'}:${escapeUri(contact.website)}`);
  for (const login of identities.github) lines.push(`URL:${escapeUri(githubProfileUrl(login))}`);
  for (const slug of identities.linkedin) lines.push(`URL:${escapeUri(linkedinProfileUrl(slug))}`);
  for (const [index, link] of (contact.links ?? []).entries()) {
    lines.push(`item${index + 1}.URL:${escapeUri(link.url)}`);
    lines.push(`item${index + 1}.X-ABLABEL:${escapeText(link.label)}`);
  }
  if (profile.bio) lines.push(`NOTE:${escapeText(profile.bio)}`);
  for (const highlight of profile.highlights ?? [])
    lines.push(`X-PROFILE-CARD-HIGHLIGHT:${escapeText(highlight)}`);
  for (const project of profile.projects) {
    const parts = [
      project.name,
      project.description ?? NO_DESCRIPTION,
      project.url ?? '',
      project.repo ?? '',
    ];
    lines.push(`X-PROFILE-CARD-PROJECT:${parts.map(escapeText).join(';')}`);
  }
  if (mine && profile.mine) lines.push(...mineLines(profile.mine));
  lines.push('END:VCARD');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** Everyone as one .vcf, in vCard 3.0: the file Apple and Google Contacts import whole. */
export function toVCards(profiles: readonly Profile[]): string {
  return profiles.map((profile) => toVCard(profile, { version: '3.0', mine: true })).join('');
}

/**
 * The user's note as a second NOTE, told from the bio by its parameter
 * (§5: any x-param may be added; other apps show it as one more note),
 * tags as CATEGORIES (§6.7.1, a comma-separated list), and the day they
 * last spoke as an extension property.
 */
function mineLines(mine: Mine): string[] {
  const lines: string[] = [];
  if (mine.note) lines.push(`NOTE;${MINE_PARAM}=mine:${escapeText(mine.note)}`);
  if (mine.tags && mine.tags.length > 0)
    lines.push(`CATEGORIES:${mine.tags.map(escapeText).join(',')}`);
  if (mine.contacted) lines.push(`X-PROFILE-CARD-CONTACTED:${mine.contacted}`);
  return lines;
}

/** A file name for the download: `deniz-altinbuken.vcf`. */
export function vcardFileName(profile: Profile): string {
  return `${profile.id}.vcf`;
}
