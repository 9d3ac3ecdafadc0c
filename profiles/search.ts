/**
 * Matching typed text against people: case- and accent-insensitive, so
 * "altinbuken" finds "Altınbüken" and "lukasz" finds "Łukasz" (text/fold.ts).
 * Pure, for the popup and the options page.
 */
import { fold } from '../text/fold';

/** Every word of the query must appear somewhere in the haystack. */
export function matchesQuery(haystack: string, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const folded = fold(haystack);
  return words.every((word) => folded.includes(word));
}
