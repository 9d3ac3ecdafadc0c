/**
 * Reading a file of profiles into a preview, before anything is written.
 * Pure: bytes in, a verdict out. The options page shows the preview and,
 * once the user confirms, applies it in one write (store/store.ts), so an
 * import lands entirely or not at all.
 *
 *   bytes ─▶ decode.ts (UTF-8 / UTF-16, or why not)
 *         ─▶ read-entries.ts (JSON or vCard, by content)
 *         ─▶ merge.ts (vCard: into the person it matches, else someone new)
 *         ─▶ validate.ts, ids in the file, bundled ids, identity claims
 *         ─▶ added / updated / unchanged / refused
 *
 * Every error says which entry and which field, in words:
 * `profile 3 ("Ada"): Email is not an email`. A field a person can do
 * without is left out instead, and said so (./salvage.ts); only the id and
 * the name refuse an entry whole.
 */

import { formatBytes } from '../i18n/format';
import { t } from '../i18n/t';
import { type IdentityKey, profileKeys } from '../identity/keys';
import { handleOwners, type Owner } from '../people/claims';
import { type Place, placeEntry } from '../people/merge';
import { surelyValidProfile } from '../people/quick-check';
import type { Profile } from '../people/schema';
import { describe, type Issue, validateProfile } from '../people/validate';
import { clip, defang } from '../text/characters';
import { decodeFile } from './decode';
import { EXPORT_FORMAT_VERSION } from './export';
import {
  type ImportContext,
  type ImportResult,
  type LeftOut,
  MAX_IMPORT_BYTES,
  type Preview,
  rejectionLines,
} from './preview';
import { readEntries, Unreadable, WithNotes } from './read-entries';
import { removablePath, salvage } from './salvage';

/**
 * A file that is mostly not profiles (`[{},{},…]`: 1.7 million entries in
 * 5 MB, each costing a validation) stops after this many refusals, once
 * they are over a tenth of what was read. A real file with a few bad
 * entries among many good ones reads to the end.
 */
export const MAX_REFUSED = 1000;
export {
  type ImportContext,
  type ImportResult,
  type LeftOut,
  leftOutLines,
  MAX_IMPORT_BYTES,
  type Preview,
  type Rejected,
  rejectionLines,
} from './preview';
export { EXPORT_FORMAT_VERSION };

/** Entries checked between two progress reports. */
const PROGRESS_EVERY = 250;

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

function labelOf(entry: unknown): string {
  if (entry instanceof WithNotes) return labelOf(entry.entry);
  const name =
    entry instanceof Unreadable
      ? entry.label
      : entry && typeof entry === 'object' && typeof (entry as { name?: unknown }).name === 'string'
        ? (entry as { name: string }).name
        : '';
  // Shown as text, but keep control and bidi characters out of messages too.
  return clip(defang(name.trim()), 40);
}

const same = (a: Profile, b: Profile) =>
  JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/**
 * Who is known before an entry is checked: the user's people by id, by
 * handle and by email, the ids nobody new may take, and each handle's owner
 * (people/claims.ts). Built from `existing` once; ./import-backup.ts keeps
 * one across the slices of a large file and adds each slice's accepted
 * people (`knowAccepted`), instead of building it again from everyone per
 * slice (issue 28: at 100,000 people that rebuild was half the preview).
 */
export interface Known {
  byId: Map<string, Profile>;
  byKey: Map<IdentityKey, Profile>;
  byEmail: Map<string, Profile>;
  taken: Set<string>;
  owners: Map<IdentityKey, Owner>;
}

export function knownPeople({
  existing,
  bundled,
  hidden,
}: Pick<ImportContext, 'existing' | 'bundled' | 'hidden'>): Known {
  const byId = new Map(existing.map((profile) => [profile.id, profile]));
  return {
    byId,
    byKey: new Map(
      existing.flatMap((p) => profileKeys(p.identities).map((key) => [key, p] as const)),
    ),
    byEmail: new Map(
      existing.flatMap((p) =>
        p.contact.email ? [[p.contact.email.toLowerCase(), p] as const] : [],
      ),
    ),
    taken: new Set([...byId.keys(), ...bundled.map((profile) => profile.id)]),
    owners: handleOwners({ user: existing, bundled, hidden }),
  };
}

/**
 * Adds people a preview accepted to `known`, as if they had been in
 * `existing` after everyone there (owners of their handles are already set
 * by the preview that accepted them).
 */
export function knowAccepted(known: Known, accepted: readonly Profile[]): void {
  for (const profile of accepted) {
    known.byId.set(profile.id, profile);
    known.taken.add(profile.id);
    for (const key of profileKeys(profile.identities)) {
      known.byKey.set(key, profile);
      known.owners.set(key, { profile, bundled: false });
    }
    if (profile.contact.email) known.byEmail.set(profile.contact.email.toLowerCase(), profile);
  }
}

export function previewImport(
  fileName: string,
  input: Uint8Array | string,
  { existing, bundled, hidden, onProgress, known }: ImportContext & { known?: Known },
): ImportResult {
  const size =
    typeof input === 'string' ? new TextEncoder().encode(input).length : input.byteLength;
  if (size > MAX_IMPORT_BYTES) {
    return {
      ok: false,
      error: t('file_too_big', fileName, formatBytes(size), formatBytes(MAX_IMPORT_BYTES)),
    };
  }
  const decoded = decodeFile(fileName, input);
  if (!decoded.ok) return decoded;
  const read = readEntries(fileName, decoded.text);
  if ('error' in read) return { ok: false, error: read.error };
  if ('preview' in read) return read.preview({ existing, bundled, hidden });
  const { kind, entries } = read;
  if (entries.length === 0) return { ok: false, error: t('import_no_profiles') };

  const bundledIds = new Set(bundled.map((profile) => profile.id));
  const people = known ?? knownPeople({ existing, bundled, hidden });
  const existingById = people.byId;
  // Who owns each identity (people/claims.ts); each accepted entry then owns its own.
  const owners = people.owners;
  const seenIds = new Map<string, number>();
  const usedInFile = new Set<string>();
  const place: Place = {
    byId: existingById,
    byKey: people.byKey,
    byEmail: people.byEmail,
    taken: people.taken,
    usedInFile,
    next: new Map(),
  };

  const preview: Preview = {
    added: [],
    updated: [],
    unchanged: [],
    rejected: [],
    ...(read.notes && read.notes.length > 0 && { notes: read.notes }),
  };
  const leftOut: LeftOut[] = [];
  for (let position = 0; position < entries.length; position++) {
    if (onProgress && position % PROGRESS_EVERY === 0) onProgress(position, entries.length);
    const index = position + 1;
    if (preview.rejected.length >= MAX_REFUSED && preview.rejected.length * 10 > position) {
      const [first] = preview.rejected;
      return {
        ok: false,
        error: t(
          'import_stopped',
          kind,
          String(index),
          entries.length,
          preview.rejected.length,
          first ? (rejectionLines(first)[0] ?? '') : '',
        ),
      };
    }
    const entry = entries.at(position);
    // Named only for an entry refused or kept without a field (most are neither).
    const label = () => labelOf(entry);
    const prefix = () => {
      const named = label();
      return named
        ? t('dirr_entry_named', kind, String(index), `"${named}"`)
        : t('dirr_entry', kind, String(index));
    };
    // What was left out of an entry that is then refused for another reason is said too.
    const fields: string[] = [];
    const fieldIssues: Issue[] = [];
    const reject = (issues: Issue[], errors = issues.map(describe)) => {
      preview.rejected.push({
        index,
        label: label(),
        prefix: prefix(),
        errors: [...fields, ...errors],
        issues: [...fieldIssues, ...issues],
      });
    };
    const whole = (message: string) => reject([{ path: [], message }], [message]);

    if (entry instanceof Unreadable) {
      reject(
        entry.errors.map((message) => ({ path: [], message })),
        entry.errors,
      );
      continue;
    }
    // What the reader itself could not use (a vCard property it could not decode).
    if (entry instanceof WithNotes)
      for (const message of entry.notes) {
        fields.push(message);
        fieldIssues.push({ path: [], message });
      }
    let document = entry instanceof WithNotes ? entry.entry : entry;
    let result: ReturnType<typeof validateProfile> | undefined;
    if (read.merge) {
      let placed = placeEntry(document, place);
      if (placed.ok) result = validateProfile(placed.document);
      if (placed.ok && !result?.ok) {
        // Unusable fields come out of the entry itself, then it is placed
        // again: a bad email never replaces the good one a kept person has.
        // The id and name are settled by placing it.
        const own = salvage(document, (path) => path[0] === 'id' || path[0] === 'name');
        if (own.ok) {
          placed.undo?.();
          fields.push(...own.leftOut);
          fieldIssues.push(...own.issues);
          placed = placeEntry(own.document, place);
          if (placed.ok) result = validateProfile(placed.document);
        }
      }
      if (!placed.ok) {
        whole(placed.error);
        continue;
      }
      document = placed.document;
    }
    // A profile the quick check says yes to is the schema's output as it is
    // (people/quick-check.ts: same values, keys in the same order), so it is
    // kept as parsed; anything else goes to the schema (issue 28: ~1.6 s of
    // a preview of 100,000).
    result ??= surelyValidProfile(document)
      ? { ok: true, value: document as Profile }
      : validateProfile(document);
    // Checked only when needed (most entries are valid, and each check costs), and
    // only when what is wrong is a field a person can do without.
    if (!result.ok && result.issues.every((issue) => removablePath(issue.path))) {
      const kept = salvage(document);
      if (kept.ok) {
        fields.push(...kept.leftOut);
        fieldIssues.push(...kept.issues);
        result = validateProfile(kept.document);
      }
    }
    if (!result.ok) {
      reject(result.issues, result.errors);
      continue;
    }
    const { $schema: _hint, ...profile } = result.value;

    const earlier = seenIds.get(profile.id);
    if (earlier !== undefined) {
      if (read.merge) whole(t('import_same_person', kind, String(earlier), profile.id));
      else
        reject(
          [{ path: ['id'], message: t('import_id_used_here', kind, String(earlier)) }],
          [t('import_id_used', profile.id, kind, String(earlier))],
        );
      continue;
    }
    seenIds.set(profile.id, index);
    usedInFile.add(profile.id);
    if (bundledIds.has(profile.id)) {
      reject(
        [{ path: ['id'], message: t('import_bundled_id_here') }],
        [t('import_bundled_id', profile.id)],
      );
      continue;
    }
    const claims: Issue[] = [];
    const claimed: string[] = [];
    const seenKeys = new Set<IdentityKey>();
    for (const site of ['github', 'linkedin'] as const) {
      for (const [at, handle] of profile.identities[site].entries()) {
        const [key] = profileKeys({ github: [], linkedin: [], [site]: [handle] });
        if (!key || seenKeys.has(key)) continue;
        seenKeys.add(key);
        const owner = owners.get(key)?.profile;
        if (!owner || owner.id === profile.id) continue;
        const message = t('import_claimed_here', owner.name, owner.id);
        claims.push({ path: ['identities', site, at], message });
        claimed.push(`${key} ${message}`);
      }
    }
    if (claims.length > 0) {
      reject(claims, claimed);
      continue;
    }
    for (const key of profileKeys(profile.identities)) owners.set(key, { profile, bundled: false });

    if (fields.length > 0) leftOut.push({ index, prefix: prefix(), fields, issues: fieldIssues });
    const before = existingById.get(profile.id);
    // The user's own note, tags and day (issue 26) are never taken away by a
    // file that does not carry them (a CSV, an address book, an older backup).
    if (before?.mine && profile.mine === undefined) profile.mine = before.mine;
    if (!before) preview.added.push(profile);
    else if (same(before, profile)) preview.unchanged.push(profile);
    else preview.updated.push({ before, after: profile });
  }
  onProgress?.(entries.length, entries.length);
  if (leftOut.length > 0) preview.leftOut = leftOut;
  return { ok: true, preview };
}

/** The user's profiles after confirming a preview: updates in place, additions last. */
export function applyPreview(existing: readonly Profile[], preview: Preview): Profile[] {
  const updates = new Map(preview.updated.map(({ after }) => [after.id, after]));
  return [...existing.map((profile) => updates.get(profile.id) ?? profile), ...preview.added];
}
