/**
 * The edit form's model, kept pure so it can be table-tested: a profile as
 * the form's fields hold it (a draft), the profile document a draft makes,
 * and every problem turned into a sentence that starts with the field's
 * label ("Short bio must not be empty", not "bio must …") plus the id of the
 * control to mark and focus.
 *
 * Handles go one per line. GitHub logins cannot hold commas or spaces, so
 * those separate logins too; a LinkedIn id could be anything, so a line
 * with a comma or space is not split behind the user's back: it is flagged,
 * and a pasted profile URL (which may hold commas) is read whole.
 */
import { parseIdentityUrl } from '../identity/parse';
import type { Profile } from '../profiles/schema';
import { formatPath, type Issue } from '../profiles/validate';

export interface ProjectDraft {
  name: string;
  description: string;
  url: string;
  repo: string;
}
export interface LinkDraft {
  label: string;
  url: string;
}
export interface Draft {
  /** Empty while adding: the id is made from the name. */
  id: string;
  name: string;
  headline: string;
  bio: string;
  location: string;
  highlights: string;
  email: string;
  website: string;
  github: string;
  linkedin: string;
  projects: ProjectDraft[];
  links: LinkDraft[];
}

export function draftOf(profile?: Profile): Draft {
  return {
    id: profile?.id ?? '',
    name: profile?.name ?? '',
    headline: profile?.headline ?? '',
    bio: profile?.bio ?? '',
    location: profile?.location ?? '',
    highlights: (profile?.highlights ?? []).join('\n'),
    email: profile?.contact.email ?? '',
    website: profile?.contact.website ?? '',
    github: (profile?.identities.github ?? []).join('\n'),
    linkedin: (profile?.identities.linkedin ?? []).join('\n'),
    projects: (profile?.projects ?? []).map((project) => ({
      name: project.name,
      description: project.description,
      url: project.url ?? '',
      repo: project.repo ?? '',
    })),
    links: (profile?.contact.links ?? []).map((link) => ({ ...link })),
  };
}

/** A problem shown in the form: the sentence, and the control it belongs to. */
export interface Shown {
  text: string;
  /** The id of the control to mark; none for the profile as a whole. */
  control?: string;
}

export const CONTROL = {
  id: 'pc-f-id',
  name: 'pc-f-name',
  headline: 'pc-f-headline',
  bio: 'pc-f-bio',
  location: 'pc-f-location',
  highlights: 'pc-f-highlights',
  email: 'pc-f-email',
  website: 'pc-f-website',
  github: 'pc-f-github',
  linkedin: 'pc-f-linkedin',
} as const;
export const rowControl = (rows: 'projects' | 'links', index: number, key: string) =>
  `pc-f-${rows}-${index}-${key}`;

const SITE = {
  github: { field: 'GitHub logins', one: 'GitHub login', host: /^(?:www\.)?github\.com\//i },
  linkedin: {
    field: 'LinkedIn profiles',
    one: 'LinkedIn id',
    host: /^(?:[a-z]{2,3}\.)?linkedin\.com\//i,
  },
} as const;

/**
 * The handles in a field, one per line; a profile URL (with or without
 * `https://`) gives its handle. Problems are sentences for the field.
 */
export function handleLines(
  text: string,
  site: 'github' | 'linkedin',
): { handles: string[]; problems: string[] } {
  const handles: string[] = [];
  const problems: string[] = [];
  const { field, host } = SITE[site];
  for (const [index, raw] of text.split(/\r\n|\r|\n/).entries()) {
    const line = raw.trim();
    if (!line) continue;
    const where = `${field}, line ${index + 1}`;
    // Logins hold no commas or spaces, so those separate them too; a LinkedIn line is one id.
    const items = site === 'github' ? line.split(/[\s,]+/).filter(Boolean) : [line];
    for (const item of items) {
      const url = /^https?:\/\//i.test(item)
        ? item
        : host.test(item)
          ? `https://${item}`
          : undefined;
      if (url) {
        const identity = parseIdentityUrl(url);
        if (identity?.site === site && identity.kind === 'profile') handles.push(identity.handle);
        else
          problems.push(
            `${where}: ${JSON.stringify(item.slice(0, 60))} is not a ${site === 'github' ? 'GitHub' : 'LinkedIn'} profile URL`,
          );
      } else if (site === 'linkedin' && /[\s,]/.test(item)) {
        problems.push(
          `${where}: ${JSON.stringify(item.slice(0, 60))} looks like more than one id. Put one LinkedIn id per line; if it really is one, paste the profile URL instead`,
        );
      } else handles.push(item);
    }
  }
  return { handles, problems };
}

const optional = (value: string) => (value.trim() === '' ? undefined : value.trim());

export interface Entry {
  /** The profile document, empty optional fields left out. */
  entry: Record<string, unknown>;
  /** Which draft row each entry project or link came from (empty rows are dropped). */
  rows: { projects: number[]; links: number[] };
  /** Problems found before validation (ambiguous handle lines). */
  problems: Shown[];
}

export function entryOf(draft: Draft, id: string): Entry {
  const highlights = draft.highlights
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const projectRows = draft.projects.flatMap((project, index) =>
    project.name.trim() || project.description.trim() || project.url.trim() || project.repo.trim()
      ? [index]
      : [],
  );
  const linkRows = draft.links.flatMap((link, index) =>
    link.label.trim() || link.url.trim() ? [index] : [],
  );
  const github = handleLines(draft.github, 'github');
  const linkedin = handleLines(draft.linkedin, 'linkedin');
  const links = linkRows.map((index) => draft.links[index] as LinkDraft);
  const entry = JSON.parse(
    JSON.stringify({
      id,
      name: draft.name,
      headline: optional(draft.headline),
      bio: optional(draft.bio),
      location: optional(draft.location),
      highlights: highlights.length > 0 ? highlights : undefined,
      projects: projectRows.map((index) => {
        const project = draft.projects[index] as ProjectDraft;
        return {
          name: project.name,
          description: project.description,
          url: optional(project.url),
          repo: optional(project.repo),
        };
      }),
      contact: {
        email: optional(draft.email),
        website: optional(draft.website),
        links: links.length > 0 ? links : undefined,
      },
      identities: { github: github.handles, linkedin: linkedin.handles },
    }),
  );
  return {
    entry,
    rows: { projects: projectRows, links: linkRows },
    problems: [
      ...github.problems.map((text) => ({ text, control: CONTROL.github })),
      ...linkedin.problems.map((text) => ({ text, control: CONTROL.linkedin })),
    ],
  };
}

const PROJECT_PART: Record<string, string> = {
  name: 'name',
  description: 'one-line description',
  url: 'URL',
  repo: 'GitHub repo',
};
const LINK_PART: Record<string, string> = { label: 'label', url: 'URL' };

/** An issue from validation, in the form's words, on its control. */
export function shown(issue: Issue, made: Entry): Shown {
  const [first, second, third, fourth] = issue.path.map((part) =>
    typeof part === 'number' ? part : String(part),
  );
  const say = (name: string, control?: string): Shown => ({
    text: `${name} ${issue.message}`,
    control,
  });
  const simple: Record<string, [string, string]> = {
    id: ['Id', CONTROL.id],
    name: ['Name', CONTROL.name],
    headline: ['Headline', CONTROL.headline],
    bio: ['Short bio', CONTROL.bio],
    location: ['Location', CONTROL.location],
  };
  if (typeof first === 'string' && first in simple && second === undefined) {
    const [name, control] = simple[first] as [string, string];
    return say(name, control);
  }
  if (first === 'highlights')
    return say(
      typeof second === 'number' ? `Highlight ${second + 1}` : 'Highlights',
      CONTROL.highlights,
    );
  if (first === 'contact' && (second === 'email' || second === 'website') && third === undefined)
    return say(second === 'email' ? 'Email' : 'Website', CONTROL[second]);
  if (first === 'identities' && (second === 'github' || second === 'linkedin')) {
    const { field, one } = SITE[second];
    if (typeof third !== 'number') return say(field, CONTROL[second]);
    const handles = (made.entry.identities as Record<string, unknown[]>)[second] ?? [];
    return say(`${one} ${JSON.stringify(String(handles[third]))}`, CONTROL[second]);
  }
  const row = (
    rows: 'projects' | 'links',
    noun: string,
    parts: Record<string, string>,
    index: string | number | undefined,
    part: string | number | undefined,
  ) => {
    if (typeof index !== 'number') return say(rows === 'projects' ? 'Projects' : 'Other links');
    const at = made.rows[rows][index] ?? index;
    return typeof part === 'string' && part in parts
      ? say(`${noun} ${at + 1} ${parts[part]}`, rowControl(rows, at, part))
      : say(`${noun} ${at + 1}`);
  };
  if (first === 'projects') return row('projects', 'Project', PROJECT_PART, second, third);
  if (first === 'contact' && second === 'links')
    return row('links', 'Link', LINK_PART, third, fourth);
  return { text: `${formatPath(issue.path)} ${issue.message}` };
}
