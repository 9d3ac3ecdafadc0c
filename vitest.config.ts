import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { validateProfilesPlugin } from './build/vite-plugin-validate-profiles.ts';

export default defineConfig({
  plugins: [WxtVitest(), preact(), validateProfilesPlugin()],
  test: {
    // describe/it/expect without imports, as in the browser tests.
    globals: true,
    environment: 'happy-dom',
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    // Generous: a fake-IndexedDB or property test that takes 1 s alone took
    // over 5 s on a loaded 2-core machine. Speed is the bench's job, not this.
    testTimeout: 30_000,
    // Messages from public/_locales/en where there is no browser.i18n.
    setupFiles: ['tests/unit/setup-i18n.ts'],
  },
});
