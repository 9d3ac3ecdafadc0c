/**
 * The project's own rules, enforced (the spirit of refined-github's
 * conventions test): thin entrypoints, a "why" comment atop every module,
 * real test URLs beside every site-specific parser, and no network APIs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '../..');
const SOURCE_DIRS = ['entrypoints', 'components', 'utils', 'data'];

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const sources = SOURCE_DIRS.flatMap((dir) => {
  try {
    return walk(join(root, dir));
  } catch {
    return [];
  }
}).filter((path) => /\.tsx?$/.test(path));

const read = (path: string) => readFileSync(path, 'utf8');
const rel = (path: string) => relative(root, path);

describe('conventions', () => {
  it('finds the sources', () => {
    expect(sources.length).toBeGreaterThan(10);
  });

  it.each(sources.filter((path) => !rel(path).startsWith('entrypoints/')).map(rel))(
    '%s opens with a comment that says what it is for',
    (path) => {
      expect(read(join(root, path)).trimStart()).toMatch(/^(\/\*\*|\/\/)/);
    },
  );

  // WXT imports every entrypoint at build time in Node to read its options;
  // code outside `main` would run there and in every context (https://wxt.dev/guide/essentials/entrypoints).
  it.each(
    sources
      .filter((path) => /^entrypoints\/[^/]+\.ts$|^entrypoints\/[^/]+\/index\.ts$/.test(rel(path)))
      .map(rel),
  )('%s keeps its runtime code inside main', (path) => {
    const code = read(join(root, path))
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '')
      .replace(/^import[\s\S]*?from\s+['"][^'"]+['"];?\s*$/gm, '')
      .replace(/^import\s+['"][^'"]+['"];?\s*$/gm, '')
      .trim();
    expect(code).toMatch(/^export default define(Background|ContentScript|UnlistedScript)\(/);
  });

  // Site-specific helpers (github-*, linkedin-*) and content-script features
  // (files exporting a start* function) say where to try them by hand.
  const needsUrls = sources.filter(
    (path) =>
      /[\\/](github|linkedin)-[^\\/]+\.tsx?$/.test(path) ||
      /export function start[A-Z]/.test(read(path)),
  );
  it('finds the feature files', () => {
    expect(needsUrls.map(rel)).toEqual(
      expect.arrayContaining(['entrypoints/content/hovercards.ts', 'utils/github-url.ts']),
    );
  });
  it.each(needsUrls.map(rel))('%s lists real URLs to test by hand', (path) => {
    expect(read(join(root, path))).toMatch(/Real URLs:\n( \* https:\/\/\S+.*\n){2,}/);
  });

  // Text is always rendered as text: Preact escapes it unless told otherwise.
  it.each(sources.map(rel))('%s never renders raw HTML', (path) => {
    expect(read(join(root, path))).not.toMatch(
      /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|document\.write/,
    );
  });

  it.each(sources.map(rel))('%s makes no network requests', (path) => {
    expect(read(join(root, path))).not.toMatch(
      /\bfetch\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts/,
    );
  });
});
