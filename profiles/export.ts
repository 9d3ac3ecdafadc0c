/**
 * What Export writes: `{ "version": 1, "profiles": [...] }`, the shape
 * ./import.ts reads back, so a backup re-imports unchanged.
 */
import type { Profile } from './schema';

/** The export format this version writes and reads. */
export const EXPORT_FORMAT_VERSION = 1;

/**
 * What Export writes; re-importing it changes nothing. Indented while small
 * enough to read; compact past 1 MB, so a directory that fits in storage also
 * fits under the import limit when exported.
 */
export function exportDocument(profiles: readonly Profile[]): string {
  const document = { version: EXPORT_FORMAT_VERSION, profiles };
  const pretty = JSON.stringify(document, null, 2);
  return `${pretty.length <= 1024 * 1024 ? pretty : JSON.stringify(document)}\n`;
}
