/**
 * LinkedIn URL → identity. Facts in docs/pages.md: profiles live
 * at `/in/<slug>` on www, country (`de.`) and mobile hosts (`/m/in/`,
 * `/mwlite/in/`); everything after the slug is the same person; slugs arrive
 * percent-encoded and are compared decoded and case-insensitively; member ids
 * (`/in/ACoAA…`) are kept as they are; legacy `/pub/<name>/<a>/<b>/<c>` is
 * `/in/<name>-<c><b><a>`. Companies, schools, articles, jobs: nobody.
 *
 * Real URLs:
 * https://www.linkedin.com/in/denizalti/
 * https://de.linkedin.com/in/patmesh-s?trk=people-guest_people_search-card
 * https://www.linkedin.com/in/michael-r%C3%BCffer-61125324/details/experience/
 * https://www.linkedin.com/in/denizalti?miniProfileUrn=urn%3Ali%3Afsd_profile%3AACoAAB
 */
import { UNSAFE_CLASS } from '../text/characters';
import { LINKEDIN_DOMAIN } from './hosts';
import type { IdentityKey, UrlIdentity } from './keys';
import { isLinkedinMemberId, linkedinKey } from './keys';

/** Profiles live on www, country (`de.`) and mobile (`m.`) hosts. */
const PROFILE_SUBDOMAIN = /^(?:www|m|[a-z]{2})$/;
function isProfileHost(host: string): boolean {
  if (host === LINKEDIN_DOMAIN) return true;
  const suffix = `.${LINKEDIN_DOMAIN}`;
  return host.endsWith(suffix) && PROFILE_SUBDOMAIN.test(host.slice(0, -suffix.length));
}
/**
 * Decoded slug: no separators, whitespace, controls or text-direction
 * overrides (a slug that reorders its own text could pass for someone else's);
 * 3–100 characters as LinkedIn allows.
 */
let slugPattern: RegExp | undefined;
/** Made on first use: a Unicode pattern's compile is paid on every page otherwise (GitHub's too). */
function slugOk(slug: string): boolean {
  slugPattern ??= new RegExp(`^[^\\s/?#\\\\\\p{Cc}${UNSAFE_CLASS}]{3,100}$`, 'u');
  return slugPattern.test(slug);
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment).normalize('NFC');
  } catch {
    return undefined; // malformed escape such as `%E0%A4%A`
  }
}

export function parseLinkedinUrl(url: URL): UrlIdentity | undefined {
  if (!isProfileHost(url.hostname)) return undefined;
  const parts = url.pathname.split('/').filter((segment) => segment !== '');
  if (parts[0] === 'm' || parts[0] === 'mwlite') parts.shift();

  let slug: string | undefined;
  if (parts[0] === 'in' && parts[1] !== undefined) {
    slug = decode(parts[1]);
  } else if (parts[0] === 'pub' && parts.length >= 5) {
    const [, name, a, b, c] = parts.map(decode);
    if (name && a && b && c) slug = `${name}-${c}${b}${a}`;
  }
  if (slug === undefined || !slugOk(slug)) return undefined;
  const key = linkedinKey(slug);
  const alternates = memberIdOf(url).filter((other) => other !== key);
  return {
    key,
    site: 'linkedin',
    handle: slug,
    kind: 'profile',
    ...(alternates.length > 0 && { alternates }),
  };
}

/** Feed links name the member as `miniProfileUrn=urn:li:fsd_profile:<member id>`. */
const PROFILE_URN = 'urn:li:fsd_profile:';
function memberIdOf(url: URL): IdentityKey[] {
  const urn = url.searchParams.get('miniProfileUrn');
  if (!urn?.startsWith(PROFILE_URN)) return [];
  const id = urn.slice(PROFILE_URN.length);
  return isLinkedinMemberId(id) ? [linkedinKey(id)] : [];
}
