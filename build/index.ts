/**
 * build/ — what runs at build time, in Node, never in the extension.
 *
 *   wxt.config.ts ─▶ vite-plugin-validate-profiles.ts  data/profiles/*.json ─▶ schema ─▶ module (or a failed build)
 *                ├─▶ render-icons.ts                   assets/icon.svg ─▶ icon/16…128.png
 *                └─▶ dev-session.ts                    `npm run dev`: Chromium's profile made; stopped ─▶ browser closed, profile removed
 * web-ext.config.ts ─▶ dev-session.ts                 Chromium's dev profile directory
 */

export { devChromiumProfile, startDevSession } from './dev-session.ts';
export { ICON_SIZES, renderIcons } from './render-icons.ts';
export { checkBundledProfile, validateProfilesPlugin } from './vite-plugin-validate-profiles.ts';
