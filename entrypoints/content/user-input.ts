/**
 * Was a soft navigation the user's doing? A page can `pushState` to any
 * profile URL on its own; if the in-page card then appeared, the page would
 * learn whom the user keeps cards for, one guess per push (issues 10, 21).
 * So on a soft navigation the card may appear only for the navigation the
 * user asked for: the browser's own back/forward (./navigation.ts), or the
 * URL of the link they activated here, with input only the browser can make
 * (`isTrusted`).
 *
 * One activation, one navigation:
 * - A click (or pointerdown, or Enter on a focused link) on a link that
 *   names a person explains one URL change to that person, within
 *   LINK_WINDOW_MS (sites push after a round of fetching, on a slow
 *   connection too). The first change it explains uses it up; changes to
 *   anyone else explain nothing. The page chose the link, but the user
 *   clicked it: one guess per click, answered by a card the user sees.
 * - A history key (Alt+←/→, ⌘[ ], the browser's back/forward keys) explains
 *   the first URL change within HISTORY_KEY_WINDOW_MS, whatever it is, for
 *   browsers where ./navigation.ts cannot tell a traversal (Firefox without
 *   the Navigation API). Used up the same way.
 * - Any other click, and Enter in a text field, explain nothing, and replace
 *   whatever activation came before: the user moved on.
 * Pointer movement, scrolling and typing never count.
 */

import type { IdentityKey } from '../../identity/keys';
import { parseIdentityUrl } from '../../identity/parse';
import type { ScriptContext } from './context';

export const HISTORY_KEY_WINDOW_MS = 1000;
export const LINK_WINDOW_MS = 10_000;
/** A pointerdown and the click after it on one link: one press. */
const SAME_PRESS_MS = 1000;

export interface Activation {
  /** When (performance.now()). */
  at: number;
  /** A link that names a person (its keys), or a history key. */
  kind: 'link' | 'history';
  /** Who the link names. */
  keys: IdentityKey[];
  /** The link, so a click after its own pointerdown is the same activation. */
  element?: Element;
  /** A navigation it explained has used it up. */
  used: boolean;
}

/**
 * Pure: does the user's last activation explain a navigation to `keys`,
 * noticed at `now`? `lateByMs`: how long after the URL changed it may have
 * been noticed (the polling fallback). Does not use it up (`caused` does).
 */
export function causedByUser(
  last: Activation | undefined,
  keys: readonly IdentityKey[],
  now: number,
  lateByMs = 0,
): boolean {
  if (!last || last.used) return false;
  const elapsed = now - last.at;
  if (elapsed < 0) return false;
  if (last.kind === 'history') return elapsed <= HISTORY_KEY_WINDOW_MS + lateByMs;
  return elapsed <= LINK_WINDOW_MS + lateByMs && keys.some((key) => last.keys.includes(key));
}

/** Keys that go back or forward in history. */
function historyKey(event: KeyboardEvent): boolean {
  if (event.key === 'BrowserBack' || event.key === 'BrowserForward') return true;
  if (event.altKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) return true;
  return event.metaKey && (event.key === '[' || event.key === ']');
}

export interface UserInput {
  /** Does the user's last activation explain this navigation? If so, it is used up. */
  caused(keys: readonly IdentityKey[], lateByMs?: number): boolean;
}

export function watchUserInput(ctx: ScriptContext): UserInput {
  let last: Activation | undefined;
  /** The user activated `target` (a click, or Enter on it): a link to a person, or nothing. */
  const activate = (event: Event, target: EventTarget | null) => {
    if (!event.isTrusted) return;
    const link = target instanceof Element ? target.closest('a[href]') : null;
    // The click that follows a pointerdown on the same link is the same act.
    if (link && last?.element === link && performance.now() - last.at < SAME_PRESS_MS) return;
    const identity = link
      ? parseIdentityUrl(link.getAttribute('href') ?? '', location.href)
      : undefined;
    last =
      link && identity
        ? {
            // Now, not event.timeStamp: the same clock `caused` reads, whatever
            // time origin a browser gives a content script's events.
            at: performance.now(),
            kind: 'link',
            keys: [identity.key, ...(identity.alternates ?? [])],
            element: link,
            used: false,
          }
        : undefined;
  };
  const options = { signal: ctx.signal, capture: true, passive: true } as const;
  window.addEventListener('pointerdown', (event) => activate(event, event.target), options);
  window.addEventListener('click', (event) => activate(event, event.target), options);
  window.addEventListener(
    'keydown',
    (event) => {
      if (!event.isTrusted) return;
      if (historyKey(event)) {
        last = { at: performance.now(), kind: 'history', keys: [], used: false };
      } else if (event.key === 'Enter') {
        // Enter follows a focused link; in a text field (or anywhere else)
        // it activates no link, whatever the page does next.
        const focused = document.activeElement;
        if (focused?.closest('a[href]') === focused) activate(event, focused);
        else last = undefined;
      }
    },
    options,
  );
  return {
    caused: (keys, lateByMs) => {
      const explained = causedByUser(last, keys, performance.now(), lateByMs);
      if (explained && last) last.used = true;
      return explained;
    },
  };
}
