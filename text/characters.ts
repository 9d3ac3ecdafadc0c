/**
 * Characters that let text lie about itself, defined once for the schema,
 * LinkedIn slugs and the messages that quote user input. Each rule is a
 * pattern the whole value must match, with the sentence that says what is
 * wrong, so every refusal names its reason:
 *
 * - C0/C1 controls (except tab and newline): invisible, and terminals and some
 *   tools act on them.
 * - Bidirectional overrides, embeddings and isolates (U+202A–U+202E,
 *   U+2066–U+2069) reorder what follows: "RTL override" spoofing
 *   (https://unicode.org/reports/tr9/#Explicit_Directional_Formatting_Characters).
 *   In URLs the invisible direction marks (U+200E, U+200F, U+061C) too.
 * - Zero-width characters (U+200B–U+200D, U+2060, U+FEFF) in URLs: two URLs
 *   that look the same lead to different places. Text keeps them, because
 *   ZWJ and ZWNJ are part of emoji sequences and of Persian and Indic writing.
 * - U+2028/U+2029 in text: line breaks that JavaScript and JSON tools
 *   disagree about (https://tc39.es/proposal-json-superset/).
 * - Lone surrogates: half of a UTF-16 pair (a JSON `"\uD800"`). Browsers turn
 *   them into U+FFFD when storing or encoding, so the text would change
 *   silently; refusing says so instead. With the `u` flag a pattern sees a
 *   valid pair as one code point, so `[\uD800-\uDFFF]` matches only lone halves.
 * - Mixed scripts in LinkedIn ids: Latin next to Cyrillic or Greek letters
 *   that look the same (`аda` with a Cyrillic `а`) names someone else. An id
 *   written in one script (`михаил-петров`) is fine
 *   (https://unicode.org/reports/tr39/#Mixed_Script_Detection).
 *
 * Every pattern is one pass over the value: a character class repeated, or a
 * few such alternatives, never nested quantifiers. The rules for one kind
 * of value are checked together, in one pass; only a value that fails is
 * looked at again, to say which rule it broke.
 */
import { type MessageKey, t } from '../i18n/t.ts';

/** C0 and C1 controls, except tab and line feed. */
export const CONTROL_CLASS = '\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F';
/** Bidirectional embeddings, overrides and isolates. */
export const BIDI_OVERRIDE_CLASS = '\\u202A-\\u202E\\u2066-\\u2069';
/** Invisible direction marks: harmless in prose, deceptive in a URL. */
export const BIDI_MARK_CLASS = '\\u061C\\u200E\\u200F';
/** Zero-width spaces, joiners and the byte-order mark. */
export const ZERO_WIDTH_CLASS = '\\u200B-\\u200D\\u2060\\uFEFF';
/** Unicode's own line and paragraph separators. */
export const SEPARATOR_CLASS = '\\u2028\\u2029';

/**
 * Controls and bidi overrides: what no text, slug or quoted input may hold.
 * Kept as a character-class body so callers can combine it with their own
 * exclusions (a slug also refuses spaces and slashes).
 */
export const UNSAFE_CLASS = CONTROL_CLASS + BIDI_OVERRIDE_CLASS;

/** Matches any unsafe character. */
export const UNSAFE_CHARACTER = /* @__PURE__ */ new RegExp(`[${UNSAFE_CLASS}]`);

export interface CharacterRule {
  /** A character-class body: the characters the rule refuses. */
  characters: string;
  /** What is wrong when the value holds one, after the field's name (a message key). */
  message: MessageKey;
}

/**
 * A set of rules checked in one pass: `pattern` matches a value that obeys
 * them all (`u` flag), `explain` names the first one a value breaks.
 */
export interface CharacterRules {
  pattern: RegExp;
  explain(value: string): string;
}

function combine(rules: readonly CharacterRule[]): CharacterRules {
  const tests = rules.map((rule) => ({ ...rule, test: new RegExp(`[${rule.characters}]`, 'u') }));
  return {
    pattern: new RegExp(`^[^${rules.map((rule) => rule.characters).join('')}]*$`, 'u'),
    explain: (value) => t(tests.find((rule) => rule.test.test(value))?.message ?? 'v_chars'),
  };
}

const WELL_FORMED: CharacterRule = {
  characters: '\\uD800-\\uDFFF',
  message: 'v_lone_surrogate',
};
const NO_CONTROLS: CharacterRule = {
  characters: CONTROL_CLASS,
  message: 'v_controls',
};
const NO_OVERRIDES: CharacterRule = {
  characters: BIDI_OVERRIDE_CLASS,
  message: 'v_overrides',
};

/** Names, headlines, bios, labels: anything shown as prose. */
export const TEXT_CHARACTERS = /* @__PURE__ */ combine([
  WELL_FORMED,
  NO_CONTROLS,
  NO_OVERRIDES,
  {
    characters: SEPARATOR_CLASS,
    message: 'v_separators',
  },
]);

/** URLs: nothing invisible, nothing that reorders what is shown. */
export const URL_CHARACTERS = /* @__PURE__ */ combine([
  WELL_FORMED,
  {
    // Tab and line feed included: a URL holds neither.
    characters: '\\u0000-\\u001F\\u007F-\\u009F',
    message: 'v_controls',
  },
  {
    characters: BIDI_OVERRIDE_CLASS + BIDI_MARK_CLASS,
    message: 'v_direction_chars',
  },
  {
    characters: ZERO_WIDTH_CLASS,
    message: 'v_zero_width',
  },
]);

/** LinkedIn ids: what no text may hold. */
export const SLUG_CHARACTERS = /* @__PURE__ */ combine([WELL_FORMED, NO_CONTROLS, NO_OVERRIDES]);

/** LinkedIn ids: one script of the three that share look-alike letters. */
export const ONE_SCRIPT = /* @__PURE__ */ oneScript();

function oneScript() {
  const latin = '\\p{Script=Latin}';
  const cyrillic = '\\p{Script=Cyrillic}';
  const greek = '\\p{Script=Greek}';
  return {
    // Three alternatives, each one pass: without Cyrillic and Greek, without
    // Latin and Greek, or without Latin and Cyrillic.
    pattern: new RegExp(
      `^(?:[^${cyrillic}${greek}]*|[^${latin}${greek}]*|[^${latin}${cyrillic}]*)$`,
      'u',
    ),
    message: 'v_mixed_scripts' as MessageKey,
  } as const;
}

/**
 * Replaces whatever could lie or break a line with U+FFFD, for quoting input
 * back to the user in a message.
 */
export function defang(text: string): string {
  return text.replace(
    new RegExp(
      `[${UNSAFE_CLASS}${BIDI_MARK_CLASS}${SEPARATOR_CLASS}\\t\\n]|[\\uD800-\\uDFFF]`,
      'gu',
    ),
    '\uFFFD',
  );
}

/** The first `max` characters (code points, so no pair is cut in half). */
export function clip(text: string, max: number): string {
  const characters = Array.from(text);
  return characters.length <= max ? text : `${characters.slice(0, max).join('')}…`;
}
