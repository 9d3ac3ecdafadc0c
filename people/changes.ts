/**
 * What an update changes, field by field, in words: the import preview opens
 * each update to this list, as the popup's "Update from page" does, so a
 * merge is never confirmed blind.
 *
 *   before, after ─▶ [{ field: "Headline", before: "Analyst", after: "Countess" }, …]
 *
 * Values are shown as text: a list joined with commas, handles as
 * `@login` / `in/slug`, an empty field as "—". Computed where the preview is
 * made (the import worker), in the user's language.
 */
import { formatHandles } from '../identity/handles';
import { fieldWords } from './field-words';
import type { Profile } from './schema';

export interface FieldChange {
  /** The field as the form names it: "Headline", "LinkedIn profiles". */
  field: string;
  before: string;
  after: string;
}

const FIELDS: readonly (readonly string[])[] = [
  ['name'],
  ['headline'],
  ['bio'],
  ['location'],
  ['highlights'],
  ['contact', 'email'],
  ['contact', 'website'],
  ['contact', 'links'],
  ['identities', 'github'],
  ['identities', 'linkedin'],
  ['projects'],
];

const EMPTY = '—';

function valueAt(profile: Profile, path: readonly string[]): unknown {
  let value: unknown = profile;
  for (const key of path) value = (value as Record<string, unknown> | undefined)?.[key];
  return value;
}

function shown(path: readonly string[], value: unknown): string {
  if (value === undefined || value === '') return EMPTY;
  if (!Array.isArray(value)) return String(value);
  if (value.length === 0) return EMPTY;
  if (path[0] === 'identities') {
    const site = path[1] === 'github' ? 'github' : 'linkedin';
    return formatHandles({
      github: site === 'github' ? (value as string[]) : [],
      linkedin: site === 'linkedin' ? (value as string[]) : [],
    }).join(', ');
  }
  return value
    .map((item) => {
      if (typeof item !== 'object' || item === null) return String(item);
      const { name, label, url } = item as { name?: string; label?: string; url?: string };
      return label && url ? `${label} (${url})` : (name ?? label ?? url ?? '');
    })
    .join(', ');
}

/** The fields that differ between `before` and `after`, in the form's order and words. */
export function profileChanges(before: Profile, after: Profile): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const path of FIELDS) {
    const was = valueAt(before, path);
    const now = valueAt(after, path);
    if (JSON.stringify(was) === JSON.stringify(now)) continue;
    changes.push({ field: fieldWords(path), before: shown(path, was), after: shown(path, now) });
  }
  return changes;
}
