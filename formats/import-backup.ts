/**
 * Previewing a file of any size the options page accepts, so a full backup
 * always restores: a document in our own export format
 * (`{ "version": 1, "profiles": [...] }`, ./export.ts) may be larger than the
 * single-file limit of ./import.ts (MAX_IMPORT_BYTES, 5 MB — a full export of
 * 7,399 people is 9.8 MB). Such a document is previewed in slices under that
 * limit, each through the same `previewImport`, with what earlier slices
 * accepted counted as taken (identities) and used (ids), so the verdict is
 * the one a single preview of the whole file would give. Who is known (the
 * kept people by id, handle and email, each handle's owner) is built once
 * and grown by each slice's accepted people (./import.ts `knownPeople`),
 * not built again from everyone per slice. Anything else over
 * the limit gets import.ts's own "too big" message.
 */
import { t } from '../i18n/t';
import { defang } from '../text/characters';
import {
  EXPORT_FORMAT_VERSION,
  type ImportContext,
  type ImportResult,
  knowAccepted,
  knownPeople,
  type LeftOut,
  MAX_IMPORT_BYTES,
  type Preview,
  previewImport,
} from './import';

/** What the file picker reads at most: 100,000 people of a generous size. */
export const MAX_BACKUP_BYTES = 256 * 1024 * 1024;
/** Each slice stays well under the single-file limit. */
const SLICE_BYTES = Math.floor(MAX_IMPORT_BYTES * 0.8);

/** Text whose UTF-8 bytes are as many as its characters. */
const ASCII = /^[\x00-\x7f]*$/;

const byteLength = (input: Uint8Array | string) =>
  typeof input === 'string' ? new TextEncoder().encode(input).length : input.byteLength;

function exportEntries(input: Uint8Array | string): unknown[] | undefined {
  try {
    const text =
      typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input);
    const document = JSON.parse(text.replace(/^\uFEFF/, ''));
    if (
      document &&
      typeof document === 'object' &&
      !Array.isArray(document) &&
      document.version === EXPORT_FORMAT_VERSION &&
      Array.isArray(document.profiles) &&
      Object.keys(document).every((key) => key === 'version' || key === 'profiles')
    )
      return document.profiles;
  } catch {
    // Not our export: import.ts says what is wrong with it.
  }
  return undefined;
}

const labelOf = (entry: unknown) => {
  const name = (entry as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? defang(name.trim().slice(0, 40)) : '';
};
const prefixOf = (index: number, label: string) =>
  label
    ? t('dirr_entry_named', t('kind_profile'), String(index), `"${label}"`)
    : t('dirr_entry', t('kind_profile'), String(index));

export function previewFile(
  fileName: string,
  input: Uint8Array | string,
  context: ImportContext,
): ImportResult {
  if (byteLength(input) <= MAX_IMPORT_BYTES) return previewImport(fileName, input, context);
  const entries = exportEntries(input);
  if (!entries) return previewImport(fileName, input, context);

  const preview: Preview = { added: [], updated: [], unchanged: [], rejected: [] };
  const leftOut: LeftOut[] = [];
  const seen = new Map<string, number>();
  // Who is known, built once; each slice's accepted people are added to it.
  const known = knownPeople(context);
  // UTF-8 sizes counted into one reused buffer (at most 3 bytes a UTF-16
  // unit), not a new array per entry: ~0.5 s of 100,000 entries (issue 28).
  const encoder = new TextEncoder();
  let scratch = new Uint8Array(64 * 1024);
  const utf8Length = (text: string) => {
    if (scratch.length < text.length * 3) scratch = new Uint8Array(text.length * 3);
    return encoder.encodeInto(text, scratch).written;
  };
  let start = 0;
  while (start < entries.length) {
    // One slice: consecutive entries under SLICE_BYTES.
    const slice: unknown[] = [];
    // Each entry's JSON, made once: for its size, and joined into the slice's text.
    const texts: string[] = [];
    const positions: number[] = [];
    let bytes = 32;
    let next = start;
    for (; next < entries.length; next++) {
      const entry = entries[next];
      const text = JSON.stringify(entry) ?? 'null';
      const size = (ASCII.test(text) ? text.length : utf8Length(text)) + 1;
      if (slice.length > 0 && bytes + size > SLICE_BYTES) break;
      const id = (entry as { id?: unknown } | null)?.id;
      const earlier = typeof id === 'string' ? seen.get(id) : undefined;
      if (earlier !== undefined) {
        const label = labelOf(entry);
        preview.rejected.push({
          index: next + 1,
          label,
          prefix: prefixOf(next + 1, label),
          errors: [t('import_id_used', String(id), t('kind_profile'), String(earlier))],
          issues: [
            {
              path: ['id'],
              message: t('import_id_used_here', t('kind_profile'), String(earlier)),
            },
          ],
        });
        continue;
      }
      if (typeof id === 'string') seen.set(id, next + 1);
      slice.push(entry);
      texts.push(text);
      positions.push(next + 1);
      bytes += size;
    }
    start = next;
    if (slice.length === 0) continue;
    const before = start - slice.length;
    const result = previewImport(
      fileName,
      // What JSON.stringify({ version, profiles: slice }) gives, from the entries' own texts.
      `{"version":${EXPORT_FORMAT_VERSION},"profiles":[${texts.join(',')}]}`,
      {
        bundled: context.bundled,
        hidden: context.hidden,
        existing: context.existing,
        known,
        onProgress:
          context.onProgress &&
          ((checked) => context.onProgress?.(Math.max(0, before) + checked, entries.length)),
      },
    );
    if (!result.ok) return result;
    const part = result.preview;
    preview.added.push(...part.added);
    preview.updated.push(...part.updated);
    preview.unchanged.push(...part.unchanged);
    knowAccepted(known, [
      ...part.added,
      ...part.updated.map(({ after }) => after),
      ...part.unchanged,
    ]);
    for (const rejected of part.rejected) {
      const index = positions[rejected.index - 1] ?? rejected.index;
      preview.rejected.push({ ...rejected, index, prefix: prefixOf(index, rejected.label) });
    }
    for (const left of part.leftOut ?? []) {
      const index = positions[left.index - 1] ?? left.index;
      const label = labelOf(slice[left.index - 1]);
      leftOut.push({ ...left, index, prefix: prefixOf(index, label) });
    }
  }
  preview.rejected.sort((a, b) => a.index - b.index);
  if (leftOut.length > 0) preview.leftOut = leftOut;
  return { ok: true, preview };
}
