import { defineConfig } from 'vitest/config';

// The dev commands, headless (tests/dev/): each test starts `npm run dev` or
// `npm run dev:firefox` and its browser, so one at a time (2 cores).
export default defineConfig({
  test: {
    include: ['tests/dev/**/*.test.ts'],
    environment: 'node',
    globals: true,
    fileParallelism: false,
    testTimeout: 240_000,
  },
});
