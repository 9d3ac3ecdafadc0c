/**
 * WXT's `browser` (`wxt/browser`: Firefox's `browser` when it has a runtime,
 * else `chrome`), looked up on first use instead of when the script loads.
 * In Firefox a content script's first touch of `browser` and of each of its
 * namespaces builds that API in the script's sandbox from Firefox's schemas
 * (~3 ms of the page's thread for `browser` and `runtime`, issue 28,
 * bench/notes.ts); WXT's module reads `browser.runtime.id` at load, so every
 * page paid it, also one where the script never asks anything.
 */
import type { browser as WxtBrowser } from 'wxt/browser';

type Browser = typeof WxtBrowser;
let api: Browser | undefined;

export function extensionApi(): Browser {
  if (!api) {
    const global = globalThis as { browser?: Browser; chrome?: Browser };
    api = (global.browser?.runtime?.id ? global.browser : global.chrome) as Browser;
  }
  return api;
}
