/**
 * Names and handles that look the same but are not: "Tylеr Neely" with a
 * Cyrillic е, "Tyler\u200BNeely" with a zero-width space, `SpaceJam`, a
 * GitHub link to `spаcejam`. Before a draft is kept, the popup asks whether
 * it looks like someone already kept (or bundled) and says so, instead of
 * quietly making a second person who carries the page's email.
 *
 *   withoutInvisibles  what a stored name never holds: zero-width spaces,
 *                      word joiners, BOMs, soft hyphens, direction marks and
 *                      bidi controls; ZWJ/ZWNJ only where a script or an
 *                      emoji needs them (between two such characters)
 *   skeleton           for comparing only: invisibles out, NFKC, folded
 *                      (text/fold.ts: case, accents), Cyrillic and Greek
 *                      letters that look Latin mapped to it (after
 *                      https://unicode.org/reports/tr39/#Confusable_Detection,
 *                      the letters that matter for names), punctuation out
 *   lookAlike          the first kept person whose name or a handle has the
 *                      draft's skeleton
 */

import type { Profile } from '../people/schema';
import { BIDI_MARK_CLASS, BIDI_OVERRIDE_CLASS } from '../text/characters';
import { fold } from '../text/fold';

/** Invisible always: zero-width space, word joiner, BOM, soft hyphen, invisible operators, direction marks, bidi controls. */
const INVISIBLE = new RegExp(
  `[\\u00AD\\u180E\\u200B\\u2060-\\u2064\\uFEFF${BIDI_MARK_CLASS}${BIDI_OVERRIDE_CLASS}]`,
  'g',
);
const JOINERS = /[\u200C\u200D]/g;
/** Characters a joiner belongs between: emoji parts, and letters of scripts that join (not Latin, Cyrillic, Greek). */
const JOINS =
  /^(?:\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}]|\uFE0F|\u20E3|(?![\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}])[\p{L}\p{M}])$/u;

/** The character (a whole code point) just before or after `at`. */
function charBefore(text: string, at: number): string {
  const low = text.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff ? text.slice(at - 2, at) : text.slice(at - 1, at);
}
function charAfter(text: string, at: number): string {
  const high = text.charCodeAt(at);
  return high >= 0xd800 && high <= 0xdbff ? text.slice(at, at + 2) : text.slice(at, at + 1);
}

/** A name without the characters that make it look like another: what may be stored. */
export function withoutInvisibles(text: string): string {
  const visible = text.replace(INVISIBLE, '');
  return visible.replace(JOINERS, (mark, at: number) =>
    JOINS.test(charBefore(visible, at)) && JOINS.test(charAfter(visible, at + 1)) ? mark : '',
  );
}

/** Cyrillic and Greek letters (lower case, after folding) that read as Latin ones. */
const CONFUSABLE: Record<string, string> = {
  а: 'a',
  в: 'b',
  е: 'e',
  ё: 'e',
  з: '3',
  і: 'i',
  ї: 'i',
  ј: 'j',
  к: 'k',
  м: 'm',
  н: 'h',
  о: 'o',
  р: 'p',
  с: 'c',
  т: 't',
  у: 'y',
  х: 'x',
  ѕ: 's',
  ԁ: 'd',
  һ: 'h',
  ӏ: 'l',
  ԛ: 'q',
  ԝ: 'w',
  ɡ: 'g',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ω: 'w',
};
const CONFUSABLES = new RegExp(`[${Object.keys(CONFUSABLE).join('')}]`, 'gu');

/** What a name or handle looks like, for comparing only. */
export function skeleton(text: string): string {
  return fold(text.slice(0, 400).replace(INVISIBLE, '').replace(JOINERS, '').normalize('NFKC'))
    .replace(CONFUSABLES, (letter) => CONFUSABLE[letter] ?? letter)
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

export interface LookAlike {
  person: Profile;
  /** What looks the same: the name, or a GitHub/LinkedIn handle. */
  by: 'name' | 'github' | 'linkedin';
  /** The draft's handle that looks like theirs, when `by` is a site. */
  handle?: string;
}

/** GitHub logins and LinkedIn names a draft claims, including from links the identity rules refused (`github.com/spаcejam`). */
function handlesOf(draft: Profile): { site: 'github' | 'linkedin'; handle: string }[] {
  const handles: { site: 'github' | 'linkedin'; handle: string }[] = [
    ...draft.identities.github.map((handle) => ({ site: 'github' as const, handle })),
    ...draft.identities.linkedin.map((handle) => ({ site: 'linkedin' as const, handle })),
  ];
  for (const link of draft.contact.links ?? []) {
    try {
      const url = new URL(link.url);
      const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
      const host = url.hostname.replace(/^www\./, '');
      if (host === 'github.com' && parts.length === 1 && parts[0])
        handles.push({ site: 'github', handle: parts[0] });
      if (/(?:^|\.)linkedin\.com$/.test(host) && parts[0] === 'in' && parts[1])
        handles.push({ site: 'linkedin', handle: parts[1] });
    } catch {
      // Not a URL a person could mean: nothing to compare.
    }
  }
  return handles;
}

/** The first of `people` the draft looks like (the same person not meant), if any. */
export function lookAlike(draft: Profile, people: readonly Profile[]): LookAlike | undefined {
  const name = skeleton(draft.name);
  const handles = handlesOf(draft).map(({ site, handle }) => ({
    site,
    handle,
    key: skeleton(handle),
  }));
  for (const person of people) {
    if (name.length >= 3 && skeleton(person.name) === name) return { person, by: 'name' };
    for (const { site, handle, key } of handles) {
      if (key.length >= 2 && person.identities[site].some((theirs) => skeleton(theirs) === key))
        return { person, by: site, handle };
    }
  }
  return undefined;
}
