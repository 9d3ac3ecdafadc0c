/**
 * text/ — facts about characters, written once.
 *
 *   characters.ts  what lets text lie: controls, bidi, zero-width, lone surrogates,
 *                  mixed-script ids ─▶ schema rules (each with its sentence), messages
 *   markup.ts      what the HTML tokenizer reads as a tag (`<b>`, not `Vec<T>`) ─▶ schema
 *   fold.ts        "Łukasz Altınbüken" ─▶ "lukasz altinbuken" ─▶ search and ids
 *   direction.ts   "نور الهدى" ─▶ rtl ─▶ the in-page card, whose text the browser cannot see
 *   pieces.ts      text ─▶ pieces within a byte budget ─▶ vCard folding, sync items
 */
export type { CharacterRule, CharacterRules } from './characters';
export {
  clip,
  defang,
  ONE_SCRIPT,
  SLUG_CHARACTERS,
  TEXT_CHARACTERS,
  UNSAFE_CHARACTER,
  UNSAFE_CLASS,
  URL_CHARACTERS,
} from './characters';
export { textDirection } from './direction';
export { fold } from './fold';
export { findMarkup, HTML_ELEMENTS, NO_MARKUP } from './markup';
export { splitByBytes } from './pieces';
