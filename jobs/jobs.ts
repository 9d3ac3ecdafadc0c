/**
 * Work on every stored person, done away from the page: the options page
 * runs it in a worker (entrypoints/options/jobs-worker.ts), so an import of
 * 100,000 people — reading the file, checking each entry, writing them —
 * never holds the page's thread (issue 12: the preview of 10,000 froze the
 * page for a second, with nothing on screen). Pure of extension APIs: a
 * worker has none; the page announces what the worker wrote.
 *
 *   page                               worker (this runner)
 *   preview {name, bytes} ───────────▶ read what is stored (slices) ─▶ previewFile
 *                ◀── progress ───────     "Reading…", "Checking 2,500 of 10,000"
 *                ◀── preview {counts, names, refusals}
 *   commit ──────────────────────────▶ writeImport at the preview's store version
 *                ◀── progress ───────     "Writing 3,000 of 10,000"
 *                ◀── committed | again (stored people changed: the new preview) | cancelled
 *   cancel ──────────────────────────▶ aborts the write if it has not committed
 *   scan ────────────────────────────▶ damaged records, identity clashes, tags and
 *                                      last-contacted days (issue 26), and
 *                                      handles shared with directories' people
 *   export {format, checked} ────────▶ the export's text: JSON backup (written a slice at a
 *                                      time as it is read), one vCard 3.0 file, or CSV;
 *                                      `checked` (the last scan's verdict and its store
 *                                      version) spares checking every record again
 *
 * An import is confirmed against what is stored at commit time: if anything
 * changed since the preview, it is previewed again; written without asking
 * only if the verdict is the same, else the new preview is shown with what
 * changed (store/store.ts's promise: nothing written over a change the
 * user has not seen).
 */

import { toContactsCsv } from '../formats/contacts-csv';
import { exportInParts } from '../formats/export';
import { EXPORT_FILES, type ExportFormat } from '../formats/export-files';
import { leftOutLines, type Preview, rejectionLines } from '../formats/import';
import { previewFile } from '../formats/import-backup';
import { toVCards } from '../formats/vcard';
import { t } from '../i18n/t';
import { type FieldChange, profileChanges } from '../people/changes';
import { buildDirectory, type IdentityConflict } from '../people/directory';
import type { Profile } from '../people/schema';
import type { Db } from '../store/db';
import { type DirectoryClash, findDirectoryClashes } from '../store/directory-clashes';
import { writeImport } from '../store/import-write';
import { type Checked, forEachSlice, readInSlices, WORKER_SLICE } from '../store/read-slices';
import type { DamagedRecord, Snapshot } from '../store/store';

export type JobRequest =
  | { type: 'preview'; name: string; input: Uint8Array | string }
  | { type: 'commit' }
  | { type: 'cancel' }
  | { type: 'scan' }
  /** `checked`: the page's last scan's verdict, taken if still at the store's version. */
  | { type: 'export'; format?: ExportFormat; checked?: Checked };

/** "Export all" as our JSON backup, one vCard 3.0 file, or a contacts CSV. */
export type { ExportFormat } from '../formats/export-files';

export type JobPhase = 'reading' | 'checking' | 'writing' | 'scanning' | 'exporting';

/** What a page shows of a preview; the profiles themselves stay with the runner. */
export interface PreviewView {
  name: string;
  added: number;
  updated: number;
  unchanged: number;
  rejected: number;
  /** The first names of each group, for the page to list. */
  addedNames: string[];
  updatedNames: string[];
  /** For each of the first updates, what changes, field by field, in words. */
  updatedDiffs: { name: string; changes: FieldChange[] }[];
  /** One line per problem of the first refused entries. */
  rejectedLines: string[];
  /** People kept without a field that could not be used… */
  leftOut: number;
  /** …and, for the first `leftOutShown` of them, which field and why, one line each. */
  leftOutLines: string[];
  leftOutShown: number;
  /** How many values the reader changed to fit (Connections.csv, JSON Resume)… */
  notes: number;
  /** …and the first of them, in words. */
  noteLines: string[];
}

export type JobEvent =
  | { type: 'progress'; phase: JobPhase; done: number; total?: number }
  | { type: 'preview'; view: PreviewView }
  | { type: 'again'; view: PreviewView; note: string }
  | { type: 'committed'; added: number; updated: number; storeRev: number }
  | { type: 'cancelled' }
  | {
      type: 'scanned';
      /** The store version the scan read: its verdict holds while the store is at it. */
      rev: number;
      damaged: DamagedRecord[];
      conflicts: IdentityConflict[];
      /** The names of the people in `conflicts`, by id. */
      names: Record<string, string>;
      /** Handles a subscribed directory's people share with those shown. */
      directoryClashes: DirectoryClash[];
      /** The tags and last-contacted day of the people who have them (issue 26), by id. */
      notes: NotesIndex;
    }
  /** The file, made here: the page only hands it to the browser (no 44 MB string on its thread). */
  | { type: 'exported'; file: Blob; count: number }
  | { type: 'error'; message: string };

/** Per person with any: their tags and the day the user last spoke with them. */
export type NotesIndex = Record<string, { tags?: string[]; contacted?: string }>;

/** Names listed per group, and refused entries spelled out, in a view. */
export const VIEW_NAMES = 200;
export const VIEW_REFUSALS = 50;
export const VIEW_NOTES = 50;
/** At most this often, so a fast loop does not flood the page with messages. */
const PROGRESS_MS = 40;
/** Tries before an import that keeps meeting changes gives up. */
const ATTEMPTS = 3;

export function viewOf(name: string, preview: Preview): PreviewView {
  return {
    name,
    added: preview.added.length,
    updated: preview.updated.length,
    unchanged: preview.unchanged.length,
    rejected: preview.rejected.length,
    addedNames: preview.added.slice(0, VIEW_NAMES).map((profile) => profile.name),
    updatedNames: preview.updated.slice(0, VIEW_NAMES).map(({ after }) => after.name),
    updatedDiffs: preview.updated.slice(0, VIEW_NAMES).map(({ before, after }) => ({
      name: after.name,
      changes: profileChanges(before, after),
    })),
    rejectedLines: preview.rejected.slice(0, VIEW_REFUSALS).flatMap(rejectionLines),
    leftOut: preview.leftOut?.length ?? 0,
    leftOutLines: (preview.leftOut ?? []).slice(0, VIEW_REFUSALS).flatMap(leftOutLines),
    leftOutShown: Math.min(preview.leftOut?.length ?? 0, VIEW_REFUSALS),
    notes: preview.notes?.length ?? 0,
    noteLines: (preview.notes ?? []).slice(0, VIEW_NOTES),
  };
}

/** Two previews say the same thing: the same people in each group, the same refusals. */
export function samePreview(a: Preview, b: Preview): boolean {
  const ids = (preview: Preview) =>
    JSON.stringify([
      preview.added.map((profile) => profile.id),
      preview.updated.map(({ before, after }) => [after.id, JSON.stringify(before)]),
      preview.unchanged.map((profile) => profile.id),
      preview.rejected.map((rejected) => [rejected.index, rejected.errors]),
    ]);
  return ids(a) === ids(b);
}

/** What differs between the preview the user saw and the one made against what is stored now. */
export function describeChanges(before: Preview, after: Preview): string {
  const group = (preview: Preview) => {
    const map = new Map<string, string>();
    for (const profile of preview.added) map.set(profile.id, t('changes_to_add'));
    for (const { after } of preview.updated) map.set(after.id, t('changes_to_update'));
    for (const profile of preview.unchanged) map.set(profile.id, t('changes_unchanged'));
    return map;
  };
  const was = group(before);
  const now = group(after);
  const lines: string[] = [];
  for (const [id, state] of now) {
    const old = was.get(id);
    if (old !== state) lines.push(t('changes_line', id, old ?? t('changes_refused'), state));
  }
  for (const [id, state] of was)
    if (!now.has(id)) lines.push(t('changes_line', id, state, t('changes_refused')));
  if (lines.length === 0) lines.push(t('changes_others'));
  const first = lines.slice(0, 5).join('; ');
  return lines.length > 5 ? t('changes_and_more', first, lines.length - 5) : first;
}

export interface JobDeps {
  openDb: () => Promise<Db>;
  bundled: readonly Profile[];
  post: (event: JobEvent) => void;
  now?: () => number;
}

/** A preview waiting for the user's confirmation. */
interface Pending {
  name: string;
  input: Uint8Array | string;
  preview: Preview;
  /** The store version the preview was computed from, and each stored person's version then. */
  basis: number;
  revs: Map<string, number>;
}

/**
 * Handles one page's requests. Each runs as it arrives — a `cancel` while a
 * `commit` is writing is what stops it — and the page sends nothing else
 * while a preview or a write is under way.
 */
export function createJobRunner({ openDb, bundled, post, now = () => performance.now() }: JobDeps) {
  let pending: Pending | undefined;
  let writing: AbortController | undefined;
  let last = Number.NEGATIVE_INFINITY;
  const progress = (phase: JobPhase, done: number, total?: number) => {
    const time = now();
    if (done !== total && time - last < PROGRESS_MS) return;
    last = time;
    post({ type: 'progress', phase, done, ...(total === undefined ? {} : { total }) });
  };

  const read = async (): Promise<Snapshot> =>
    readInSlices(await openDb(), (count) => progress('reading', count), WORKER_SLICE);

  /** Previews `input` against what is stored now; undefined after posting why it could not. */
  const previewAgainst = async (
    name: string,
    input: Uint8Array | string,
  ): Promise<Pending | undefined> => {
    progress('reading', 0);
    const snapshot = await read();
    progress('checking', 0);
    const result = previewFile(name, input, {
      existing: snapshot.people.map((record) => record.profile),
      bundled,
      hidden: snapshot.hidden,
      onProgress: (checked, total) => progress('checking', checked, total),
    });
    if (!result.ok) {
      // Name the file in import.ts's size message.
      post({ type: 'error', message: result.error.replace(/^The file is /, `"${name}" is `) });
      return undefined;
    }
    return {
      name,
      input,
      preview: result.preview,
      basis: snapshot.rev,
      revs: new Map(snapshot.people.map((record) => [record.id, record.rev])),
    };
  };

  const commit = async () => {
    if (!pending || writing) return;
    writing = new AbortController();
    try {
      for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
        const { preview, basis, revs } = pending;
        const people = [
          ...preview.updated.map(({ after }) => ({ profile: after, rev: revs.get(after.id) })),
          ...preview.added.map((profile) => ({ profile })),
        ];
        const total = people.length;
        progress('writing', 0, total);
        const result = await writeImport(await openDb(), people, basis, {
          signal: writing.signal,
          onProgress: (written) => progress('writing', written, total),
        });
        if (result.ok) {
          pending = undefined;
          post({
            type: 'committed',
            added: preview.added.length,
            updated: preview.updated.length,
            storeRev: result.rev,
          });
          return;
        }
        if (result.reason === 'cancelled') {
          post({ type: 'cancelled' });
          return;
        }
        // The store changed since the preview: preview again against what is stored now.
        const again = await previewAgainst(pending.name, pending.input);
        if (!again) {
          pending = undefined;
          return;
        }
        if (writing.signal.aborted) {
          post({ type: 'cancelled' });
          return;
        }
        const before = pending.preview;
        pending = again;
        if (!samePreview(before, again.preview)) {
          post({
            type: 'again',
            view: viewOf(again.name, again.preview),
            note: t('import_changed_since', describeChanges(before, again.preview)),
          });
          return;
        }
      }
      post({
        type: 'error',
        message: t('import_kept_changing'),
      });
    } finally {
      writing = undefined;
    }
  };

  const scan = async () => {
    // Only what the checks need is kept: 100,000 whole profiles never sit in memory.
    const user: Profile[] = [];
    const damaged: DamagedRecord[] = [];
    const notes: NotesIndex = {};
    const db = await openDb();
    const { rev, hidden } = await forEachSlice(
      db,
      (people, bad, read) => {
        for (const { profile } of people) {
          const { tags, contacted } = profile.mine ?? {};
          if (tags?.length || contacted)
            notes[profile.id] = { ...(tags?.length && { tags }), ...(contacted && { contacted }) };
        }
        for (const { profile } of people)
          user.push({
            id: profile.id,
            name: profile.name,
            projects: [],
            contact: {},
            identities: profile.identities,
          });
        for (const record of bad) damaged.push(record);
        progress('scanning', read);
      },
      WORKER_SLICE,
    );
    const directory = buildDirectory({ bundled, user, hidden });
    const names: Record<string, string> = {};
    for (const conflict of directory.conflicts)
      for (const id of [conflict.winner, ...conflict.losers])
        names[id] = directory.byId(id)?.name ?? id;
    post({
      type: 'scanned',
      rev,
      damaged,
      conflicts: [...directory.conflicts],
      names,
      directoryClashes: await findDirectoryClashes(db, directory.profiles),
      notes,
    });
  };

  const exportAll = async (format: ExportFormat = 'json', checked?: Checked) => {
    const db = await openDb();
    const { type } = EXPORT_FILES[format];
    let text: string[];
    let count = 0;
    if (format === 'json') {
      // Each slice is written out as it is read (the next one read meanwhile):
      // 100,000 people are never all held at once, nor made into one string.
      const document = exportInParts();
      await forEachSlice(
        db,
        (people, _damaged, read) => {
          document.add(people.map((record) => record.profile));
          count += people.length;
          progress('exporting', read);
        },
        WORKER_SLICE,
        checked,
      );
      text = document.finish();
    } else {
      const snapshot = await readInSlices(
        db,
        (read) => progress('exporting', read),
        WORKER_SLICE,
        checked,
      );
      const profiles = snapshot.people.map((record) => record.profile);
      count = profiles.length;
      text = [format === 'vcard' ? toVCards(profiles) : toContactsCsv(profiles)];
    }
    // A Blob made here: the page only hands it to the browser.
    post({ type: 'exported', file: new Blob(text, { type }), count });
  };

  return async (request: JobRequest): Promise<void> => {
    try {
      switch (request.type) {
        case 'preview': {
          pending = undefined;
          const next = await previewAgainst(request.name, request.input);
          if (!next) return;
          pending = next;
          post({ type: 'preview', view: viewOf(next.name, next.preview) });
          return;
        }
        case 'commit':
          return await commit();
        case 'cancel':
          writing?.abort();
          return;
        case 'scan':
          return await scan();
        case 'export':
          return await exportAll(request.format, request.checked);
      }
    } catch (error) {
      writing = undefined;
      post({ type: 'error', message: (error as Error)?.message ?? String(error) });
    }
  };
}
