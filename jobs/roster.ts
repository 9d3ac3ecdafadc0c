/**
 * Everyone a list shows, as one table of rows with its search index: the
 * user's people from the stored summary (../store/people-rows.ts), in id order,
 * then the bundled people — the order people/directory.ts and the
 * background's `list` use. The popup shows who pages can see (hidden
 * bundled people left out, and any the user replaced by keeping someone
 * under their id); the options page shows the bundled ones all, marked
 * hidden or not.
 *
 *   StoredRows.chunks ──┬─▶ row r = (chunk holding r, its place there): cells sliced when drawn
 *   bundled → 1 chunk ──┘─▶ people/search-index.ts over the chunks' texts, as stored
 *
 * A list (the popup's, the options page's) opens on the summary's first rows
 * alone (its head, `complete` false), then the whole.
 * Built once per store version and list kind, and then only looked at: a
 * row is a position, and a cell is sliced out of its chunk's column where a
 * row is drawn, so nothing is copied or joined per person to open a list of
 * 100,000.
 */
import type { Profile } from '../people/schema';
import { type SearchRun, searchIndexOf } from '../people/search-index';
import {
  cell,
  chunkHaystack,
  chunkOfRows,
  chunkSize,
  type RowsChunk,
  type RowsColumn,
  rowOfProfile,
  type StoredRows,
} from '../store/people-rows';

export interface Roster {
  /** The store version the rows are from. */
  readonly storeRev: number;
  /** Rows: the user's people, then the bundled ones shown. */
  readonly size: number;
  /**
   * Every row is here. A list opens on the summary's first rows alone
   * (store/people-rows.ts `readFirstRows`): its rows are the first of the
   * whole list, but the size, the bundled people (they come last) and the
   * search's answers are not the list's until the whole is read.
   */
  readonly complete: boolean;
  /** How many of the rows are the user's own (they come first). */
  readonly userCount: number;
  /** Bundled people the user hid. */
  readonly hiddenCount: number;
  id(row: number): string;
  name(row: number): string;
  /** '' when none. */
  headline(row: number): string;
  handles(row: number): string[];
  /** The stored record's version (0 for a bundled person). */
  rev(row: number): number;
  bundled(row: number): boolean;
  hidden(row: number): boolean;
  /** Row positions matching `query` (../people/search-index.ts), ascending. */
  search(query: string): Int32Array;
  /** The same search, run a slice of time at a time (components/parts/use-search.ts). */
  start(query: string): SearchRun;
}

export type RosterKind = 'visible' | 'all';

let cached: { key: string; count: number; roster: Roster } | undefined;

const countOf = (chunks: readonly RowsChunk[]) =>
  chunks.reduce((sum, chunk) => sum + chunkSize(chunk), 0);

/**
 * `complete`: false when `rows` are the summary's first rows alone (the
 * roster then holds them only, no bundled people, and is not kept for the
 * next call).
 */
export function buildRoster(
  rows: StoredRows,
  bundled: readonly Profile[],
  kind: RosterKind,
  complete = true,
): Roster {
  const key = `${kind}:${rows.rev}:${bundled.length}`;
  const userCount = countOf(rows.chunks);
  if (complete && cached?.key === key && cached.count === userCount) return cached.roster;
  const hidden = new Set(rows.hidden);

  /** The first row of each chunk, and the size after the last. */
  const chunks = [...rows.chunks];
  let firsts = new Int32Array(chunks.length + 1);
  for (let at = 0; at < chunks.length; at++)
    firsts[at + 1] = (firsts[at] as number) + chunkSize(chunks[at] as RowsChunk);
  /** The chunk last looked in: rows are drawn near each other. */
  let lastChunk = 0;
  const chunkOf = (row: number) => {
    if ((firsts[lastChunk] as number) <= row && row < (firsts[lastChunk + 1] as number))
      return lastChunk;
    let low = 0;
    let high = chunks.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((firsts[middle] as number) <= row) low = middle;
      else high = middle - 1;
    }
    lastChunk = low;
    return low;
  };
  const at = (column: RowsColumn, row: number) => {
    const found = chunkOf(row);
    return cell(chunks[found] as RowsChunk, column, row - (firsts[found] as number));
  };
  /** Is `id` one of the user's people? A binary search of the ids (they are in order). */
  const isUsers = (id: string) => {
    let low = 0;
    let high = userCount - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const found = at('ids', middle);
      if (found === id) return true;
      if (found < id) low = middle + 1;
      else high = middle - 1;
    }
    return false;
  };
  // A few bundled people looked up among 100,000 ids: a binary search each,
  // not a Set of every id (bench/trace-lists.ts).
  const extra = complete
    ? bundled.filter(
        (profile) => kind === 'all' || (!hidden.has(profile.id) && !isUsers(profile.id)),
      )
    : [];
  if (extra.length > 0) {
    chunks.push(chunkOfRows(extra.map((profile) => rowOfProfile(profile, 0))));
    const grown = new Int32Array(chunks.length + 1);
    grown.set(firsts);
    grown[chunks.length] = userCount + extra.length;
    firsts = grown;
  }
  const index = searchIndexOf(chunks.map(chunkHaystack));
  const roster: Roster = {
    storeRev: rows.rev,
    complete,
    size: index.size,
    userCount,
    hiddenCount: bundled.filter((profile) => hidden.has(profile.id)).length,
    id: (row) => at('ids', row),
    name: (row) => at('names', row),
    headline: (row) => at('headlines', row),
    handles: (row) => {
      const joined = at('handles', row);
      return joined === '' ? [] : joined.split('\n');
    },
    rev: (row) => {
      if (row >= userCount) return 0;
      const found = chunkOf(row);
      return (chunks[found] as RowsChunk).revs[row - (firsts[found] as number)] as number;
    },
    bundled: (row) => row >= userCount,
    hidden: (row) => row >= userCount && hidden.has(at('ids', row)),
    search: (query) => index.search(query),
    start: (query) => index.start(query),
  };
  if (complete) cached = { key, count: userCount, roster };
  return roster;
}

/** Who pages see when the database cannot be read: the bundled people alone. */
export function bundledRoster(bundled: readonly Profile[], kind: RosterKind): Roster {
  return buildRoster({ rev: -1, chunks: [], hidden: [] }, bundled, kind);
}
