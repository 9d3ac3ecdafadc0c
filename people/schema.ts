/**
 * The profile schema: the one definition of what a profile is.
 *
 * zod is used at the edges only (build-time data, imports, storage reads,
 * messages); everything inside the extension works with the plain inferred
 * `Profile` type. `profile.schema.json` beside this file is generated from
 * this schema (`npm run schema`) so editors can validate profile files; a
 * unit test fails when the two drift.
 *
 * Strict objects everywhere: an unknown key is an error, so a typo such as
 * `"emial"` surfaces instead of silently vanishing.
 *
 * Each schema is a getter (`profileSchema()`, ./lazy-schema.ts): it is built
 * when something first validates with it, not when this module loads, so
 * a page or the service worker that only reads the patterns below or the
 * `Profile` type pays nothing for it.
 */
import { z } from 'zod';
import { type MessageKey, t } from '../i18n/t.ts';
import { GITHUB_LOGIN, GITHUB_REPO } from '../identity/rules.ts';
import {
  type CharacterRules,
  defang,
  SLUG_CHARACTERS,
  TEXT_CHARACTERS,
  URL_CHARACTERS,
} from '../text/characters.ts';
import { findMarkup, NO_MARKUP } from '../text/markup.ts';
import { lazy } from './lazy-schema';
import { LIMITS, NO_DESCRIPTION } from './limits';
import { PROFILE_ID, profileId } from './profile-id';

export { LIMITS, NO_DESCRIPTION };

/*
 * Every string check below is one linear pass, and the length check comes
 * first with `abort`, so nothing else runs on an over-long value: a 1 MB
 * URL costs one comparison, not a regex (https://zod.dev/api#abort).
 */
const tooLong = (max: number, message = () => t('v_too_long', max)) =>
  ({ error: message, abort: true }) as const;
/** Messages are read when a check fails, in the language of that moment (i18n/t.ts). */
const says = (key: MessageKey) => ({ error: () => t(key) });

/** The character rules as one regex check (the JSON Schema carries it too), named when broken. */
function withRules(schema: z.ZodString, rules: CharacterRules): z.ZodString {
  return schema.regex(rules.pattern, { error: (issue) => rules.explain(String(issue.input)) });
}

/*
 * The patterns below are named so that ./quick-check.ts, the fast "yes" for
 * a stored record, tests exactly the same ones.
 */
/** One line of text. */
export const SINGLE_LINE = /^[^\n\r\t]*$/;
/** What a serialised URL never holds (see `httpUrl`). */
export const URL_SAFE = /^[^\s"<>`\\]*$/;
/** http(s)://, an authority, then anything: one pass, no backtracking. */
export const HTTP_URL_SHAPE = /^[Hh][Tt][Tt][Pp][Ss]?:\/\/[^/?#]+(?:[/?#][\s\S]*)?$/;
/** A LinkedIn slug holds no URL syntax. */
export const SLUG_NOT_URL = /^[^\s/?#%<>"\\]+$/u;
/** A stored tag (people/notes.ts `normaliseTag`). */
export const TAG = /^[\p{Ll}\p{Lo}\p{Lm}\p{N}_][\p{Ll}\p{Lo}\p{Lm}\p{M}\p{N}_-]*$/u;
export const DAY = /^\d{4}-\d{2}-\d{2}$/;

const text = (max: number, { multiline = false } = {}) => {
  let schema = withRules(
    z.string().trim().min(1, says('v_empty')).max(max, tooLong(max)),
    TEXT_CHARACTERS,
  ).regex(NO_MARKUP, {
    // Quote the tag, so `Vec<Option>` says why (`<option>` is an element).
    error: (issue) => t('v_markup', JSON.stringify(defang(findMarkup(String(issue.input)) ?? '<'))),
  });
  if (!multiline) schema = schema.regex(SINGLE_LINE, says('v_single_line'));
  return schema;
};

/**
 * http(s) only: `javascript:`, `data:`, `file:` and friends are rejected.
 * The shape is checked without backtracking: the authority runs up to the
 * first `/`, `?` or `#`, and the rest is one character class.
 */
export const httpUrl = lazy(() =>
  withRules(z.string().trim().max(LIMITS.url, tooLong(LIMITS.url)), URL_CHARACTERS)
    // Raw quotes, angle brackets, backticks and spaces never appear in a
    // serialised URL (https://url.spec.whatwg.org/#url-code-points); browsers
    // read a backslash as "/" (`https://evil.example\@good.example` goes to
    // evil.example). Refusing them keeps an exported file safe even for tools
    // that paste URLs into HTML.
    .regex(URL_SAFE, says('v_url_chars'))
    .regex(HTTP_URL_SHAPE, says('v_http_url'))
    .refine(isHttpUrl, says('v_http_url')),
);

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** GitHub logins: see identity/rules.ts (old accounts break signup rules). */
const LOGIN_MESSAGE = () => t('v_github_login');
export const githubLogin = lazy(() =>
  z.string().max(39, tooLong(39, LOGIN_MESSAGE)).regex(GITHUB_LOGIN, { error: LOGIN_MESSAGE }),
);

/**
 * A LinkedIn vanity slug as it reads decoded (`michael-rüffer-61125324`), or
 * a member id (`ACoAA…`). No slashes, spaces, `%`, `?` or `#`.
 */
export const linkedinSlug = lazy(() =>
  withRules(
    z
      .string()
      .min(3, says('v_linkedin_slug'))
      .max(
        LIMITS.slug,
        tooLong(LIMITS.slug, () => t('v_linkedin_slug')),
      )
      .regex(SLUG_NOT_URL, says('v_linkedin_not_url')),
    SLUG_CHARACTERS,
  ),
);
/*
 * Scripts are not checked here: LinkedIn itself makes slugs that mix them (a
 * Cyrillic first name with a Latin surname), and what LinkedIn wrote — in an
 * export, a URL, a stored person — is taken as it is. The look-alike warning
 * belongs where a person types an id (components/parts/profile-draft.ts).
 */

export { PROFILE_ID, profileId };

const REPO_MESSAGE = () => t('v_repo');

export const projectSchema = lazy(() =>
  z.strictObject({
    name: text(LIMITS.projectName),
    // Optional (issue 24): a pinned repository often has none, and none is made up.
    description: text(LIMITS.projectDescription).optional(),
    url: httpUrl().optional(),
    repo: z
      .string()
      .max(140, tooLong(140, REPO_MESSAGE))
      .regex(GITHUB_REPO, { error: REPO_MESSAGE })
      .optional(),
  }),
);

export const linkSchema = lazy(() =>
  z.strictObject({
    label: text(LIMITS.linkLabel),
    url: httpUrl(),
  }),
);

/**
 * Letters of every script, for RFC 6531 addresses: everything outside ASCII
 * except what is invisible, a space, or reorders text (C1 controls, NBSP,
 * U+061C, zero-width and direction marks U+200B–U+200F, line and paragraph
 * separators, U+202A–U+202F, U+205F–U+206F, U+3000, U+FEFF), and outside
 * the surrogate range, so a lone half never passes. A plain class, not
 * `\p{L}`: a `u`-flag property class made validating 10,000 people on the
 * options page's first open 7 s slower in Chromium.
 */
const INTERNATIONAL =
  '\\u00A1-\\u061B\\u061D-\\u200A\\u2010-\\u2027\\u2030-\\u205E\\u2070-\\u2FFF\\u3001-\\uD7FF\\uE000-\\uFEFE\\uFF00-\\uFFFD';
const ATOM = `[A-Za-z0-9_'+\\-${INTERNATIONAL}]+`;
const LABEL = `[A-Za-z0-9${INTERNATIONAL}][A-Za-z0-9\\-${INTERNATIONAL}]*`;

/**
 * An address as RFC 6531 allows it: the local part a dot-atom whose atoms may
 * hold letters of any script (`søren.4`, `zoë`, `李`) besides ASCII's
 * `A-Z a-z 0-9 _ ' + -`; the domain dot-separated labels of letters, digits
 * and hyphens (an IDN such as `bücher.example`, or its `xn--` form), ending
 * in a top-level label of at least two letters. No quoted local parts, no IP
 * literals: no address book writes them, and they would need escaping in a
 * mailto: link. Each part is atoms separated by single dots, so the match is
 * one pass.
 */
export const EMAIL = new RegExp(
  `^(?:${ATOM}\\.)*${ATOM}@(?:${LABEL}\\.)+(?:[A-Za-z${INTERNATIONAL}]{2,}|xn--[A-Za-z0-9-]+)$`,
);

export const contactSchema = lazy(() =>
  z.strictObject({
    // Length first: no pattern is meant for megabytes.
    email: z
      .string()
      .max(
        LIMITS.email,
        tooLong(LIMITS.email, () => t('v_email')),
      )
      .regex(EMAIL, says('v_email'))
      .optional(),
    website: httpUrl().optional(),
    links: z.array(linkSchema()).max(LIMITS.links).optional(),
  }),
);

export const identitiesSchema = lazy(() =>
  z.strictObject({
    github: z.array(githubLogin()).max(LIMITS.identities).default([]),
    linkedin: z.array(linkedinSlug()).max(LIMITS.identities).default([]),
  }),
);

/**
 * What the user remembers about a person (issue 26): theirs alone, kept with
 * the person in the store; never in bundled data or a directory's (both
 * refuse or drop it: people/notes.ts). Tags are stored normalised
 * (`#Team Storage` → `team-storage`, people/notes.ts `normaliseTag`).
 */
export const mineSchema = lazy(() =>
  z.strictObject({
    note: text(LIMITS.note, { multiline: true }).optional(),
    tags: z
      .array(z.string().max(LIMITS.tag, tooLong(LIMITS.tag)).regex(TAG, says('v_tag')))
      .max(LIMITS.tags)
      .optional(),
    /** The day the user last spoke with them: `YYYY-MM-DD`. */
    contacted: z
      .string()
      .max(10, says('v_date'))
      .regex(DAY, says('v_date'))
      .refine((value) => isDay(value), says('v_date'))
      .optional(),
  }),
);

/** A real calendar day (`2026-02-30` is not). */
export function isDay(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const profileSchema = lazy(() =>
  z.strictObject({
    /** Lets a profile file point editors at profile.schema.json. */
    $schema: z.string().optional(),
    id: profileId(),
    name: text(LIMITS.name),
    // Optional: most people in a real address book have no title or note.
    headline: text(LIMITS.headline).optional(),
    bio: text(LIMITS.bio, { multiline: true }).optional(),
    highlights: z.array(text(LIMITS.highlight)).max(LIMITS.highlights).optional(),
    projects: z.array(projectSchema()).max(LIMITS.projects).default([]),
    contact: contactSchema().default({}),
    identities: identitiesSchema(),
    location: text(LIMITS.location).optional(),
    /** The user's own note, tags and last-contacted day: see `mineSchema`. */
    mine: mineSchema().optional(),
  }),
);

/** A validated profile, the only shape the rest of the extension sees. */
export type Profile = z.output<ReturnType<typeof profileSchema>>;
export type Project = Profile['projects'][number];
export type Mine = z.output<ReturnType<typeof mineSchema>>;
