/**
 * identity/ — who a URL is about. Pure: no DOM, no browser APIs, so the
 * startup content script can afford it (it imports the files directly).
 *
 *   "https://github.com/spacejam/sled/issues/1"      hosts.ts   where we run
 *        │                                           rules.ts   handle shapes
 *        ▼
 *   parse.ts ── github.ts (reserved paths, gists) ──┐
 *           └── linkedin.ts (hosts, slugs, /pub/) ──┤
 *                                                   ▼
 *   keys.ts: { key: 'github:spacejam', site, handle, kind: 'owned' }
 *   handles.ts: '@spacejam', 'in/denizalti' for lists and search
 */
export { formatHandles } from './handles';
export {
  GIST_HOST,
  GITHUB_HOST,
  isExtensionUrl,
  LINKEDIN_DOMAIN,
  MATCH_PATTERNS,
  siteOfHost,
} from './hosts';
export type { IdentityKey, PageKind, Site, UrlIdentity } from './keys';
export { githubKey, isLinkedinMemberId, linkedinKey, profileKeys } from './keys';
export { parseIdentityUrl } from './parse';
export { GITHUB_LOGIN, GITHUB_REPO, LINKEDIN_MEMBER_ID } from './rules';
