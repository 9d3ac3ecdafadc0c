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
 */
import { z } from 'zod';
import { GITHUB_LOGIN, GITHUB_REPO } from '../identity/rules.ts';
import { UNSAFE_CLASS } from '../text/characters.ts';

// zod 4 can compile validators with `new Function`; extension pages forbid
// eval (and web-ext lint flags it), so never try: https://zod.dev/packages/core#jitless
z.config({ jitless: true });

/** Text bounds keep a card compact; they are limits, not targets. */
export const LIMITS = {
  id: 64,
  name: 80,
  headline: 160,
  bio: 1200,
  highlight: 240,
  highlights: 8,
  projectName: 80,
  projectDescription: 240,
  projects: 40,
  url: 2048,
  linkLabel: 40,
  links: 12,
  identities: 16,
  location: 80,
} as const;

// Characters that let text lie about itself (text/characters.ts).
const UNSAFE_CHARACTERS = new RegExp(`^[^${UNSAFE_CLASS}]*$`);
// Anything that reads as the start of an HTML tag, comment or doctype. The card
// renders text as text anyway; this keeps markup out of the data entirely so an
// exported file never carries it to a less careful tool.
const NO_MARKUP = /^(?![\s\S]*<[A-Za-z/!?])[\s\S]*$/;

const text = (max: number, { multiline = false } = {}) => {
  let schema = z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .regex(UNSAFE_CHARACTERS, 'must not contain control or text-direction override characters')
    .regex(NO_MARKUP, 'must not contain HTML markup');
  if (!multiline) schema = schema.regex(/^[^\n\r\t]*$/, 'must be a single line');
  return schema;
};

/** http(s) only: `javascript:`, `data:`, `file:` and friends are rejected. */
export const httpUrl = z
  .string()
  .trim()
  .max(LIMITS.url, `must be at most ${LIMITS.url} characters`)
  // Raw quotes, angle brackets and backticks never appear in a serialised URL
  // (https://url.spec.whatwg.org/#url-code-points); refusing them keeps an
  // exported file safe even for tools that paste URLs into HTML.
  .regex(/^[Hh][Tt][Tt][Pp][Ss]?:\/\/[^\s/?#"<>`]+[^\s"<>`]*$/, 'must be an http(s) URL')
  .refine(isHttpUrl, 'must be an http(s) URL');

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** GitHub logins: see identity/rules.ts (old accounts break signup rules). */
export const githubLogin = z
  .string()
  .regex(GITHUB_LOGIN, 'must be a GitHub login (letters, digits, - or _; at most 39)');

/**
 * A LinkedIn vanity slug as it reads decoded (`michael-rüffer-61125324`), or
 * a member id (`ACoAA…`). No slashes, spaces, `%`, `?` or `#`.
 */
export const linkedinSlug = z
  .string()
  .min(3, 'must be a LinkedIn profile slug (3 to 100 characters)')
  .max(100, 'must be a LinkedIn profile slug (3 to 100 characters)')
  .regex(/^[^\s/?#%<>"\\]+$/u, 'must be a LinkedIn profile slug, not a URL')
  .regex(UNSAFE_CHARACTERS, 'must not contain control or text-direction override characters');

export const profileId = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{0,63}$/,
    'must be lowercase letters, digits and hyphens (at most 64), starting with a letter or digit',
  );

export const projectSchema = z.strictObject({
  name: text(LIMITS.projectName),
  description: text(LIMITS.projectDescription),
  url: httpUrl.optional(),
  repo: z.string().regex(GITHUB_REPO, 'must be a GitHub repository as "owner/name"').optional(),
});

export const linkSchema = z.strictObject({
  label: text(LIMITS.linkLabel),
  url: httpUrl,
});

export const contactSchema = z.strictObject({
  email: z.email('is not an email').max(254, 'is not an email').optional(),
  website: httpUrl.optional(),
  links: z.array(linkSchema).max(LIMITS.links).optional(),
});

export const identitiesSchema = z.strictObject({
  github: z.array(githubLogin).max(LIMITS.identities).default([]),
  linkedin: z.array(linkedinSlug).max(LIMITS.identities).default([]),
});

export const profileSchema = z.strictObject({
  /** Lets a profile file point editors at profile.schema.json. */
  $schema: z.string().optional(),
  id: profileId,
  name: text(LIMITS.name),
  headline: text(LIMITS.headline),
  bio: text(LIMITS.bio, { multiline: true }),
  highlights: z.array(text(LIMITS.highlight)).max(LIMITS.highlights).optional(),
  projects: z.array(projectSchema).max(LIMITS.projects).default([]),
  contact: contactSchema.default({}),
  identities: identitiesSchema,
  location: text(LIMITS.location).optional(),
});

/** A validated profile, the only shape the rest of the extension sees. */
export type Profile = z.output<typeof profileSchema>;
export type Project = Profile['projects'][number];
