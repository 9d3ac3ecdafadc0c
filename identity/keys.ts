/**
 * Identities: who a URL is about, as a key the directory can look up.
 *
 *   github:<login lowercased>       e.g. github:spacejam
 *   linkedin:<slug decoded, lower>  e.g. linkedin:michael-rüffer-61125324
 *   linkedin:<member id as is>      e.g. linkedin:ACoAAB…  (case matters)
 *
 * Keys are built only here, so a profile's handles and a page's URL are
 * normalised the same way. Pure: no DOM, no browser APIs. URL parsing lives
 * in parse.ts (general) and github.ts / linkedin.ts.
 */
import { LINKEDIN_MEMBER_ID } from './rules';

export type Site = 'github' | 'linkedin';
export type IdentityKey = `github:${string}` | `linkedin:${string}`;

/**
 * What kind of page or link the URL is, for the person it names:
 * - `profile`: the person's own page (`github.com/x`, `linkedin.com/in/x/…`,
 *   GitHub's `/users/x/hovercard`)
 * - `owned`: a page under the person's account (a repository, its issues…)
 * - `gist-profile`, `gist`: their gist list, one of their gists
 */
export type PageKind = 'profile' | 'owned' | 'gist-profile' | 'gist';

export interface UrlIdentity {
  key: IdentityKey;
  site: Site;
  /** The handle as the URL spells it (decoded), for display. */
  handle: string;
  kind: PageKind;
  /**
   * Other keys the same URL names the person by, to look up when `key`
   * finds nobody: LinkedIn feed links carry the member id in the query
   * (`/in/<slug>?miniProfileUrn=urn:li:fsd_profile:ACoAA…`), and a person
   * may be kept with only that id.
   */
  alternates?: IdentityKey[];
}

export function githubKey(login: string): IdentityKey {
  return `github:${login.toLowerCase()}`;
}

export function linkedinKey(slug: string): IdentityKey {
  const normalised = slug.normalize('NFC');
  return LINKEDIN_MEMBER_ID.test(normalised)
    ? `linkedin:${normalised}`
    : `linkedin:${normalised.toLowerCase()}`;
}

export function isLinkedinMemberId(slug: string): boolean {
  return LINKEDIN_MEMBER_ID.test(slug);
}

/** Every key a profile answers to, in a stable order (GitHub first). */
export function profileKeys(identities: {
  github: readonly string[];
  linkedin: readonly string[];
}): IdentityKey[] {
  return [...identities.github.map(githubKey), ...identities.linkedin.map(linkedinKey)];
}
