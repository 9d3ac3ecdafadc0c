/**
 * Every word the user reads comes from _locales (i18n/t.ts): a test that
 * fails when a component or entrypoint writes text straight into the UI.
 * The table below plants such literals (and t() calls that must pass) so
 * the scanner itself is shown to catch what it is for.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { findLiterals } from './ui-literals';

const root = join(import.meta.dirname, '../..');
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
/**
 * Every folder whose code produces text a person reads: the pages and
 * components, and the modules whose messages reach them (imports and their
 * refusals, sync, settings, directories, the card's contact formats).
 */
const FOLDERS = [
  'components',
  'entrypoints',
  'people',
  'formats',
  'store',
  'jobs',
  'contact',
  'sync',
  'settings',
  'directories',
  'identity',
  'capture',
  'messaging',
];
const files = FOLDERS.flatMap((dir) => walk(join(root, dir)))
  .filter((path) => /\.tsx?$/.test(path))
  .map((path) => relative(root, path));

describe('the scanner', () => {
  it.each([
    ['JSX text', '<p>Loading…</p>'],
    ['an aria-label', '<button aria-label="Close card" />'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: planted code, not a template
    ['a title', '<button title={`Dismiss ${name}`} />'],
    ['a placeholder', '<input placeholder="Search people" />'],
    ['an alt', '<img alt="Avatar" />'],
    ['a conditional child', '<p>{open ? t("less") : "more"}</p>'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: planted code, not a template
    ['a template child', '<p>{`${n} people`}</p>'],
    ['a prop of our own', '<Field label="Name" />'],
    ['a sentence in code', 'setStatus("Saved the person.")'],
    [
      'a sentence after an ignored block',
      '// i18n-ignore-start: columns\n["First Name"];\n// i18n-ignore-end\n\n\nsetStatus("Saved the person.")',
    ],
  ])('finds %s', (_what, code) => {
    expect(findLiterals(`const x = () => ${code};`, 'planted.tsx')).toHaveLength(1);
  });

  it.each([
    ['a message', '<p>{t("loading")}</p>'],
    ['a message with a value', '<button aria-label={t("dismiss_card", name)} />'],
    ['classes and ids', '<p class="pc-note pc-muted" id="pc-x" aria-describedby="a b">{name}</p>'],
    ['a symbol', '<button>×</button>'],
    ['a selector', 'document.querySelector("input[type=file] + label")'],
    ['a console line', 'console.warn("Profile Card: could not read it")'],
    ['an Accept header', 'fetch(u, { headers: { Accept: "application/json, text/plain;q=0.5" } })'],
    ['a selector list', 'el.querySelectorAll(pick("a, button, [hidden], h1"))'],
    ['an error for developers', 'Promise.reject(new Error("Profile Card: refused a message"))'],
    ['an ignored line', 'null;\n// i18n-ignore: a file name\nconst f = "Profile Card export.json"'],
    [
      'an ignored block',
      'null;\n// i18n-ignore-start: columns\nconst c = [\n"First Name",\n"Last Name",\n];\n// i18n-ignore-end',
    ],
  ])('lets %s pass', (_what, code) => {
    expect(findLiterals(`const x = () => ${code};`, 'planted.tsx')).toEqual([]);
  });
});

describe('components and entrypoints', () => {
  it('finds the files', () => {
    expect(files).toEqual(
      expect.arrayContaining(['components/card/Card.tsx', 'components/popup/Popup.tsx']),
    );
  });
  it.each(files)('%s writes no words outside _locales', (file) => {
    const found = findLiterals(readFileSync(join(root, file), 'utf8'), file).map(
      ({ line, text, where }) => `${file}:${line} ${where}: ${text}`,
    );
    expect(found).toEqual([]);
  });
});
