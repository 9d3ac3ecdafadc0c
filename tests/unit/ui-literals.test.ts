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
const files = ['components', 'entrypoints']
  .flatMap((dir) => walk(join(root, dir)))
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
    ['an ignored line', 'null;\n// i18n-ignore: a file name\nconst f = "Profile Card export.json"'],
  ])('lets %s pass', (_what, code) => {
    expect(findLiterals(`const x = () => ${code};`, 'planted.tsx')).toEqual([]);
  });
});

describe('components and entrypoints', () => {
  it('finds the files', () => {
    expect(files).toEqual(expect.arrayContaining(['components/Card.tsx', 'components/Popup.tsx']));
  });
  it.each(files)('%s writes no words outside _locales', (file) => {
    const found = findLiterals(readFileSync(join(root, file), 'utf8'), file).map(
      ({ line, text, where }) => `${file}:${line} ${where}: ${text}`,
    );
    expect(found).toEqual([]);
  });
});
