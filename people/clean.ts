/**
 * Outside text → values the schema accepts, or a reason it cannot be one.
 * Pages, LinkedIn's CSV and other people's résumés say things our schema
 * refuses (a 3,000-character "About", a `<p>` in a JSON-LD description, a
 * `javascript:` link, a bidi override in a name). Capturing a person should
 * keep what can be kept and say what was changed, so each cleaner returns the
 * value and, when it had to, a note: shortened, or dropped and why. The
 * schema (people/schema.ts) still has the last word on the result.
 */
import { t } from '../i18n/t';
import { defang, UNSAFE_CLASS } from '../text/characters';
import { fieldWords } from './field-words';
import { contactSchema, githubLogin, httpUrl, linkedinSlug } from './schema';

export interface Note {
  /** The field, as validate.ts names paths: `contact.links.2.url`. */
  field: string;
  action: 'shortened' | 'dropped' | 'filled';
  detail: string;
}

/** `Email: "not-an-email" is not an email`: the field as the form names it, then what happened. */
export function noteWords(note: Note): string {
  const path = note.field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
  return t('note_line', fieldWords(path), note.detail);
}

export interface Cleaned {
  value?: string;
  /** Why the value was changed or refused; absent when taken as it was. */
  note?: Omit<Note, 'field'>;
}

const UNSAFE = new RegExp(`[${UNSAFE_CLASS}\\u200B\\u2060\\uFEFF]`, 'g');
const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6});/gi, (entity, body: string) => {
    if (body[0] !== '#') return ENTITIES[body.toLowerCase()] ?? entity;
    const code =
      body[1] === 'x' || body[1] === 'X'
        ? Number.parseInt(body.slice(2), 16)
        : Number(body.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
  });
}

/**
 * Markup out, text kept: `<p>Builds <b>things</b></p>` → "Builds things".
 * Line-breaking tags become line breaks; in text that has markup, entities
 * are decoded and stripped again (so `&lt;script&gt;` cannot come back as
 * markup); a `<` that still starts something tag-like is dropped, since the
 * schema refuses it. Text without markup is left as it is.
 */
export function stripMarkup(text: string): string {
  // Entities belong to markup: plain text that says "&amp;" means it.
  if (!/<[A-Za-z/!?]/.test(text)) return text;
  let out = text;
  for (let round = 0; round < 3; round++) {
    const before = out;
    out = decodeEntities(
      out
        .replace(/<!--[\s\S]*?-->/g, '')
        .replace(/<(?:br\s*\/?|\/p|\/div|\/li|\/h[1-6])\s*>/gi, '\n')
        .replace(/<[/!?]?[A-Za-z][^<>]*>/g, ''),
    );
    if (out === before) break;
  }
  return out.replace(/<(?=[A-Za-z/!?])/g, '');
}

/**
 * Cut at a word boundary when one is near, and say so with an ellipsis.
 * Lengths are UTF-16 units, as zod counts them; a cut never splits an emoji's
 * surrogate pair.
 */
function shorten(text: string, max: number): string {
  const cut = text.slice(0, max - 1).replace(/[\uD800-\uDBFF]$/, '');
  const space = cut.lastIndexOf(' ');
  // A word boundary within the last 40 characters (or the second half of a short field).
  const atWord = space >= Math.max(max / 2, max - 40);
  return `${(atWord ? cut.slice(0, space) : cut).trimEnd()}…`;
}

function bounded(text: string, max: number): Cleaned {
  if (text === '') return {};
  const length = text.length;
  if (length <= max) return { value: text };
  return {
    value: shorten(text, max),
    note: { action: 'shortened', detail: t('note_shortened', length, max) },
  };
}

/** One line of text: markup and unsafe characters out, white space collapsed, at most `max`. */
export function cleanLine(raw: string | undefined, max: number): Cleaned {
  if (raw === undefined) return {};
  return bounded(stripMarkup(raw).replace(UNSAFE, '').replace(/\s+/g, ' ').trim(), max);
}

/** Text that may keep its paragraphs (a bio): at most one blank line in a row. */
export function cleanBlock(raw: string | undefined, max: number): Cleaned {
  if (raw === undefined) return {};
  const text = stripMarkup(raw.replace(/\r\n?/g, '\n'))
    .replace(UNSAFE, '')
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return bounded(text, max);
}

const dropped = (detail: string): Cleaned => ({ note: { action: 'dropped', detail } });
/** Outside text quoted back in a note: short, and unable to reorder itself. */
const quote = (text: string) => `"${defang(text.slice(0, 80))}"`;

/** An http(s) URL by the schema's own rule; anything else is dropped with the reason. */
export function cleanUrl(raw: string | undefined): Cleaned {
  const text = raw?.trim();
  if (!text) return {};
  const result = httpUrl().safeParse(text);
  return result.success ? { value: result.data } : dropped(t('note_not_url', quote(text)));
}

/** An address, with any `mailto:` and `?subject=…` taken off. */
export function cleanEmail(raw: string | undefined): Cleaned {
  const text = raw
    ?.trim()
    .replace(/^mailto:/i, '')
    .replace(/\?.*$/, '')
    .trim();
  if (!text) return {};
  const result = contactSchema().shape.email.safeParse(text);
  return result.success && result.data
    ? { value: result.data }
    : dropped(t('note_not_email', quote(text)));
}

/** A GitHub login or LinkedIn slug/member id the schema accepts. */
export function cleanHandle(site: 'github' | 'linkedin', raw: string): Cleaned {
  const result = (site === 'github' ? githubLogin : linkedinSlug)().safeParse(raw.trim());
  return result.success
    ? { value: result.data }
    : dropped(
        t(site === 'github' ? 'note_not_github_login' : 'note_not_linkedin_name', quote(raw)),
      );
}
