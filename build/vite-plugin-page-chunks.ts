/**
 * Fewer files before the popup's first paint (issue 28, popup_open_ms). The
 * extension pages (popup, options, privacy) are built together, and the
 * bundler's automatic splitting cut the code they import at start by which
 * later-loaded chunks (import()) share it too: the popup fetched six
 * scripts before it could run. Here the modules the pages import at start
 * are grouped only by which pages import them: what every page uses
 * (Preact, the theme) is one chunk, what the popup and the options page
 * both use (the store, zod and the schemas) another, so the popup fetches
 * three scripts, and no page loads code it did not load before (the privacy
 * page none of the store's). Chunks loaded later are split as before. Only
 * the pages' build: the background and content scripts are single files.
 */
import type { Plugin } from 'vite';

const PAGES = ['popup', 'options', 'privacy'];

export function fewerPageChunks(): Plugin {
  let pages = false;
  /** Module id → the pages whose start imports it (statically), as "options+popup". */
  const startedBy = new Map<string, string>();
  return {
    name: 'profile-card:fewer-page-chunks',
    apply: 'build',
    options(input) {
      const entries = input.input;
      pages = typeof entries === 'object' && entries !== null && 'popup' in entries;
    },
    buildEnd() {
      if (!pages) return;
      const reached = new Map<string, Set<string>>();
      for (const id of this.getModuleIds()) {
        const info = this.getModuleInfo(id);
        const page = PAGES.find((name) =>
          new RegExp(`[\\\\/]${name}[\\\\/]index\\.html$`).test(id),
        );
        if (!info?.isEntry || !page) continue;
        const stack = [id];
        while (stack.length > 0) {
          const next = stack.pop() as string;
          const by = reached.get(next) ?? new Set<string>();
          if (by.has(page)) continue;
          by.add(page);
          reached.set(next, by);
          stack.push(...(this.getModuleInfo(next)?.importedIds ?? []));
        }
      }
      for (const [id, by] of reached) if (by.size > 1) startedBy.set(id, [...by].sort().join('+'));
    },
    outputOptions(output) {
      if (!pages) return;
      return {
        ...output,
        codeSplitting: {
          groups: [
            // Every page's first: its modules are not pulled into the next group.
            {
              name: 'pages',
              test: (id) => startedBy.get(id) === PAGES.toSorted().join('+'),
              priority: 2,
            },
            {
              name: 'options-popup',
              test: (id) => startedBy.get(id) === 'options+popup',
              priority: 1,
            },
          ],
        },
      };
    },
  };
}
