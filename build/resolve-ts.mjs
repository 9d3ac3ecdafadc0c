// Lets Node run the repository's TypeScript directly (`node --import
// ./build/resolve-ts.mjs file.ts`, Node 22.18+ strips the types itself):
// the sources import each other without a file extension, as Vite and
// TypeScript resolve them, and Node's own resolver wants one. So a relative
// import that names no file is tried as `.ts`, `.tsx` and `/index.ts`.
// Packages resolve as usual. https://nodejs.org/api/module.html#customization-hooks
import { existsSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

const TRIED = ['.ts', '.tsx', '/index.ts'];

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (/^\.{1,2}\//.test(specifier) && context.parentURL?.startsWith('file:')) {
      const base = new URL(specifier, context.parentURL);
      if (!existsSync(fileURLToPath(base)) || !/\.[cm]?[jt]sx?$/.test(specifier)) {
        const found = TRIED.map((ending) => new URL(`${base.href}${ending}`)).find((url) =>
          existsSync(fileURLToPath(url)),
        );
        if (found) return nextResolve(found.href, context);
      }
    }
    return nextResolve(specifier, context);
  },
});
