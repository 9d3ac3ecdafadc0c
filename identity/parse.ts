/**
 * URL → identity, for both sites. The site-specific rules are in
 * github-url.ts and linkedin-url.ts; this is the one entry point.
 */
import { parseGithubUrl } from './github';
import type { UrlIdentity } from './keys';
import { parseLinkedinUrl } from './linkedin';

/**
 * URL → identity, or `undefined` for nobody. Accepts absolute URLs, or
 * relative ones with a base (an `href` as written in a page).
 */
export function parseIdentityUrl(href: string | URL, base?: string | URL): UrlIdentity | undefined {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  return parseGithubUrl(url) ?? parseLinkedinUrl(url);
}
