/**
 * The options page's start (issue 28): the first rows come before anything
 * that is not needed for them.
 *
 *   loadingEarly(load)   the first load begins as the page's script runs, not
 *                        after the first render's effects (a frame later);
 *                        the page's first `load` call is handed that one, and
 *                        its first rows (the store's head) when they come first
 *   afterNextPaint(fn)   fn once the frame now being made is on screen: the
 *                        scan of every record (a worker), the storage
 *                        estimate, and the sections below the people list
 *                        wait for it, so they do not hold up the first rows
 *   startMark(step)      a User Timing mark of the start, once per step
 *                        (pc-options:script, asked, rows, drawn, scan, below),
 *                        which bench/trace-lists.ts prints beside the paint
 */
import type { Loaded, OptionsApi } from './options-api';

/**
 * Starts `load` now; the first call of what it returns gets that load (and
 * its progress, the last count said again, and its first rows, if they came
 * before), later calls load afresh.
 */
export function loadingEarly(load: OptionsApi['load']): OptionsApi['load'] {
  let listener: ((read: number) => void) | undefined;
  let last: number | undefined;
  let firstListener: ((loaded: Loaded) => void) | undefined;
  let firstRows: Loaded | undefined;
  let early: Promise<Loaded> | undefined = load(
    (read) => {
      last = read;
      listener?.(read);
    },
    (loaded) => {
      firstRows = loaded;
      firstListener?.(loaded);
    },
  );
  // Its failure is the first caller's to show; until one asks, it is not "unhandled".
  early.catch(() => undefined);
  return (onProgress, first) => {
    const started = early;
    if (!started) return load(onProgress, first);
    early = undefined;
    listener = onProgress;
    firstListener = first;
    if (last !== undefined) onProgress?.(last);
    if (firstRows) first?.(firstRows);
    return started;
  };
}

/** A frame can be slow to come (a hidden tab makes none): then at the latest after this. */
const PAINT_WAIT_MS = 250;

/**
 * Calls `fn` once, after the next frame is painted (a task queued from the
 * frame's animation callback runs after it is drawn), or after
 * PAINT_WAIT_MS if no frame comes; returns a cancel.
 */
export function afterNextPaint(fn: () => void): () => void {
  let pending = true;
  const run = () => {
    if (!pending) return;
    pending = false;
    clearTimeout(fallback);
    fn();
  };
  const fallback = setTimeout(run, PAINT_WAIT_MS);
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(run, 0));
  return () => {
    pending = false;
    clearTimeout(fallback);
  };
}

const marked = new Set<string>();
/** Marks `step` of the page's start (`pc-options:<step>`), the first time only. */
export function startMark(step: 'script' | 'asked' | 'rows' | 'drawn' | 'scan' | 'below'): void {
  if (marked.has(step)) return;
  marked.add(step);
  performance.mark?.(`pc-options:${step}`);
}
