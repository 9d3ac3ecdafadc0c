/**
 * What the page said (reading.ts) → a draft profile the user can confirm.
 * Runs in the extension page (the popup), never in the page: this is where
 * the untrusted reading meets the schema. Every field is cleaned
 * (people/clean.ts: trimmed to the limits, markup stripped, URLs checked
 * with the schema's http(s) rule), what could not be kept is noted with the
 * reason, GitHub and LinkedIn profile links become identities, the id is
 * made from the name, and the result must pass `validateProfile` before it
 * is offered. Each field says where on the page it came from.
 */
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
import type { Profile } from '../people/schema';
import { LIMITS } from '../people/schema';
import { validateProfile } from '../people/validate';
import { withoutInvisibles } from './look-alike';
import type {
  ByHand,
  PageReading,
  PersonReading,
  ReadLink,
  RefusalReason,
  Source,
} from './reading';
import { socialAccount } from './social';

export type { Note } from '../people/clean';

export type CaptureResult =
  | {
      ok: true;
      draft: Profile;
      /** Where each field came from, by path: `name`, `identities.linkedin.1`, `projects.0`. */
      sources: Record<string, Source>;
      /** What was shortened, dropped (and why) or filled in. */
      notes: Note[];
    }
  | { ok: false; reason: RefusalReason | 'invalid'; message: string; byHand?: ByHand };

export interface DraftOptions {
  /** Ids in use (the user's and the bundled profiles'), so the new one is not one of them. */
  takenIds?: ReadonlySet<string>;
}

const hostOf = (url: string) => new URL(url).hostname.replace(/^www\./, '');

class Collector {
  readonly sources: Record<string, Source> = {};
  readonly notes: Note[] = [];

  /** Keeps a cleaned value's note under its field; returns the value. */
  take(field: string, cleaned: Cleaned, source?: Source): string | undefined {
    if (cleaned.note) this.notes.push({ field, ...cleaned.note });
    if (cleaned.value !== undefined && source) this.sources[field] = source;
    return cleaned.value;
  }

  fill(field: string, source: Source, detail: string): void {
    this.sources[field] = source;
    this.notes.push({ field, action: 'filled', detail });
  }
}

interface Identities {
  github: string[];
  linkedin: string[];
}

/** GitHub and LinkedIn identities from the reading and from its links; the other links stay links. */
function sortLinks(
  person: PersonReading,
  out: Collector,
): { identities: Identities; links: ReadLink[] } {
  const identities: Identities = { github: [], linkedin: [] };
  const keys = new Set<string>();
  const add = (site: 'github' | 'linkedin', handle: string, source: Source) => {
    const list = identities[site];
    const at = `identities.${site}.${list.length}`;
    const value = out.take(at, cleanHandle(site, handle));
    if (value === undefined) return;
    const key = site === 'github' ? githubKey(value) : linkedinKey(value);
    if (keys.has(key)) return;
    if (list.length >= LIMITS.identities) {
      out.notes.push({
        field: `identities.${site}`,
        action: 'dropped',
        detail: t('note_more_than', LIMITS.identities),
      });
      return;
    }
    keys.add(key);
    out.sources[at] = source;
    list.push(value);
  };
  for (const identity of person.identities) add(identity.site, identity.handle, identity.source);
  const links: ReadLink[] = [];
  for (const link of person.links) {
    const identity = parseIdentityUrl(link.url);
    if (identity?.kind === 'profile') add(identity.site, identity.handle, link.source);
    else links.push(link);
  }
  return { identities, links };
}

function projectsOf(person: PersonReading, out: Collector): Profile['projects'] {
  const projects: Profile['projects'] = [];
  for (const read of person.projects) {
    const at = `projects.${projects.length}`;
    if (projects.length >= LIMITS.projects) {
      out.notes.push({
        field: 'projects',
        action: 'dropped',
        detail: t('note_too_many_projects', `"${read.name}"`, LIMITS.projects),
      });
      break;
    }
    const name = out.take(`${at}.name`, cleanLine(read.name, LIMITS.projectName));
    if (!name) continue;
    const url = out.take(`${at}.url`, cleanUrl(read.url));
    const repo = read.repo && GITHUB_REPO.test(read.repo) ? read.repo : undefined;
    // None on the page: none in the draft; the card shows the name and link alone.
    const description = out.take(
      `${at}.description`,
      cleanLine(read.description, LIMITS.projectDescription),
    );
    out.sources[at] = read.source;
    projects.push({
      name,
      ...(description && { description }),
      ...(url && { url }),
      ...(repo && { repo }),
    });
  }
  return projects;
}

function linksOf(links: ReadLink[], website: string | undefined, out: Collector) {
  const kept: { label: string; url: string }[] = [];
  const seen = new Set(website ? [website] : []);
  for (const link of links) {
    const at = `contact.links.${kept.length}`;
    const url = out.take(`${at}.url`, cleanUrl(link.url));
    if (!url || seen.has(url)) continue;
    if (kept.length >= LIMITS.links) {
      out.notes.push({
        field: 'contact.links',
        action: 'dropped',
        detail: t('note_too_many_links', url, LIMITS.links),
      });
      continue;
    }
    seen.add(url);
    // A Mastodon or Bluesky account is named by its handle, as its owner writes it.
    const label =
      cleanLine(socialAccount(url)?.handle, LIMITS.linkLabel).value ??
      cleanLine(link.label, LIMITS.linkLabel).value ??
      cleanLine(hostOf(url), LIMITS.linkLabel).value ??
      'Link';
    out.sources[at] = link.source;
    kept.push({ label, url });
  }
  return kept;
}

/** Ends a sentence: after two letters or digits (not "Ph.D.", "e.g."), before a space or the end. */
const SENTENCE_END = /(?<=[\p{Ll}\p{Lo}\d)"'”’]{2})[.!?…](?=\s|$)/u;

/**
 * A bio's first sentence, as the person wrote it: lines that run on (one
 * ending with a comma, or the next starting in lower case) are one sentence.
 * "Compiler engineer at @lumen-labs. Building…" → "Compiler engineer at @lumen-labs."
 */
export function firstSentence(bio: string): string {
  const [first = '', ...rest] = (bio.split(/\n\s*\n/)[0] ?? '').split('\n');
  let text = first;
  for (const line of rest) {
    if (!/,\s*$/.test(text) && !/^\p{Ll}/u.test(line)) break;
    text = `${text.trimEnd()} ${line.trim()}`;
  }
  const end = SENTENCE_END.exec(text);
  return (end ? text.slice(0, end.index + 1) : text).trim();
}

/** The page's reading → a validated draft, or the reason there is none. */
export function draftFromReading(reading: PageReading, options: DraftOptions = {}): CaptureResult {
  if (!reading.ok) return reading;
  const person = reading.person;
  const out = new Collector();
  const { identities, links } = sortLinks(person, out);

  let name = out.take(
    'name',
    cleanLine(withoutInvisibles(person.name?.value ?? ''), LIMITS.name),
    person.name?.source,
  );
  if (!name) {
    const [login] = identities.github;
    if (!login) {
      return {
        ok: false,
        reason: 'no-person',
        message: t('capture_no_name'),
        ...(person.page === 'personal-site' && { byHand: { website: person.url } }),
      };
    }
    name = login;
    out.fill('name', 'url', t('note_login_for_name'));
  }

  const company = cleanLine(person.company?.value, LIMITS.headline).value;
  let headline = out.take(
    'headline',
    cleanLine(person.headline?.value, LIMITS.headline),
    person.headline?.source,
  );
  const bioSource = person.bio;
  let bio = out.take('bio', cleanBlock(bioSource?.value, LIMITS.bio), bioSource?.source);
  // What they wrote about themselves before the organisation they name.
  if (!headline && bio) {
    headline = out.take('headline', cleanLine(firstSentence(bio), LIMITS.headline));
    if (headline && bioSource)
      out.fill('headline', bioSource.source, t('note_bio_line_for_headline'));
  }
  if (!headline && company && person.company) {
    headline = company;
    out.fill('headline', person.company.source, t('note_company_for_headline'));
  }
  if (!headline) {
    headline = formatHandles(identities)[0] ?? hostOf(person.url);
    out.fill('headline', 'url', t('note_no_headline'));
  }
  if (!bio) {
    bio = headline;
    out.fill('bio', out.sources.headline ?? 'url', t('note_headline_for_bio'));
  }

  const location = out.take(
    'location',
    cleanLine(person.location?.value, LIMITS.location),
    person.location?.source,
  );
  const email = out.take('contact.email', cleanEmail(person.email?.value), person.email?.source);
  let website = out.take(
    'contact.website',
    cleanUrl(person.website?.value),
    person.website?.source,
  );
  if (website && parseIdentityUrl(website)?.kind === 'profile') website = undefined;
  const contactLinks = linksOf(links, website, out);

  const draft = {
    id: uniqueId(name, options.takenIds ?? new Set()),
    name,
    headline,
    bio,
    projects: projectsOf(person, out),
    contact: {
      ...(email && { email }),
      ...(website && { website }),
      ...(contactLinks.length > 0 && { links: contactLinks }),
    },
    identities,
    ...(location && { location }),
  };
  const result = validateProfile(draft);
  if (!result.ok) {
    return {
      ok: false,
      reason: 'invalid',
      message: t('capture_invalid_draft', result.errors.join('; ')),
    };
  }
  return { ok: true, draft: result.value, sources: out.sources, notes: out.notes };
}
