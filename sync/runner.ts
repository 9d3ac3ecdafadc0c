/**
 * One sync pass at a time in the background, however many reasons to run
 * arrive: a reason that arrives during a pass runs one more pass after it
 * (never two at once, never one per event), and a pass that asks to be run
 * again later (write limits, a change here meanwhile, a refused write) is
 * run again then. The service worker may be stopped before a timer fires;
 * the next event or start runs the pass instead, and a pass is safe to
 * repeat (./engine.ts).
 */
import type { PassOutcome } from './engine';

export interface SyncRunner {
  /** Run a pass now (after the one under way, if any), or after `delayMs`. */
  schedule(delayMs?: number): void;
  /** Run `work` between passes (a conflict resolved, sync turned on), then a pass. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
  /** Resolves once no pass is under way or asked for (tests). */
  idle(): Promise<void>;
}

export function createSyncRunner(
  pass: () => Promise<PassOutcome>,
  onError: (error: unknown) => void,
): SyncRunner {
  let chain: Promise<unknown> = Promise.resolve();
  let queued = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const enqueue = <T>(work: () => Promise<T>): Promise<T> => {
    const next = chain.then(work);
    chain = next.catch(() => undefined);
    return next;
  };

  const runner: SyncRunner = {
    schedule(delayMs = 0) {
      if (delayMs > 0) {
        if (timer === undefined)
          timer = setTimeout(() => {
            timer = undefined;
            runner.schedule();
          }, delayMs);
        return;
      }
      if (queued) return;
      queued = true;
      void enqueue(async () => {
        queued = false;
        const outcome = await pass();
        if ('retryInMs' in outcome && outcome.retryInMs !== undefined)
          runner.schedule(outcome.retryInMs);
      }).catch(onError);
    },
    async exclusive(work) {
      const result = await enqueue(work);
      runner.schedule();
      return result;
    },
    async idle() {
      while (true) {
        const current = chain;
        await current;
        if (current === chain && !queued) return;
      }
    },
  };
  return runner;
}
