import { defineConfig } from 'vitest/config';

// Real-browser tests (with SCREENSHOTS=1 the README's and docs/guide.md's screenshots, with
// BENCH=1 the benchmark; BENCH_ONLY=lists its lists at scale alone,
// bench/lists-only.ts; BENCH=store its imports and exports alone, bench/store-bench.ts;
// BENCH=floors the same-run floors beside our figures, bench/floors-only.ts):
// one Chromium at a time (2 cores), against the built .output/chrome-mv3.
export default defineConfig({
  test: {
    include: process.env.BENCH
      ? [
          {
            'trace-hover': 'bench/trace-hover.ts',
            'cold-lookup': 'bench/cold-lookup.ts',
            'trace-pageload': 'bench/trace-pageload.ts',
            peers: 'bench/peers.ts',
            'profile-keystrokes': 'bench/profile-keystrokes.ts',
            'trace-lists': 'bench/trace-lists.ts',
            'trace-store': 'bench/trace-store.ts',
            store: 'bench/store-bench.ts',
            floors: 'bench/floors-only.ts',
            'popup-start': 'bench/trace-popup-start.ts',
          }[process.env.BENCH] ??
            (process.env.BENCH_ONLY === 'lists' ? 'bench/lists-only.ts' : 'bench/measure.ts'),
        ]
      : process.env.SCREENSHOTS
        ? ['tests/screenshots/**/*.ts']
        : ['tests/browser/**/*.test.ts'],
    environment: 'node',
    globals: true,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
