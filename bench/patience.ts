/**
 * How long the bench waits, and when it tries again (issue 28: one full run
 * failed after 49 s when choosing the 44 MB file hit Playwright's default
 * 30 s timeout). The machine is shared: a step may be slow for load alone,
 * so every wait is sized for its work, and a step that still fails is tried
 * once more from a clean start before the run gives up. Every retry is
 * counted (`bench_retries` in the results) and said on stderr, so a run
 * that needed them is known.
 *
 *   waitFor(bytes)     a wait that grows with the bytes moved (files into a page, the store)
 *   STEP_TIMEOUT       every other Playwright action of a bench page (its default)
 *   retried(label, fn, { before })   fn; on failure, before() then fn again
 *   phase(label)       a new part of the run begins; phases() says how long each took
 */
import type { BrowserContext } from 'playwright-core';

/** Playwright's default for every bench page's actions and waits (its own default is 30 s). */
export const STEP_TIMEOUT = 90_000;

/**
 * A timeout for work on `bytes` of data: 60 s, plus 4 s per MB (a 44 MB
 * file: ~4 min). On this machine a 44 MB file took 15–30 s to choose and
 * preview; the margin is for a neighbour's build running at the same time.
 */
export function waitFor(bytes: number): number {
  return 60_000 + Math.ceil(bytes / 1_000_000) * 4_000;
}

/** Sets the bench's default timeouts on every page of a browser. */
export function patient(context: BrowserContext): void {
  context.setDefaultTimeout(STEP_TIMEOUT);
  context.setDefaultNavigationTimeout(STEP_TIMEOUT);
}

let retries = 0;
/** How many steps of this run needed a second try. */
export const retryCount = () => retries;

/**
 * Runs `step`; if it throws, says so, runs `before` (back to a clean start:
 * an empty store, a fresh page) and runs `step` once more. A second failure
 * ends the run: then it is not the load.
 */
export async function retried<T>(
  label: string,
  step: () => Promise<T>,
  { before }: { before?: () => Promise<void> } = {},
): Promise<T> {
  try {
    return await step();
  } catch (error) {
    retries++;
    process.stderr.write(
      `[bench] ${label} failed (${(error as Error).message.split('\n')[0]}); trying once more\n`,
    );
    await before?.();
    return step();
  }
}

/** The run's parts, in order, and how long each took (issue 28: a full run must fit 20 min). */
const parts: { label: string; startedMs: number; seconds?: number }[] = [];

/** Ends the running part, if any, and begins `label`; both said on stderr. */
export function phase(label: string): void {
  const now = performance.now();
  const last = parts.at(-1);
  if (last && last.seconds === undefined) {
    last.seconds = (now - last.startedMs) / 1000;
    process.stderr.write(`[bench] ${last.label}: ${last.seconds.toFixed(1)} s\n`);
  }
  if (label) parts.push({ label, startedMs: now });
}

/** Every part's duration, the running one ended. */
export function phases(): { label: string; seconds: number }[] {
  phase('');
  return parts.map(({ label, seconds }) => ({ label, seconds: seconds ?? 0 }));
}
