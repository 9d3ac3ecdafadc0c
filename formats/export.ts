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
