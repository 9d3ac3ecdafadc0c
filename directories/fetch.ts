/**
 * THE one place Profile Card makes a network request: fetching a directory
 * the user subscribed to, from the address they gave. Nothing else in the
 * code may call `fetch` (tests/unit/conventions.test.ts), and the built
 * scripts may hold this call and no other (tests/browser/privacy.test.ts).
 *
 * How it asks, and why:
 * - `credentials: 'omit'`: no cookies, no HTTP authentication, no client
 *   certificate. The request says nothing about who is asking beyond what
 *   any request does (the address it comes from, the browser's User-Agent).
 *   The cost: a file behind an intranet's sign-in cannot be read; it must
 *   be readable at its address alone (the error says so).
 * - `cache: 'no-store'` with our own `If-None-Match`: the copy is kept in
 *   the extension's database, not also in the browser's HTTP cache; the
 *   server still answers 304 to the ETag we send, and we keep our copy.
 * - `redirect: 'manual'`: a redirect is not followed, so no address other
 *   than the one given is ever asked (the extension holds permission for
 *   that one host only); the user is told to subscribe to the final one.
 * - `referrerPolicy: 'no-referrer'`; a size cap read as it streams (the
 *   Content-Length first, when there is one); a timeout (AbortSignal).
 *
 * Fetch: https://fetch.spec.whatwg.org/#requestinit
 */

/** The largest directory read: an export of 100,000 generous people is about 45 MB. */
export const MAX_DIRECTORY_BYTES = 64 * 1024 * 1024;
/** Longer than any server should take to send 64 MB on a slow line, shorter than forever. */
export const FETCH_TIMEOUT_MS = 90_000;

export type Fetched =
  | { kind: 'same' }
  | { kind: 'new'; bytes: Uint8Array; etag?: string }
  /** `transient`: no answer at all (the network), worth one more try soon. */
  | { kind: 'failed'; message: string; transient?: boolean };

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const tooBig = (max: number) =>
  `The file is larger than ${megabytes(max)}, the most Profile Card reads for a directory.`;

/** Reads a body up to `max` bytes; stops (and cancels the rest) as soon as it is over. */
export async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  max: number,
): Promise<Uint8Array | 'too-big'> {
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  while (true) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return 'too-big';
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.byteLength;
  }
  return bytes;
}

export async function fetchDirectory(
  url: string,
  {
    etag,
    signal,
    maxBytes = MAX_DIRECTORY_BYTES,
    timeoutMs = FETCH_TIMEOUT_MS,
  }: {
    etag?: string;
    signal?: AbortSignal;
    maxBytes?: number;
    timeoutMs?: number;
  } = {},
): Promise<Fetched> {
  const origin = new URL(url).origin;
  const timeout = AbortSignal.timeout(timeoutMs);
  const headers: Record<string, string> = {
    Accept: 'application/json, text/vcard, text/plain;q=0.5, */*;q=0.1',
  };
  if (etag) headers['If-None-Match'] = etag;
  try {
    const response = await fetch(url, {
      method: 'GET',
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'manual',
      referrerPolicy: 'no-referrer',
      headers,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
    });
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      if (response.status === 304 && etag) return { kind: 'same' };
      return {
        kind: 'failed',
        message: `${origin} answered with a redirect to another address. Profile Card fetches only the address you gave; subscribe to the address the file is at now.`,
      };
    }
    if (response.status === 401 || response.status === 403)
      return {
        kind: 'failed',
        message: `${origin} refused the request (${response.status}): the file needs a sign-in. Profile Card sends no cookies or passwords, so a directory must be readable at its address alone.`,
      };
    if (!response.ok)
      return {
        kind: 'failed',
        message: `${origin} answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`,
      };
    const declared = Number(response.headers.get('Content-Length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      return { kind: 'failed', message: tooBig(maxBytes) };
    }
    const bytes = await readCapped(response.body, maxBytes);
    if (bytes === 'too-big') return { kind: 'failed', message: tooBig(maxBytes) };
    const tag = response.headers.get('ETag') ?? undefined;
    // Kept only if it can be sent back as a header as it is.
    return { kind: 'new', bytes, ...(tag && /^[\x21-\x7e]{1,256}$/.test(tag) && { etag: tag }) };
  } catch (error) {
    if (timeout.aborted)
      return {
        kind: 'failed',
        message: `No complete answer from ${origin} within ${timeoutMs / 1000} seconds.`,
      };
    if (signal?.aborted) return { kind: 'failed', message: 'Stopped.' };
    return {
      kind: 'failed',
      message: `Could not reach ${origin} (${(error as Error)?.message || 'network error'}).`,
      transient: true,
    };
  }
}
