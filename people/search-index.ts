/**
 * Finding people as you type, among 10,000 or 100,000: one index per store
 * version, over text folded when the person was written and stored in the
 * very form the index scans (see ../store/people-rows.ts), so opening a list
 * joins nothing and a keystroke folds only the query.
 *
 *   personText(profile, handles)             ─▶  name, headline, handles, project names, note, #tags
 *   searchText("Łukasz Żółw", "@lukasz_z")  ─▶  "lukasz zolw lukasz z"   (stored per person)
 *   haystackOf(texts)                        ─▶  " word word\n word…\n" + where each row ends
 *                                                (a chunk of the stored summary holds one)
 *   searchIndexOf(haystacks)                 ─▶  the index over the chunks, in order
 *   index.start("luk zol").step(deadline)    ─▶  rows where every query word starts a word,
 *                                                found a slice of time at a time
 *   index.search("luk zol")                  ─▶  the same, all at once
 *
 * Matching is by word prefix: "luk" finds "Łukasz", "zol" finds "Żółw",
 * "p-login-09" finds the handle `@p-login-0999`, "ukasz" finds nobody.
 * Folding is text/fold.ts's, the one the ids and the old search used, so a
 * name typed without its accents or its non-decomposing letters (ł, ø, ß…)
 * is found. The first word is found with `indexOf` over the one string (the
 * engine's fastest scan), skipping to the next row after each hit; the other
 * words are checked only in the rows that matched. A query that only adds
 * letters to the previous one searches only the previous result, and one
 * searched a moment ago (backspacing over what was just typed) is answered
 * from the recent results without searching at all. A search can be run a
 * slice at a time (`start`, `step`): the lists show the first rows found on
 * the key's own task and find the rest in later tasks (components/parts/
 * use-search.ts), since one letter over 100,000 rows matches nearly everyone;
 * a query that adds letters to one still unfinished takes over its rows
 * found so far and goes on from where it stopped, so typing fast never
 * starts the whole search again.
 */
import { fold } from '../text/fold';
import { mineSearchText } from './notes';
import type { Mine } from './schema';

/**
 * How many rows the recent results may hold together (4 B each: ~1.6 MB).
 * At 100,000 people a backspace was the slowest keystroke in the popup (a
 * query that is not a narrowing scans the whole index: 48–94 ms in a CPU
 * profile, bench/profile-keystrokes.ts).
 */
const RECENT_ROWS = 400_000;

/** Anything that is not a letter or a digit separates words. */
const SEPARATORS = /[^\p{L}\p{N}]+/gu;

/** The words of `text`, folded, one space between them: what a row stores and a query is split into. */
export function searchText(...parts: readonly (string | undefined)[]): string {
  return fold(parts.filter(Boolean).join(' ')).replace(SEPARATORS, ' ').trim();
}

/**
 * What search matches of a person: their name, headline, handles and the
 * names of their projects ("sled" finds the person who made it).
 */
export function personText(
  profile: {
    name: string;
    headline?: string | undefined;
    projects?: readonly { name: string }[];
    mine?: Mine | undefined;
  },
  handles: readonly string[],
): string {
  return searchText(
    profile.name,
    profile.headline,
    ...handles,
    ...(profile.projects ?? []).map((project) => project.name),
    // The user's note and #tags are found too (issue 26).
    mineSearchText(profile.mine),
  );
}

/** The query's words, folded, without repeats and without words another one starts. */
export function queryWords(query: string): string[] {
  const words = [...new Set(searchText(query).split(' ').filter(Boolean))];
  return words.filter((word) => !words.some((other) => other !== word && other.startsWith(word)));
}

/** Rows' search texts as the index scans them: " <text>\n" per row, one after another. */
export interface Haystack {
  /** " <text>\n" for every row; no text holds a newline. */
  readonly text: string;
  /** Where each row ends in `text` (row r runs from row r − 1's end, or 0, to ends[r]). */
  readonly ends: ArrayLike<number>;
}

/** `texts` (as searchText makes them) in the index's form. */
export function haystackOf(texts: readonly string[]): { text: string; ends: Uint32Array } {
  const ends = new Uint32Array(texts.length);
  let offset = 0;
  for (let row = 0; row < texts.length; row++) {
    offset += (texts[row] as string).length + 2;
    ends[row] = offset;
  }
  return { text: texts.length === 0 ? '' : ` ${texts.join('\n ')}\n`, ends };
}

/** A search under way: rows found so far, and more on each step until it is done. */
export interface SearchRun {
  /** The rows found so far, ascending: the first of the whole answer. All of them once done. */
  readonly rows: Int32Array;
  readonly done: boolean;
  /**
   * Searches on until `performance.now()` passes `deadline`, or (with
   * `enough`) until that many rows are found, or it is done; says whether it is done.
   */
  step(deadline: number, enough?: number): boolean;
}

export interface SearchIndex {
  /** How many rows the index holds. */
  readonly size: number;
  /**
   * Positions of the rows in which every word of `query` starts a word,
   * ascending; every row for an empty query. The array is the index's own:
   * do not change it.
   */
  search(query: string): Int32Array;
  /** The same search, run a step at a time (an answer already known is done at once). */
  start(query: string): SearchRun;
}

/** How many hits are scanned between two looks at the clock. */
const CLOCK_EVERY = 256;

const done = (rows: Int32Array): SearchRun => ({ rows, done: true, step: () => true });

/** The index over the rows of `texts`, one after another. */
export function buildSearchIndex(texts: readonly string[]): SearchIndex {
  return searchIndexOf([haystackOf(texts)]);
}

/** The index over `haystacks`' rows, one haystack after another, each read as it is. */
export function searchIndexOf(haystacks: readonly Haystack[]): SearchIndex {
  const pieces = haystacks.filter((piece) => piece.ends.length > 0);
  /** The first row of each piece, and the size after the last. */
  const firsts = new Int32Array(pieces.length + 1);
  for (let at = 0; at < pieces.length; at++)
    firsts[at + 1] = (firsts[at] as number) + (pieces[at] as Haystack).ends.length;
  const size = firsts[pieces.length] as number;
  const everyone = new Int32Array(size);
  for (let row = 0; row < size; row++) everyone[row] = row;

  /** The piece holding row `row`. */
  const pieceOf = (row: number) => {
    let low = 0;
    let high = pieces.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((firsts[middle] as number) <= row) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  /** The local row of `piece` holding character `position`, searching from `from` on. */
  const rowAt = (piece: Haystack, position: number, from: number) => {
    const { ends } = piece;
    let low = from;
    let high = ends.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((ends[middle] as number) <= position) low = middle + 1;
      else high = middle;
    }
    return low;
  };
  /** Does a word of row `row` start with `word`? Reads that row only. */
  const rowHas = (row: number, words: readonly string[]) => {
    if (words.length === 0) return true;
    const at = pieceOf(row);
    const piece = pieces[at] as Haystack;
    const local = row - (firsts[at] as number);
    const text = piece.text.slice(
      local === 0 ? 0 : (piece.ends[local - 1] as number),
      piece.ends[local] as number,
    );
    return words.every((word) => text.includes(` ${word}`));
  };

  /** The last search that was done, for the next to narrow. */
  let last: { words: string[]; rows: Int32Array } = { words: [], rows: everyone };
  /** Recent results by their words, oldest first, within RECENT_ROWS. */
  const recent = new Map<string, Int32Array>();
  let recentRows = 0;
  const remember = (key: string, rows: Int32Array) => {
    recent.set(key, rows);
    recentRows += rows.length;
    for (const [old, oldRows] of recent) {
      if (recentRows <= RECENT_ROWS || old === key) break;
      recent.delete(old);
      recentRows -= oldRows.length;
    }
  };

  /** Where a run is: in the rows it narrows (`from`, at `next`), or in the scan (piece, character, local row). */
  interface Where {
    from: ArrayLike<number> | undefined;
    next: number;
    piece: number;
    position: number;
    local: number;
  }
  /** The run started last, while it is unfinished: the next query may go on from it. */
  let current:
    | { words: string[]; where: Where; rows: () => Int32Array; unchecked: () => Int32Array }
    | undefined;
  const narrows = (words: readonly string[], before: readonly string[]) =>
    before.length > 0 && before.every((word) => words.some((now) => now.startsWith(word)));

  const start = (query: string): SearchRun => {
    const words = queryWords(query);
    const before = current;
    current = undefined;
    if (words.length === 0) return done(everyone);
    const key = words.join(' ');
    const known = recent.get(key);
    if (known) {
      last = { words, rows: known };
      return done(known);
    }
    // Each earlier word started by a word now: the rows can only be fewer.
    // An unfinished run of such a query: its rows so far are checked again,
    // and the search goes on from where it stopped (every row before that
    // was looked at).
    const goOn = before && narrows(words, before.words) ? before : undefined;
    // Its rows found, then those of its own seeds it had not checked yet (all before the rest).
    let seeds: Int32Array | undefined;
    if (goOn) {
      const found = goOn.rows();
      const unchecked = goOn.unchecked();
      seeds = new Int32Array(found.length + unchecked.length);
      seeds.set(found);
      seeds.set(unchecked, found.length);
    }
    // Narrowed row by row only from a small answer: past a quarter of
    // everyone, one scan of the text for the longest word is quicker.
    const where: Where = goOn
      ? { ...goOn.where }
      : {
          from: narrows(words, last.words) && last.rows.length * 4 <= size ? last.rows : undefined,
          next: 0,
          piece: 0,
          position: 0,
          local: 0,
        };
    // Scanning, the longest word is likely the rarest: scan for it, check the others.
    const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
    const needle = ` ${longest}`;
    const rest = where.from ? words : words.filter((word) => word !== longest);

    // Found rows in a buffer grown by doubling: no array of numbers to copy at the end.
    let found = new Int32Array(64);
    let count = 0;
    const add = (row: number) => {
      if (count === found.length) {
        const grown = new Int32Array(found.length * 2);
        grown.set(found);
        found = grown;
      }
      found[count++] = row;
    };
    let snapshot = new Int32Array(0);
    let finished = false;
    /** Where in `seeds` the check is. */
    let seeded = 0;
    const finish = () => {
      finished = true;
      snapshot = found.slice(0, count);
      last = { words, rows: snapshot };
      remember(key, snapshot);
      if (current?.where === where) current = undefined;
    };
    const rows = () => {
      // While finding, a view of what is found so far (its rows never change).
      if (!finished && snapshot.length !== count) snapshot = found.subarray(0, count);
      return snapshot;
    };
    const run: SearchRun = {
      get rows() {
        return rows();
      },
      get done() {
        return finished;
      },
      step(deadline, enough = Number.POSITIVE_INFINITY) {
        if (finished) return true;
        let looked = 0;
        const more = () =>
          count < enough && (++looked % CLOCK_EVERY !== 0 || performance.now() < deadline);
        if (seeds)
          while (seeded < seeds.length) {
            if (!more()) return false;
            const row = seeds[seeded++] as number;
            if (rowHas(row, words)) add(row);
          }
        const { from } = where;
        if (from) {
          while (where.next < from.length) {
            if (!more()) return false;
            const row = from[where.next++] as number;
            if (rowHas(row, rest)) add(row);
          }
        } else {
          while (where.piece < pieces.length) {
            if (!more()) return false;
            const piece = pieces[where.piece] as Haystack;
            const at = piece.text.indexOf(needle, where.position);
            if (at === -1) {
              where.piece++;
              where.position = 0;
              where.local = 0;
              continue;
            }
            where.local = rowAt(piece, at, where.local);
            const row = (firsts[where.piece] as number) + where.local;
            if (rowHas(row, rest)) add(row);
            // A needle never spans two rows (it holds no newline): on to the next row.
            where.position = piece.ends[where.local] as number;
            where.local++;
          }
        }
        finish();
        return true;
      },
    };
    current = {
      words,
      where,
      rows,
      unchecked: () => (seeds ? seeds.subarray(seeded) : new Int32Array(0)),
    };
    return run;
  };

  return {
    size,
    start,
    search(query) {
      const run = start(query);
      run.step(Number.POSITIVE_INFINITY);
      return run.rows;
    },
  };
}
