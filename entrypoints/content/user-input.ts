/**
 * Was a soft navigation the user's doing? A page can `pushState` to any
 * profile URL on its own; if the in-page card then appeared, the page would
 * learn whom the user keeps cards for, one guess per push (issue 10). So on a
 * soft navigation the card may appear only if the user just acted: the
 * browser's own back/forward (./navigation.ts), or their own click, tap or
 * navigation key here, which only the browser can make (`isTrusted`).
 *
 * Two windows, from that input to the URL change:
 * - 1 s after any click or navigation key. Sites push the new URL in the
 *   click's own task or after one round of fetching, well inside a second on
 *   a working connection, while a page that wants to probe must time its
 *   push to land right after a real click: at most one guess per click,
 *   which the user sees answered by a card.
 * - 10 s after a click on a link that names that same person (the new URL's
 *   identity), for navigations that wait for a slow fetch before pushing.
 *   The page chose the link, but the user clicked it: arriving at that
 *   person's page is what they asked for.
 * Pointer movement, scrolling and typing in a text field never count.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { IdentityKey } from '../../identity/keys';
import { parseIdentityUrl } from '../../identity/parse';

export const ACTIVATION_WINDOW_MS = 1000;
export const LINK_WINDOW_MS = 10_000;

export interface Activation {
  /** When (performance.now()). */
  at: number;
  /** Who the link it landed on names, if any. */
  keys: IdentityKey[];
}

/**
 * Pure: did the user's last activation cause a navigation to `keys`, noticed
 * at `now`? `lateByMs`: how long after the URL changed it may have been
 * noticed (the polling fallback).
 */
export function causedByUser(
  last: Activation | undefined,
  keys: readonly IdentityKey[],
  now: number,
  lateByMs = 0,
): boolean {
  if (!last) return false;
  const elapsed = now - last.at;
  if (elapsed < 0) return false;
  if (elapsed <= ACTIVATION_WINDOW_MS + lateByMs) return true;
  return elapsed <= LINK_WINDOW_MS + lateByMs && keys.some((key) => last.keys.includes(key));
}

/** Keys that navigate: follow a focused link or submit, and history shortcuts. */
function navigationKey(event: KeyboardEvent): boolean {
  if (event.key === 'Enter' || event.key === 'BrowserBack' || event.key === 'BrowserForward')
    return true;
  if (event.altKey && (event.key === 'ArrowLeft' || event.key === 'ArrowRight')) return true;
  return event.metaKey && (event.key === '[' || event.key === ']');
}

export interface UserInput {
  caused(keys: readonly IdentityKey[], lateByMs?: number): boolean;
}

export function watchUserInput(ctx: ContentScriptContext): UserInput {
  let last: Activation | undefined;
  const record = (event: Event, target: EventTarget | null) => {
    if (!event.isTrusted) return;
    const link = target instanceof Element ? target.closest('a[href]') : null;
    const identity = link
      ? parseIdentityUrl(link.getAttribute('href') ?? '', location.href)
      : undefined;
    last = {
      // Now, not event.timeStamp: the same clock `caused` reads, whatever
      // time origin a browser gives a content script's events.
      at: performance.now(),
      keys: identity ? [identity.key, ...(identity.alternates ?? [])] : [],
    };
  };
  const options = { signal: ctx.signal, capture: true, passive: true } as const;
  window.addEventListener('pointerdown', (event) => record(event, event.target), options);
  window.addEventListener('click', (event) => record(event, event.target), options);
  window.addEventListener(
    'keydown',
    (event) => {
      if (navigationKey(event)) record(event, document.activeElement);
    },
    options,
  );
  return { caused: (keys, lateByMs) => causedByUser(last, keys, performance.now(), lateByMs) };
}
