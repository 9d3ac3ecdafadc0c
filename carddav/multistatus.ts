/**
 * A WebDAV multistatus (RFC 4918 §13, §14.16) → plain responses: each
 * `<response>`'s href, its own status when it has one (a deleted card in
 * a sync report: 404), and the properties its propstats answered with a
 * 2xx status. Plus the sync-token (RFC 6578 §6.4) when there is one that
 * can be kept (printable, at most MAX_TOKEN characters).
 *
 *   <multistatus>
 *     <response><href/><status/>?<propstat><prop>…</prop><status/></propstat>*</response>*
 *     <sync-token/>?
 */
import { t } from '../i18n/t';
import { child, children, readXml, type XmlElement, XmlError } from './xml';

export const DAV = 'DAV:';
export const CARDDAV = 'urn:ietf:params:xml:ns:carddav';

export interface DavResponse {
  /** The href as the server wrote it (percent-encoding kept), resolved against the request URL. */
  href: string;
  /** The response's own status code, when it has one instead of propstats. */
  status?: number;
  /** Properties answered with 2xx, by `ns|name`. */
  props: Map<string, XmlElement>;
}

export interface Multistatus {
  responses: DavResponse[];
  syncToken?: string;
}

/** Far above any server's sync-token (a URI: Radicale's and Nextcloud's are under 100 characters). */
export const MAX_TOKEN = 1024;

export const propKey = (ns: string, name: string) => `${ns}|${name}`;

/** `HTTP/1.1 404 Not Found` → 404 */
export function statusCode(line: string | undefined): number | undefined {
  const match = /^\s*HTTP\/\d(?:\.\d)?\s+(\d{3})/.exec(line ?? '');
  return match ? Number(match[1]) : undefined;
}

/** Reads a multistatus; `base` resolves relative hrefs. Throws XmlError on anything else. */
export function readMultistatus(text: string, base: string): Multistatus {
  const root = readXml(text);
  if (root.ns !== DAV || root.name !== 'multistatus')
    throw new XmlError(t('cdav_xml_not_multistatus', root.name.slice(0, 40)));
  const responses: DavResponse[] = [];
  for (const response of children(root, DAV, 'response')) {
    const hrefText = child(response, DAV, 'href')?.text.trim();
    if (!hrefText) continue;
    let href: string;
    try {
      href = new URL(hrefText, base).href;
    } catch {
      continue;
    }
    const props = new Map<string, XmlElement>();
    for (const propstat of children(response, DAV, 'propstat')) {
      const code = statusCode(child(propstat, DAV, 'status')?.text);
      if (code === undefined || code < 200 || code > 299) continue;
      for (const prop of child(propstat, DAV, 'prop')?.children ?? [])
        props.set(propKey(prop.ns, prop.name), prop);
    }
    const status = statusCode(child(response, DAV, 'status')?.text);
    responses.push({ href, ...(status !== undefined && { status }), props });
  }
  const token = child(root, DAV, 'sync-token')?.text.trim();
  // Kept and sent back with every refresh: one a server could not mean (megabytes) is not kept.
  const usable = token && token.length <= MAX_TOKEN && /^[\x21-\x7e]+$/.test(token);
  return { responses, ...(usable && { syncToken: token }) };
}

/** The href inside a property such as current-user-principal, resolved. */
export function hrefIn(prop: XmlElement | undefined, base: string): string | undefined {
  const text = child(prop, DAV, 'href')?.text.trim();
  if (!text) return undefined;
  try {
    return new URL(text, base).href;
  } catch {
    return undefined;
  }
}
