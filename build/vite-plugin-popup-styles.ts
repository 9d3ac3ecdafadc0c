/**
 * The popup's styles in its HTML (issue 28, popup_open_ms). Its start-up
 * code lives in three chunks (./vite-plugin-page-chunks.ts), each with its
 * stylesheet, so the popup fetched three stylesheets before its first
 * paint. Here, once the bundle is written, popup.html's stylesheets are
 * put in one <style> in their order (the same cascade), and the popup's
 * dynamic imports no longer name them among their preloads: Vite's preload
 * helper adds every stylesheet a dynamic import's chunks carry unless a
 * <link> to it is already there, so KeepPerson's import would otherwise
 * link them again, after the popup's own rules. A stylesheet only the popup
 * used is dropped from the package; the options page keeps its links.
 */
import type { Plugin } from 'vite';

/** The popup's HTML as Vite names it (WXT moves it to popup.html afterwards). */
const PAGE = 'entrypoints/popup/index.html';
const LINK = /<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>\s*/g;
const MAP_DEPS =
  /const __vite__mapDeps=\(i,m=__vite__mapDeps,d=\(m\.f\|\|\(m\.f=(\[[^\]]*\])\)\)\)=>/;
const MAP_CALL = /__vite__mapDeps\(\[([\d,]*)\]\)/g;

type Output = { type: 'chunk'; code: string } | { type: 'asset'; source: string | Uint8Array };
const text = (file: Output) =>
  file.type === 'chunk'
    ? file.code
    : typeof file.source === 'string'
      ? file.source
      : new TextDecoder().decode(file.source);

/** `code` with `inlined` taken out of its preloads' lists (indices renumbered). */
function withoutPreloads(code: string, inlined: ReadonlySet<string>): string {
  const list = MAP_DEPS.exec(code);
  if (!list?.[1]) return code;
  const deps = JSON.parse(list[1]) as string[];
  const kept = deps.filter((dep) => !inlined.has(dep));
  const index = new Map(kept.map((dep, at) => [dep, at]));
  return code.replace(list[1], JSON.stringify(kept)).replace(MAP_CALL, (_, at: string) => {
    const left = at
      .split(',')
      .filter(Boolean)
      .map((old) => index.get(deps[Number(old)] as string))
      .filter((now) => now !== undefined);
    return `__vite__mapDeps([${left.join(',')}])`;
  });
}

export function popupStylesInline(): Plugin {
  return {
    name: 'profile-card:popup-styles-inline',
    apply: 'build',
    generateBundle: {
      // After Vite has written the HTML and the preload lists.
      order: 'post',
      handler(_options, bundle) {
        const html = bundle[PAGE];
        if (html?.type !== 'asset') return;
        const page = text(html);
        const sheets = [...page.matchAll(LINK)].map((match) => match[1] as string);
        if (sheets.length === 0) return;
        const css = sheets
          .map((name) => {
            const sheet = bundle[name];
            if (!sheet) throw new Error(`${PAGE} links ${name}, which is not in the bundle`);
            return text(sheet).trim();
          })
          .join('\n');
        if (/<\/style/i.test(css))
          throw new Error(`${PAGE}'s styles cannot be inlined as they are`);
        let first = true;
        html.source = page.replace(LINK, (link) => {
          if (!first) return '';
          first = false;
          // The whitespace after the first link: the next line's indent.
          return `<style>${css}</style>${link.slice(link.indexOf('>') + 1)}`;
        });
        const inlined = new Set(sheets);
        // The popup's scripts: its entry and what it preloads.
        const scripts = [...page.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map(
          (m) => m[1] as string,
        );
        for (const name of scripts) {
          const chunk = bundle[name];
          if (chunk?.type !== 'chunk' || !chunk.code.includes('__vite__mapDeps')) continue;
          // Vite writes its preload list otherwise now: cut nothing blindly.
          if (!MAP_DEPS.test(chunk.code))
            throw new Error(`${name}: Vite's preload list is not written as this plugin expects`);
          const shared = Object.values(bundle).some(
            (other) =>
              other.fileName !== PAGE &&
              other.fileName.endsWith('.html') &&
              text(other).includes(`/${name}"`),
          );
          if (shared && sheets.some((sheet) => chunk.code.includes(`"${sheet}"`)))
            throw new Error(`${name} is shared with another page: its preloads cannot be cut`);
          chunk.code = withoutPreloads(chunk.code, inlined);
        }
        // Stylesheets nothing else names any more.
        for (const sheet of sheets) {
          const named = Object.values(bundle).some(
            (other) => other.fileName !== sheet && text(other).includes(sheet),
          );
          if (!named) delete bundle[sheet];
        }
      },
    },
  };
}
