/**
 * The extension's icons, rendered from assets/icon.svg on every build, so no
 * hand-exported PNG can drift from the source. Rendering is resvg's
 * (https://github.com/yisibl/resvg-js), as WebAssembly: deterministic, and
 * with no native binary to install.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { initWasm, Resvg } from '@resvg/resvg-wasm';

/** Manifest icon sizes, plus the toolbar's 16 and 32 (and 2× for 16 → 32). */
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;

let ready: Promise<void> | undefined;
function init(): Promise<void> {
  if (!ready) {
    const require = createRequire(import.meta.url);
    ready = initWasm(readFileSync(require.resolve('@resvg/resvg-wasm/index_bg.wasm')));
  }
  return ready;
}

export async function renderIcon(svg: string, size: number): Promise<Uint8Array> {
  await init();
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

/** Writes icon/<size>.png under `dir`; returns [relative path, absolute path] pairs. */
export async function renderIcons(svgPath: string, dir: string): Promise<[string, string][]> {
  const svg = readFileSync(svgPath, 'utf8');
  mkdirSync(join(dir, 'icon'), { recursive: true });
  const files: [string, string][] = [];
  for (const size of ICON_SIZES) {
    const relative = `icon/${size}.png`;
    const absolute = join(dir, relative);
    writeFileSync(absolute, await renderIcon(svg, size));
    files.push([relative, absolute]);
  }
  return files;
}
