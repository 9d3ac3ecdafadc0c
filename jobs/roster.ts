/**
 * Everyone a list shows, as one table of rows with its search index: the
 * user's people from the stored summary (../store/people-rows.ts), in id order,
 * then the bundled people — the order people/directory.ts and the
 * background's `list` use. The popup shows who pages can see (hidden
 * bundled people left out, and any the user replaced by keeping someone
 * under their id); the options page shows the bundled ones all, marked
 * hidden or not.
 *
 * Built once per store version and list kind, and then only looked at: a
 * row is a position, and the columns are read where a row is drawn, so
 * nothing is copied per person to open a list of 100,000.
 */
import { formatHandles } from '../identity/handles';
import type { Profile } from '../people/schema';
import { buildSearchIndex, personText } from '../people/search-index';
import type { StoredRows } from '../store/people-rows';

export interface Roster {
  /** The store version the rows are from. */
  readonly storeRev: number;
  /** Rows: the user's people, then the bundled ones shown. */
  readonly size: number;
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
}

export type RosterKind = 'visible' | 'all';

let cached: { key: string; rows: StoredRows; roster: Roster } | undefined;

export function buildRoster(
  rows: StoredRows,
  bundled: readonly Profile[],
  kind: RosterKind,
): Roster {
  const key = `${kind}:${rows.rev}:${bundled.length}`;
  if (cached?.key === key && cached.rows.ids.length === rows.ids.length) return cached.roster;
  const hidden = new Set(rows.hidden);
  // A few bundled people looked up among 100,000 ids: a scan each, not a Set
  // of every id (the Set and the texts' copy by spreading were the popup's
  // biggest own cost at 100,000 people, bench/trace-lists.ts).
  const extra = bundled.filter(
    (profile) => kind === 'all' || (!hidden.has(profile.id) && !rows.ids.includes(profile.id)),
  );
  const userCount = rows.ids.length;
  const extraHandles = extra.map((profile) => formatHandles(profile.identities));
  const texts = rows.texts.concat(
    extra.map((profile, at) => personText(profile, extraHandles[at] as string[])),
  );
  const index = buildSearchIndex(texts);
  const bundledAt = (row: number) => extra[row - userCount] as Profile;
  const roster: Roster = {
    storeRev: rows.rev,
    size: texts.length,
    userCount,
    hiddenCount: bundled.filter((profile) => hidden.has(profile.id)).length,
    id: (row) => (row < userCount ? (rows.ids[row] as string) : bundledAt(row).id),
    name: (row) => (row < userCount ? (rows.names[row] as string) : bundledAt(row).name),
    headline: (row) =>
      row < userCount ? (rows.headlines[row] as string) : (bundledAt(row).headline ?? ''),
    handles: (row) => {
      if (row >= userCount) return extraHandles[row - userCount] as string[];
      const joined = rows.handles[row] as string;
      return joined === '' ? [] : joined.split('\n');
    },
    rev: (row) => (row < userCount ? (rows.revs[row] as number) : 0),
    bundled: (row) => row >= userCount,
    hidden: (row) => row >= userCount && hidden.has(bundledAt(row).id),
    search: (query) => index.search(query),
  };
  cached = { key, rows, roster };
  return roster;
}

/** Who pages see when the database cannot be read: the bundled people alone. */
export function bundledRoster(bundled: readonly Profile[], kind: RosterKind): Roster {
  return buildRoster(
    { rev: -1, ids: [], revs: [], names: [], headlines: [], handles: [], texts: [], hidden: [] },
    bundled,
    kind,
  );
}
