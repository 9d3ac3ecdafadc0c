/**
 * The address of a CardDAV server, as the user types it: a full URL
 * (`https://dav.example.com/remote.php/dav/`) or just a domain
 * (`example.com`, discovered through /.well-known/carddav, RFC 6764).
 * `https://` only, as for directories — except on this machine itself
 * (127.0.0.1, ::1, localhost), where a self-hosted Radicale often listens
 * on plain http and nothing travels over a network. No user name or
 * password in the address (they go in their own fields), no fragment.
 * The permission asked for is that one host: `https://<host>/*` (or
 * `http://127.0.0.1/*`), which covers every port and path.
 */
import { t } from '../i18n/t';

export type CheckedServer =
  | {
      ok: true;
      /** The address to start discovery from. */
      url: string;
      /** `https://host[:port]`: every request goes here and nowhere else. */
      origin: string;
      /** The optional host permission that covers it. */
      pattern: string;
    }
  | { ok: false; error: string };

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

export function checkServer(input: string): CheckedServer {
  let text = input.trim();
  if (text === '') return { ok: false, error: t('cdav_url_empty') };
  // Just a domain: https, except on this machine, where a server listens on plain http.
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text))
    text = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?(\/|$)/i.test(text)
      ? `http://${text}`
      : `https://${text}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: t('cdav_url_bad') };
  }
  const loopback = LOOPBACK.has(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback))
    return { ok: false, error: t('cdav_url_https') };
  if (url.username || url.password) return { ok: false, error: t('cdav_url_credentials') };
  url.hash = '';
  url.search = '';
  return {
    ok: true,
    url: url.href,
    origin: url.origin,
    pattern: `${url.protocol}//${url.hostname}/*`,
  };
}
