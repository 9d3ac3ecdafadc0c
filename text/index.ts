/**
 * text/ — facts about characters, written once.
 *
 *   characters.ts  controls and bidi overrides that let text lie ─▶ schema, slugs, messages
 *   fold.ts        "Łukasz Altınbüken" ─▶ "lukasz altinbuken" ─▶ search and ids
 */
export { defang, UNSAFE_CHARACTER, UNSAFE_CLASS } from './characters';
export { fold } from './fold';
