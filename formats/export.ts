/**
 * What Export writes: `{ "version": 1, "profiles": [...] }`, the shape
 * ./import.ts reads back, so a backup re-imports unchanged.
 */
import type { Profile } from '../people/schema';

/** The export format this version writes and reads. */
export const EXPORT_FORMAT_VERSION = 1;

/** Past this many characters an export is written compact. */
const PRETTY_LIMIT = 1024 * 1024;

/**
 * What Export writes; re-importing it changes nothing. Indented while small
 * enough to read; compact past 1 MB, so a directory that fits in storage also
 * fits under the import limit when exported. The compact text is made first:
 * the indented one is longer, so past the limit it is never made (at 100,000
 * people that saved a ~60 MB string).
 */
export function exportDocument(profiles: readonly Profile[]): string {
  const document = { version: EXPORT_FORMAT_VERSION, profiles };
  const compact = JSON.stringify(document);
  if (compact.length > PRETTY_LIMIT) return `${compact}\n`;
  const pretty = JSON.stringify(document, null, 2);
  return `${pretty.length <= PRETTY_LIMIT ? pretty : compact}\n`;
}

/** `{"version":1,"profiles":[` and `]}`: the compact document around its profiles. */
const EMPTY = JSON.stringify({ version: EXPORT_FORMAT_VERSION, profiles: [] });
const HEAD = EMPTY.slice(0, EMPTY.indexOf('[]') + 1);
const TAIL = EMPTY.slice(EMPTY.indexOf('[]') + 1);

/**
 * `exportDocument`'s text made a slice of profiles at a time, as the parts
 * of a Blob (issue 28): each slice is stringified as it is read, so an
 * export of 100,000 people never holds them all, nor one 44 MB string, and
 * the next slice is read meanwhile. The parts joined are exactly
 * `exportDocument`'s text: while the compact text stays within the limit
 * the profiles are kept and the whole made by `exportDocument` (maybe
 * indented); past it, the compact text is the slices' own.
 */
export function exportInParts() {
  const parts: string[] = [HEAD];
  let kept: Profile[] | undefined = [];
  let length = HEAD.length + TAIL.length;
  return {
    add(profiles: readonly Profile[]) {
      if (profiles.length === 0) return;
      const list = JSON.stringify(profiles);
      // Between slices a comma, as between any two profiles of one list.
      if (parts.length > 1) parts.push(',');
      parts.push(list.slice(1, -1));
      length += list.length - 2 + (parts.length > 2 ? 1 : 0);
      if (kept && length > PRETTY_LIMIT) kept = undefined;
      else kept?.push(...profiles);
    },
    /** The document's text, as parts to join (or hand to a Blob). */
    finish(): string[] {
      return kept ? [exportDocument(kept)] : [...parts, `${TAIL}\n`];
    },
  };
}
