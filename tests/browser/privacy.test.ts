/**
 * "No network requests, except fetching the directories you subscribed to
 * and the address books you connected, from the addresses you gave",
 * checked in the build itself: no script in .output can reach the network
 * but for those two calls (directories/fetch.ts and carddav/http.ts, in the
 * background script only, each exactly once, with cookies omitted and
 * redirects not followed), no page or stylesheet loads anything
 * remote, and the manifest exposes nothing a page could probe. The browser
 * tests separately record every request made while the extension runs.
 *
 * Two `fetch` calls exist in code WXT bundles, and neither can run here:
 * - wxt/utils/content-script-ui/shadow-root `loadCss()`: fetches the content
 *   script's own CSS file, only with `cssInjectionMode: 'ui'`; we pass the
 *   CSS inline (`css:`) and ship no CSS file for content scripts.
 * - @webext-core/isolated-element: fetches `css.url` only when CSS is given as
 *   a URL; we give `css.textContent`.
 * Both would fetch a chrome-extension:// file, never a remote one.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const output = join(import.meta.dirname, '../../.output');
const targets = ['chrome-mv3', 'firefox-mv2'];

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Allowed `fetch(` call sites, each explained above, by the code around them. */
const ALLOWED_FETCH = [/getURL\(`\/content-scripts\/[\w-]+\.css`\)/, /css\.url|\.url\)\.then/];
/** The directory fetch, as the bundler writes it: what it sends, in the call itself. */
const DIRECTORY_FETCH =
  /\bfetch\(\w+,\{method:[`"']GET[`"'],credentials:[`"']omit[`"'],cache:[`"']no-store[`"'],redirect:[`"']manual[`"'],referrerPolicy:[`"']no-referrer[`"']/g;
/** The address-book call (carddav/http.ts): the user's method, no cookies, redirects read, not followed. */
const CARDDAV_FETCH =
  /\bfetch\(\w+,\{method:\w+\.method,credentials:[`"']omit[`"'],cache:[`"']no-store[`"'],redirect:[`"']manual[`"'],referrerPolicy:[`"']no-referrer[`"']/g;

describe.each(targets)('%s build', (target) => {
  const all = files(join(output, target));
  const scripts = all.filter((path) => path.endsWith('.js'));

  it('has scripts to check', () => {
    expect(scripts.length).toBeGreaterThanOrEqual(4);
  });

  it.each(scripts.map((path) => relative(join(output, target), path)))(
    '%s cannot reach the network',
    (file) => {
      const code = readFileSync(join(output, target, file), 'utf8');
      for (const api of [
        'XMLHttpRequest',
        'new WebSocket',
        'WebSocket(',
        'EventSource',
        'sendBeacon',
        'importScripts(',
        'navigator.connection',
      ]) {
        expect(code.includes(api), `${file} uses ${api}`).toBe(false);
      }
      const directoryFetches = [...code.matchAll(DIRECTORY_FETCH)].map((match) => match.index);
      expect(directoryFetches.length, `${file}: directory fetches`).toBe(
        file === 'background.js' ? 1 : 0,
      );
      const cardDavFetches = [...code.matchAll(CARDDAV_FETCH)].map((match) => match.index);
      expect(cardDavFetches.length, `${file}: address-book fetches`).toBe(
        file === 'background.js' ? 1 : 0,
      );
      for (const match of code.matchAll(/\bfetch\(/g)) {
        if (directoryFetches.includes(match.index) || cardDavFetches.includes(match.index))
          continue;
        const around = code.slice(Math.max(0, (match.index ?? 0) - 200), (match.index ?? 0) + 120);
        expect(
          ALLOWED_FETCH.some((pattern) => pattern.test(around)),
          `unexplained fetch in ${file}: …${around}…`,
        ).toBe(true);
      }
      // No script may create remote resources: no script/img/link/iframe with an http(s) src.
      expect(code).not.toMatch(/\.src\s*=\s*["'`]https?:/);
      expect(code).not.toMatch(/<(script|img|iframe|link)[^>]+(src|href)=["']https?:/i);
    },
  );

  it('loads nothing remote from its pages and styles', () => {
    for (const path of all.filter((p) => /\.(html|css)$/.test(p))) {
      const text = readFileSync(path, 'utf8');
      expect(text, path).not.toMatch(/(src|href)=["']?(https?:)?\/\//i);
      expect(text, path).not.toMatch(/url\(\s*["']?(https?:)?\/\//i);
      expect(text, path).not.toMatch(/@import/);
    }
  });

  it('exposes no web-accessible resources', () => {
    const manifest = JSON.parse(readFileSync(join(output, target, 'manifest.json'), 'utf8'));
    expect(manifest.web_accessible_resources).toBeUndefined();
  });
});
