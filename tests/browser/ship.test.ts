/**
 * What a store reviewer runs: `web-ext lint` on the Firefox build (errors
 * fail; each remaining warning is one docs/design.md explains), and `npm run zip`
 * yielding the Chrome, Firefox and sources zips named with the version, the
 * store zips with every language's messages.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;

/**
 * The warnings docs/design.md#firefox-and-web-ext-lint explains, by code and file.
 * Chunks shared by the popup and the options page are named by the bundler
 * after one of their modules, so any `chunks/` file may hold Preact or zod.
 */
const EXPLAINED = [
  { code: 'UNSAFE_VAR_ASSIGNMENT', file: /^(card-ui\.js|chunks\/[\w-]+\.js)$/ },
  {
    code: 'DANGEROUS_EVAL',
    file: /^(background\.js|chunks\/[\w-]+\.js|assets\/jobs-worker-[\w-]+\.js)$/,
  },
];

/**
 * A zip's file list, or one file's text. Python's zipfile, because python3 is
 * on every machine here and `unzip` is not promised.
 */
function zipRead(zip: string, file?: string): string {
  const script = file
    ? 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())'
    : "import sys, zipfile; sys.stdout.write('\\n'.join(zipfile.ZipFile(sys.argv[1]).namelist()))";
  return execFileSync('python3', ['-c', script, zip, ...(file ? [file] : [])], {
    encoding: 'utf8',
  });
}

interface LintMessage {
  code: string;
  file?: string;
  message: string;
}

it('web-ext lint: no errors, no unexplained warnings', () => {
  let out = '';
  try {
    out = execFileSync(
      'npx',
      ['web-ext', 'lint', '--source-dir', '.output/firefox-mv2', '--output', 'json'],
      { cwd: root, encoding: 'utf8' },
    );
  } catch (error) {
    out = (error as { stdout: string }).stdout; // exits non-zero on errors; the JSON says which
  }
  const report = JSON.parse(out) as {
    errors: LintMessage[];
    warnings: LintMessage[];
    notices: LintMessage[];
  };
  expect(report.errors.map((m) => `${m.code} ${m.file}: ${m.message}`)).toEqual([]);
  const unexplained = report.warnings.filter(
    (warning) =>
      !EXPLAINED.some(
        (known) => known.code === warning.code && known.file.test(warning.file ?? ''),
      ),
  );
  expect(unexplained.map((m) => `${m.code} ${m.file}: ${m.message}`)).toEqual([]);
}, 120_000);

it('npm run zip makes the Chrome, Firefox and sources zips, named with the version', () => {
  const zips = ['chrome', 'firefox', 'sources'].map((kind) =>
    join(root, '.output', `profile-card-${version}-${kind}.zip`),
  );
  for (const zip of zips) rmSync(zip, { force: true });
  execFileSync('npm', ['run', 'zip'], { cwd: root, stdio: 'pipe' });
  for (const zip of zips) expect(existsSync(zip), zip).toBe(true);
  const sources = zipRead(zips[2] as string).split('\n');
  expect(sources).toEqual(
    expect.arrayContaining([
      'package.json',
      'package-lock.json',
      'wxt.config.ts',
      'assets/icon.svg',
      'people/schema.ts',
    ]),
  );
  expect(sources.filter((file) => /^(node_modules|\.output|\.wxt|docs)\//.test(file))).toEqual([]);
  // The built zips are what was built: the manifest inside carries the version.
  const manifest = JSON.parse(zipRead(zips[0] as string, 'manifest.json'));
  expect(manifest.version).toBe(version);
  // Both store zips carry every language, and the name the manifest asks for (docs/i18n.md).
  const languages = readdirSync(join(root, 'public/_locales'));
  expect(languages).toEqual(expect.arrayContaining(['en', 'de', 'tr']));
  for (const zip of zips.slice(0, 2)) {
    const files = zipRead(zip as string).split('\n');
    for (const language of languages)
      expect(files, zip).toContain(`_locales/${language}/messages.json`);
    const zipped = JSON.parse(zipRead(zip as string, 'manifest.json'));
    expect(zipped).toMatchObject({ name: '__MSG_ext_name__', default_locale: 'en' });
    const german = JSON.parse(zipRead(zip as string, '_locales/de/messages.json'));
    expect(german.ext_description.message).toMatch(/Profilkarte/);
  }
}, 180_000);
