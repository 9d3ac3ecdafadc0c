/**
 * Calls back when the page's URL changes without a reload.
 * - GitHub: Turbo (`turbo:load`), React soft navigation (`soft-nav:end`) and
 *   legacy pjax (`pjax:end`) announce themselves with DOM events.
 * - LinkedIn fires nothing of its own and patching `history` from the isolated
 *   world does not see the page's calls; the Navigation API does
 *   (https://developer.mozilla.org/en-US/docs/Web/API/Navigation/currententrychange_event).
 * - `popstate` covers back/forward where the Navigation API is missing.
 * All listeners share the context's AbortSignal, so they go with it.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';

interface NavigationLike extends EventTarget {
  currentEntry: unknown;
}

export function onUrlChange(ctx: ContentScriptContext, callback: () => void): void {
  let last = location.href;
  const check = () => {
    if (location.href === last) return;
    last = location.href;
    callback();
  };
  const options = { signal: ctx.signal };
  const navigation = (globalThis as { navigation?: NavigationLike }).navigation;
  navigation?.addEventListener('currententrychange', check, options);
  for (const type of ['turbo:load', 'soft-nav:end', 'pjax:end']) {
    document.addEventListener(type, check, options);
  }
  window.addEventListener('popstate', check, options);
}
