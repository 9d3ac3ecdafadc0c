/**
 * The one list of where Profile Card runs. The manifest's host permissions,
 * the content script's `matches`, the background's check of which frames may
 * receive the card UI, the per-site URL rules and the browser tests' fixture
 * server all read it from here, so adding a host is a one-line change.
 *
 * Match patterns: https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns
 *
 * Real URLs:
 * https://github.com/spacejam
 * https://gist.github.com/PATMESH
 * https://de.linkedin.com/in/patmesh-s
 */
import type { Site } from './keys.ts';

export const GITHUB_HOST = 'github.com';
export const GIST_HOST = 'gist.github.com';
/** LinkedIn serves profiles on www, country (`de.`) and mobile (`m.`) subdomains. */
export const LINKEDIN_DOMAIN = 'linkedin.com';

/** Host permissions and content-script matches: these three patterns, nothing wider. */
export const MATCH_PATTERNS = [
  `https://${GITHUB_HOST}/*`,
  `https://${GIST_HOST}/*`,
  `https://*.${LINKEDIN_DOMAIN}/*`,
] as const;

/** Which site a hostname belongs to, as the match patterns above see it. */
export function siteOfHost(hostname: string): Site | undefined {
  if (hostname === GITHUB_HOST || hostname === GIST_HOST) return 'github';
  if (hostname === LINKEDIN_DOMAIN || hostname.endsWith(`.${LINKEDIN_DOMAIN}`)) return 'linkedin';
  return undefined;
}

/** True for an https URL the match patterns cover (a frame we may put a card into). */
export function isExtensionUrl(href: string): boolean {
  try {
    const url = new URL(href);
    return url.protocol === 'https:' && siteOfHost(url.hostname) !== undefined;
  } catch {
    return false;
  }
}
