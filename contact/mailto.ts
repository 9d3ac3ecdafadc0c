/**
 * `mailto:` for one plain address, or nothing. A crafted "address" such as
 * `a@b.c?bcc=x@evil.example` or one carrying `%0D%0A` would add headers or
 * recipients (RFC 6068 §2, https://www.rfc-editor.org/rfc/rfc6068#section-2),
 * so anything beyond a bare local@domain is refused rather than escaped.
 */
const ADDRESS = /^([^\s@?&#%,;:<>"()[\]\\/\p{Cc}]{1,64})@([\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)$/u;

export function mailtoUrl(address: string): string | undefined {
  const match = ADDRESS.exec(address);
  if (!match) return undefined;
  const [, local = '', domain = ''] = match;
  return `mailto:${encodeURIComponent(local)}@${encodeURIComponent(domain)}`;
}
