/**
 * Profile → vCard 4.0 (RFC 6350, https://www.rfc-editor.org/rfc/rfc6350).
 * The rules that address books trip over, each tested:
 * - `VERSION:4.0` right after `BEGIN:VCARD`; `FN` always present (§6.1.1, §6.2.1)
 * - CRLF line ends, lines folded at 75 octets, never inside a UTF-8
 *   character (§3.2): "Altınbüken" must survive a fold
 * - in text values `\`, `,`, `;` and newlines are escaped (§3.4)
 */
import type { Profile } from '../profiles/schema';
import { profileLinks } from './links';

const CRLF = '\r\n';
const MAX_OCTETS = 75;
const encoder = new TextEncoder();

/** §3.4: backslash first, so the escapes it adds are not escaped again. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * URI values are not text: their own commas and semicolons are data. Percent-
 * encoding the few characters vCard treats specially keeps every parser
 * reading the same URL (they are equivalent in the URLs we emit).
 */
function escapeUri(value: string): string {
  return value.replace(/[\\,;]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** §3.2: at most 75 octets per line; continuation lines start with a space. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets; continuations hold 74 after their space.
    const limit = parts.length === 0 ? MAX_OCTETS : MAX_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

export function toVCard(profile: Profile): string {
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    'PRODID:-//Profile Card//EN',
    `FN:${escapeText(profile.name)}`,
    `TITLE:${escapeText(profile.headline)}`,
    // An extension property (RFC 6350 §6.10) so re-importing finds the same person.
    `X-PROFILE-CARD-ID:${profile.id}`,
  ];
  if (profile.contact.email) lines.push(`EMAIL:${escapeText(profile.contact.email)}`);
  for (const link of profileLinks(profile)) lines.push(`URL:${escapeUri(link.url)}`);
  lines.push(`NOTE:${escapeText(profile.bio)}`);
  lines.push('END:VCARD');
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** A file name for the download: `deniz-altinbuken.vcf`. */
export function vcardFileName(profile: Profile): string {
  return `${profile.id}.vcf`;
}
