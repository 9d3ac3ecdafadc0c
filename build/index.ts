/**
 * build/ — what runs at build time, in Node, never in the extension.
 *
 *   wxt.config.ts ─▶ vite-plugin-validate-profiles.ts  data/profiles/*.json ─▶ schema ─▶ module (or a failed build)
 *                ├─▶ vite-plugin-page-chunks.ts        the pages' start-up code grouped by which pages import it (issue 28)
 *                ├─▶ vite-plugin-popup-styles.ts       popup.html's stylesheets in one <style>, kept out of its preloads (issue 28)
 *                ├─▶ render-icons.ts                   assets/icon.svg ─▶ icon/16…128.png
 *                └─▶ dev-session.ts                    `npm run dev`: Chromium's profile made; stopped ─▶ browser closed, profile removed
 * web-ext.config.ts ─▶ dev-session.ts                 Chromium's dev profile directory
 * `npm run store-assets` ─▶ store-assets-cli.ts ─▶ store-assets.ts   built extension in Chromium ─▶ docs/store/assets/*.png
 *                                              └─▶ store-asset-list.ts ─▶ png.ts   each file: its size, not blank
 *                          (resolve-ts.mjs lets Node run these .ts files directly)
 */

export { devChromiumProfile, startDevSession } from './dev-session.ts';
export { lumaDeviation, pngProblem, readPng } from './png.ts';
export { ICON_SIZES, renderIcons } from './render-icons.ts';
export { assetProblems, STORE_ASSETS } from './store-asset-list.ts';
export { fewerPageChunks } from './vite-plugin-page-chunks.ts';
export { popupStylesInline } from './vite-plugin-popup-styles.ts';
export { checkBundledProfile, validateProfilesPlugin } from './vite-plugin-validate-profiles.ts';
