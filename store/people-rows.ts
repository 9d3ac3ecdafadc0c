/**
 * The people list's summary: what a list row needs of each person (id,
 * version, name, headline, handles, and the folded words search matches),
 * kept in the database's `meta` store next to the store's version, so the
 * popup and the options page read 10,000 people as a few arrays of strings
 * (~6 ms) instead of 10,000 whole profiles (~110 ms; 1.5–3.5 s at 100,000).
 *
 *   meta "rows:<from>"  a chunk: the rows whose ids sort at or after <from>
 *                       and before the next chunk's, by id, column by column
 *                       (ids[], revs[], names[], headlines[], handles[], texts[])
 *   meta "rows-rev"     "<ROWS_FORMAT>:<rev>": the store version the chunks describe,
 *                       and the shape of their rows (a summary of an older shape,
 *                       such as one whose search text has no project names, is
 *                       rebuilt once)
 *
 * Kept in step by the writes themselves: store/store.ts passes each
 * write's change to `keepRows` inside the same transaction that bumps the
 * store's version, touching only the chunks it changes (an edit rewrites
 * one chunk of at most 2,000 rows). A writer that does not (the move of an
 * earlier version's data, or any future one) bumps "rev" alone, which makes
 * the summary stale, never wrong: `readRows` sees "rows-rev" ≠ "rev" and
 * builds it again from the records, reading them in slices so no task of the
 * page runs long, then stores it if the store has not changed meanwhile.
 */
import { formatHandles } from '../identity/handles';
import { personText } from '../people/search-index';
import type { Db, PersonRecord } from './db';
import { forEachSlice } from './read-slices';

export interface PersonRow {
  id: string;
  /** The record's version, for a delete or an edit to state as its precondition. */
  rev: number;
  name: string;
  /** '' when the person has none. */
  headline: string;
  /** As lists show them: `@login`, `in/slug`. */
  handles: string[];
  /** What search matches: ../people/search-index.ts `searchText` of the above. */
  text: string;
}

/** Every stored person's row, in id order, as read with the store's version. */
export interface StoredRows {
  /** The store's version these rows describe. */
  rev: number;
  ids: string[];
  revs: number[];
  names: string[];
  headlines: string[];
  /** Each person's handles, joined with "\n". */
  handles: string[];
  texts: string[];
  /** Ids of the bundled people the user hid (read in the same transaction). */
  hidden: string[];
}

/** One chunk as stored: columns, because the browser reads arrays of strings fastest. */
interface RowsChunk {
  ids: string[];
  revs: number[];
  names: string[];
  headlines: string[];
  handles: string[];
  texts: string[];
}

export interface RowsChange {
  /** Records written (added or replaced). */
  put?: readonly PersonRecord[];
  /** Ids deleted. */
  remove?: readonly string[];
}

/** The `meta` store as this module uses it: values of its own shapes under its own keys. */
export interface MetaStore {
  get(key: string): Promise<unknown>;
  put(value: unknown, key: string): Promise<unknown>;
  delete(key: string | IDBKeyRange): Promise<unknown>;
  getAllKeys(range: IDBKeyRange): Promise<IDBValidKey[]>;
}

const PREFIX = 'rows:';
export const ROWS_REV_KEY = 'rows-rev';
/** Every chunk's key, and nothing else in `meta` ("rows-rev" sorts before "rows:"). */
const chunkRange = () => IDBKeyRange.bound(PREFIX, `${PREFIX}\uffff`);
/** A chunk past this many rows is split into chunks of SPLIT. */
const MAX_ROWS = 2000;
const SPLIT = 1000;

export function rowOf(record: PersonRecord): PersonRow {
  const { profile } = record;
  const handles = formatHandles(profile.identities);
  const headline = profile.headline ?? '';
  return {
    id: record.id,
    rev: record.rev,
    name: profile.name,
    headline,
    handles,
    text: personText(profile, handles),
  };
}

/** The rows' shape: 2 added project names to the search text. */
export const ROWS_FORMAT = 2;
/** What "rows-rev" holds for rows of this shape describing store version `rev`. */
export const rowsStamp = (rev: number) => `${ROWS_FORMAT}:${rev}`;

/** Are rows recorded at `rowsRev` the rows of a store at version `rev`, of this shape? */
export function rowsAreCurrent(rowsRev: unknown, rev: number): boolean {
  // A store never written (version 0) has no people, and no rows yet.
  return rowsRev === rowsStamp(rev) || (rowsRev === undefined && rev === 0);
}

const isStrings = (value: unknown, length: number): value is string[] =>
  Array.isArray(value) &&
  value.length === length &&
  value.every((entry) => typeof entry === 'string');

/** A chunk as read, if it has the shape this module writes (a hand edit or disk trouble may not). */
function chunkOf(value: unknown): RowsChunk | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const chunk = value as Partial<RowsChunk>;
  const length = Array.isArray(chunk.ids) ? chunk.ids.length : -1;
  if (
    isStrings(chunk.ids, length) &&
    Array.isArray(chunk.revs) &&
    chunk.revs.length === length &&
    chunk.revs.every((rev) => Number.isSafeInteger(rev)) &&
    isStrings(chunk.names, length) &&
    isStrings(chunk.headlines, length) &&
    isStrings(chunk.handles, length) &&
    isStrings(chunk.texts, length)
  )
    return chunk as RowsChunk;
  return undefined;
}

function rowsOfChunk(chunk: RowsChunk): PersonRow[] {
  return chunk.ids.map((id, at) => ({
    id,
    rev: chunk.revs[at] as number,
    name: chunk.names[at] as string,
    headline: chunk.headlines[at] as string,
    handles: (chunk.handles[at] as string) === '' ? [] : (chunk.handles[at] as string).split('\n'),
    text: chunk.texts[at] as string,
  }));
}

function chunkOfRows(rows: readonly PersonRow[]): RowsChunk {
  return {
    ids: rows.map((row) => row.id),
    revs: rows.map((row) => row.rev),
    names: rows.map((row) => row.name),
    headlines: rows.map((row) => row.headline),
    handles: rows.map((row) => row.handles.join('\n')),
    texts: rows.map((row) => row.text),
  };
}

const byId = (a: PersonRow, b: PersonRow) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** `rows` (sorted by id) with `remove` taken out and `put` (sorted by id) in place. */
export function mergeRows(
  rows: readonly PersonRow[],
  put: readonly PersonRow[],
  remove: ReadonlySet<string>,
): PersonRow[] {
  const out: PersonRow[] = [];
  let p = 0;
  for (const row of rows) {
    while (p < put.length && (put[p] as PersonRow).id < row.id) out.push(put[p++] as PersonRow);
    if (p < put.length && (put[p] as PersonRow).id === row.id) {
      out.push(put[p++] as PersonRow);
      continue;
    }
    if (!remove.has(row.id)) out.push(row);
  }
  while (p < put.length) out.push(put[p++] as PersonRow);
  return out;
}

/** The chunk boundary an id belongs under: the greatest at or before it, else the first (''). */
export function boundaryFor(boundaries: readonly string[], id: string): string {
  let low = 0;
  let high = boundaries.length - 1;
  let found = '';
  while (low <= high) {
    const middle = (low + high) >> 1;
    const boundary = boundaries[middle] as string;
    if (boundary <= id) {
      found = boundary;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/**
 * Applies one write's change to the summary, in the write's own transaction,
 * when the summary described the store before it (`was`); then records it
 * as describing `now`. A stale summary is left stale for `readRows` to rebuild.
 */
export async function keepRows(
  meta: MetaStore,
  was: number,
  now: number,
  change: RowsChange = {},
): Promise<void> {
  if (!rowsAreCurrent(await meta.get(ROWS_REV_KEY), was)) return;
  const put = (change.put ?? []).map(rowOf).sort(byId);
  const remove = change.remove ?? [];
  if (put.length > 0 || remove.length > 0) {
    const boundaries = (await meta.getAllKeys(chunkRange())).map((key) =>
      String(key).slice(PREFIX.length),
    );
    const groups = new Map<string, { put: PersonRow[]; remove: Set<string> }>();
    const group = (id: string) => {
      const boundary = boundaryFor(boundaries, id);
      let found = groups.get(boundary);
      if (!found) {
        found = { put: [], remove: new Set() };
        groups.set(boundary, found);
      }
      return found;
    };
    for (const row of put) group(row.id).put.push(row);
    for (const id of remove) group(id).remove.add(id);
    for (const [boundary, changes] of groups) {
      const stored = chunkOf(await meta.get(PREFIX + boundary));
      if (!stored && boundaries.includes(boundary)) {
        // A chunk that is not what we wrote: rebuild everything on the next read.
        await meta.delete(ROWS_REV_KEY);
        return;
      }
      const rows = mergeRows(stored ? rowsOfChunk(stored) : [], changes.put, changes.remove);
      await writeChunks(meta, boundary, rows);
    }
  }
  await meta.put(rowsStamp(now), ROWS_REV_KEY);
}

/** Stores `rows` (sorted) under `boundary`, split into chunks when there are too many. */
async function writeChunks(meta: MetaStore, boundary: string, rows: PersonRow[]): Promise<void> {
  if (rows.length === 0) {
    await meta.delete(PREFIX + boundary);
    return;
  }
  const size = rows.length > MAX_ROWS ? SPLIT : MAX_ROWS;
  for (let from = 0; from < rows.length; from += size) {
    const part = rows.slice(from, from + size);
    // The first part keeps the boundary (ids below its first row still belong here).
    const key = from === 0 ? boundary : (part[0] as PersonRow).id;
    await meta.put(chunkOfRows(part), PREFIX + key);
  }
}

const metaOf = (store: unknown) => store as MetaStore;

/**
 * Every stored person's row and the hidden bundled ids, read in one
 * transaction with the store's version; rebuilt from the records first if
 * the summary is not the store's (see the top of this file). `onRebuild`
 * hears how far a rebuild has read.
 */
export async function readRows(db: Db, onRebuild?: (read: number) => void): Promise<StoredRows> {
  const tx = db.transaction(['meta', 'hidden']);
  const meta = metaOf(tx.objectStore('meta'));
  const [rev, rowsRev, keys, hidden] = await Promise.all([
    meta.get('rev'),
    meta.get(ROWS_REV_KEY),
    meta.getAllKeys(chunkRange()),
    tx.objectStore('hidden').getAllKeys(),
  ]);
  const version = typeof rev === 'number' ? rev : 0;
  if (rowsAreCurrent(rowsRev, version)) {
    // One request per chunk: each is read in its own task, so 100,000 rows
    // never make one long task of the page.
    const chunks = await Promise.all(keys.map((key) => meta.get(String(key))));
    await tx.done;
    // Each column is the chunks' arrays joined once, not 600,000 pushes (at
    // 100,000 people the pushes were 60–220 ms of the popup's opening,
    // bench/trace-lists.ts).
    const sound = chunks.map(chunkOf);
    if (sound.every((chunk) => chunk !== undefined)) {
      const all = sound as RowsChunk[];
      const column = <K extends keyof RowsChunk>(key: K) =>
        (all.length === 1
          ? (all[0] as RowsChunk)[key]
          : ([] as unknown[]).concat(...all.map((chunk) => chunk[key]))) as RowsChunk[K];
      return {
        rev: version,
        ids: column('ids'),
        revs: column('revs'),
        names: column('names'),
        headlines: column('headlines'),
        handles: column('handles'),
        texts: column('texts'),
        hidden,
      };
    }
  } else {
    await tx.done;
  }
  return rebuildRows(db, onRebuild);
}

/** Builds the summary from the records (sound ones; damaged ones have no row), then stores it. */
export async function rebuildRows(
  db: Db,
  onProgress?: (read: number) => void,
): Promise<StoredRows> {
  const rows: PersonRow[] = [];
  const { rev: version, hidden } = await forEachSlice(db, (people, _damaged, read) => {
    for (const record of people) rows.push(rowOf(record));
    onProgress?.(read);
  });

  const write = db.transaction(['meta'], 'readwrite');
  const meta = metaOf(write.objectStore('meta'));
  try {
    const now = await meta.get('rev');
    // Stored only if nothing was written since the read; otherwise the next read rebuilds.
    if ((typeof now === 'number' ? now : 0) === version) {
      await meta.delete(chunkRange());
      await writeChunks(meta, '', rows);
      await meta.put(rowsStamp(version), ROWS_REV_KEY);
    }
    await write.done;
  } catch {
    // Storing the summary is a saving, not a duty: a full disk or a closing
    // page must not stop the list from showing what was read.
    try {
      write.abort();
    } catch {
      // Already finished.
    }
    await write.done.catch(() => undefined);
  }
  return {
    rev: version,
    ids: rows.map((row) => row.id),
    revs: rows.map((row) => row.rev),
    names: rows.map((row) => row.name),
    headlines: rows.map((row) => row.headline),
    handles: rows.map((row) => row.handles.join('\n')),
    texts: rows.map((row) => row.text),
    hidden,
  };
}
