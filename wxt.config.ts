import { join } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { startDevSession } from './build/dev-session.ts';
import { ICON_SIZES, renderIcons } from './build/render-icons.ts';
import { fewerPageChunks } from './build/vite-plugin-page-chunks.ts';
import { popupStylesInline } from './build/vite-plugin-popup-styles.ts';
import { validateProfilesPlugin } from './build/vite-plugin-validate-profiles.ts';
import { MATCH_PATTERNS } from './identity/hosts.ts';

/**
 * Optional permissions only, one host at a time: any https host (the one a
 * directory is fetched from, or an address book's server), and plain http on
 * this machine, which browsers count as a secure context (a directory served
 * on a laptop, directories/url.ts; a self-hosted address book such as
 * Radicale, which listens on http://127.0.0.1:5232 by default, carddav/url.ts).
 */
const OPTIONAL_HOSTS = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];

const icons = Object.fromEntries(ICON_SIZES.map((size) => [size, `icon/${size}.png`]));
const action = {
  default_title: '__MSG_action_title__',
  default_icon: { 16: icons[16], 32: icons[32] },
};

// https://wxt.dev/api/config.html
export default defineConfig({
  // Explicit imports everywhere: a reader sees where every name comes from.
  imports: false,
  vite: () => ({
    plugins: [preact(), validateProfilesPlugin(), fewerPageChunks(), popupStylesInline()],
    // Vite's modulepreload polyfill fetches module URLs by hand; every browser
    // we support (Chrome, Firefox 140+) preloads natively, so leave it out.
    // PC_UNMINIFIED=1: readable function names for a CPU profile (bench/trace-store.ts).
    build: {
      modulePreload: { polyfill: false },
      ...(process.env.PC_UNMINIFIED === '1' && { minify: false }),
    },
    // WXT's content-script entry constructs its ContentScriptContext, which
    // announces every start to the page and weighs ~2.8 KB; ours is the one
    // signal the script uses (entrypoints/content/context.ts, issue 28).
    resolve: {
      alias: [
        {
          find: /^wxt\/utils\/content-script-context$/,
          replacement: join(import.meta.dirname, 'entrypoints/content/context.ts'),
        },
      ],
    },
  }),
  hooks: {
    // Icons are rendered from assets/icon.svg on every build (build/render-icons.ts).
    'build:publicAssets': async (wxt, files) => {
      const rendered = await renderIcons(
        join(wxt.config.root, 'assets/icon.svg'),
        join(wxt.config.wxtDir, 'icons'),
      );
      for (const [relativeDest, absoluteSrc] of rendered) files.push({ relativeDest, absoluteSrc });
    },
    // `npm run dev` leaves no browser or profile behind when stopped (build/dev-session.ts).
    'server:started': (_wxt, server) => startDevSession(server),
  },
  zip: {
    // The Firefox sources zip: what a reviewer needs to rebuild, nothing generated.
    excludeSources: ['.tmp/**', 'docs/**', 'bench/results.json'],
  },
  manifest: ({ browser, manifestVersion }) => ({
    // Every word in the user's language: public/_locales (docs/i18n.md).
    name: '__MSG_ext_name__',
    default_locale: 'en',
    icons,
    // MV2 (the Firefox build) calls it `browser_action`. WXT writes the popup
    // into that key itself and then ignores an MV3 `action` given here, so
    // the title and icon must be given under the MV2 name.
    ...(manifestVersion === 2 ? { browser_action: action } : { action }),
    description: '__MSG_ext_description__',
    // Why each one: docs/design.md#permissions. Never `tabs`, `webNavigation`,
    // `history` or all-sites access (tests/unit/manifest.test.ts).
    permissions: ['storage', 'unlimitedStorage', 'activeTab', 'scripting'],
    host_permissions: [...MATCH_PATTERNS],
    // Never granted at install: asked for one host at a time, from the user's
    // click on Subscribe to a directory (directories/url.ts) or Find address
    // books (carddav/url.ts), and given back on unsubscribe or disconnect. MV2 (Firefox) lists optional hosts with the permissions.
    ...(manifestVersion === 2
      ? { optional_permissions: OPTIONAL_HOSTS }
      : { optional_host_permissions: OPTIONAL_HOSTS }),
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
        // Firefox for Android understands the data-consent key from 142.
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
