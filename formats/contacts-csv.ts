/**
 * Everyone as a CSV that a spreadsheet opens and Google Contacts imports
 * (its own export's column names: `First Name`, `Organization Title`,
 * `E-mail 1 - Value`, `Website 1 - Label`…), and the same file read back as
 * the same people, field for field.
 *
 *   name ─▶ First Name (all but the last word) + Last Name (the last word)
 *   headline Organization Title · bio Notes · location Address 1 - Formatted
 *   contact.email E-mail 1 · website, GitHub and LinkedIn profiles, links
 *     ─▶ Website N (label: "Homepage", "GitHub", "LinkedIn", the link's label)
 *   Custom Field 1 "Profile Card": {"id", "kinds", "highlights", "projects"} —
 *     what no contacts column holds, and which Website is which, so a file we
 *     wrote reads back exactly. A CSV without it (Google's own export) is read
 *     generously: GitHub and LinkedIn URLs become identities, the first
 *     other website the website, the rest links, and it merges like a vCard.
 *
 * CSV injection (https://owasp.org/www-community/attacks/CSV_Injection): a
 * cell that starts with `=`, `+`, `-`, `@`, tab or carriage return is a
 * formula to a spreadsheet; it is written with a leading `'`, which
 * spreadsheets show as text. A cell that starts with `'` gets one too, so the
 * reader can take exactly one off and every value comes back as it was.
 * Quoting is d3-dsv's (RFC 4180).
 */
import { csvFormatRows, csvParseRows } from 'd3-dsv';
import { githubProfileUrl, linkedinProfileUrl } from '../contact/links';
import { t } from '../i18n/t';
import { parseIdentityUrl } from '../identity/parse';
import type { Profile } from '../people/schema';

// i18n-ignore-start: Google Contacts' column names, and our custom field's, as the file writes them
const FIXED = [
  'First Name',
  'Middle Name',
  'Last Name',
  'Organization Title',
  'Notes',
  'E-mail 1 - Label',
  'E-mail 1 - Value',
  'Address 1 - Label',
  'Address 1 - Formatted',
  'Custom Field 1 - Label',
  'Custom Field 1 - Value',
] as const;
/** The custom field that carries what only a card has. */
export const CUSTOM_LABEL = 'Profile Card';
// i18n-ignore-end

type Kind = 'website' | 'github' | 'linkedin' | 'link';

/** `=1+1` → `'=1+1`; `'x` → `''x`; anything else as it is. */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r']/.test(cell) ? `'${cell}` : cell;
}

/** The reverse: one leading `'` off, when neutralise put it there. */
export function unneutralise(cell: string): string {
  return /^'[=+\-@\t\r']/.test(cell) ? cell.slice(1) : cell;
}

function splitName(name: string): [string, string] {
  const at = name.lastIndexOf(' ');
  return at === -1 ? [name, ''] : [name.slice(0, at), name.slice(at + 1)];
}

function websitesOf(profile: Profile): { kind: Kind; label: string; url: string }[] {
  const { contact, identities } = profile;
  return [
    ...(contact.website
      ? [{ kind: 'website' as const, label: 'Homepage', url: contact.website }]
      : []),
    ...identities.github.map((login) => ({
      kind: 'github' as const,
      label: 'GitHub',
      url: githubProfileUrl(login),
    })),
    ...identities.linkedin.map((slug) => ({
      kind: 'linkedin' as const,
      label: 'LinkedIn',
      url: linkedinProfileUrl(slug),
    })),
    ...(contact.links ?? []).map((link) => ({ kind: 'link' as const, ...link })),
  ];
}

export function toContactsCsv(profiles: readonly Profile[]): string {
  const count = Math.max(1, ...profiles.map((profile) => websitesOf(profile).length));
  const header = [
    ...FIXED,
    ...Array.from({ length: count }, (_, index) => [
      `Website ${index + 1} - Label`,
      `Website ${index + 1} - Value`,
    ]).flat(),
  ];
  const rows = profiles.map((profile) => {
    const [first, last] = splitName(profile.name);
    const websites = websitesOf(profile);
    const custom = {
      id: profile.id,
      kinds: websites.map((site) => site.kind),
      ...(profile.highlights && { highlights: profile.highlights }),
      ...(profile.projects.length > 0 && { projects: profile.projects }),
    };
    const cells = [
      first,
      '',
      last,
      profile.headline ?? '',
      profile.bio ?? '',
      profile.contact.email ? 'Other' : '',
      profile.contact.email ?? '',
      profile.location ? 'Other' : '',
      profile.location ?? '',
      CUSTOM_LABEL,
      JSON.stringify(custom),
      ...websites.flatMap((site) => [site.label, site.url]),
    ];
    while (cells.length < header.length) cells.push('');
    return cells.map(neutralise);
  });
  // CRLF, as RFC 4180 and spreadsheets expect; a BOM so Excel reads UTF-8.
  return `\uFEFF${csvFormatRows([header, ...rows]).replace(/\n/g, '\r\n')}\r\n`;
}

/** Whether a text is a contacts CSV in Google's columns (ours or Google's own export). */
export function isContactsCsv(text: string): boolean {
  const first = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  return /^"?First Name"?,"?Middle Name"?,"?Last Name"?,/.test(first);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

export interface ContactsRead {
  /** Profile-shaped entries, for the importer to validate. */
  entries: Record<string, unknown>[];
  /** All rows carry our custom field: entries have ids and replace, else they merge. */
  ours: boolean;
}

// i18n-ignore-start: the reader names columns; its one sentence comes from t()
/** The rows of a contacts CSV as profile-shaped entries. */
export function readContactsCsv(text: string): ContactsRead | { error: string } {
  // CRLF inside a quoted cell is part of the value; as a line end, d3 reads it.
  const records = csvParseRows(text.replace(/^\uFEFF/, ''));
  const header = records[0] ?? [];
  const column = new Map(header.map((name, index) => [name.trim(), index]));
  if (!column.has('First Name') || !column.has('Last Name'))
    return { error: t('contacts_csv_header') };
  const entries: Record<string, unknown>[] = [];
  let ours = true;
  for (const cells of records.slice(1)) {
    if (cells.every((cell) => cell === '')) continue;
    const cell = (name: string) => unneutralise(cells[column.get(name) ?? -1] ?? '');
    const first = cell('First Name');
    const middle = cell('Middle Name');
    const last = cell('Last Name');
    const name = [first, middle, last].filter((part) => part !== '').join(' ');
    let custom: Record<string, unknown> | undefined;
    for (let n = 1; column.has(`Custom Field ${n} - Label`); n++)
      if (cell(`Custom Field ${n} - Label`) === CUSTOM_LABEL) {
        try {
          const parsed: unknown = JSON.parse(cell(`Custom Field ${n} - Value`));
          if (isRecord(parsed)) custom = parsed;
        } catch {
          // Not ours after all: read the row like anyone's.
        }
      }
    if (!custom) ours = false;
    const websites: { label: string; url: string }[] = [];
    for (let n = 1; column.has(`Website ${n} - Value`); n++) {
      const url = cell(`Website ${n} - Value`).trim();
      if (url) websites.push({ label: cell(`Website ${n} - Label`).trim(), url });
    }
    const kinds = Array.isArray(custom?.kinds) ? (custom.kinds as unknown[]) : undefined;
    const contact: Record<string, unknown> = {};
    const identities = { github: [] as string[], linkedin: [] as string[] };
    const links: { label: string; url: string }[] = [];
    for (const [index, site] of websites.entries()) {
      if (kinds) {
        // Ours: each Website is what `kinds` says, read back exactly.
        const kind = kinds[index];
        if (kind === 'github' || kind === 'linkedin')
          identities[kind].push(decodeSafe(/\/([^/?#]+)\/?$/.exec(site.url)?.[1] ?? ''));
        else if (kind === 'website') contact.website = site.url;
        else links.push(site);
        continue;
      }
      // Anyone's: a GitHub or LinkedIn profile is an identity; the first other site the website.
      const identity = parseIdentityUrl(site.url);
      if (identity?.kind === 'profile') identities[identity.site].push(identity.handle);
      else if (contact.website === undefined) contact.website = site.url;
      else links.push({ label: site.label || t('contacts_csv_link'), url: site.url });
    }
    const email = cell('E-mail 1 - Value').trim();
    if (email) contact.email = email;
    if (links.length > 0) contact.links = links;
    const entry: Record<string, unknown> = { name, contact, identities };
    if (custom && typeof custom.id === 'string') entry.id = custom.id;
    const headline = cell('Organization Title');
    if (headline) entry.headline = headline;
    const bio = cell('Notes');
    if (bio) entry.bio = bio.replace(/\r\n?/g, '\n');
    const location = cell('Address 1 - Formatted');
    if (location) entry.location = location;
    if (custom && Array.isArray(custom.highlights)) entry.highlights = custom.highlights;
    entry.projects = custom && Array.isArray(custom.projects) ? custom.projects : [];
    entries.push(entry);
  }
  return { entries, ours };
}
// i18n-ignore-end

function decodeSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
