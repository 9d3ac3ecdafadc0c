import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { validateProfilesPlugin } from './data/vite-plugin-validate-profiles.ts';

// https://wxt.dev/api/config.html
export default defineConfig({
  // Explicit imports everywhere: a reader sees where every name comes from.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact(), validateProfilesPlugin()] }),
  manifest: ({ browser }) => ({
    name: 'Profile Card',
    description:
      'A compact profile card for the people you care about, on GitHub and LinkedIn. Nothing leaves your browser.',
    // Why each one: README.md#permissions. Never `tabs`, `webNavigation`,
    // `history` or all-sites access (tests/unit/manifest.test.ts).
    permissions: ['storage', 'activeTab', 'scripting'],
    host_permissions: [
      'https://github.com/*',
      'https://gist.github.com/*',
      'https://*.linkedin.com/*',
    ],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          // A stable id keeps storage and updates attached to one add-on.
          id: 'profile-card@profile-card',
          // The built-in data-consent declaration ("collects nothing") arrived in
          // Firefox 140: https://extensionworkshop.com/documentation/develop/firefox-builtin-data-consent/
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
