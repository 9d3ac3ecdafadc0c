/**
 * JSON Resume (https://jsonresume.org/schema) in and out. A person's own
 * `resume.json` becomes their card; a card becomes a résumé that validates
 * against the published schema (npm `resume-schema`, checked in a test) and
 * imports back unchanged. Facts in docs/pages.md.
 *
 *   basics.name → name · basics.label → headline · basics.summary → bio
 *   basics.email, basics.url → contact · basics.location → "city, region, CC"
 *   basics.profiles[]: a GitHub or LinkedIn profile URL → identity (the URL is
 *     trusted over the free-text `network`; `username` only when there is no
 *     URL), any other → a link labelled by its network
 *   projects[] → projects (name, description, url; our `repository`, a
 *     GitHub URL, → repo: the schema allows extra fields on a project)
 *   meta["x-profile-card"] { id, highlights }: what only a card has, so an
 *     export comes back as the same person
 *
 * Values already valid are kept exactly; others are cleaned (people/clean.ts).
 */

import { githubProfileUrl, linkedinProfileUrl } from '../contact/links';
import { t } from '../i18n/t';
import { formatHandles } from '../identity/handles';
import { githubKey, linkedinKey } from '../identity/keys';
import { parseIdentityUrl } from '../identity/parse';
import { GITHUB_REPO } from '../identity/rules';
import {
  type Cleaned,
  cleanBlock,
  cleanEmail,
  cleanHandle,
  cleanLine,
  cleanUrl,
  type Note,
} from '../people/clean';
import { uniqueId } from '../people/ids';
import {
  contactSchema,
  httpUrl,
  LIMITS,
  linkSchema,
  type Profile,
  profileId,
  profileSchema,
  projectSchema,
} from '../people/schema';

/** The schema our export names in `$schema` (resume-schema 1.0.x). */
export const RESUME_SCHEMA_URL =
  'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json';
/** Where a card keeps what a résumé has no field for. */
export const META_KEY = 'x-profile-card';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);
const str = (value: unknown) => (typeof value === 'string' ? value : undefined);
const list = (value: unknown) => (Array.isArray(value) ? value : []);

/** A résumé: an object with `basics`, and not one of our own export shapes. */
export function isJsonResume(document: unknown): boolean {
  return (
    isObject(document) &&
    isObject(document.basics) &&
    !('profiles' in document) &&
    !('id' in document)
  );
}

export type ResumeRead =
  | {
      ok: true;
      /** Profile-shaped, for the importer to validate like any other entry. */
      profile: Json;
      /** The id came from our own export's `meta`, not made from the name. */
      ownId: boolean;
      notes: Note[];
      /** What the résumé holds that a card has no place for, with how many of each. */
      unplaced: Unplaced[];
    }
  | { ok: false; error: string };

/** A section or field of the résumé a card has no place for, and how many entries it had. */
export interface Unplaced {
  /** The résumé's own name for it: `work`, `skills`, `basics.phone`. */
  section: string;
  count: number;
}

/**
 * Sections a card has no place for, in the schema's order. `work` is counted
 * whole: its first job may only have made the headline.
 */
const SECTIONS = [
  'work',
  'volunteer',
  'education',
  'awards',
  'certificates',
  'publications',
  'skills',
  'languages',
  'interests',
  'references',
] as const;
const BASICS = ['phone', 'image'] as const;

function unplacedOf(document: Json, basics: Json): Unplaced[] {
  const found: Unplaced[] = [];
  for (const field of BASICS)
    if (str(basics[field])?.trim()) found.push({ section: `basics.${field}`, count: 1 });
  for (const section of SECTIONS) {
    const count = list(document[section]).length;
    if (count > 0) found.push({ section, count });
  }
  return found;
}

/**
 * `missdirection.example.com` → `https://missdirection.example.com`: a résumé
 * often leaves out the scheme, and a bare host can only mean the web.
 */
function withScheme(raw: unknown): unknown {
  const text = str(raw)?.trim();
  if (!text || /^[A-Za-z][A-Za-z0-9+.-]*:/.test(text)) return raw;
  return /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(?:[/?#:]|$)/u.test(text) ? `https://${text}` : raw;
}

export interface ResumeOptions {
  /** Ids in use, so a résumé without our id gets an unused one. */
  takenIds?: ReadonlySet<string>;
}

/** The profile's fields as the schema checks them (built on first use: ./people/lazy-schema.ts). */
const field = () => profileSchema().shape;
/** One highlight, as the schema checks it. */
const highlightSchema = {
  safeParse: (value: unknown) => field().highlights.safeParse([value]),
};

export function readJsonResume(document: unknown, { takenIds }: ResumeOptions = {}): ResumeRead {
  if (!isObject(document) || !isObject(document.basics))
    return { ok: false, error: t('resume_no_basics') };
  const basics = document.basics;
  const notes: Note[] = [];
  /** A value valid as it is stays exactly so; anything else is cleaned, with a note. */
  const take = (
    at: string,
    raw: unknown,
    valid: { safeParse(v: unknown): { success: boolean } },
    clean: (v: string) => Cleaned,
  ) => {
    const text = str(raw);
    if (text === undefined || text.trim() === '') return undefined;
    if (valid.safeParse(text).success) return text;
    const cleaned = clean(text);
    if (cleaned.note) notes.push({ field: at, ...cleaned.note });
    return cleaned.value;
  };

  /** A URL, read as https when it is a bare host (`example.com/x`), and said so. */
  const takeUrl = (at: string, raw: unknown) => {
    const fixed = withScheme(raw);
    if (fixed !== raw)
      notes.push({
        field: at,
        action: 'filled',
        detail: t('note_https', JSON.stringify(String(raw).trim().slice(0, 80)), String(fixed)),
      });
    return take(at, fixed, httpUrl(), cleanUrl);
  };

  const name = take('name', basics.name, field().name, (v) => cleanLine(v, LIMITS.name));
  if (!name) return { ok: false, error: t('resume_no_name') };

  const identities = { github: [] as string[], linkedin: [] as string[] };
  const keys = new Set<string>();
  const addIdentity = (site: 'github' | 'linkedin', handle: string, at: string) => {
    const cleaned = cleanHandle(site, handle);
    if (cleaned.note) notes.push({ field: at, ...cleaned.note });
    if (!cleaned.value) return;
    const key = site === 'github' ? githubKey(cleaned.value) : linkedinKey(cleaned.value);
    if (keys.has(key) || identities[site].length >= LIMITS.identities) return;
    keys.add(key);
    identities[site].push(cleaned.value);
  };
  const links: { label: string; url: string }[] = [];
  for (const [index, entry] of list(basics.profiles).entries()) {
    if (!isObject(entry)) continue;
    const at = `basics.profiles.${index}`;
    const network = str(entry.network)?.trim() ?? '';
    const username = str(entry.username)?.trim() ?? '';
    const url = takeUrl(`${at}.url`, entry.url);
    const identity = url ? parseIdentityUrl(url) : undefined;
    const site = /^github$/i.test(network)
      ? 'github'
      : /^linkedin$/i.test(network)
        ? 'linkedin'
        : undefined;
    if (identity?.kind === 'profile') addIdentity(identity.site, identity.handle, at);
    // A login GitHub reserves for a feature (`/c`, `/settings`) is no profile URL, but our
    // own export may write one the schema allows: take it when the URL is exactly its profile URL.
    else if (url && site && username && url === profileUrl(site, username))
      addIdentity(site, username, at);
    else if (!url && /^github$/i.test(network) && username) addIdentity('github', username, at);
    else if (!url && /^linkedin$/i.test(network) && username) addIdentity('linkedin', username, at);
    else if (url && links.length < LIMITS.links) {
      const label =
        take(`${at}.network`, network, linkSchema().shape.label, (v) =>
          cleanLine(v, LIMITS.linkLabel),
        ) ??
        cleanLine(new URL(url).hostname.replace(/^www\./, ''), LIMITS.linkLabel).value ??
        'Link';
      links.push({ label, url });
    }
  }

  let website = takeUrl('contact.website', basics.url);
  const websiteIdentity = website ? parseIdentityUrl(website) : undefined;
  if (websiteIdentity?.kind === 'profile') {
    addIdentity(websiteIdentity.site, websiteIdentity.handle, 'contact.website');
    website = undefined;
  }
  const email = take('contact.email', basics.email, contactSchema().shape.email, cleanEmail);

  const work = list(document.work).find(isObject);
  const position = str(work?.position)?.trim();
  const employer = str(work?.name)?.trim();
  const summary = take('bio', basics.summary, field().bio, (v) => cleanBlock(v, LIMITS.bio));
  let headline = take('headline', basics.label, field().headline, (v) =>
    cleanLine(v, LIMITS.headline),
  );
  if (!headline) {
    const fromWork =
      position && employer ? t('resume_position_at', position, employer) : (position ?? employer);
    headline =
      cleanLine(fromWork, LIMITS.headline).value ??
      cleanLine(summary?.split('\n')[0], LIMITS.headline).value ??
      formatHandles(identities)[0] ??
      t('resume_no_headline');
    notes.push({ field: 'headline', action: 'filled', detail: t('note_resume_no_label') });
  }

  const location = locationText(basics.location);
  const meta =
    isObject(document.meta) && isObject(document.meta[META_KEY]) ? document.meta[META_KEY] : {};
  const ownId = str(meta.id);
  const highlights = list(meta.highlights)
    .map((item, index) =>
      take(`highlights.${index}`, item, highlightSchema, (v) => cleanLine(v, LIMITS.highlight)),
    )
    .filter((item): item is string => item !== undefined)
    .slice(0, LIMITS.highlights);

  const projects = list(document.projects)
    .filter(isObject)
    .slice(0, LIMITS.projects)
    .flatMap((project, index) => {
      const at = `projects.${index}`;
      const projectName = take(`${at}.name`, project.name, projectSchema().shape.name, (v) =>
        cleanLine(v, LIMITS.projectName),
      );
      if (!projectName) return [];
      const url = takeUrl(`${at}.url`, project.url);
      const repository = str(project.repository)
        ? parseIdentityUrl(str(project.repository) as string)
        : undefined;
      const path =
        repository?.kind === 'owned'
          ? new URL(str(project.repository) as string).pathname.split('/').filter(Boolean)
          : [];
      const repo =
        path.length === 2 && GITHUB_REPO.test(path.join('/')) ? path.join('/') : undefined;
      let description = take(
        `${at}.description`,
        project.description,
        projectSchema().shape.description,
        (v) => cleanLine(v, LIMITS.projectDescription),
      );
      // No description: the résumé's own words about the project stand in
      // (its first highlight, else its keywords), and it says so; without
      // those, none (issue 24), never its name again.
      const words =
        description ??
        cleanLine(str(list(project.highlights)[0]), LIMITS.projectDescription).value ??
        cleanLine(
          list(project.keywords)
            .filter((k) => typeof k === 'string')
            .join(', '),
          LIMITS.projectDescription,
        ).value;
      if (!description && words) {
        description = words;
        notes.push({
          field: `${at}.description`,
          action: 'filled',
          detail: t('note_project_no_description'),
        });
      }
      return [
        {
          name: projectName,
          ...(description && { description }),
          ...(url && { url }),
          ...(repo && { repo }),
        },
      ];
    });

  const contact = {
    ...(email && { email }),
    ...(website && { website }),
    ...(links.length > 0 && { links }),
  };
  const keepsOwnId = ownId !== undefined && profileId().safeParse(ownId).success;
  return {
    ok: true,
    ownId: keepsOwnId,
    profile: {
      id: keepsOwnId ? ownId : uniqueId(name, takenIds ?? new Set()),
      name,
      headline,
      bio: summary ?? headline,
      ...(highlights.length > 0 && { highlights }),
      projects,
      contact,
      identities,
      ...(location && { location }),
    },
    notes,
    unplaced: unplacedOf(document, basics),
  };
}

const profileUrl = (site: 'github' | 'linkedin', handle: string) =>
  site === 'github' ? githubProfileUrl(handle) : linkedinProfileUrl(handle);

/** `{ city, region, countryCode }` → "Edinburgh, Scotland, GB"; a string stays a string. */
function locationText(location: unknown): string | undefined {
  const parts = isObject(location)
    ? [location.city, location.region, location.countryCode]
        .map((part) => str(part)?.trim())
        .filter((part): part is string => Boolean(part))
    : [str(location)?.trim() ?? ''];
  const text = parts.join(', ');
  if (text === '') return undefined;
  return field().location.safeParse(text).success ? text : cleanLine(text, LIMITS.location).value;
}

/**
 * `format: "uri"` wants RFC 3986, which has no raw non-ASCII; such a URL is
 * written in its encoded form (and so comes back encoded).
 */
function asUri(url: string): string {
  return /^[\x21-\x7E]+$/.test(url) ? url : new URL(url).href;
}

/** A card → a JSON Resume document that validates against resume-schema and reads back unchanged. */
export function toJsonResume(profile: Profile): Json {
  const profiles = [
    ...profile.identities.github.map((login) => ({
      network: 'GitHub',
      username: login,
      url: githubProfileUrl(login),
    })),
    ...profile.identities.linkedin.map((slug) => ({
      network: 'LinkedIn',
      username: slug,
      url: linkedinProfileUrl(slug),
    })),
    ...(profile.contact.links ?? []).map((link) => ({ network: link.label, url: asUri(link.url) })),
  ];
  const meta: Json = { id: profile.id };
  if (profile.highlights) meta.highlights = profile.highlights;
  return {
    $schema: RESUME_SCHEMA_URL,
    basics: {
      name: profile.name,
      label: profile.headline,
      ...(profile.contact.email && { email: profile.contact.email }),
      ...(profile.contact.website && { url: asUri(profile.contact.website) }),
      summary: profile.bio,
      ...(profile.location && { location: { city: profile.location } }),
      profiles,
    },
    ...(profile.projects.length > 0 && {
      projects: profile.projects.map((project) => ({
        name: project.name,
        ...(project.description && { description: project.description }),
        ...(project.url && { url: asUri(project.url) }),
        ...(project.repo && { repository: githubProfileUrl(project.repo) }),
      })),
    }),
    meta: { [META_KEY]: meta },
  };
}
