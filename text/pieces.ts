/**
 * Cutting text into pieces that each fit a byte budget, never inside a
 * character (a code point, so no surrogate pair is split).
 *
 * Two formats need it with different budgets and costs: vCard folds lines
 * at 75 octets of UTF-8, the first line's budget differing from the
 * continuations' (RFC 6350 §3.2, https://www.rfc-editor.org/rfc/rfc6350#section-3.2),
 * and sync spreads a long value over items whose room depends on each
 * item's key, costing characters as JSON escapes them
 * (https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync-QUOTA_BYTES_PER_ITEM).
 */

/**
 * `text` in order, in pieces: piece `i` costs at most `room(i)` bytes, as
 * `cost` counts a character. Always at least one piece ('' for '').
 */
export function splitByBytes(
  text: string,
  room: (index: number) => number,
  cost: (character: string) => number,
): string[] {
  const pieces: string[] = [];
  let piece = '';
  let bytes = 0;
  for (const character of text) {
    const size = cost(character);
    if (bytes + size > room(pieces.length) && piece !== '') {
      pieces.push(piece);
      piece = '';
      bytes = 0;
    }
    piece += character;
    bytes += size;
  }
  pieces.push(piece);
  return pieces;
}
