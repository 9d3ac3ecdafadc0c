/**
 * The letters on a card's avatar: no remote images, so no requests. First
 * letter of the first and last words, by grapheme so "Ådne Ørn" and emoji
 * names come out whole; upper case by the language shown, so a Turkish
 * reader sees "İlker" as İ (i18n/format.ts).
 */
import { upper } from '../i18n/format';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

const WORDLIKE = /[\p{L}\p{N}\p{Extended_Pictographic}]/u;

/** The first letter, digit or emoji of a word: "(Ada)" → "A", "{{x" → "x". */
function firstGrapheme(word: string): string {
  for (const { segment } of segmenter.segment(word)) if (WORDLIKE.test(segment)) return segment;
  return '';
}

export function initials(name: string): string {
  const words = name.split(/[\s\-_.]+/u).filter((word) => WORDLIKE.test(word));
  if (words.length === 0) return '?';
  const first = firstGrapheme(words[0] ?? '');
  const last = words.length > 1 ? firstGrapheme(words.at(-1) ?? '') : '';
  return upper(first + last);
}
