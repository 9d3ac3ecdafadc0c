/**
 * A fetched directory file → its people, with the importers the options
 * page uses (no parser of its own): formats/decode.ts for the encoding,
 * formats/read-entries.ts for the format by content (JSON: one profile, a
 * list, or our export; vCard), formats/json-resume.ts for a list of JSON
 * Resumes, formats/import.ts for vCards (which need its matching to get
 * ids), people/validate.ts for every person.
 *
 * The work is split with a pause every PAUSE_EVERY entries, so a
 * 100,000-person file read in the background service worker keeps answering
 * lookups (from the last good copy) while it runs.
 *
 * A directory is taken with the entries that are valid, the others counted
 * and named ("profile 3 ("Ada"): contact.email is not an email"), unless it
 * is mostly not people: no valid entry, or more than a tenth refused once
 * over 100 are — then the file is refused as a whole and the last good copy
 * stays.
 */

import { decodeFile } from '../formats/decode';
import { MAX_IMPORT_BYTES, previewImport, rejectionLines } from '../formats/import';
import { isJsonResume, readJsonResume } from '../formats/json-resume';
import { READERS, readEntries, Unreadable } from '../formats/read-entries';
import { formatBytes } from '../i18n/format';
import { t } from '../i18n/t';
import { type IdentityKey, profileKeys } from '../identity/keys';
import { withoutMine } from '../people/notes';
import type { Profile } from '../people/schema';
import { validateProfile } from '../people/validate';
import { clip, defang } from '../text/characters';

export const PAUSE_EVERY = 500;
/** Refusals named in the directory's status; the rest are counted. */
const NAMED = 5;

export interface DirectoryRead {
  people: Profile[];
  refused: { count: number; first: string[] };
}

export const pauseForEvents = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

const label = (entry: unknown) => {
  const name = (entry as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? clip(defang(name.trim()), 40) : '';
};

export async function readDirectory(
  fileName: string,
  bytes: Uint8Array,
  pause: () => Promise<void> = pauseForEvents,
): Promise<DirectoryRead | { error: string }> {
  const decoded = decodeFile(fileName, bytes);
  if (!decoded.ok) return { error: decoded.error };
  const unknown = notADirectory(decoded.text);
  if (unknown) return { error: unknown };
  const read = readEntries(fileName, decoded.text);
  if ('error' in read) return { error: read.error };
  if ('preview' in read) {
    // A format with its own rule for who each row is (LinkedIn's Connections.csv):
    // previewed whole against an empty store, like a vCard directory below.
    const result = read.preview({ existing: [], bundled: [] });
    if (!result.ok) return { error: result.error };
    const refusedLines = result.preview.rejected.flatMap(rejectionLines);
    return verdict(
      result.preview.added,
      refusedLines,
      result.preview.added.length + refusedLines.length,
    );
  }
  if (read.entries.length === 0) return { error: t('dirr_no_people') };

  if (read.merge) {
    // vCards get their ids from the importer's matching; the importer's size limit applies.
    if (bytes.byteLength > MAX_IMPORT_BYTES)
      return {
        error: t('dirr_vcard_too_big', formatBytes(MAX_IMPORT_BYTES)),
      };
    const result = previewImport(fileName, decoded.text, { existing: [], bundled: [] });
    if (!result.ok) return { error: result.error };
    return verdict(
      result.preview.added,
      result.preview.rejected.flatMap(rejectionLines),
      read.entries.length,
    );
  }

  const people: Profile[] = [];
  const refused: string[] = [];
  const ids = new Map<string, number>();
  const owners = new Map<IdentityKey, number>();
  for (let position = 0; position < read.entries.length; position++) {
    if (position % PAUSE_EVERY === PAUSE_EVERY - 1) await pause();
    const index = position + 1;
    let entry = read.entries.at(position);
    const named = label(entry);
    const prefix = named
      ? t('dirr_entry_named', read.kind, String(index), `"${named}"`)
      : t('dirr_entry', read.kind, String(index));
    if (entry instanceof Unreadable) {
      refused.push(`${prefix}: ${entry.errors[0] ?? t('dirr_not_readable')}`);
      continue;
    }
    if (isJsonResume(entry)) {
      const resume = readJsonResume(entry, { takenIds: new Set(ids.keys()) });
      if (!resume.ok) {
        refused.push(`${prefix}: ${resume.error}`);
        continue;
      }
      entry = resume.profile;
    }
    const checked = validateProfile(entry);
    if (!checked.ok) {
      refused.push(`${prefix}: ${checked.errors[0]}`);
      continue;
    }
    const { $schema: _hint, ...profile } = checked.value;
    const earlier = ids.get(profile.id);
    if (earlier !== undefined) {
      refused.push(`${prefix}: ${t('dirr_id_used', profile.id, read.kind, String(earlier))}`);
      continue;
    }
    const taken = profileKeys(profile.identities).find((key) => owners.has(key));
    if (taken) {
      refused.push(
        `${prefix}: ${t('dirr_handle_used', taken, read.kind, String(owners.get(taken) ?? 0))}`,
      );
      continue;
    }
    ids.set(profile.id, index);
    for (const key of profileKeys(profile.identities)) owners.set(key, index);
    people.push(profile);
  }
  return verdict(people, refused, read.entries.length);
}

/**
 * A server's answer that is no file of people, said as a directory's
 * problem (not the file import's sentence, which names a file the user
 * picked): a web page — a sign-in page, the page that links to the file —
 * or some other format.
 */
function notADirectory(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return t('dirr_empty');
  if (/^<(?:!doctype\s+html\b|html\b|head\b|body\b|meta\b|title\b|!--)/i.test(trimmed))
    return t('dirr_html');
  if (READERS.some((reader) => reader.accepts(trimmed))) return undefined;
  return t('dirr_unknown', JSON.stringify(clip(defang(trimmed.split(/\r?\n/, 1)[0] ?? ''), 30)));
}

function verdict(
  people: Profile[],
  refused: string[],
  total: number,
): DirectoryRead | { error: string } {
  const first = refused.slice(0, NAMED);
  if (people.length === 0)
    return {
      error: first[0] ? t('dirr_no_valid_first', first[0]) : t('dirr_no_valid'),
    };
  if (refused.length > 100 && refused.length * 10 > total)
    return {
      error: t('dirr_too_many_invalid', refused.length, total, first[0] ?? ''),
    };
  // A directory cannot speak for the user: a "note of yours" from it is dropped (issue 26).
  return { people: people.map(withoutMine), refused: { count: refused.length, first } };
}
