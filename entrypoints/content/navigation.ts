/**
 * Calls back when the page's URL changes without a reload, saying whether
 * the browser reported it as the user's own traversal (back/forward).
 * - The Navigation API sees every same-document navigation, LinkedIn's
 *   `history.pushState` included, and marks what the user started in the
 *   browser (`userInitiated`, never true for a script's pushState or
 *   history.back(); https://developer.mozilla.org/en-US/docs/Web/API/NavigateEvent/userInitiated).
 *   A page can dispatch a forged `navigate` event at the shared `navigation`
 *   object, so only trusted ones count.
 * - Firefox before 147 has no Navigation API, and from the isolated world a
 *   content script cannot see the page's `pushState` calls. There the URL is
 *   polled every 250 ms (a string comparison; WXT's `wxt:locationchange`
 *   polls too, but announces each change with an event on `window` that the
 *   page could listen for). Without `userInitiated`, no traversal is
 *   reported as the user's: a page could `history.back()` onto a profile.
 * - Where it polls, GitHub's Turbo (`turbo:load`), React soft navigation
 *   (`soft-nav:end`), legacy pjax (`pjax:end`) and `popstate` make it look
 *   at once. With the Navigation API they would add nothing
 *   (`currententrychange` comes first, for all of them), and four listeners
 *   fewer is less for every page load to pay (issue 28).
 * All listeners and the timer share the context's AbortSignal.
 */
import type { ScriptContext } from './context';

export const POLL_MS = 250;

export interface UrlChange {
  /** The browser says the user went back or forward (or followed a link it handled). */
  userTraversal: boolean;
  /** How late this change may have been noticed (polling), for ./user-input.ts's windows. */
  lateByMs: number;
}

interface NavigateEventLike extends Event {
  userInitiated?: boolean;
  destination?: { url: string };
}

export function onUrlChange(ctx: ScriptContext, callback: (change: UrlChange) => void): void {
  let last = location.href;
  /** Where the user's own (browser-initiated) navigation is going. */
  let userDestination: string | undefined;
  const report = (lateByMs: number) => {
    if (location.href === last) return;
    last = location.href;
    const userTraversal = userDestination === location.href;
    userDestination = undefined;
    callback({ userTraversal, lateByMs });
  };
  const check = () => report(0);
  const options = { signal: ctx.signal };
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  if (typeof navigation?.addEventListener === 'function') {
    navigation.addEventListener(
      'navigate',
      (event: Event) => {
        const { isTrusted, userInitiated, destination } = event as NavigateEventLike;
        if (isTrusted && userInitiated && destination) userDestination = destination.url;
      },
      options,
    );
    navigation.addEventListener('currententrychange', check, options);
    return;
  }
  ctx.setInterval(() => report(POLL_MS), POLL_MS);
  for (const type of ['turbo:load', 'soft-nav:end', 'pjax:end']) {
    document.addEventListener(type, check, options);
  }
  window.addEventListener('popstate', check, options);
}
