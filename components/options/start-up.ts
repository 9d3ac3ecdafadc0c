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
 *   afterInputQuiet(fn)  fn once the user has not typed, clicked or scrolled
 *                        for QUIET_MS (at once if they have not), never
 *                        more than MOST_MS late
 *   whenInputQuiet(work) work(signal) once input is quiet; input while it
 *                        runs aborts it, and it starts again once quiet
 *                        (until MOST_MS have passed: then it is left to
 *                        finish). The scan runs so: at 100,000 people its
 *                        worker is ~2 s of a core, and on a machine of two
 *                        it slowed the keys typed into the search right
 *                        after the list came (issue 28)
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

/** The user's own input: a key, a click, the wheel, a scroll. */
const INPUT_EVENTS = ['keydown', 'input', 'pointerdown', 'wheel', 'scroll'] as const;
/** How long the page must have had no input for work that can wait to start. */
export const QUIET_MS = 1000;
/** Work that waits for quiet starts at the latest this long after it was asked for. */
export const MOST_MS = 10_000;

/** When the user last gave the page input (performance.now()), if ever. */
let lastInput = Number.NEGATIVE_INFINITY;
/** Told of each input: the work under way that it interrupts. */
const interrupts = new Set<() => void>();
// Heard from the page's first script on (capture, passive: nothing is held up).
if (typeof document !== 'undefined')
  for (const type of INPUT_EVENTS)
    document.addEventListener(
      type,
      () => {
        lastInput = performance.now();
        for (const interrupt of interrupts) interrupt();
      },
      { capture: true, passive: true },
    );

/**
 * Calls `fn` once the page has had no input for `quietMs` (at once if it
 * has had none that recently), or `mostMs` after this call whatever comes;
 * returns a cancel.
 */
export function afterInputQuiet(fn: () => void, quietMs = QUIET_MS, mostMs = MOST_MS): () => void {
  const latest = performance.now() + mostMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const look = () => {
    const now = performance.now();
    const wait = Math.min(lastInput + quietMs, latest) - now;
    if (wait <= 0) fn();
    else timer = setTimeout(look, wait);
  };
  look();
  return () => clearTimeout(timer);
}

/**
 * Runs `work` once the page's input is quiet (`afterInputQuiet`); input
 * while it runs aborts its signal, and once `work` has failed for that it
 * is run again when input is quiet. After `mostMs` it neither waits nor is
 * aborted. Resolves (or fails) as the run that finished did.
 */
export function whenInputQuiet<T>(
  work: (signal: AbortSignal) => Promise<T>,
  quietMs = QUIET_MS,
  mostMs = MOST_MS,
): Promise<T> {
  const latest = performance.now() + mostMs;
  return new Promise<T>((resolve, reject) => {
    const attempt = () =>
      afterInputQuiet(
        () => {
          const stop = new AbortController();
          const interrupt = () => {
            if (performance.now() < latest) stop.abort();
          };
          interrupts.add(interrupt);
          work(stop.signal).then(
            (value) => {
              interrupts.delete(interrupt);
              resolve(value);
            },
            (error: unknown) => {
              interrupts.delete(interrupt);
              if (stop.signal.aborted) attempt();
              else reject(error);
            },
          );
        },
        quietMs,
        Math.max(0, latest - performance.now()),
      );
    attempt();
  });
}

const marked = new Set<string>();
/** Marks `step` of the page's start (`pc-options:<step>`), the first time only. */
export function startMark(step: 'script' | 'asked' | 'rows' | 'drawn' | 'scan' | 'below'): void {
  if (marked.has(step)) return;
  marked.add(step);
  performance.mark?.(`pc-options:${step}`);
}
