/**
 * A file's bytes → its text, or a sentence saying why not. Import reads
 * what people have: UTF-8 (with or without a byte-order mark) and UTF-16,
 * which Windows address books and Outlook write ("Unicode"), detected by its
 * byte-order mark or, without one, by the NUL bytes beside ASCII letters
 * (https://encoding.spec.whatwg.org/#utf-16le).
 *
 * Decoding is strict (`fatal: true`): a byte sequence that is not valid in
 * the encoding is refused, never turned into U+FFFD behind the user's back.
 */
import { t } from '../i18n/t';

export type Decoded = { ok: true; text: string } | { ok: false; error: string };

/** Binary control characters: text files do not hold them. */
const BINARY = /[\u0000-\u0008\u000E-\u001F]/;

function utf16Order(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const [first, second] = bytes;
  if (first === 0xff && second === 0xfe) return 'utf-16le';
  if (first === 0xfe && second === 0xff) return 'utf-16be';
  // No mark: ASCII text in UTF-16 has a NUL beside each of its first letters.
  if (bytes.length >= 4 && bytes.length % 2 === 0) {
    const [, , third, fourth] = bytes;
    if (first !== 0 && second === 0 && third !== 0 && fourth === 0) return 'utf-16le';
    if (first === 0 && second !== 0 && third === 0 && fourth !== 0) return 'utf-16be';
  }
  return undefined;
}

export function decodeFile(fileName: string, input: Uint8Array | string): Decoded {
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    const encoding = utf16Order(input) ?? 'utf-8';
    try {
      // The decoder drops a leading byte-order mark of its own encoding.
      text = new TextDecoder(encoding, { fatal: true }).decode(input);
    } catch {
      if (encoding !== 'utf-8')
        return {
          ok: false,
          error: t('decode_bad_utf16', fileName),
        };
      // Invalid UTF-8: binary, or text in a legacy encoding (Windows-1252…).
      return BINARY.test(new TextDecoder('latin1').decode(input.subarray(0, 4096)))
        ? { ok: false, error: t('decode_not_text', fileName) }
        : {
            ok: false,
            error: t('decode_not_utf8', fileName),
          };
    }
  }
  // UTF-8 that holds NULs or other binary controls is not a profile file.
  if (BINARY.test(text)) return { ok: false, error: t('decode_not_text', fileName) };
  return { ok: true, text: text.replace(/^\uFEFF/, '') };
}
