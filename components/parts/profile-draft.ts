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
import { withoutInvisibles } from '../../capture/look-alike';
import { type MessageKey, t } from '../../i18n/t';
import { parseIdentityUrl } from '../../identity/parse';
import type { Profile } from '../../people/schema';
import { formatPath, type Issue } from '../../people/validate';
import { ONE_SCRIPT } from '../../text/characters';

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
      description: project.description ?? '',
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
  github: {
    field: 'label_github_logins',
    one: 'label_github_login',
    notUrl: 'handle_not_profile_url_github',
    host: /^(?:www\.)?github\.com\//i,
  },
  linkedin: {
    field: 'label_linkedin_profiles',
    one: 'label_linkedin_id',
    notUrl: 'handle_not_profile_url_linkedin',
    host: /^(?:[a-z]{2,3}\.)?linkedin\.com\//i,
  },
} as const satisfies Record<
  string,
  { field: MessageKey; one: MessageKey; notUrl: MessageKey; host: RegExp }
>;

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
  const { field, host, notUrl } = SITE[site];
  for (const [index, raw] of text.split(/\r\n|\r|\n/).entries()) {
    const line = raw.trim();
    if (!line) continue;
    const where = t('handle_where', t(field), index + 1);
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
        else problems.push(t(notUrl, where, JSON.stringify(item.slice(0, 60))));
      } else if (site === 'linkedin' && /[\s,]/.test(item)) {
        problems.push(t('handle_several_ids', where, JSON.stringify(item.slice(0, 60))));
      } else if (site === 'linkedin' && !ONE_SCRIPT.pattern.test(item)) {
        // Typed, so it can be checked for look-alikes; a pasted profile URL is LinkedIn's own.
        problems.push(
          t('note_line', where, `${JSON.stringify(item.slice(0, 60))} ${t(ONE_SCRIPT.message)}`),
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
      // Zero-width characters and direction controls never reach a stored name.
      name: withoutInvisibles(draft.name),
      headline: optional(draft.headline),
      bio: optional(draft.bio),
      location: optional(draft.location),
      highlights: highlights.length > 0 ? highlights : undefined,
      projects: projectRows.map((index) => {
        const project = draft.projects[index] as ProjectDraft;
        return {
          name: project.name,
          description: optional(project.description),
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

const PROJECT_PART: Record<string, MessageKey> = {
  name: 'part_name',
  description: 'part_description',
  url: 'part_url',
  repo: 'part_repo',
};
const LINK_PART: Record<string, MessageKey> = { label: 'part_label', url: 'part_url' };

/** An issue from validation, in the form's words, on its control. */
export function shown(issue: Issue, made: Entry): Shown {
  const [first, second, third, fourth] = issue.path.map((part) =>
    typeof part === 'number' ? part : String(part),
  );
  const say = (name: string, control?: string): Shown => ({
    text: t('issue_line', name, issue.message),
    control,
  });
  const simple: Record<string, [MessageKey, string]> = {
    id: ['field_id', CONTROL.id],
    name: ['field_name', CONTROL.name],
    headline: ['field_headline', CONTROL.headline],
    bio: ['keep_label_bio', CONTROL.bio],
    location: ['field_location', CONTROL.location],
  };
  if (typeof first === 'string' && first in simple && second === undefined) {
    const [name, control] = simple[first] as [MessageKey, string];
    return say(t(name), control);
  }
  if (first === 'highlights')
    return say(
      typeof second === 'number' ? t('row_highlight', second + 1) : t('field_highlights'),
      CONTROL.highlights,
    );
  if (first === 'contact' && (second === 'email' || second === 'website') && third === undefined)
    return say(second === 'email' ? t('field_email') : t('field_website'), CONTROL[second]);
  if (first === 'identities' && (second === 'github' || second === 'linkedin')) {
    const { field, one } = SITE[second];
    if (typeof third !== 'number') return say(t(field), CONTROL[second]);
    const handles = (made.entry.identities as Record<string, unknown[]>)[second] ?? [];
    return say(`${t(one)} ${JSON.stringify(String(handles[third]))}`, CONTROL[second]);
  }
  const row = (
    rows: 'projects' | 'links',
    parts: Record<string, MessageKey>,
    index: string | number | undefined,
    part: string | number | undefined,
  ) => {
    if (typeof index !== 'number')
      return say(rows === 'projects' ? t('field_projects') : t('field_links'));
    const at = made.rows[rows][index] ?? index;
    const partKey = typeof part === 'string' ? parts[part] : undefined;
    if (partKey)
      return say(
        t(rows === 'projects' ? 'row_project_part' : 'row_link_part', at + 1, t(partKey)),
        rowControl(rows, at, part as string),
      );
    return say(t(rows === 'projects' ? 'row_project' : 'row_link', at + 1));
  };
  if (first === 'projects') return row('projects', PROJECT_PART, second, third);
  if (first === 'contact' && second === 'links') return row('links', LINK_PART, third, fourth);
  return { text: t('issue_line', formatPath(issue.path), issue.message) };
}
