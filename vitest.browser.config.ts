import { defineConfig } from 'vitest/config';

// Real-browser tests (and, with SCREENSHOTS=1, the README's screenshots):
// one Chromium at a time (2 cores), against the built .output/chrome-mv3.
export default defineConfig({
  test: {
    include: process.env.SCREENSHOTS
      ? ['tests/screenshots/**/*.ts']
      : ['tests/browser/**/*.test.ts'],
    environment: 'node',
    globals: true,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
