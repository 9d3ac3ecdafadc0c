/**
 * GitHub URL → identity. Facts in docs/pages.md; the short of it:
 * users and organisations share one namespace of `[A-Za-z0-9_-]{1,39}`,
 * compared case-insensitively; top-level paths that are features, not
 * accounts, come from `github-reserved-names` plus what it lacks.
 * An organisation's URL looks like a user's: it resolves to a key, and the
 * directory (which holds people only) answers "nobody".
 *
 * Real URLs:
 * https://github.com/spacejam
 * https://github.com/spacejam?tab=repositories
 * https://github.com/spacejam/sled/issues/1
 * https://github.com/users/denizalti/hovercard   (data-hovercard-url)
 * https://github.com/tikv/tikv/commits?author=spacejam   ("commits by", names the author)
 * https://gist.github.com/PATMESH
 * https://gist.github.com/spacejam/4f4a3f2a7f1c0e0a9d6b5c4e3f2a1b0c
 *   (its author links: `href="/<login>"`, `data-hovercard-url="/users/<login>/hovercard"`)
 */
import reservedNames from 'github-reserved-names/reserved-names.json';
import { GIST_HOST, GITHUB_HOST } from './hosts';
import type { UrlIdentity } from './keys';
import { githubKey } from './keys';
import { GITHUB_LOGIN as LOGIN } from './rules';

const GIST_ID = /^[0-9a-f]{20,32}$/i;

/** Real top-level paths missing from github-reserved-names 2.2.0. */
const MORE_RESERVED = ['models', 'premium-support', 'session', 'solutions'];
const RESERVED = new Set<string>([...reservedNames, ...MORE_RESERVED]);

/** gist.github.com paths that are features, not accounts. */
const GIST_RESERVED = new Set([
  'auth',
  'discover',
  'forked',
  'join',
  'login',
  'logout',
  'mine',
  'search',
  'session',
  'settings',
  'starred',
]);

function segments(url: URL): string[] {
  return url.pathname.split('/').filter((segment) => segment !== '');
}

function identity(login: string, kind: UrlIdentity['kind']): UrlIdentity {
  return { key: githubKey(login), site: 'github', handle: login, kind };
}

const isLogin = (name: string | undefined): name is string =>
  name !== undefined && LOGIN.test(name) && !RESERVED.has(name.toLowerCase());

/**
 * `/users/<login>` redirects to the profile; `/users/<login>/hovercard` is
 * what GitHub puts in `data-hovercard-url` for people (organisations get
 * `/orgs/<org>/hovercard`, which `orgs` being reserved turns away). Pages
 * write it relative, so on gist.github.com it resolves there: it still
 * means github.com's user.
 */
function parseUsers(second: string | undefined, third: string | undefined) {
  if (!isLogin(second)) return undefined;
  return identity(second, third === undefined || third === 'hovercard' ? 'profile' : 'owned');
}

export function parseGithubUrl(url: URL): UrlIdentity | undefined {
  const host = url.hostname;
  if (host === GIST_HOST) return parseGist(segments(url));
  if (host !== GITHUB_HOST && host !== `www.${GITHUB_HOST}`) return undefined;

  const [first, second, third] = segments(url);
  if (first === undefined) return undefined;
  if (first === 'users') return parseUsers(second, third);
  if (!isLogin(first)) return undefined;
  // A repository's commit list filtered by author is about that author. (Its
  // query is read only there: `searchParams` is an object made on first read,
  // and the content script parses the page's URL at every load.)
  const author = third === 'commits' ? url.searchParams.get('author') : null;
  if (author !== null && LOGIN.test(author)) return identity(author, 'profile');
  return identity(first, second === undefined ? 'profile' : 'owned');
}

function parseGist([first, second, third]: string[]): UrlIdentity | undefined {
  // No account is called `users`: it is reserved on github.com, whose names gists share.
  if (first === 'users') return parseUsers(second, third);
  if (first === undefined || GIST_RESERVED.has(first.toLowerCase())) return undefined;
  // `gist.github.com/<id>` (no owner) redirects to the owner's URL; we can't tell who.
  if (second === undefined && GIST_ID.test(first)) return undefined;
  if (!LOGIN.test(first)) return undefined;
  if (second === undefined) return identity(first, 'gist-profile');
  return identity(first, GIST_ID.test(second) ? 'gist' : 'gist-profile');
}
