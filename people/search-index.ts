/**
 * Finding people as you type, among 10,000 or 100,000: one index per store
 * version, built from text folded when the person was written (see
 * ../store/people-rows.ts), so a keystroke folds only the query.
 *
 *   personText(profile, handles)             ─▶  name, headline, handles, project names, note, #tags
 *   searchText("Łukasz Żółw", "@lukasz_z")  ─▶  "lukasz zolw lukasz z"   (stored per person)
 *   buildSearchIndex(texts)                  ─▶  one string, " word word\n word…\n", + row offsets
 *   index.search("luk zol")                  ─▶  rows where every query word starts a word
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
 * from the recent results without searching at all.
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

export interface SearchIndex {
  /** How many rows the index holds. */
  readonly size: number;
  /**
   * Positions of the rows in which every word of `query` starts a word,
   * ascending; every row for an empty query. The array is the index's own:
   * do not change it.
   */
  search(query: string): Int32Array;
}

/** Builds the index's string when the page is idle, if it has not been asked for before. */
const whenIdle = (work: () => void) =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(work, { timeout: 1000 })
    : setTimeout(work, 50);

export function buildSearchIndex(texts: readonly string[]): SearchIndex {
  const size = texts.length;
  const everyone = new Int32Array(size);
  for (let row = 0; row < size; row++) everyone[row] = row;
  // Row r is " <text>\n" at starts[r]; a word starts after a space, and no
  // needle (" word") holds a newline, so a hit never spans two rows. Built on
  // the first search or when the page is next idle, whichever comes first: at
  // 100,000 people joining the texts is a cost the list's first paint need
  // not wait for (bench/trace-lists.ts).
  const starts = new Int32Array(size + 1);
  let haystack: string | undefined;
  const joined = () => {
    if (haystack !== undefined) return haystack;
    let offset = 0;
    for (let row = 0; row < size; row++) {
      starts[row] = offset;
      offset += (texts[row] as string).length + 2;
    }
    starts[size] = offset;
    haystack = size === 0 ? '' : ` ${texts.join('\n ')}\n`;
    return haystack;
  };
  if (size > 10_000) whenIdle(joined);

  /** The row holding character `position`, searching from row `from` on. */
  const rowAt = (position: number, from: number) => {
    let low = from;
    let high = size - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] as number) <= position) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  /** Does a word of row `row` start with `word`? Reads that row only. */
  const rowHas = (row: number, word: string) => {
    const text = texts[row] as string;
    return text.startsWith(word) || text.includes(` ${word}`);
  };

  /** Rows holding `needle`, in order: one scan of the whole string. */
  const scan = (needle: string) => {
    const haystack = joined();
    const rows: number[] = [];
    let row = 0;
    let at = haystack.indexOf(needle);
    while (at !== -1) {
      row = rowAt(at, row);
      rows.push(row);
      row++;
      if (row >= size) break;
      at = haystack.indexOf(needle, starts[row]);
    }
    return rows;
  };

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

  return {
    size,
    search(query) {
      const words = queryWords(query);
      if (words.length === 0) return everyone;
      const key = words.join(' ');
      const known = recent.get(key);
      if (known) {
        last = { words, rows: known };
        return known;
      }
      // Each earlier word started by a word now: the rows can only be fewer.
      const narrowing =
        last.words.length > 0 &&
        last.words.every((before) => words.some((word) => word.startsWith(before)));
      let rows: ArrayLike<number>;
      let rest: string[];
      if (narrowing) {
        rows = last.rows;
        rest = words;
      } else {
        // The longest word is likely the rarest: scan for it, check the others.
        const longest = words.reduce((a, b) => (b.length > a.length ? b : a));
        rows = scan(` ${longest}`);
        rest = words.filter((word) => word !== longest);
      }
      const found: number[] = [];
      for (let at = 0; at < rows.length; at++) {
        const row = rows[at] as number;
        if (rest.every((word) => rowHas(row, word))) found.push(row);
      }
      last = { words, rows: Int32Array.from(found) };
      remember(key, last.rows);
      return last.rows;
    },
  };
}
