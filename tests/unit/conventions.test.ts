/**
 * The project's own rules, enforced (the spirit of refined-github's
 * conventions test): a house plan by domain, thin entrypoints, a "why"
 * comment atop every module, real test URLs beside every site-specific file,
 * one definition for each shared fact, and no network APIs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = join(import.meta.dirname, '../..');
/** Domains: plain TypeScript, no UI, importable from any entrypoint. */
const DOMAINS = [
  'identity',
  'people',
  'formats',
  'store',
  'jobs',
  'contact',
  'messaging',
  'settings',
  'text',
  'build',
  'capture',
  'sync',
  'directories',
  'i18n',
];
/** WXT's conventional folders. */
const WXT_DIRS = ['entrypoints', 'components'];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const read = (path: string) => readFileSync(join(root, path), 'utf8');
const rel = (path: string) => relative(root, path);
const sources = [...DOMAINS, ...WXT_DIRS]
  .flatMap((dir) => walk(join(root, dir)))
  .filter((path) => /\.tsx?$/.test(path))
  .map(rel);
const domainOf = (path: string) => path.split('/')[0] as string;

/** Relative imports of a file, resolved to repository paths. */
function importsOf(path: string): string[] {
  const found = [...read(path).matchAll(/^import\s[^;]*?from\s+'(\.[^']+)'/gm)];
  return found.map((match) => rel(resolve(root, dirname(path), match[1] as string)));
}

describe('the house plan', () => {
  it('finds the sources', () => {
    expect(sources.length).toBeGreaterThan(40);
  });

  it('has no catch-all folder', () => {
    for (const dir of ['utils', 'lib', 'helpers', 'common'])
      expect(() => statSync(join(root, dir))).toThrow();
  });

  it('keeps data/ for data only', () => {
    const files = walk(join(root, 'data')).map(rel);
    expect(files.filter((path) => !/\.json$/.test(path))).toEqual([]);
  });

  it.each(DOMAINS)('%s/ has an index that opens with a diagram of the domain', (domain) => {
    const index = read(`${domain}/index.ts`);
    expect(index).toMatch(new RegExp(`^/\\*\\*\\n \\* ${domain}/ — `));
    // A drawing, not just prose: arrows or box lines.
    expect(index.slice(0, index.indexOf('*/'))).toMatch(/[─│▶└├┐┘┴┬]/);
  });

  it.each(sources.filter((path) => DOMAINS.includes(domainOf(path))))(
    '%s (a domain) imports no entrypoint and no component',
    (path) => {
      const bad = importsOf(path).filter((target) => /^(entrypoints|components)\//.test(target));
      expect(bad).toEqual([]);
    },
  );

  it.each(sources.filter((path) => path.startsWith('components/')))(
    '%s (a component) imports no entrypoint',
    (path) => {
      expect(importsOf(path).filter((target) => target.startsWith('entrypoints/'))).toEqual([]);
    },
  );
});

describe('modules', () => {
  it.each(sources.filter((path) => !path.startsWith('entrypoints/')))(
    '%s opens with a comment that says what it is for',
    (path) => {
      expect(read(path).trimStart()).toMatch(/^(\/\*\*|\/\/)/);
    },
  );

  // WXT imports every entrypoint at build time in Node to read its options;
  // code outside `main` would run there and in every context (https://wxt.dev/guide/essentials/entrypoints).
  it.each(
    sources.filter((path) => /^entrypoints\/[^/]+\.ts$|^entrypoints\/[^/]+\/index\.ts$/.test(path)),
  )('%s keeps its runtime code inside main', (path) => {
    const code = read(path)
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '')
      .replace(/^import[\s\S]*?from\s+['"][^'"]+['"];?\s*$/gm, '')
      .replace(/^import\s+['"][^'"]+['"];?\s*$/gm, '')
      .trim();
    expect(code).toMatch(/^export default define(Background|ContentScript|UnlistedScript)\(/);
  });

  // Site-specific files (github*, linkedin*) and content-script features
  // (files exporting a start* function) say where to try them by hand.
  const needsUrls = sources.filter(
    (path) =>
      /[\\/](github|linkedin)[^\\/]*\.tsx?$/.test(path) ||
      (path.startsWith('entrypoints/content/') && /export function start[A-Z]/.test(read(path))),
  );
  it('finds the feature files', () => {
    expect(needsUrls).toEqual(
      expect.arrayContaining(['entrypoints/content/hovercards.ts', 'identity/github.ts']),
    );
  });
  it.each(needsUrls)('%s lists real URLs to test by hand', (path) => {
    expect(read(path)).toMatch(/Real URLs:\n( \* https:\/\/\S+.*\n){2,}/);
  });

  // Text is always rendered as text: Preact escapes it unless told otherwise.
  it.each(sources)('%s never renders raw HTML', (path) => {
    expect(read(path)).not.toMatch(
      /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|document\.write/,
    );
  });

  // The two exceptions to "no network requests", each in exactly one file:
  // fetching a directory the user subscribed to, from the address they gave,
  // and asking the address book the user connected (background only).
  const FETCHES = ['directories/fetch.ts', 'carddav/http.ts'];
  it.each(sources.filter((path) => !FETCHES.includes(path)))(
    '%s makes no network requests',
    (path) => {
      expect(read(path)).not.toMatch(
        /\bfetch\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts/,
      );
    },
  );
  it.each(FETCHES)('%s is a file that fetches, once, and nothing else', (file) => {
    const code = read(file);
    expect(code.match(/\bfetch\(/g)).toHaveLength(1);
    expect(code).not.toMatch(/XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts/);
    expect(code).toMatch(/credentials: 'omit'/);
    expect(code).toMatch(/redirect: 'manual'/);
  });
  it('no script of a page or the content script imports carddav/', () => {
    const pages = sources.filter(
      (path) =>
        (path.startsWith('entrypoints/') && !path.startsWith('entrypoints/background/')) ||
        path.startsWith('components/'),
    );
    // Types are erased; carddav/url.ts (the address check) is pure and asks nothing.
    for (const path of pages)
      expect(read(path), path).not.toMatch(/^import (?!type )[^;]*from '[./]*carddav\/(?!url')/m);
  });

  it.each(sources)('%s cites nothing outside the repository', (path) => {
    expect(read(path)).not.toMatch(/\.\.\/shared\//);
  });
});

describe('one writer', () => {
  // A readwrite transaction, or an idb shortcut that opens one (put/add/delete/clear on the database).
  const WRITES = /['"`]readwrite['"`]|\b(?:db|database)\.(?:put|add|delete|clear)\(/;
  const code = [
    ...sources,
    ...walk(join(root, 'carddav'))
      .filter((path) => /\.tsx?$/.test(path))
      .map(rel),
  ];
  const writers = code.filter((path) => WRITES.test(read(path)));

  it('sees the writes where they are (positive control)', () => {
    expect(writers).toEqual(
      expect.arrayContaining(['store/store.ts', 'store/directories.ts', 'store/sync-base.ts']),
    );
    expect(WRITES.test(`const tx = db.transaction('syncBase', 'readwrite');`)).toBe(true);
    expect(WRITES.test(`await db.clear('syncBase');`)).toBe(true);
    expect(WRITES.test(`const tx = db.transaction(['people', 'hidden']);`)).toBe(false);
  });

  it('opens readwrite transactions only in store/', () => {
    expect(writers.filter((path) => !path.startsWith('store/'))).toEqual([]);
  });
});

describe('one definition for each shared fact', () => {
  const everywhere = [...sources, 'wxt.config.ts', 'tests/browser/harness.ts'];
  /** Files whose code (comments aside) matches. */
  const holders = (pattern: RegExp) =>
    everywhere.filter((path) =>
      pattern.test(
        read(path)
          .replace(/\/\*[\s\S]*?\*\//g, '')
          .replace(/^\s*\/\/.*$/gm, ''),
      ),
    );

  it('the host list lives in identity/hosts.ts', () => {
    expect(holders(/gist\.github\.com['`]|\*\.linkedin\.com|\*\.\$\{LINKEDIN_DOMAIN\}/)).toEqual([
      'identity/hosts.ts',
    ]);
  });
  it('the unsafe-character class lives in text/characters.ts', () => {
    expect(holders(/\\{1,2}u202A-\\{1,2}u202E/)).toEqual(['text/characters.ts']);
  });
  it('the GitHub login rule lives in identity/rules.ts', () => {
    expect(holders(/A-Za-z0-9_-\]\{1,39\}/)).toEqual(['identity/rules.ts']);
  });
  it('handles are formatted in identity/handles.ts', () => {
    expect(holders(/`in\/\$\{/)).toEqual(['identity/handles.ts']);
  });
  it('text is folded in text/fold.ts', () => {
    expect(holders(/normalize\('NFD'\)/)).toEqual(['text/fold.ts']);
  });
  it('words are looked up in i18n/t.ts', () => {
    expect(holders(/\bgetMessage\(/)).toEqual(['i18n/t.ts']);
  });
  it('messages are sent in messaging/ask.ts', () => {
    expect(holders(/runtime\.sendMessage\(/)).toEqual(['messaging/ask.ts']);
  });
});
