/**
 * The address of a directory the user subscribes to, checked before
 * anything is asked or fetched: `https://` only (a directory of people's
 * contact details never travels in the clear), no user name or password in
 * it (they would be sent to the server and kept in storage), no fragment
 * (never sent anyway), and the URL character rules every profile URL
 * follows (profiles/schema.ts `httpUrl`). The permission asked for is that
 * one host, every port and path: `https://<host>/*`, the narrowest match
 * pattern there is (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns).
 */
import { siteOfHost } from '../identity/hosts';
import { httpUrl } from '../profiles/schema';

export type CheckedUrl =
  | {
      ok: true;
      /** The address as it will be fetched. */
      url: string;
      /** `https://host[:port]`, as shown to the user. */
      origin: string;
      /** The host permission that covers it: `https://host/*`. */
      pattern: string;
      /** GitHub and LinkedIn are always granted: their permission is never asked for or removed. */
      alwaysGranted: boolean;
    }
  | { ok: false; error: string };

export function checkDirectoryUrl(input: string): CheckedUrl {
  const text = input.trim();
  if (text === '') return { ok: false, error: 'Give the address of the directory file.' };
  const shape = httpUrl.safeParse(text);
  if (!shape.success)
    return {
      ok: false,
      error: `That is not an address Profile Card can use: it ${shape.error.issues[0]?.message ?? 'is not a URL'}.`,
    };
  const url = new URL(text);
  if (url.protocol !== 'https:')
    return {
      ok: false,
      error: 'Use an https:// address: a directory of contact details is only fetched encrypted.',
    };
  if (url.username || url.password)
    return {
      ok: false,
      error:
        'Leave the user name and password out of the address: Profile Card sends no credentials, so the file must be readable at its address alone.',
    };
  url.hash = '';
  return {
    ok: true,
    url: url.href,
    origin: url.origin,
    pattern: `https://${url.hostname}/*`,
    alwaysGranted: siteOfHost(url.hostname) !== undefined,
  };
}

/** A name for a directory when the user gives none: its file name, else its host. */
export function defaultName(url: string): string {
  const parsed = new URL(url);
  const file = decodeURIComponent(parsed.pathname.split('/').pop() ?? '').replace(/\.[^.]*$/, '');
  return (file || parsed.hostname).slice(0, 80);
}
