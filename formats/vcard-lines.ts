/**
 * vCard text → cards of properties: the syntax only, for vcard-read.ts to
 * interpret. Written here rather than borrowed from ical.js because address
 * books still export vCard 2.1, which ical.js refuses: bare parameters
 * (`TEL;WORK;VOICE:`) and quoted-printable values with soft line breaks
 * (`NOTE;ENCODING=QUOTED-PRINTABLE:abc=` + a line `def`).
 *
 * - Lines end in CRLF, LF or CR; a line starting with a space or tab
 *   continues the one before (RFC 6350 §3.2). A quoted-printable value that
 *   ends in `=` continues on the next line whatever it starts with
 *   (RFC 2045 §6.7 rule 5, as vCard 2.1 uses it).
 * - `group.NAME;PARAM=a,"b;c";BARE:value` (RFC 6350 §3.3): names are
 *   case-insensitive, parameter values may be quoted and use RFC 6868 carets
 *   (`^n`, `^'`, `^^`); 2.1's bare parameters become TYPE, or ENCODING for
 *   QUOTED-PRINTABLE / BASE64.
 * - Quoted-printable values are decoded with their CHARSET (UTF-8 when
 *   none), strictly: bytes that are not valid in it are reported, never
 *   replaced with U+FFFD.
 * - Cards nest (2.1's AGENT may hold a whole vCard): only the outer card's
 *   own properties are kept.
 *
 * Every loop is one pass over the text; nothing recurses.
 */
import { t } from '../i18n/t';

export interface VCardProperty {
  group: string | undefined;
  /** Upper case: `FN`, `X-PROFILE-CARD-ID`. */
  name: string;
  /** Upper-case keys; values as written, unquoted. */
  params: Map<string, string[]>;
  /** The value after quoted-printable decoding, still vCard-escaped. */
  value: string;
  /** Why the value could not be decoded, if it could not. */
  problem?: string;
}

export interface RawCard {
  /** 1-based line where the card begins. */
  line: number;
  properties: VCardProperty[];
  /** The card ends without END:VCARD. */
  unterminated: boolean;
}

export type Lines = { ok: true; cards: RawCard[] } | { ok: false; error: string };

const encoder = new TextEncoder();

/** Index of the first `char` outside double quotes, or -1. */
function indexOutsideQuotes(text: string, char: string, from = 0): number {
  let quoted = false;
  for (let at = from; at < text.length; at++) {
    const here = text[at];
    if (here === '"') quoted = !quoted;
    else if (here === char && !quoted) return at;
  }
  return -1;
}

/** Splits on `separator` outside double quotes. */
function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (;;) {
    const at = indexOutsideQuotes(text, separator, start);
    if (at === -1) break;
    parts.push(text.slice(start, at));
    start = at + 1;
  }
  parts.push(text.slice(start));
  return parts;
}

/** RFC 6868: `^n` newline, `^'` double quote, `^^` caret. */
const uncaret = (value: string) =>
  value.replace(/\^([n'^])/g, (_, char: string) =>
    char === 'n' ? '\n' : char === "'" ? '"' : '^',
  );

const ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT']);

function parseParams(parts: string[]): Map<string, string[]> {
  const params = new Map<string, string[]>();
  const add = (key: string, values: string[]) =>
    params.set(key, [...(params.get(key) ?? []), ...values]);
  for (const part of parts) {
    const equals = part.indexOf('=');
    if (equals === -1) {
      // vCard 2.1: `TEL;WORK;VOICE:` and `NOTE;QUOTED-PRINTABLE:`
      const bare = part.trim().toUpperCase();
      if (bare) add(ENCODINGS.has(bare) ? 'ENCODING' : 'TYPE', [bare]);
      continue;
    }
    const key = part.slice(0, equals).trim().toUpperCase();
    const values = splitOutsideQuotes(part.slice(equals + 1), ',').map((value) =>
      uncaret(value.trim().replace(/^"([\s\S]*)"$/, '$1')),
    );
    add(key, values);
  }
  return params;
}

function isQuotedPrintable(params: Map<string, string[]>): boolean {
  return (params.get('ENCODING') ?? []).some((value) => value.toUpperCase() === 'QUOTED-PRINTABLE');
}

/** `J=C3=B6rg` → bytes → text in `charset`, strictly. */
export function decodeQuotedPrintable(value: string, charset: string): string {
  const bytes: number[] = [];
  for (const part of value.split(/(=[0-9A-Fa-f]{2})/)) {
    if (/^=[0-9A-Fa-f]{2}$/.test(part)) bytes.push(Number.parseInt(part.slice(1), 16));
    else for (const byte of encoder.encode(part)) bytes.push(byte);
  }
  return new TextDecoder(charset, { fatal: true }).decode(Uint8Array.from(bytes));
}

interface Logical {
  line: number;
  text: string;
  quotedPrintable: boolean;
}

/** Physical lines → logical lines: unfolded, quoted-printable soft breaks joined. */
function unfold(text: string): Logical[] {
  const lines: Logical[] = [];
  const physical = text.split(/\r\n|\r|\n/);
  for (const [index, line] of physical.entries()) {
    const current = lines.at(-1);
    if (current?.quotedPrintable && current.text.endsWith('=')) {
      current.text = current.text.slice(0, -1) + line;
    } else if (current && (line.startsWith(' ') || line.startsWith('\t'))) {
      current.text += line.slice(1);
    } else if (line.trim() !== '') {
      const colon = indexOutsideQuotes(line, ':');
      const header = colon === -1 ? line : line.slice(0, colon);
      lines.push({
        line: index + 1,
        text: line,
        quotedPrintable: /QUOTED-PRINTABLE/i.test(header),
      });
    }
  }
  return lines;
}

const NAME = /^(?:([A-Za-z0-9-]+)\.)?([A-Za-z0-9-]+)$/;

/** Shown in messages: the start of a line, without anything that could lie. */
const excerpt = (text: string) =>
  JSON.stringify(text.slice(0, 30).replace(/[^\x20-\x7E\u00A0-\u02FF]/g, '\uFFFD'));

export function readVCardLines(text: string): Lines {
  const cards: RawCard[] = [];
  let card: RawCard | undefined;
  let depth = 0;
  for (const logical of unfold(text)) {
    const colon = indexOutsideQuotes(logical.text, ':');
    if (colon === -1)
      return {
        ok: false,
        error: t('vcard_no_colon', String(logical.line), excerpt(logical.text)),
      };
    const [head = '', ...paramParts] = splitOutsideQuotes(logical.text.slice(0, colon), ';');
    const nameMatch = NAME.exec(head.trim());
    if (!nameMatch)
      return {
        ok: false,
        error: t('vcard_no_name', String(logical.line), excerpt(logical.text)),
      };
    const name = (nameMatch[2] as string).toUpperCase();
    const rawValue = logical.text.slice(colon + 1);

    if (name === 'BEGIN') {
      depth++;
      if (depth === 1) {
        if (rawValue.trim().toUpperCase() !== 'VCARD')
          return {
            ok: false,
            error: t('vcard_not_vcard', String(logical.line), excerpt(rawValue.trim())),
          };
        card = { line: logical.line, properties: [], unterminated: false };
        cards.push(card);
      }
      continue;
    }
    if (name === 'END') {
      depth--;
      if (depth < 0)
        return {
          ok: false,
          error: t('vcard_end_unbegun', String(logical.line)),
        };
      if (depth === 0) card = undefined;
      continue;
    }
    if (!card)
      return {
        ok: false,
        error: t('vcard_outside', String(logical.line), excerpt(logical.text)),
      };
    if (depth > 1) continue; // a card inside the card (2.1 AGENT)

    const params = parseParams(paramParts);
    const property: VCardProperty = {
      group: nameMatch[1]?.toUpperCase(),
      name,
      params,
      value: rawValue,
    };
    if (isQuotedPrintable(params)) {
      const charset = params.get('CHARSET')?.[0] ?? 'utf-8';
      try {
        property.value = decodeQuotedPrintable(rawValue, charset);
      } catch (error) {
        // TextDecoder throws RangeError for an unknown label, TypeError for bad bytes.
        property.problem =
          error instanceof RangeError
            ? t('vcard_unknown_charset', name, excerpt(charset))
            : t('vcard_bad_qp', name, charset);
      }
    }
    card.properties.push(property);
  }
  if (card) card.unterminated = true;
  return { ok: true, cards };
}
