/**
 * The people list's summary: what a list row needs of each person (id,
 * version, name, headline, handles, and the folded words search matches),
 * kept in the database's `meta` store next to the store's version, so the
 * popup and the options page read 10,000 people as a few strings (~6 ms)
 * instead of 10,000 whole profiles (~110 ms; 1.5–3.5 s at 100,000).
 *
 *   meta "rows:<from>"  a chunk: the rows whose ids sort at or after <from>
 *                       and before the next chunk's, by id, column by column,
 *                       each column ONE string (ids, names, headlines, handles,
 *                       and the search texts in the index's own form,
 *                       ../people/search-index.ts `haystackOf`) with where
 *                       each row ends in it (ends: Uint32Array), and revs
 *                       (Float64Array): reading a chunk of 2,000 rows makes 5
 *                       strings, not 12,000 (at 100,000 people the strings'
 *                       making and collecting was most of a list's opening)
 *   meta "rows-head"    the first FIRST_ROWS rows of the whole (all, when fewer) as
 *                       one chunk of the same shape: a list's first screen (~20 KB, where
 *                       the first chunk is up to 2,000 rows, ~350 KB); rewritten by the
 *                       writes that change those rows (`keepHead`), in the same transaction
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
import type { Profile } from '../people/schema';
import { haystackOf, personText } from '../people/search-index';
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
  /** The rows, in id order, in the chunks they are stored in (read as stored, never joined). */
  chunks: RowsChunk[];
  /** Ids of the bundled people the user hid (read in the same transaction). */
  hidden: string[];
}

/**
 * One chunk as stored: each column one string, the rows' values one after
 * another, and where each ends in it, because the browser reads a few long
 * strings far faster than many short ones (and has fewer to collect).
 */
export interface RowsChunk {
  ids: string;
  names: string;
  /** '' for a person with none. */
  headlines: string;
  /** Each row's handles joined with "\n". */
  handles: string;
  /** " <text>\n" per row: the search index reads it as it is. */
  texts: string;
  /** Where each row ends in each column: n ends for ids, then names, headlines, handles, texts. */
  ends: Uint32Array;
  /** Each row's record version. */
  revs: Float64Array;
}

/** The string columns, in the order of their ends. */
const COLUMNS = ['ids', 'names', 'headlines', 'handles', 'texts'] as const;
export type RowsColumn = (typeof COLUMNS)[number];
const COLUMN_AT: Record<RowsColumn, number> = {
  ids: 0,
  names: 1,
  headlines: 2,
  handles: 3,
  texts: 4,
};
const TEXTS = COLUMN_AT.texts;

/** How many rows a chunk holds. */
export const chunkSize = (chunk: RowsChunk) => chunk.revs.length;

/** Row `row`'s value in `column` of `chunk` (a text without the index's space and newline). */
export function cell(chunk: RowsChunk, column: RowsColumn, row: number): string {
  const base = COLUMN_AT[column] * chunk.revs.length;
  const start = row === 0 ? 0 : (chunk.ends[base + row - 1] as number);
  const end = chunk.ends[base + row] as number;
  return column === 'texts'
    ? chunk.texts.slice(start + 1, end - 1)
    : chunk[column].slice(start, end);
}

/** The search texts of `chunk` as the index reads them. */
export const chunkHaystack = (chunk: RowsChunk) => ({
  text: chunk.texts,
  ends: chunk.ends.subarray(TEXTS * chunk.revs.length, (TEXTS + 1) * chunk.revs.length),
});

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
  getAll(range: IDBKeyRange, count?: number): Promise<unknown[]>;
}

const PREFIX = 'rows:';
export const ROWS_REV_KEY = 'rows-rev';
/** Every chunk's key, and nothing else in `meta` ("rows-rev" sorts before "rows:"). */
const chunkRange = () => IDBKeyRange.bound(PREFIX, `${PREFIX}\uffff`);
/** The head's key ("rows-head" sorts before "rows:": outside `chunkRange`). */
const HEAD_KEY = 'rows-head';
/** How many rows the head holds: more than a tall screen of either list draws. */
export const FIRST_ROWS = 100;
/** A chunk past this many rows is split into chunks of SPLIT. */
const MAX_ROWS = 2000;
const SPLIT = 1000;

export const rowOf = (record: PersonRecord): PersonRow => rowOfProfile(record.profile, record.rev);

/** A person's row, at record version `rev` (0 for a bundled person). */
export function rowOfProfile(profile: Profile, rev: number): PersonRow {
  const handles = formatHandles(profile.identities);
  const headline = profile.headline ?? '';
  return {
    id: profile.id,
    rev,
    name: profile.name,
    headline,
    handles,
    text: personText(profile, handles),
  };
}

/**
 * The rows' shape: 2 added project names to the search text; 3 stores each
 * column of a chunk as one string with its rows' ends.
 */
export const ROWS_FORMAT = 3;
/** What "rows-rev" holds for rows of this shape describing store version `rev`. */
export const rowsStamp = (rev: number) => `${ROWS_FORMAT}:${rev}`;

/** Are rows recorded at `rowsRev` the rows of a store at version `rev`, of this shape? */
export function rowsAreCurrent(rowsRev: unknown, rev: number): boolean {
  // A store never written (version 0) has no people, and no rows yet.
  return rowsRev === rowsStamp(rev) || (rowsRev === undefined && rev === 0);
}

/**
 * A chunk as read, if it has the shape this module writes (a hand edit, disk
 * trouble or an older shape may not): every column a string that ends where
 * its last row does, the texts in the index's form, the ends and versions
 * typed arrays of the rows' count. The rows' ends in between are not each
 * checked: that loop over 500,000 ends was 21 ms of the popup's opening at
 * 100,000 people (bench/trace-lists.ts), and a wrong end inside a column
 * slices a wrong cell, never fails.
 */
export function chunkOf(value: unknown): RowsChunk | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const chunk = value as Partial<RowsChunk>;
  const { ends, revs } = chunk;
  if (!(revs instanceof Float64Array) || !(ends instanceof Uint32Array)) return undefined;
  const size = revs.length;
  if (ends.length !== COLUMNS.length * size) return undefined;
  for (const [column, key] of COLUMNS.entries()) {
    const text = chunk[key];
    if (typeof text !== 'string') return undefined;
    const last = size === 0 ? 0 : (ends[(column + 1) * size - 1] as number);
    if (last !== text.length) return undefined;
  }
  const texts = chunk.texts as string;
  if (size > 0 && (!texts.startsWith(' ') || !texts.endsWith('\n'))) return undefined;
  return chunk as RowsChunk;
}

export function rowsOfChunk(chunk: RowsChunk): PersonRow[] {
  return Array.from({ length: chunkSize(chunk) }, (_, row) => {
    const handles = cell(chunk, 'handles', row);
    return {
      id: cell(chunk, 'ids', row),
      rev: chunk.revs[row] as number,
      name: cell(chunk, 'names', row),
      headline: cell(chunk, 'headlines', row),
      handles: handles === '' ? [] : handles.split('\n'),
      text: cell(chunk, 'texts', row),
    };
  });
}

/** Every row of `stored`, in order (for tests and checks: a list reads the chunks). */
export const rowsOfStored = (stored: StoredRows): PersonRow[] => stored.chunks.flatMap(rowsOfChunk);

export function chunkOfRows(rows: readonly PersonRow[]): RowsChunk {
  const size = rows.length;
  const ends = new Uint32Array(COLUMNS.length * size);
  const joined = (column: number, values: string[]) => {
    let offset = 0;
    for (let row = 0; row < size; row++) {
      offset += (values[row] as string).length;
      ends[column * size + row] = offset;
    }
    return values.join('');
  };
  const texts = haystackOf(rows.map((row) => row.text));
  ends.set(texts.ends, TEXTS * size);
  return {
    ids: joined(
      0,
      rows.map((row) => row.id),
    ),
    names: joined(
      1,
      rows.map((row) => row.name),
    ),
    headlines: joined(
      2,
      rows.map((row) => row.headline),
    ),
    handles: joined(
      3,
      rows.map((row) => row.handles.join('\n')),
    ),
    texts: texts.text,
    ends,
    revs: Float64Array.from(rows, (row) => row.rev),
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
    if (!(await keepHead(meta, put, remove))) {
      await meta.delete(ROWS_REV_KEY);
      return;
    }
  }
  await meta.put(rowsStamp(now), ROWS_REV_KEY);
}

/**
 * Rewrites the head from the chunks (already changed) when the change may
 * have touched it: a row put or removed at or before its last id, a head
 * that holds everyone (fewer than FIRST_ROWS), or none (a summary stored
 * before there was a head). False when a chunk is not what was written.
 */
async function keepHead(
  meta: MetaStore,
  put: readonly PersonRow[],
  remove: readonly string[],
): Promise<boolean> {
  const head = chunkOf(await meta.get(HEAD_KEY));
  if (head && chunkSize(head) === FIRST_ROWS) {
    const last = cell(head, 'ids', FIRST_ROWS - 1);
    if (!put.some((row) => row.id <= last) && !remove.some((id) => id <= last)) return true;
  }
  const rows: PersonRow[] = [];
  for (const key of await meta.getAllKeys(chunkRange())) {
    if (rows.length >= FIRST_ROWS) break;
    const chunk = chunkOf(await meta.get(String(key)));
    if (!chunk) return false;
    rows.push(...rowsOfChunk(chunk).slice(0, FIRST_ROWS - rows.length));
  }
  await meta.put(chunkOfRows(rows), HEAD_KEY);
  return true;
}

/** `rows` (sorted) in parts of at most MAX_ROWS: SPLIT each when there are too many. */
function partsOf(rows: readonly PersonRow[]): PersonRow[][] {
  const size = rows.length > MAX_ROWS ? SPLIT : MAX_ROWS;
  const parts: PersonRow[][] = [];
  for (let from = 0; from < rows.length; from += size) parts.push(rows.slice(from, from + size));
  return parts;
}

/** Stores `rows` (sorted) under `boundary`, split into chunks when there are too many. */
async function writeChunks(
  meta: MetaStore,
  boundary: string,
  rows: readonly PersonRow[],
): Promise<RowsChunk[]> {
  if (rows.length === 0) {
    await meta.delete(PREFIX + boundary);
    return [];
  }
  const chunks: RowsChunk[] = [];
  for (const [at, part] of partsOf(rows).entries()) {
    // The first part keeps the boundary (ids below its first row still belong here).
    const key = at === 0 ? boundary : (part[0] as PersonRow).id;
    const chunk = chunkOfRows(part);
    chunks.push(chunk);
    await meta.put(chunk, PREFIX + key);
  }
  return chunks;
}

const metaOf = (store: unknown) => store as MetaStore;

/**
 * Every stored person's row and the hidden bundled ids, read in one
 * transaction with the store's version; rebuilt from the records first if
 * the summary is not the store's (see the top of this file). `onRebuild`
 * hears how far a rebuild has read.
 */
export async function readRows(db: Db, onRebuild?: (read: number) => void): Promise<StoredRows> {
  return (await readChunks(db))?.rows ?? rebuildRows(db, onRebuild);
}

/**
 * The first rows alone (what a list's first screen shows: the head, or the
 * first chunk of a summary stored before there was one), with the store's
 * version and the hidden ids; `complete` when they are all there is. A list
 * opens on them and reads everything after its first paint (`readRows`): at
 * 100,000 people, reading the other chunks (the browser fetching ~17 MB of
 * strings and the page collecting them) was most of the popup list's
 * opening (bench/trace-lists.ts), and the first chunk (up to 2,000 rows)
 * most of what was left. A stale or damaged summary is rebuilt and read
 * whole, as by `readRows` (`onRebuild` hears how far).
 */
export async function readFirstRows(
  db: Db,
  onRebuild?: (read: number) => void,
): Promise<{ rows: StoredRows; complete: boolean }> {
  const tx = db.transaction(['meta', 'hidden']);
  const meta = metaOf(tx.objectStore('meta'));
  const [rev, rowsRev, stored, hidden] = await Promise.all([
    meta.get('rev'),
    meta.get(ROWS_REV_KEY),
    meta.get(HEAD_KEY),
    tx.objectStore('hidden').getAllKeys(),
  ]);
  await tx.done;
  const version = typeof rev === 'number' ? rev : 0;
  const head = rowsAreCurrent(rowsRev, version) ? chunkOf(stored) : undefined;
  if (head)
    return {
      rows: { rev: version, chunks: [head], hidden },
      complete: chunkSize(head) < FIRST_ROWS,
    };
  const first = await readChunks(db, 1);
  return first ?? { rows: await rebuildRows(db, onRebuild), complete: true };
}

/**
 * The summary's first `count` chunks (all without it), read in one
 * transaction with the store's version; undefined if the summary is not the
 * store's or a chunk is not sound.
 */
async function readChunks(
  db: Db,
  count?: number,
): Promise<{ rows: StoredRows; complete: boolean } | undefined> {
  const tx = db.transaction(['meta', 'hidden']);
  const meta = metaOf(tx.objectStore('meta'));
  const [rev, rowsRev, keys, hidden, firsts] = await Promise.all([
    meta.get('rev'),
    meta.get(ROWS_REV_KEY),
    meta.getAllKeys(chunkRange()),
    tx.objectStore('hidden').getAllKeys(),
    // The first chunks asked with the rest: no second round trip before a list's first rows.
    count === undefined ? undefined : meta.getAll(chunkRange(), count),
  ]);
  const version = typeof rev === 'number' ? rev : 0;
  if (!rowsAreCurrent(rowsRev, version)) {
    await tx.done;
    return undefined;
  }
  const wanted = count === undefined ? keys : keys.slice(0, count);
  // One request per chunk: each is read in its own task, so 100,000 rows
  // never make one long task of the page.
  const chunks = firsts ?? (await Promise.all(wanted.map((key) => meta.get(String(key)))));
  await tx.done;
  // The chunks are kept as read: nothing is joined or copied per row (the
  // lists read a row's cells where they draw it, jobs/roster.ts).
  const sound = chunks.map(chunkOf);
  if (!sound.every((chunk) => chunk !== undefined)) return undefined;
  return {
    rows: { rev: version, chunks: sound as RowsChunk[], hidden },
    complete: wanted.length === keys.length,
  };
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

  let chunks: RowsChunk[] | undefined;
  const write = db.transaction(['meta'], 'readwrite');
  const meta = metaOf(write.objectStore('meta'));
  try {
    const now = await meta.get('rev');
    // Stored only if nothing was written since the read; otherwise the next read rebuilds.
    if ((typeof now === 'number' ? now : 0) === version) {
      await meta.delete(chunkRange());
      chunks = await writeChunks(meta, '', rows);
      await meta.put(chunkOfRows(rows.slice(0, FIRST_ROWS)), HEAD_KEY);
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
  return { rev: version, chunks: chunks ?? partsOf(rows).map(chunkOfRows), hidden };
}
