/**
 * A quick "yes" for a profile the schema (./schema.ts) accepts, written out
 * by hand: the same checks on the same values, with the schema's own
 * patterns and limits, but none of zod's machinery. zod (jitless, as
 * extension pages forbid `new Function`) took ~21 µs a profile, ~2.1 s of an
 * export of 100,000 people (issue 28); this takes a small part of that.
 *
 * A yes also means the schema's output is the value itself, key for key in
 * the same order (keys in another order are left to the schema, which
 * reorders them), so an import takes a profile it says yes to as parsed.
 *
 * It only ever says "surely valid" (true) or "ask the schema" (false): every
 * value it is not sure of — a string with spaces to trim, a default to fill
 * in, an object that is not plain, a key it does not know, any check that
 * fails — gets false, and the caller asks zod, which gives the verdict and
 * its words. So a profile the schema refuses is refused as before, with the
 * same message; tests/unit/quick-check.test.ts holds "true ⇒ the schema
 * accepts" over generated profiles, good and damaged.
 */

import { GITHUB_LOGIN, GITHUB_REPO } from '../identity/rules.ts';
import { SLUG_CHARACTERS, TEXT_CHARACTERS, URL_CHARACTERS } from '../text/characters.ts';
import { NO_MARKUP } from '../text/markup.ts';
import { LIMITS } from './limits';
import {
  DAY,
  EMAIL,
  HTTP_URL_SHAPE,
  isDay,
  isHttpUrl,
  PROFILE_ID,
  SINGLE_LINE,
  SLUG_NOT_URL,
  TAG,
  URL_SAFE,
} from './schema';

type Fields = Record<string, unknown>;

/** A plain object (what IndexedDB and JSON give back), else "not sure". */
const plain = (value: unknown): value is Fields => {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
};

/** An object's keys in the schema's order, each to its place. */
type Keys = ReadonlyMap<string, number>;
const keys = (...names: string[]): Keys => new Map(names.map((name, at) => [name, at]));

/**
 * Every key one the schema knows (zod's strict objects refuse any other),
 * in the schema's order: zod's output lists them so, and a yes means the
 * output is the value as it is (an import keeps it as parsed).
 */
function onlyKeys(value: Fields, known: Keys): boolean {
  let last = -1;
  for (const key in value) {
    const at = known.get(key);
    if (at === undefined || at < last) return false;
    last = at;
  }
  return true;
}

/** A list of at most `max` entries, each passing `each`. */
function listOf(value: unknown, max: number, each: (entry: unknown) => boolean): boolean {
  if (!Array.isArray(value) || value.length > max) return false;
  for (let at = 0; at < value.length; at++) if (!each(value[at])) return false;
  return true;
}

/** `text(max)`: trimmed already (else not sure), not empty, the text rules, no markup. */
function text(value: unknown, max: number, multiline = false): boolean {
  return (
    typeof value === 'string' &&
    value.length >= 1 &&
    value.length <= max &&
    value.trim() === value &&
    TEXT_CHARACTERS.pattern.test(value) &&
    NO_MARKUP.test(value) &&
    (multiline || SINGLE_LINE.test(value))
  );
}

/**
 * An http(s) URL whose host is plain: ASCII letters, digits and hyphens in
 * dot-separated labels, the last starting with a letter (so not an IPv4
 * address, which can fail to parse: `999.1.1.1`), no `xn--` label (whose
 * punycode can fail), no user and no port. The URL parser takes such a
 * host as it is, and the rest after it (path, query, fragment, already
 * free of spaces, controls and quotes by the checks before) it never
 * refuses: `isHttpUrl` holds, without making a URL object — that was
 * ~0.4 s of an export of 100,000 in Chromium (bench/trace-store.ts).
 */
const PLAIN_HOST =
  /^[Hh][Tt][Tt][Pp][Ss]?:\/\/(?:[A-Za-z0-9-]+\.)*[A-Za-z][A-Za-z0-9-]*\.?(?:[/?#]|$)/;
const PUNYCODE = /(?:\/\/|\.)xn--/i;

/** `httpUrl`. */
function url(value: unknown): boolean {
  return (
    typeof value === 'string' &&
    value.length <= LIMITS.url &&
    value.trim() === value &&
    URL_CHARACTERS.pattern.test(value) &&
    URL_SAFE.test(value) &&
    HTTP_URL_SHAPE.test(value) &&
    ((PLAIN_HOST.test(value) && !PUNYCODE.test(value)) || isHttpUrl(value))
  );
}

const githubLogin = (value: unknown) =>
  typeof value === 'string' && value.length <= 39 && GITHUB_LOGIN.test(value);

/**
 * The schema's `min(3)` counts characters, not UTF-16 units (`😀a` is 3
 * units, 2 characters): from 6 units there are surely 3 characters.
 */
const linkedinSlug = (value: unknown) =>
  typeof value === 'string' &&
  (value.length >= 6 || [...value].length >= 3) &&
  value.length <= LIMITS.slug &&
  SLUG_NOT_URL.test(value) &&
  SLUG_CHARACTERS.pattern.test(value);

const PROJECT = keys('name', 'description', 'url', 'repo');
function project(value: unknown): boolean {
  return (
    plain(value) &&
    onlyKeys(value, PROJECT) &&
    text(value.name, LIMITS.projectName) &&
    (value.description === undefined || text(value.description, LIMITS.projectDescription)) &&
    (value.url === undefined || url(value.url)) &&
    (value.repo === undefined ||
      (typeof value.repo === 'string' && value.repo.length <= 140 && GITHUB_REPO.test(value.repo)))
  );
}

const LINK = keys('label', 'url');
const link = (value: unknown) =>
  plain(value) && onlyKeys(value, LINK) && text(value.label, LIMITS.linkLabel) && url(value.url);

const CONTACT = keys('email', 'website', 'links');
function contact(value: unknown): boolean {
  return (
    plain(value) &&
    onlyKeys(value, CONTACT) &&
    (value.email === undefined ||
      (typeof value.email === 'string' &&
        value.email.length <= LIMITS.email &&
        EMAIL.test(value.email))) &&
    (value.website === undefined || url(value.website)) &&
    (value.links === undefined || listOf(value.links, LIMITS.links, link))
  );
}

const IDENTITIES = keys('github', 'linkedin');
const identities = (value: unknown) =>
  plain(value) &&
  onlyKeys(value, IDENTITIES) &&
  listOf(value.github, LIMITS.identities, githubLogin) &&
  listOf(value.linkedin, LIMITS.identities, linkedinSlug);

const tag = (value: unknown) =>
  typeof value === 'string' && value.length <= LIMITS.tag && TAG.test(value);

const MINE = keys('note', 'tags', 'contacted');
const mine = (value: unknown) =>
  plain(value) &&
  onlyKeys(value, MINE) &&
  (value.note === undefined || text(value.note, LIMITS.note, true)) &&
  (value.tags === undefined || listOf(value.tags, LIMITS.tags, tag)) &&
  (value.contacted === undefined ||
    (typeof value.contacted === 'string' &&
      value.contacted.length <= 10 &&
      DAY.test(value.contacted) &&
      isDay(value.contacted)));

const PROFILE = keys(
  '$schema',
  'id',
  'name',
  'headline',
  'bio',
  'highlights',
  'projects',
  'contact',
  'identities',
  'location',
  'mine',
);

/**
 * True only if `profileSchema` surely accepts `value` as it is (no default
 * to fill in, nothing to trim); false means "ask the schema".
 */
export function surelyValidProfile(value: unknown): boolean {
  if (!plain(value) || !onlyKeys(value, PROFILE)) return false;
  const highlight = (entry: unknown) => text(entry, LIMITS.highlight);
  return (
    (value.$schema === undefined || typeof value.$schema === 'string') &&
    typeof value.id === 'string' &&
    value.id.length <= LIMITS.id &&
    PROFILE_ID.test(value.id) &&
    text(value.name, LIMITS.name) &&
    (value.headline === undefined || text(value.headline, LIMITS.headline)) &&
    (value.bio === undefined || text(value.bio, LIMITS.bio, true)) &&
    (value.highlights === undefined || listOf(value.highlights, LIMITS.highlights, highlight)) &&
    listOf(value.projects, LIMITS.projects, project) &&
    contact(value.contact) &&
    identities(value.identities) &&
    (value.location === undefined || text(value.location, LIMITS.location)) &&
    (value.mine === undefined || mine(value.mine))
  );
}
