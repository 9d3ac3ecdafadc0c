import { defineConfig } from 'vitest/config';

// Real-Firefox tests (tests/firefox/harness.ts): one Firefox at a time
// (2 cores), against the built .output/firefox-mv2.
export default defineConfig({
  test: {
    // BENCH=1: the benchmark's Firefox part (bench/firefox.ts, run by `npm run bench`).
    include: process.env.BENCH ? ['bench/firefox.ts'] : ['tests/firefox/**/*.test.ts'],
    environment: 'node',
    globals: true,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
