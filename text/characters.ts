/**
 * Characters that let text lie about itself, defined once for the schema,
 * LinkedIn slugs and the messages that quote user input:
 * C0/C1 controls (except tab and newline) and the bidirectional overrides and
 * isolates used in "RTL override" spoofing
 * (https://unicode.org/reports/tr9/#Explicit_Directional_Formatting_Characters).
 *
 * Kept as a character-class body so callers can combine it with their own
 * exclusions (a slug also refuses spaces and slashes).
 */
export const UNSAFE_CLASS =
  '\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\u202A-\\u202E\\u2066-\\u2069';

/** Matches any unsafe character. */
export const UNSAFE_CHARACTER = new RegExp(`[${UNSAFE_CLASS}]`);

/** Replaces unsafe characters with U+FFFD, for quoting input back to the user. */
export function defang(text: string): string {
  return text.replace(new RegExp(`[${UNSAFE_CLASS}]`, 'g'), '\uFFFD');
}
