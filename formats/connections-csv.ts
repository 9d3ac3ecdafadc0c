/**
 * LinkedIn's `Connections.csv` (Settings → Data privacy → Get a copy of your
 * data → Connections) → people, each with their LinkedIn identity. Facts in
 * docs/pages.md: a few lines of notes, a blank line, then the header
 * `First Name,Last Name,URL,Email Address,Company,Position,Connected On`;
 * quoted fields with commas, quotes and line breaks; emoji and credentials in
 * names; emails usually empty; some rows without a URL.
 *
 * CSV is parsed by d3-dsv's `csvParseRows` (RFC 4180 quoting: commas, quotes
 * and line breaks inside quoted fields), never by hand. It has no network or
 * Worker code at all (papaparse, used before, carries a network request for
 * its download mode, which the build's privacy scan refuses). d3-dsv reads
 * leniently and reports nothing, so the two ways a file can be malformed are
 * caught from what it returns: a row with more fields than the header (an
 * unquoted comma, or a stray quote after a closing one), and a quote that
 * opens and never closes, which swallows the rest of the file into one
 * field (`endsInsideQuotes`). Either row is refused, not guessed at.
 *
 * A person is matched by their LinkedIn identity, not by id, so importing a
 * newer export updates the people an older one added instead of adding them
 * twice. Each row's `key` is what the importer matches on.
 */

import { csvParseRows } from 'd3-dsv';
import { formatBytes, list } from '../i18n/format';
import { t, tn } from '../i18n/t';
import { formatHandles } from '../identity/handles';
import { type IdentityKey, linkedinKey } from '../identity/keys';
import { parseIdentityUrl } from '../identity/parse';
import { handleOwners } from '../people/claims';
import { cleanEmail, cleanLine, cleanUrl, type Note, noteWords } from '../people/clean';
import { uniqueId } from '../people/ids';
import type { Profile } from '../people/schema';
import { LIMITS } from '../people/schema';
import { validateProfile } from '../people/validate';
import { defang } from '../text/characters';
import type { ImportContext, Preview, Rejected } from './preview';
import { MAX_IMPORT_BYTES } from './preview';

// i18n-ignore-start: LinkedIn's column names, as its file writes them
export const CONNECTIONS_HEADER = [
  'First Name',
  'Last Name',
  'URL',
  'Email Address',
  'Company',
  'Position',
  'Connected On',
] as const;
type Column = (typeof CONNECTIONS_HEADER)[number];
const REQUIRED: Column[] = ['First Name', 'Last Name', 'URL'];
// i18n-ignore-end

export interface ConnectionRow {
  /** 1-based: the first connection after the header is row 1. */
  row: number;
  /** The person as this row describes them; the id is only provisional (see previewConnections). */
  profile: Profile;
  /** Their LinkedIn identity: how a later export finds the same person. */
  key: IdentityKey;
  /** As LinkedIn writes it, e.g. `05 Jan 2024`. */
  connectedOn?: string;
  /** What was shortened or left out of this row, and why. */
  notes: Note[];
}

export type ConnectionsRead =
  | { ok: true; rows: ConnectionRow[]; refused: Rejected[] }
  | { ok: false; error: string };

/**
 * Whether the text ends inside a quoted field (a quote opened and never
 * closed). Asked of the parser itself: a row of one quoted field appended
 * after the text comes back as that row only if every quote before it closed.
 */
export function endsInsideQuotes(text: string): boolean {
  const rows = csvParseRows(`${text}\n"${SENTINEL}"`);
  const last = rows[rows.length - 1];
  return !(last?.length === 1 && last[0] === SENTINEL);
}
const SENTINEL = 'profile-card:end';

/** Where the header is, or -1: it comes after LinkedIn's notes, within the first lines. */
function headerIndex(records: string[][]): number {
  return records.slice(0, 50).findIndex(
    (cells) =>
      // i18n-ignore-start: column names
      cells[0]?.replace(/^\uFEFF/, '').trim() === 'First Name' && cells[1]?.trim() === 'Last Name',
    // i18n-ignore-end
  );
}

/** Whether a text is LinkedIn's Connections export (its header within the first lines). */
export function isConnectionsCsv(text: string): boolean {
  return text
    .slice(0, 20_000)
    .split(/\r?\n/)
    .slice(0, 50)
    .some((line) => /^\uFEFF?"?First Name"?,"?Last Name"?,/.test(line.trim()));
}

function headlineOf(position: string, company: string, connectedOn: string): string {
  if (position && company) return t('resume_position_at', position, company);
  if (position || company) return position || company;
  return connectedOn ? t('csv_connection_since', connectedOn) : t('csv_connection');
}

export interface ReadOptions {
  /** Ids already in use; each new person gets an unused one. */
  takenIds?: ReadonlySet<string>;
  /** The id of someone already kept under this identity, who keeps it. */
  idOf?: (key: IdentityKey) => string | undefined;
}

/** Rows → people, refusing (with the row number and reason) rows that cannot become one. */
export function readConnections(
  text: string,
  { takenIds, idOf }: ReadOptions = {},
): ConnectionsRead {
  const source = text.replace(/^\uFEFF/, '');
  const records = csvParseRows(source);
  const start = headerIndex(records);
  if (start < 0) {
    return {
      ok: false,
      error: t('csv_no_header', `"${CONNECTIONS_HEADER.join(',')}"`),
    };
  }
  const header = (records[start] ?? []).map((cell) => cell.trim());
  const column = new Map(header.map((name, index) => [name, index]));
  const missing = REQUIRED.filter((name) => !column.has(name));
  if (missing.length > 0)
    return {
      ok: false,
      error: t(
        'csv_missing_column',
        list(
          missing.map((name) => `"${name}"`),
          'disjunction',
        ),
      ),
    };

  // A quote that never closes holds everything after it: the last record read.
  const broken = new Map<number, string>();
  const last = records.length - 1;
  if (last > start && endsInsideQuotes(source)) {
    const swallowed =
      (records[last] ?? [])
        .join(',')
        .replace(/[\r\n]+$/, '')
        .split(/\r\n|\r|\n/).length - 1;
    broken.set(
      last,
      swallowed > 0 ? tn('csv_quote_swallowed', swallowed) : t('csv_quote_unclosed'),
    );
  }

  const taken = new Set(takenIds ?? []);
  const rows: ConnectionRow[] = [];
  const refused: Rejected[] = [];
  let row = 0;
  for (let index = start + 1; index < records.length; index++) {
    const cells = records[index] ?? [];
    if (cells.every((cell) => cell.trim() === '')) continue; // blank line
    row++;
    const cell = (name: Column) => (cells[column.get(name) ?? -1] ?? '').trim();
    // i18n-ignore: column names
    const fullName = `${cell('First Name')} ${cell('Last Name')}`.trim();
    const label = defang(fullName.slice(0, 40));
    const refuse = (error: string) =>
      refused.push({
        index: row,
        label,
        prefix: label ? t('csv_row', String(row), `"${label}"`) : t('csv_row_only', String(row)),
        errors: [error],
        issues: [],
      });

    const brokenHere = broken.get(index);
    if (brokenHere) {
      refuse(t('csv_malformed', brokenHere));
      continue;
    }
    if (cells.length > header.length) {
      refuse(t('csv_field_count', cells.length, header.length));
      continue;
    }
    const notes: Note[] = [];
    const keep = (field: string, cleaned: { value?: string; note?: Omit<Note, 'field'> }) => {
      if (cleaned.note) notes.push({ field, ...cleaned.note });
      return cleaned.value;
    };
    const name = keep('name', cleanLine(fullName, LIMITS.name));
    if (!name) {
      refuse(t('csv_no_name'));
      continue;
    }
    const url = cell('URL');
    if (!url) {
      refuse(t('csv_no_url'));
      continue;
    }
    const identity = cleanUrl(url).value ? parseIdentityUrl(url) : undefined;
    if (identity?.site !== 'linkedin') {
      refuse(t('csv_not_linkedin_url', `"${defang(url.slice(0, 80))}"`));
      continue;
    }
    // i18n-ignore: a column name
    const connectedOn = cell('Connected On');
    const headline =
      keep(
        'headline',
        cleanLine(headlineOf(cell('Position'), cell('Company'), connectedOn), LIMITS.headline),
      ) ??
      formatHandles({ github: [], linkedin: [identity.handle] })[0] ??
      t('csv_connection');
    // i18n-ignore: a column name
    const email = keep('contact.email', cleanEmail(cell('Email Address')));
    const id = idOf?.(identity.key) ?? uniqueId(name, taken);
    const result = validateProfile({
      id,
      name,
      headline,
      bio: headline,
      contact: email ? { email } : {},
      identities: { github: [], linkedin: [identity.handle] },
    });
    if (!result.ok) {
      refuse(result.errors.join('; '));
      continue;
    }
    taken.add(id);
    rows.push({
      row,
      profile: result.value,
      key: identity.key,
      ...(connectedOn && { connectedOn }),
      notes,
    });
  }
  return { ok: true, rows, refused };
}

/**
 * A newer row for someone already kept: LinkedIn's name, headline and email
 * (when the row has one) replace the old ones; everything the user added
 * (bio, projects, links, other identities) stays. A bio that was only the old
 * headline follows the new one.
 */
export function mergeConnection(before: Profile, row: Profile): Profile {
  const bio = before.bio === before.headline ? row.headline : before.bio;
  const known = new Set(before.identities.linkedin.map(linkedinKey));
  const linkedin = [
    ...before.identities.linkedin,
    ...row.identities.linkedin.filter((slug) => !known.has(linkedinKey(slug))),
  ];
  return {
    ...before,
    name: row.name,
    headline: row.headline,
    bio,
    contact: { ...before.contact, ...(row.contact.email && { email: row.contact.email }) },
    identities: { ...before.identities, linkedin },
  };
}

/** Key order does not make two profiles different. */
const same = (a: Profile, b: Profile) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sorted((value as Record<string, unknown>)[key])]),
    );
  return value;
}

export interface ConnectionsPreview extends Preview {
  /** `row 7 ("Jane Doe"): headline shortened from 214 to at most 160 characters`. */
  notes: string[];
}

/**
 * The import preview for a Connections.csv, in the shape previewImport gives
 * (added / updated / unchanged / refused), matching people by their LinkedIn
 * identity: someone the user already keeps is updated (mergeConnection) and
 * keeps their id; a bundled person's identity is refused, as import.ts does.
 */
export type ConnectionsResult =
  | { ok: true; preview: ConnectionsPreview }
  | { ok: false; error: string };

export function previewConnections(
  fileName: string,
  input: Uint8Array | string,
  { existing, bundled, hidden }: ImportContext,
): ConnectionsResult {
  const size =
    typeof input === 'string' ? new TextEncoder().encode(input).length : input.byteLength;
  if (size > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      error: t('file_too_big', fileName, formatBytes(size), formatBytes(MAX_IMPORT_BYTES)),
    };
  }
  let text: string;
  try {
    text =
      typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    return { ok: false, error: t('decode_not_text', fileName) };
  }
  const owners = handleOwners({ user: existing, bundled, hidden });
  const taken = new Set([...existing, ...bundled].map((profile) => profile.id));

  const read = readConnections(text, {
    takenIds: taken,
    idOf: (key) => {
      const owner = owners.get(key);
      return owner && !owner.bundled ? owner.profile.id : undefined;
    },
  });
  if (!read.ok) return read;
  if (read.rows.length === 0 && read.refused.length === 0)
    return { ok: false, error: t('csv_no_connections') };

  const preview: ConnectionsPreview = {
    added: [],
    updated: [],
    unchanged: [],
    rejected: read.refused,
    notes: [],
  };
  const seen = new Map<IdentityKey, number>();
  for (const { row, profile, key, notes } of read.rows) {
    const label = defang(profile.name.slice(0, 40));
    const prefix = t('csv_row', String(row), `"${label}"`);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      preview.rejected.push({
        index: row,
        label,
        prefix,
        errors: [t('csv_duplicate', key, String(earlier))],
        issues: [],
      });
      continue;
    }
    seen.set(key, row);
    const owner = owners.get(key);
    if (owner?.bundled) {
      preview.rejected.push({
        index: row,
        label,
        prefix,
        errors: [`${key} ${t('import_claimed_here', owner.profile.name, owner.profile.id)}`],
        issues: [],
      });
      continue;
    }
    for (const note of notes) preview.notes.push(`${prefix}: ${noteWords(note)}`);
    if (!owner) preview.added.push(profile);
    else {
      const after = mergeConnection(owner.profile, profile);
      if (same(owner.profile, after)) preview.unchanged.push(after);
      else preview.updated.push({ before: owner.profile, after });
    }
  }
  preview.rejected.sort((a, b) => a.index - b.index);
  return { ok: true, preview };
}
