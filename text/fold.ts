/**
 * Folding text for comparison: the one function behind search (popup,
 * options) and generated ids, so "lukasz" finds "Łukasz" everywhere and an id
 * made from a name reads the way the search does.
 *
 * NFD and dropping combining marks handles letters that decompose (ü → u,
 * ç → c). A handful of Latin letters do not decompose and need a table:
 * ł đ ð ħ ŧ ı ø æ œ þ ß ĸ ŋ ŀ (https://unicode.org/reports/tr15/ explains why
 * stroke letters have no canonical decomposition).
 */
const LETTERS: Record<string, string> = {
  ł: 'l',
  đ: 'd',
  ð: 'd',
  ħ: 'h',
  ŧ: 't',
  ı: 'i',
  ø: 'o',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ß: 'ss',
  ĸ: 'k',
  ŋ: 'n',
  ŀ: 'l',
};
const NON_DECOMPOSING = new RegExp(`[${Object.keys(LETTERS).join('')}]`, 'g');

/** Lowercase, without accents, with the table's letters spelled out: "Łukasz Ærø" → "lukasz aero". */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(NON_DECOMPOSING, (letter) => LETTERS[letter] ?? letter);
}
