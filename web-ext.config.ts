/**
 * How `npm run dev` / `npm run dev:firefox` start the browser (WXT hands this
 * to web-ext: https://wxt.dev/guide/essentials/config/browser-startup).
 *
 * - Debian's Chromium and Firefox ESR, the browsers the tests use
 *   (`CHROMIUM_PATH` / `FIREFOX_PATH` override, as in the tests); elsewhere
 *   web-ext finds the installed browser itself. Branded Google Chrome works
 *   too: web-ext loads the extension over the DevTools pipe, not with
 *   `--load-extension`, which Chrome 137+ ignores.
 * - Headless when there is no display (no `DISPLAY` or `WAYLAND_DISPLAY`):
 *   a headed browser cannot start there, and web-ext then fails with a bare
 *   ECONNRESET (Chromium) or ECONNREFUSED (Firefox). With a display, the
 *   window opens as usual.
 * - `--no-sandbox` for Chromium only when running as root, which Chromium
 *   otherwise refuses outright (containers, CI). Never elsewhere.
 * - Chromium's profile in a directory named here, one per dev server, so
 *   it can be removed when the dev server stops (web-ext leaves its own
 *   temporary one behind). Fresh each run, as web-ext's would be. Reading
 *   this file has no side effects: every `wxt build` reads it too.
 *
 * build/dev-session.ts makes that directory when the dev server starts, and
 * on Ctrl+C or SIGTERM closes the browser and removes it;
 * tests/dev/dev-commands.test.ts checks both.
 */
import { existsSync } from 'node:fs';
import { defineWebExtConfig } from 'wxt';
import { devChromiumProfile } from './build/dev-session.ts';

const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const root = process.getuid?.() === 0;
const installed = (override: string | undefined, path: string) =>
  override ?? (existsSync(path) ? path : undefined);
const chromium = installed(process.env.CHROMIUM_PATH, '/usr/bin/chromium');
const firefox = installed(process.env.FIREFOX_PATH, '/usr/bin/firefox-esr');

export default defineWebExtConfig({
  binaries: {
    ...(chromium && { chrome: chromium }),
    ...(firefox && { firefox }),
  },
  chromiumProfile: devChromiumProfile(),
  // Use that directory as it is, rather than copy it to a temporary one.
  keepProfileChanges: true,
  chromiumArgs: [...(headless ? ['--headless=new'] : []), ...(root ? ['--no-sandbox'] : [])],
  // Firefox's `--headless` is the MOZ_HEADLESS=1 environment variable as a flag.
  firefoxArgs: headless ? ['--headless'] : [],
});
