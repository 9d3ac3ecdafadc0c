/**
 * Reading a file of profiles into a preview, before anything is written.
 * Pure: bytes in, a verdict out. The options page shows the preview and,
 * once the user confirms, applies it in one write (profile-store.ts), so an
 * import lands entirely or not at all.
 *
 * Accepted: JSON — one profile, an array of profiles, or
 * `{ "version": 1, "profiles": [...] }` (what Export writes) — and vCard
 * (`.vcf`, see vcard-import.ts). Every error says which entry and which field,
 * in words: `profile 3 ("Ada"): contact.email is not an email`.
 */

import { readVCards } from '../contact/vcard-read';
import { type IdentityKey, profileKeys } from '../identity/keys';
import { defang } from '../text/characters';
import { locateJsonError } from './json-error';
import type { Profile } from './schema';
import { validateProfile } from './validate';

/** Checked before parsing, so a huge file never reaches JSON.parse. */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** The export format this version writes and reads. */
export const EXPORT_FORMAT_VERSION = 1;

export interface Rejected {
  /** 1-based position in the file. */
  index: number;
  label: string;
  /** Which entry, in words: `profile 3 ("Ada")`. */
  prefix: string;
  /** What is wrong with it, one sentence each: `contact.email is not an email`. */
  errors: string[];
}

/** `profile 3 ("Ada"): contact.email is not an email`, one line per error. */
export function rejectionLines(rejected: Rejected): string[] {
  return rejected.errors.map((error) => `${rejected.prefix}: ${error}`);
}

export interface Preview {
  added: Profile[];
  updated: { before: Profile; after: Profile }[];
  unchanged: Profile[];
  rejected: Rejected[];
}

export type ImportResult = { ok: true; preview: Preview } | { ok: false; error: string };

export interface ImportContext {
  /** The user's profiles now. */
  existing: readonly Profile[];
  bundled: readonly Profile[];
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function decodeText(input: Uint8Array | string): string | undefined {
  if (typeof input === 'string') return input;
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    // UTF-8 that holds NULs or other binary controls is not a profile file.
    return /[\u0000-\u0008\u000E-\u001F]/.test(text) ? undefined : text;
  } catch {
    return undefined;
  }
}

function describeJsonError(text: string): string {
  const problem = locateJsonError(text);
  if (!problem) return 'This is not valid JSON.';
  return `This is not valid JSON: unexpected ${problem.found} at line ${problem.line}, column ${problem.column}.`;
}

/** Key order does not make two profiles different. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

type Entries = { ok: true; entries: unknown[] } | { ok: false; error: string };

function entriesOf(document: unknown): Entries {
  if (Array.isArray(document)) return { ok: true, entries: document };
  if (document === null || typeof document !== 'object') {
    return {
      ok: false,
      error:
        'Expected a profile, a list of profiles, or { "profiles": [...] }; this file holds a single value.',
    };
  }
  const record = document as Record<string, unknown>;
  if ('profiles' in record) {
    if ('version' in record && record.version !== EXPORT_FORMAT_VERSION) {
      return {
        ok: false,
        error: `This file is format version ${JSON.stringify(record.version)}; this version of Profile Card reads version ${EXPORT_FORMAT_VERSION}. Update the extension, or export again from a matching version.`,
      };
    }
    const extra = Object.keys(record).filter((key) => key !== 'profiles' && key !== 'version');
    if (extra.length > 0)
      return { ok: false, error: `Unknown top-level field "${extra[0]}" next to "profiles".` };
    if (!Array.isArray(record.profiles)) return { ok: false, error: '"profiles" must be a list.' };
    return { ok: true, entries: record.profiles };
  }
  if ('id' in record || 'name' in record) return { ok: true, entries: [record] };
  return {
    ok: false,
    error:
      'Expected a profile, a list of profiles, or { "profiles": [...] }; this object has none of those.',
  };
}

function labelOf(entry: unknown): string {
  if (
    entry &&
    typeof entry === 'object' &&
    typeof (entry as { name?: unknown }).name === 'string'
  ) {
    // Shown as text, but keep control and bidi characters out of messages too.
    return defang((entry as { name: string }).name.trim().slice(0, 40));
  }
  return '';
}

const same = (a: Profile, b: Profile) =>
  JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

export function previewImport(
  fileName: string,
  input: Uint8Array | string,
  { existing, bundled }: ImportContext,
): ImportResult {
  const size =
    typeof input === 'string' ? new TextEncoder().encode(input).length : input.byteLength;
  if (size > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      error: `The file is ${megabytes(size)}; the limit is ${megabytes(MAX_IMPORT_BYTES)}.`,
    };
  }
  const text = decodeText(input);
  if (text === undefined) return { ok: false, error: `"${fileName}" is not a text file.` };
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed === '') return { ok: false, error: `"${fileName}" is empty.` };

  let entries: unknown[];
  let kind = 'profile';
  if (/^BEGIN:VCARD/i.test(trimmed) || /\.vcf$/i.test(fileName)) {
    const cards = readVCards(trimmed);
    if (!cards.ok) return cards;
    entries = cards.profiles;
    kind = 'vCard';
  } else {
    let document: unknown;
    try {
      document = JSON.parse(trimmed);
    } catch {
      return { ok: false, error: describeJsonError(trimmed) };
    }
    const found = entriesOf(document);
    if (!found.ok) return found;
    entries = found.entries;
  }
  if (entries.length === 0) return { ok: false, error: 'The file holds no profiles.' };

  const existingById = new Map(existing.map((profile) => [profile.id, profile]));
  const bundledIds = new Set(bundled.map((profile) => profile.id));
  // Who owns each identity after the import: bundled, then the user's other profiles.
  const owners = new Map<IdentityKey, Profile>();
  for (const profile of bundled)
    for (const key of profileKeys(profile.identities)) owners.set(key, profile);
  for (const profile of existing)
    for (const key of profileKeys(profile.identities)) owners.set(key, profile);
  const seenIds = new Map<string, number>();

  const preview: Preview = { added: [], updated: [], unchanged: [], rejected: [] };
  for (const [position, entry] of entries.entries()) {
    const index = position + 1;
    const label = labelOf(entry);
    const prefix = `${kind} ${index}${label ? ` ("${label}")` : ''}`;
    const reject = (errors: string[]) => {
      preview.rejected.push({ index, label, prefix, errors });
    };

    const result = validateProfile(entry);
    if (!result.ok) {
      reject(result.errors);
      continue;
    }
    const { $schema: _hint, ...profile } = result.value;

    const earlier = seenIds.get(profile.id);
    if (earlier !== undefined) {
      reject([`id "${profile.id}" is already used by ${kind} ${earlier} in this file`]);
      continue;
    }
    seenIds.set(profile.id, index);
    if (bundledIds.has(profile.id)) {
      reject([`id "${profile.id}" belongs to a bundled profile; give this person another id`]);
      continue;
    }
    const claims: string[] = [];
    for (const key of new Set(profileKeys(profile.identities))) {
      const owner = owners.get(key);
      if (owner && owner.id !== profile.id)
        claims.push(`${key} is already ${owner.name}'s (${owner.id})`);
    }
    if (claims.length > 0) {
      reject(claims);
      continue;
    }
    for (const key of profileKeys(profile.identities)) owners.set(key, profile);

    const before = existingById.get(profile.id);
    if (!before) preview.added.push(profile);
    else if (same(before, profile)) preview.unchanged.push(profile);
    else preview.updated.push({ before, after: profile });
  }
  return { ok: true, preview };
}

/** The user's profiles after confirming a preview: updates in place, additions last. */
export function applyPreview(existing: readonly Profile[], preview: Preview): Profile[] {
  const updates = new Map(preview.updated.map(({ after }) => [after.id, after]));
  return [...existing.map((profile) => updates.get(profile.id) ?? profile), ...preview.added];
}
