/**
 * build/vite-plugin-popup-styles.ts on a bundle of the shape Vite writes:
 * popup.html's stylesheets become one <style> in their order, the popup's
 * preload lists lose them (indices renumbered), a sheet the options page
 * still links stays in the bundle. A preload list written in another shape
 * fails the build rather than being left uncut.
 */
import { popupStylesInline } from '../../build/vite-plugin-popup-styles';

const html = (sheets: string[]) =>
  `<html><head>${sheets.map((s) => `<link rel="stylesheet" crossorigin href="/${s}">\n    `).join('')}<script type="module" src="/chunks/popup-x.js"></script></head></html>`;
const mapDeps = (deps: string[]) =>
  `const __vite__mapDeps=(i,m=__vite__mapDeps,d=(m.f||(m.f=${JSON.stringify(deps)})))=>i.map(i=>d[i]);`;

function run(popupCode: string) {
  const bundle: Record<string, Record<string, unknown>> = {
    'entrypoints/popup/index.html': {
      type: 'asset',
      fileName: 'entrypoints/popup/index.html',
      source: html(['assets/shared.css', 'assets/popup.css']),
    },
    'entrypoints/options/index.html': {
      type: 'asset',
      fileName: 'entrypoints/options/index.html',
      source: html(['assets/shared.css']).replace('popup-x', 'options-x'),
    },
    'assets/shared.css': { type: 'asset', fileName: 'assets/shared.css', source: '.a{color:red}' },
    'assets/popup.css': { type: 'asset', fileName: 'assets/popup.css', source: '.b{color:blue}' },
    'chunks/popup-x.js': { type: 'chunk', fileName: 'chunks/popup-x.js', code: popupCode },
  };
  const plugin = popupStylesInline() as unknown as {
    generateBundle: { handler(options: unknown, bundle: unknown): void };
  };
  plugin.generateBundle.handler({}, bundle);
  return bundle;
}

it('inlines the sheets in order and cuts them from the preloads', () => {
  const deps = ['chunks/keep.js', 'assets/shared.css', 'chunks/api.js', 'assets/popup.css'];
  const bundle = run(
    `${mapDeps(deps)}import(__vite__mapDeps([0,1,2,3]));import(__vite__mapDeps([2]));`,
  );
  const page = bundle['entrypoints/popup/index.html']?.source as string;
  expect(page).toContain('<style>.a{color:red}\n.b{color:blue}</style>');
  expect(page).not.toContain('rel="stylesheet"');
  const code = bundle['chunks/popup-x.js']?.code as string;
  expect(code).toContain('m.f=["chunks/keep.js","chunks/api.js"]');
  expect(code).toContain('__vite__mapDeps([0,1])');
  expect(code).toContain('__vite__mapDeps([1])');
  // The options page still links the shared sheet; the popup's own is gone.
  expect(bundle['assets/shared.css']).toBeDefined();
  expect(bundle['assets/popup.css']).toBeUndefined();
});

it('fails the build on a preload list of another shape', () => {
  expect(() => run('const __vite__mapDeps=(i)=>i;import(__vite__mapDeps([0]));')).toThrow(
    /preload list is not written as this plugin expects/,
  );
});
