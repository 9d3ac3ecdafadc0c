/**
 * Accounts people write as handles: a Mastodon (any server) or Bluesky link
 * → the handle its owner writes (`@ines@hachyderm.io`, `@ines.bsky.social`),
 * so a kept link is labelled the way the person would say it rather than by
 * its host. Read from the URL alone, never fetched. Pure and tiny: the
 * in-page reader (to find them on a plain page) and draft.ts (to label them)
 * both use it.
 *
 * Mastodon's profile URL is `https://<server>/@<user>` (and `/@<user>@<home>`
 * for an account from another server viewed there): https://docs.joinmastodon.org/user/profile/.
 * Bluesky's is `https://bsky.app/profile/<handle>`: https://docs.bsky.app/docs/advanced-guides/resolving-identities.
 * Other sites also use `/@name` (Medium, YouTube, TikTok, Threads): those are not Mastodon.
 */

/** Sites whose `/@name` pages are not Mastodon accounts. */
const NOT_MASTODON =
  /(?:^|\.)(?:medium\.com|youtube\.com|youtu\.be|tiktok\.com|threads\.net|threads\.com|substack\.com|github\.com|linkedin\.com|pinterest\.com|flickr\.com|vimeo\.com)$/i;

const USER = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,63}$/;
const HOST = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i;

export interface SocialAccount {
  network: 'mastodon' | 'bluesky';
  /** As the person writes it: `@user@server`, `@handle`. */
  handle: string;
}

/** The account a URL is the profile of, when it is a Mastodon or Bluesky profile. */
export function socialAccount(href: string): SocialAccount | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const parts = url.pathname.split('/').filter(Boolean);
  if (host === 'bsky.app') {
    const handle = parts[0] === 'profile' && parts.length === 2 ? decode(parts[1]) : '';
    return handle && HOST.test(handle) ? { network: 'bluesky', handle: `@${handle}` } : undefined;
  }
  if (parts.length !== 1 || NOT_MASTODON.test(host)) return undefined;
  const account = decode(parts[0]);
  const match = /^@([^@]+)(?:@([^@]+))?$/.exec(account);
  if (!match?.[1] || !USER.test(match[1])) return undefined;
  const server = match[2] ?? host;
  if (!HOST.test(server)) return undefined;
  return { network: 'mastodon', handle: `@${match[1]}@${server.toLowerCase()}` };
}

function decode(part: string | undefined): string {
  try {
    return decodeURIComponent(part ?? '');
  } catch {
    return '';
  }
}
