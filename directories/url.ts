/**
 * The address of a directory the user subscribes to, checked before
 * anything is asked or fetched: `https://` only (a directory of people's
 * contact details never travels in the clear) — except the loopback hosts
 * `http://localhost` and `http://127.0.0.1`, which browsers treat as secure
 * contexts (the request never leaves the machine: a team tries a directory
 * on a laptop first, https://w3c.github.io/webappsec-secure-contexts/#localhost),
 * no user name or password in
 * it (they would be sent to the server and kept in storage), no fragment
 * (never sent anyway), and the URL character rules every profile URL
 * follows (people/schema.ts `httpUrl`). The permission asked for is that
 * one host, every port and path: `https://<host>/*`, the narrowest match
 * pattern there is (https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns);
 * `http://<loopback host>/*` for the two loopback hosts.
 *
 * Nothing here throws on an address the user typed: a stray `%` that is
 * not an escape (`team%ZZ.json`) is fetched as it is and named as it reads.
 */
import { t } from '../i18n/t';
import { siteOfHost } from '../identity/hosts';
import { httpUrl } from '../people/schema';

export type CheckedUrl =
  | {
      ok: true;
      /** The address as it will be fetched. */
      url: string;
      /** `https://host[:port]`, as shown to the user. */
      origin: string;
      /** The host permission that covers it: `https://host/*` (`http://` for a loopback host). */
      pattern: string;
      /** GitHub and LinkedIn are always granted: their permission is never asked for or removed. */
      alwaysGranted: boolean;
    }
  | { ok: false; error: string };

/** Hosts that are this machine, which browsers count as secure over plain http. */
export const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1']);

export function checkDirectoryUrl(input: string): CheckedUrl {
  const text = input.trim();
  if (text === '') return { ok: false, error: t('diru_empty') };
  const shape = httpUrl().safeParse(text);
  if (!shape.success)
    return {
      ok: false,
      error: t('diru_bad', shape.error.issues[0]?.message ?? t('diru_not_url')),
    };
  const url = new URL(text);
  const loopback = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !loopback)
    return {
      ok: false,
      error: t('diru_https'),
    };
  if (url.username || url.password)
    return {
      ok: false,
      error: t('diru_credentials'),
    };
  url.hash = '';
  return {
    ok: true,
    url: url.href,
    origin: url.origin,
    pattern: `${url.protocol}//${url.hostname}/*`,
    alwaysGranted: siteOfHost(url.hostname) !== undefined,
  };
}

/** A name for a directory when the user gives none: its file name, else its host. */
export function defaultName(url: string): string {
  const parsed = new URL(url);
  const last = parsed.pathname.split('/').pop() ?? '';
  const file = readable(last).replace(/\.[^.]*$/, '');
  return (file || parsed.hostname).slice(0, 80);
}

/** `%20` as a space; a segment with a `%` that escapes nothing stays as it is. */
function readable(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
