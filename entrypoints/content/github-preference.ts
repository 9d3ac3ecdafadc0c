/**
 * GitHub's own hovercard, for people we know: theirs must not open on top of
 * ours. GitHub starts its card from a delegated `mouseover` listener on
 * document (docs/pages.md), so a window-capture listener sees the event first
 * and can keep it from GitHub. Everyone else's GitHub card works as before.
 *
 * If the user turned GitHub's hovercards off (<meta name="hovercards-preference">),
 * hovering and focusing open nothing of ours on GitHub either; Alt+↑ still does.
 *
 * Real URLs:
 * https://github.com/spacejam/sled/issues/1200 (hover an author, then another user)
 * https://github.com/spacejam/sled/graphs/contributors
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { siteOfHost } from '../../identity/hosts';

const onGithub = () => siteOfHost(location.hostname) === 'github';

export function githubHovercardsOff(): boolean {
  const preference = document.querySelector('meta[name="hovercards-preference"]');
  return onGithub() && /^(false|off|disabled?)$/i.test(preference?.getAttribute('content') ?? '');
}

/** `isOurs(node)`: does this node point at a person whose card we show? */
export function takeOverGithubHovercards(
  ctx: ContentScriptContext,
  isOurs: (node: EventTarget | null) => boolean,
): void {
  window.addEventListener(
    'mouseover',
    (event) => {
      if (onGithub() && isOurs(event.target)) event.stopImmediatePropagation();
    },
    { signal: ctx.signal, capture: true },
  );
}
