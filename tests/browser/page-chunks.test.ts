/**
 * The extension pages' start-up files (build/vite-plugin-page-chunks.ts,
 * issue 28): the popup fetches three scripts before it runs, every script a
 * page's entry imports at start is one the page's HTML names (so it is
 * fetched in parallel, not found one import at a time), the popup's styles
 * are in its HTML, and the privacy page loads none of the store's code.
 * Checked on the built .output.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const build = join(import.meta.dirname, '../../.output');

/** The page's entry script and the scripts it preloads, in its HTML's order. */
function scriptsOf(dir: string, page: string): string[] {
  const html = readFileSync(join(dir, page), 'utf8');
  return [
    ...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/([^"]+)"/g),
  ].map((match) => match[1] as string);
}

/** Every chunk `file` imports statically, itself included. */
function staticClosure(dir: string, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const code = readFileSync(join(dir, file), 'utf8');
  for (const match of code.matchAll(
    /(?:^|[;}\s])import\s*(?:[\w{}$,*\s]+from\s*)?["']\.\/([^"']+)["']/g,
  ))
    staticClosure(dir, `chunks/${match[1]}`, seen);
  return seen;
}

describe.each(['chrome-mv3', 'firefox-mv2'])('%s pages', (target) => {
  const dir = join(build, target);

  it('start the popup with three scripts', () => {
    expect(scriptsOf(dir, 'popup.html')).toHaveLength(3);
  });

  // build/vite-plugin-popup-styles.ts; in Chromium, tests/browser/popup-styles.test.ts.
  it('start the popup with its styles in its HTML, and preload none after', () => {
    const html = readFileSync(join(dir, 'popup.html'), 'utf8');
    expect(html).not.toMatch(/rel="stylesheet"/);
    expect(html.match(/<style>/g)).toHaveLength(1);
    const [entry] = scriptsOf(dir, 'popup.html');
    const code = readFileSync(join(dir, entry as string), 'utf8');
    expect(code).toContain('__vite__mapDeps'); // its dynamic imports' preload list is there
    expect(code).not.toMatch(/"[^"]+\.css"/);
  });

  it.each(['popup.html', 'options.html', 'privacy.html'])(
    'name in %s every script its entry imports at start',
    (page) => {
      const [entry, ...preloaded] = scriptsOf(dir, page);
      expect([...staticClosure(dir, entry as string)].sort()).toEqual([entry, ...preloaded].sort());
    },
  );

  it('load none of the store on the privacy page', () => {
    const privacy = scriptsOf(dir, 'privacy.html').map((file) =>
      readFileSync(join(dir, file), 'utf8'),
    );
    // The people database's name (store/db.ts), in the chunk that opens it.
    const store = scriptsOf(dir, 'popup.html').filter((file) =>
      readFileSync(join(dir, file), 'utf8').includes('indexedDB'),
    );
    expect(store.length).toBeGreaterThan(0); // the popup's scripts do open it
    expect(privacy.some((code) => code.includes('indexedDB'))).toBe(false);
  });
});
