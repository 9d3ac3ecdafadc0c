/**
 * Matching typed text against one piece of text: case- and
 * accent-insensitive, so "altinbuken" finds "Altınbüken" and "lukasz"
 * finds "Łukasz" (text/fold.ts), by word prefix — the rule the lists'
 * index applies to everyone at once (./search-index.ts), here for one
 * haystack, so the two can never disagree.
 */
import { queryWords, searchText } from './search-index';

/** Every word of the query starts a word somewhere in the haystack. */
export function matchesQuery(haystack: string, query: string): boolean {
  const words = queryWords(query);
  if (words.length === 0) return true;
  const text = ` ${searchText(haystack)}`;
  return words.every((word) => text.includes(` ${word}`));
}
