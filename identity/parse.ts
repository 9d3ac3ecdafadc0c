/**
 * URL → identity, for both sites. The site-specific rules are in
 * github.ts and linkedin.ts; this is the one entry point.
 */
import { parseGithubUrl } from './github';
import type { UrlIdentity } from './keys';
import { parseLinkedinUrl } from './linkedin';

/**
 * URL → identity, or `undefined` for nobody. Accepts absolute URLs, or
 * relative ones with a base (an `href` as written in a page, the base being
 * the page's URL).
 *
 * A link within the page itself never names a person: fragment-only hrefs
 * (`#`, `#repositories`: filter tabs, "All repositories"), an empty href,
 * and links to this very document with a fragment. On a profile they would
 * all resolve to the profile's own URL.
 */
export function parseIdentityUrl(href: string | URL, base?: string | URL): UrlIdentity | undefined {
  if (base !== undefined && typeof href === 'string' && /^\s*(#|$)/.test(href)) return undefined;
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return undefined;
  }
  if (base !== undefined && url.hash !== '' && sameDocument(url, base)) return undefined;
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (url.username !== '' || url.password !== '') return undefined;
  return parseGithubUrl(url) ?? parseLinkedinUrl(url);
}

function sameDocument(url: URL, base: string | URL): boolean {
  try {
    const page = new URL(base);
    page.hash = '';
    const target = new URL(url);
    target.hash = '';
    return target.href === page.href;
  } catch {
    return false;
  }
}
