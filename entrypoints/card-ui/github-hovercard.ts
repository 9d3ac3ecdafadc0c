/**
 * Never two cards at once: while our hovercard is open on GitHub, GitHub's
 * own hovercard (one reused `div.Popover.js-hovercard-content`, see
 * docs/pages.md) is kept invisible, and put back exactly as it was
 * when ours closes. The startup script already stops GitHub's card from
 * starting for people we know (./content/hovercards.ts); this covers the very
 * first hover, before we knew. Watching is limited to <body>'s own children
 * and lasts only while our card is open.
 *
 * Real URLs:
 * https://github.com/spacejam/sled/issues/1200 (hover an author, then another user)
 * https://github.com/spacejam/sled/graphs/contributors
 */
import { siteOfHost } from '../../identity/hosts';

const POPOVER = '.js-hovercard-content';

export function keepGithubHovercardHidden(): () => void {
  if (siteOfHost(location.hostname) !== 'github' || !document.body) return () => {};
  const changed = new Map<HTMLElement, [string, string]>();
  const hide = () => {
    for (const popover of document.querySelectorAll<HTMLElement>(POPOVER)) {
      if (changed.has(popover)) continue;
      changed.set(popover, [
        popover.style.getPropertyValue('visibility'),
        popover.style.getPropertyPriority('visibility'),
      ]);
      popover.style.setProperty('visibility', 'hidden', 'important');
    }
  };
  hide();
  const observer = new MutationObserver(hide);
  observer.observe(document.body, { childList: true });
  return () => {
    observer.disconnect();
    for (const [popover, [value, priority]] of changed) {
      if (value) popover.style.setProperty('visibility', value, priority);
      else popover.style.removeProperty('visibility');
      if (popover.getAttribute('style') === '') popover.removeAttribute('style');
    }
  };
}
