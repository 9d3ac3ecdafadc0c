/**
 * A list's search as the user types (the popup's PeopleList, the options
 * page's PeopleTable): the first rows found on the key's own task, enough
 * for every row on screen, and the rest found in slices of a few ms in the
 * tasks after, so a one-letter query over 100,000 people (which matches
 * nearly everyone) never holds the key's frame.
 *
 *   key ─▶ render: roster.start(query), step until FIRST_ROWS found or FIRST_MS ─▶ frame: first rows
 *          after that frame: step(SLICE_MS), one task each, until done ─▶ render: every row, the count
 *          (a slice of a run the next key replaced does nothing)
 *
 * The rows are always the current query's: each query has its own run, the
 * render reads only the current one, and a run the next key left unfinished
 * is stopped and never shown. The first rows are the answer's first rows
 * (the search finds rows in order), so what the frame shows is right; only
 * the count waits for `done`. `whole` finds everything on the key's task
 * (a list sorted by something else than the order found needs it all).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { SearchRun } from '../../people/search-index';

/** More than any screen shows of either list. */
const FIRST_ROWS = 200;
/** The key's own task searches at most this long (it stops sooner with FIRST_ROWS found). */
const FIRST_MS = 4;
/** Each later task searches this long, so frames and keys keep coming. */
const SLICE_MS = 6;

export interface Searchable {
  start(query: string): SearchRun;
}

export interface Found {
  /** The rows found for the query so far, ascending; all once `done`. */
  rows: Int32Array | undefined;
  /** Every row is found (the count can be said). */
  done: boolean;
}

export function useSearch(list: Searchable | undefined, query: string, whole = false): Found {
  const run = useMemo(() => {
    if (!list) return undefined;
    const started = list.start(query);
    if (whole) started.step(Number.POSITIVE_INFINITY);
    else started.step(performance.now() + FIRST_MS, FIRST_ROWS);
    return started;
  }, [list, query, whole]);
  // The run the last render showed: a slice of an earlier one, already queued
  // when the next key's render made a new run (its effect's cleanup waits for
  // the frame after), stops without searching, so it never delays that key.
  const shown = useRef(run);
  shown.current = run;
  const [, setFinished] = useState<SearchRun>();
  useEffect(() => {
    if (!run || run.done) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const slice = () => {
      if (shown.current !== run) return;
      if (run.step(performance.now() + SLICE_MS)) setFinished(run);
      else timer = setTimeout(slice, 0);
    };
    timer = setTimeout(slice, 0);
    // The next query (or the list read again) stops this run where it is.
    return () => clearTimeout(timer);
  }, [run]);
  return { rows: run?.rows, done: run?.done ?? false };
}
