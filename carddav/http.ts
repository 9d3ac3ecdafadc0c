/**
 * THE one place an address book is asked anything: every CardDAV request
 * (PROPFIND, REPORT, GET, PUT) goes through `davFetch`, and nothing else in
 * carddav/ calls `fetch` (tests/unit/conventions.test.ts). It runs in the
 * background only; the content script never imports carddav/.
 *
 * How it asks, and why:
 * - The user's name and app password as HTTP Basic (RFC 7617) in an
 *   `Authorization` header we set ourselves, with `credentials: 'omit'`:
 *   no cookies, no credentials the browser keeps, no sign-in prompt.
 * - Only the origin the user connected (`origin`): a URL elsewhere is
 *   refused before anything is sent.
 * - `redirect: 'manual'`: a redirect is read, not followed. One to the same
 *   origin is followed (at most MAX_REDIRECTS, the Authorization header
 *   sent again only there); one to any other host is refused with its
 *   name, so the password never travels to a host the user did not give.
 *   Where the browser hides the Location (an opaque redirect, as in
 *   Chromium's service worker) the redirect is reported as such and
 *   the caller decides (discovery tries the server's root instead).
 * - `cache: 'no-store'`, `referrerPolicy: 'no-referrer'`, a timeout, and a
 *   size cap read as the body streams (the Content-Length first).
 */
import { readCapped } from '../directories/fetch';

/** Far above any real multistatus of ETags for 100,000 cards (about 20 MB). */
export const MAX_ANSWER_BYTES = 32 * 1024 * 1024;
export const DAV_TIMEOUT_MS = 60_000;
export const MAX_REDIRECTS = 3;

export interface Credentials {
  user: string;
  password: string;
}

export interface DavCall {
  method: 'PROPFIND' | 'REPORT' | 'GET' | 'PUT' | 'DELETE';
  url: string;
  body?: string;
  depth?: '0' | '1';
  contentType?: string;
  ifMatch?: string;
  /** `*`: create only. */
  ifNoneMatch?: string;
}

export type DavAnswer =
  | { kind: 'answer'; status: number; text: string; etag?: string; url: string }
  | { kind: 'redirect'; to?: string }
  | { kind: 'elsewhere'; to: string }
  | { kind: 'timeout' }
  | { kind: 'too-big' }
  | { kind: 'stopped' }
  | { kind: 'unreachable'; reason: string };

export interface DavOptions {
  credentials: Credentials;
  /** The one origin this account may be asked at. */
  origin: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  maxBytes?: number;
}

/** Basic auth: `user:password` as UTF-8, base64 (RFC 7617 §2.1 with charset UTF-8). */
export function basicAuth({ user, password }: Credentials): string {
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

export async function davFetch(call: DavCall, options: DavOptions): Promise<DavAnswer> {
  const { origin, signal } = options;
  const timeoutMs = options.timeoutMs ?? DAV_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? MAX_ANSWER_BYTES;
  const timeout = AbortSignal.timeout(timeoutMs);
  const both = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let url = call.url;
  for (let hop = 0; ; hop++) {
    if (new URL(url).origin !== origin) return { kind: 'elsewhere', to: new URL(url).host };
    const headers: Record<string, string> = {
      Authorization: basicAuth(options.credentials),
    };
    if (call.depth) headers.Depth = call.depth;
    if (call.body !== undefined)
      headers['Content-Type'] = call.contentType ?? 'application/xml; charset=utf-8';
    if (call.ifMatch) headers['If-Match'] = call.ifMatch;
    if (call.ifNoneMatch) headers['If-None-Match'] = call.ifNoneMatch;
    let response: Response;
    try {
      response = await fetch(url, {
        method: call.method,
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'manual',
        referrerPolicy: 'no-referrer',
        headers,
        ...(call.body !== undefined && { body: call.body }),
        signal: both,
      });
    } catch (error) {
      if (timeout.aborted) return { kind: 'timeout' };
      if (signal?.aborted) return { kind: 'stopped' };
      return { kind: 'unreachable', reason: (error as Error)?.message ?? '' };
    }
    if (response.type === 'opaqueredirect') return { kind: 'redirect' };
    if (response.status >= 300 && response.status < 400 && response.status !== 304) {
      await response.body?.cancel().catch(() => undefined);
      const location = response.headers.get('Location');
      if (!location) return { kind: 'redirect' };
      let next: URL;
      try {
        next = new URL(location, url);
      } catch {
        // A Location no URL parser takes: a redirect that cannot be followed.
        return { kind: 'redirect' };
      }
      if (next.origin !== origin) return { kind: 'elsewhere', to: next.host };
      if (hop >= MAX_REDIRECTS) return { kind: 'redirect', to: next.href };
      url = next.href;
      continue;
    }
    const declared = Number(response.headers.get('Content-Length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      return { kind: 'too-big' };
    }
    let bytes: Uint8Array | 'too-big';
    try {
      bytes = await readCapped(response.body, maxBytes);
    } catch (error) {
      if (timeout.aborted) return { kind: 'timeout' };
      if (signal?.aborted) return { kind: 'stopped' };
      return { kind: 'unreachable', reason: (error as Error)?.message ?? '' };
    }
    if (bytes === 'too-big') return { kind: 'too-big' };
    const etag = response.headers.get('ETag') ?? undefined;
    return {
      kind: 'answer',
      status: response.status,
      text: new TextDecoder().decode(bytes),
      url,
      ...(etag && /^[\x21-\x7e]{1,256}$/.test(etag) && { etag }),
    };
  }
}
