/**
 * A GitHub user can switch GitHub's hovercards off (Settings → Accessibility),
 * which GitHub reflects as `<meta name="hovercards-preference" content="false">`.
 * We honour it: hovering opens nothing of ours on GitHub either; Alt+↑,
 * which the user presses on purpose, still does.
 *
 * GitHub's own card and ours never show together: card-ui/github-hovercard.ts
 * keeps GitHub's hidden while ours is open. (An earlier version stopped the
 * `mouseover` of links to people we know before GitHub's listener saw it;
 * a page could count its own listener's calls to tell who is known.)
 *
 * Real URLs:
 * https://github.com/spacejam/sled/issues/1200 (hover an author, then another user)
 * https://github.com/settings/accessibility (the "Hovercards" switch)
 */
import { siteOfHost } from '../../identity/hosts';

export function githubHovercardsOff(): boolean {
  if (siteOfHost(location.hostname) !== 'github') return false;
  const preference = document.querySelector('meta[name="hovercards-preference"]');
  return /^(false|off|disabled?)$/i.test(preference?.getAttribute('content') ?? '');
}
