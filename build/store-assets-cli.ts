/**
 * `npm run store-assets`: builds the Chromium extension when its sources
 * changed since the last build (or there is none), then renders the store
 * listings' pictures into docs/store/assets/ (store-assets.ts). They are
 * committed: listing assets, not build output. Node runs this TypeScript
 * itself (it strips the types); resolve-ts.mjs, loaded first (package.json),
 * resolves the sources' extensionless imports as Vite does.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderStoreAssets } from './store-assets.ts';

const ROOT = resolve(import.meta.dirname, '..');
const MANIFEST = join(ROOT, '.output/chrome-mv3/manifest.json');

/** Files that do not go into the extension: changing them needs no build. */
const NOT_BUILT = /^(tests|docs|bench|\.ci)\/|\.md$|^LICENSE$|^biome\.json$|^vitest\./;

/** The newest modification time among the files git knows (committed or not) that the build reads. */
function newestSource(): number {
  const listed = spawnSync('git', ['ls-files', '-co', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  return Math.max(
    ...listed.stdout
      .split('\n')
      .filter((file) => file && !NOT_BUILT.test(file) && existsSync(join(ROOT, file)))
      .map((file) => statSync(join(ROOT, file)).mtimeMs),
  );
}

if (!existsSync(MANIFEST) || statSync(MANIFEST).mtimeMs < newestSource()) {
  console.log('Building the Chromium extension (its sources changed since the last build)…');
  const built = spawnSync(join(ROOT, 'node_modules/.bin/wxt'), ['build'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (built.status !== 0) process.exit(built.status ?? 1);
} else console.log('The Chromium build in .output/chrome-mv3 is up to date.');

const out = join(ROOT, 'docs/store/assets');
console.log(`Rendering the store assets into ${out}:`);
await renderStoreAssets(out, (line) => console.log(`  ${line}`));
