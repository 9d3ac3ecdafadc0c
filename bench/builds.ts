/**
 * The builds a before/after runner compares, run by run under the same load:
 * this checkout's (`after`) and, with `BENCH_BEFORE=<another build's
 * chrome-mv3 folder>`, that one (`before`).
 */
import { EXTENSION_DIR } from '../tests/browser/harness';

export function buildsToCompare(): { build: string; dir: string }[] {
  const before = process.env.BENCH_BEFORE;
  return [
    { build: 'after', dir: EXTENSION_DIR },
    ...(before ? [{ build: 'before', dir: before }] : []),
  ];
}
