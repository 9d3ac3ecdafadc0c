/**
 * "Update from page": someone already kept, and a fresh draft from their page
 * → the updated profile and a field-by-field list of what would change, for
 * the popup to show before the user confirms. Runs in the extension page.
 *
 * What the page says replaces what was stored, except what the draft only
 * filled in (a headline made from the company, a bio copied from the
 * headline: draft.ts notes those), which never overwrites the user's words.
 * A name the page spells with look-alike letters (look-alike.ts) keeps the
 * stored spelling. Identities, links and projects are added to, never taken away: a page
 * shows a part of a person, and the user may have added the rest. The id
 * and highlights (no page has them) stay.
 */
import { t } from '../i18n/t';
import { githubKey, linkedinKey } from '../identity/keys';
import type { Note } from '../people/clean';
import { LIMITS, type Profile } from '../people/schema';
import { validateProfile } from '../people/validate';
import { skeleton } from './look-alike';

export interface FieldChange {
  /** As validate.ts names paths: `headline`, `contact.email`, `identities.linkedin`, `projects`. */
  field: string;
  before: unknown;
  after: unknown;
}

export type UpdateResult =
  | { ok: true; after: Profile; changes: FieldChange[] }
  | { ok: false; message: string };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function union<T>(
  kept: readonly T[],
  fresh: readonly T[],
  keyOf: (item: T) => string,
  max: number,
): T[] {
  const keys = new Set(kept.map(keyOf));
  const added = fresh.filter((item) => {
    const key = keyOf(item);
    if (keys.has(key)) return false;
    keys.add(key);
    return true;
  });
  return [...kept, ...added].slice(0, Math.max(max, kept.length));
}

const projectKey = (project: Profile['projects'][number]) =>
  project.repo
    ? `repo:${project.repo.toLowerCase()}`
    : project.url
      ? `url:${project.url}`
      : `name:${project.name}`;

export function updateFromDraft(
  before: Profile,
  draft: Profile,
  notes: readonly Note[] = [],
): UpdateResult {
  const filled = new Set(
    notes.filter((note) => note.action === 'filled').map((note) => note.field),
  );
  const pick = <K extends 'name' | 'headline' | 'bio' | 'location'>(key: K) =>
    draft[key] !== undefined && !filled.has(key) ? draft[key] : before[key];
  const contactPick = <K extends 'email' | 'website'>(key: K) =>
    draft.contact[key] !== undefined && !filled.has(`contact.${key}`)
      ? draft.contact[key]
      : before.contact[key];

  // A project the page also shows takes the page's description, unless the draft made one
  // up; a page that shows none leaves the one kept (the user's own words, perhaps).
  const fresh = new Map(
    draft.projects
      .map((project, index) => [project, index] as const)
      .filter(([, index]) => !filled.has(`projects.${index}.description`))
      .map(([project]) => [projectKey(project), project]),
  );
  const projects = union(
    before.projects.map((project) => {
      const update = fresh.get(projectKey(project));
      return update
        ? {
            ...project,
            ...(update.description && { description: update.description }),
            ...(update.url && { url: update.url }),
          }
        : project;
    }),
    draft.projects,
    projectKey,
    LIMITS.projects,
  );
  const links = union(
    before.contact.links ?? [],
    draft.contact.links ?? [],
    (link) => link.url,
    LIMITS.links,
  );
  const email = contactPick('email');
  const website = contactPick('website');
  const location = pick('location');
  const after: Profile = {
    ...before,
    // A name that only looks the same (a Cyrillic а, another case) would change nothing
    // the user can see in the diff: the stored spelling stays.
    name: skeleton(draft.name) === skeleton(before.name) ? before.name : pick('name'),
    headline: pick('headline'),
    bio: pick('bio'),
    projects,
    contact: {
      ...(email && { email }),
      ...(website && { website }),
      ...(links.length > 0 && { links }),
    },
    identities: {
      github: union(
        before.identities.github,
        draft.identities.github,
        githubKey,
        LIMITS.identities,
      ),
      linkedin: union(
        before.identities.linkedin,
        draft.identities.linkedin,
        linkedinKey,
        LIMITS.identities,
      ),
    },
    ...(location !== undefined && { location }),
  };
  const result = validateProfile(after);
  if (!result.ok)
    return { ok: false, message: t('capture_invalid_update', result.errors.join('; ')) };

  const fields: [string, (profile: Profile) => unknown][] = [
    ['name', (p) => p.name],
    ['headline', (p) => p.headline],
    ['bio', (p) => p.bio],
    ['location', (p) => p.location],
    ['contact.email', (p) => p.contact.email],
    ['contact.website', (p) => p.contact.website],
    ['contact.links', (p) => p.contact.links ?? []],
    ['identities.github', (p) => p.identities.github],
    ['identities.linkedin', (p) => p.identities.linkedin],
    ['projects', (p) => p.projects],
  ];
  const changes = fields
    .map(([field, read]) => ({ field, before: read(before), after: read(result.value) }))
    .filter((change) => !same(change.before, change.after));
  return { ok: true, after: result.value, changes };
}
