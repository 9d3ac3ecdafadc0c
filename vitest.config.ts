import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import { validateProfilesPlugin } from './data/vite-plugin-validate-profiles.ts';

export default defineConfig({
  plugins: [WxtVitest(), preact(), validateProfilesPlugin()],
  test: {
    // @testing-library/preact cleans up between tests only with globals on.
    globals: true,
    environment: 'happy-dom',
    include: ['tests/unit/**/*.test.{ts,tsx}'],
  },
});
