/**
 * Keeping under browser sync's write limits (./quota.ts: 120 a minute, 1,800
 * an hour) with room to spare, as a pure function of when earlier writes
 * happened: how long to wait before the next one. ./engine.ts keeps the log
 * in `storage.session`, so a service worker that sleeps and wakes keeps
 * counting; a browser restart forgets it, and Chrome's own limit (a refused
 * write, which the engine retries later) is the backstop.
 */
import { MAX_WRITES_PER_HOUR, MAX_WRITES_PER_MINUTE } from './quota';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Three quarters of each limit, and at least this long between two passes' writes. */
const PER_MINUTE = Math.floor(MAX_WRITES_PER_MINUTE * 0.75);
const PER_HOUR = Math.floor(MAX_WRITES_PER_HOUR * 0.75);
export const MIN_GAP_MS = 1_000;

/** The writes of the last hour, oldest first (older ones are forgotten). */
export const recentWrites = (log: readonly number[], now: number) =>
  log.filter((at) => at > now - HOUR && at <= now).sort((a, b) => a - b);

/** Milliseconds to wait before `count` more writes keep every limit (0: now). */
export function waitBeforeWriting(log: readonly number[], now: number, count = 2): number {
  const recent = recentWrites(log, now);
  let wait = 0;
  const last = recent[recent.length - 1];
  if (last !== undefined) wait = Math.max(wait, last + MIN_GAP_MS - now);
  const lastMinute = recent.filter((at) => at > now - MINUTE);
  if (lastMinute.length + count > PER_MINUTE) {
    const oldest = lastMinute[lastMinute.length + count - PER_MINUTE - 1];
    if (oldest !== undefined) wait = Math.max(wait, oldest + MINUTE - now);
  }
  if (recent.length + count > PER_HOUR) {
    const oldest = recent[recent.length + count - PER_HOUR - 1];
    if (oldest !== undefined) wait = Math.max(wait, oldest + HOUR - now);
  }
  return Math.max(0, wait);
}
