/**
 * A field of a profile, named as the edit form names it: `contact.email` is
 * "Email", `projects.1.url` is "Project 2 URL", `identities.linkedin.0` is
 * "LinkedIn profile "ada-lovelace"". Every message about a field — an
 * import's refusal, what an import left out, a damaged stored person — says
 * it this way, in the user's language, never as a schema path.
 *
 * A key the schema does not know (`emial`) is named as the file writes it,
 * since that is the only name it has.
 */
import { type MessageKey, t } from '../i18n/t.ts';
import { defang } from '../text/characters.ts';

const SIMPLE: Record<string, MessageKey> = {
  id: 'field_id',
  name: 'field_name',
  headline: 'field_headline',
  bio: 'keep_label_bio',
  location: 'field_location',
  highlights: 'field_highlights',
  projects: 'field_projects',
  'contact.email': 'field_email',
  'contact.website': 'field_website',
  'contact.links': 'field_links',
  'identities.github': 'label_github_logins',
  'identities.linkedin': 'label_linkedin_profiles',
};
const PARTS: Record<string, MessageKey> = {
  name: 'part_name',
  description: 'part_description',
  url: 'part_url',
  repo: 'part_repo',
  label: 'part_label',
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The value at `path` in `document`, if there is one. */
function at(document: unknown, path: readonly PropertyKey[]): unknown {
  let value = document;
  for (const part of path) {
    if (Array.isArray(value) && typeof part === 'number') value = value[part];
    else if (isRecord(value)) value = value[String(part)];
    else return undefined;
  }
  return value;
}

/**
 * `path` in words; `document` (the entry the path is in) lets an identity be
 * named by its handle.
 */
export function fieldWords(path: readonly PropertyKey[], document?: unknown): string {
  if (path.length === 0) return t('v_the_profile');
  const parts = path.map((part) => (typeof part === 'number' ? part : String(part)));
  const [first, second, third, fourth] = parts;
  const dotted = parts.join('.');
  const simple = Object.hasOwn(SIMPLE, dotted) ? SIMPLE[dotted] : undefined;
  if (simple) return t(simple);
  if (first === 'highlights' && typeof second === 'number' && third === undefined)
    return t('row_highlight', second + 1);
  if (first === 'identities' && (second === 'github' || second === 'linkedin')) {
    if (typeof third === 'number' && fourth === undefined) {
      const handle = at(document, path);
      const one = second === 'github' ? t('label_github_login') : t('field_linkedin_profile');
      return typeof handle === 'string'
        ? `${one} ${JSON.stringify(handle.slice(0, 60))}`
        : `${one} ${third + 1}`;
    }
  }
  const row = (kind: 'project' | 'link', index: unknown, part: unknown) => {
    if (typeof index !== 'number') return undefined;
    if (part === undefined) return t(kind === 'project' ? 'row_project' : 'row_link', index + 1);
    const partKey =
      typeof part === 'string' && Object.hasOwn(PARTS, part) ? PARTS[part] : undefined;
    return partKey
      ? t(kind === 'project' ? 'row_project_part' : 'row_link_part', index + 1, t(partKey))
      : undefined;
  };
  const named =
    first === 'projects'
      ? row('project', second, parts.length <= 3 ? third : undefined)
      : first === 'contact' && second === 'links'
        ? row('link', third, parts.length <= 4 ? fourth : undefined)
        : undefined;
  return named ?? t('field_unknown', defang(dotted.slice(0, 60)));
}
