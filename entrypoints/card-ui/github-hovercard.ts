/**
 * Never two cards at once: while our hovercard is open on GitHub, GitHub's
 * own hovercard (one reused `div.Popover.js-hovercard-content` that carries
 * `data-hovercard-target-url` while open; docs/pages.md) is kept
 * invisible, and put back exactly as it was afterwards. Our listeners never
 * stop GitHub's from seeing the page's events (that would tell a page whom
 * we know, issue 10), so GitHub's card may open for the same link, by the
 * same hover or the same Alt+↑ (GitHub's shortcut too), before ours, while
 * ours is open, or just after ours closed if its fetch was slow.
 *
 * So when ours closes, GitHub's stays hidden while it is open for that same
 * link (and for up to 2 s while it may still be on its way), and is put back
 * the moment it closes or opens for any other link: GitHub's card for
 * anyone else is never hidden. Everything here follows the user's own input
 * and our card being visible, never a page's synthetic events.
 *
 * Real URLs:
 * https://github.com/spacejam/sled/issues/1200 (hover an author, then another user)
 * https://github.com/spacejam/sled/graphs/contributors
 */
import { siteOfHost } from '../../identity/hosts';

const POPOVER = '.js-hovercard-content';
const TARGET = 'data-hovercard-target-url';
/** How long after ours closed GitHub's card for the same link may still arrive. */
const LATE_MS = 2000;

interface Hidden {
  /** Each popover's own inline visibility, to put back exactly. */
  changed: Map<HTMLElement, [string, string]>;
  observer: MutationObserver;
  /** What our card's link says it is about, as GitHub writes it on its popover. */
  ours: string | null;
  /** Ends the wait after our card closed, if one is under way. */
  stopWaiting?: () => void;
}

let hidden: Hidden | undefined;

function hideAll(state: Hidden): void {
  for (const popover of document.querySelectorAll<HTMLElement>(POPOVER)) {
    if (state.changed.has(popover)) continue;
    state.changed.set(popover, [
      popover.style.getPropertyValue('visibility'),
      popover.style.getPropertyPriority('visibility'),
    ]);
    popover.style.setProperty('visibility', 'hidden', 'important');
  }
}

function putBack(): void {
  const state = hidden;
  if (!state) return;
  hidden = undefined;
  state.stopWaiting?.();
  state.observer.disconnect();
  for (const [popover, [value, priority]] of state.changed) {
    if (value) popover.style.setProperty('visibility', value, priority);
    else popover.style.removeProperty('visibility');
    if (popover.getAttribute('style') === '') popover.removeAttribute('style');
  }
}

/** Our card for `anchor` is now visible: GitHub's goes out of sight. */
export function hideGithubHovercard(anchor: Element): void {
  if (siteOfHost(location.hostname) !== 'github' || !document.body) return;
  const ours = anchor.closest('[data-hovercard-url]')?.getAttribute('data-hovercard-url') ?? null;
  if (hidden) {
    hidden.stopWaiting?.();
    hidden.stopWaiting = undefined;
    hidden.ours = ours;
    hideAll(hidden);
    return;
  }
  const state: Hidden = {
    changed: new Map(),
    observer: new MutationObserver(() => hideAll(state)),
    ours,
  };
  hidden = state;
  hideAll(state);
  // Watching is limited to <body>'s own children, where GitHub adds its popover.
  state.observer.observe(document.body, { childList: true });
}

/** Our card closed: GitHub's comes back once it is not (about to be) open for the same link. */
export function releaseGithubHovercard(): void {
  const state = hidden;
  if (!state || state.stopWaiting) return;
  if (state.ours === null) {
    putBack();
    return;
  }
  let seenOpen = false;
  const check = () => {
    const open = [...state.changed.keys()].map((popover) => popover.getAttribute(TARGET));
    if (open.includes(state.ours)) seenOpen = true;
    else if (seenOpen || open.some((target) => target !== null)) putBack();
  };
  const watcher = new MutationObserver(check);
  for (const popover of state.changed.keys())
    watcher.observe(popover, { attributes: true, attributeFilter: [TARGET] });
  const timer = setTimeout(() => {
    if (!seenOpen) putBack();
  }, LATE_MS);
  state.stopWaiting = () => {
    watcher.disconnect();
    clearTimeout(timer);
  };
  check();
}

/** The context is gone: everything back as it was, now. */
export function restoreGithubHovercard(): void {
  putBack();
}
