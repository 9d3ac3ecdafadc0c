/**
 * A person in as few bytes as browser sync's quotas call for (Chrome: 100 KB
 * for everything, 8 KB an item): one-letter keys, lists as arrays, nothing
 * empty, no id (the item's key carries it). Exact both ways for any valid
 * profile — expand(compact(p)) is p as the store keeps it — and the compact
 * form is also how two people are compared (./reconcile.ts), so an empty
 * list and a missing one are never "a change".
 *
 *   name n · headline h · bio b · location o · highlights i
 *   projects j: [name, description|—, url|0, repo|0] · email e · website w
 *   links k: [label, url] · GitHub g · LinkedIn l
 *   the user's note m: { n note, t tags, d last contacted } (issue 26: a
 *     person synced without it would overwrite the note on other browsers)
 *
 * A project without a description is written with NO_DESCRIPTION ("—"),
 * never left out: builds before issue 24 require a description, and would
 * find the whole person unreadable and write their own copy over it. They
 * read the dash as a description and write it back as it was; this build
 * reads it (and an empty or absent one) as none. So a description that is
 * only a dash travels as none.
 *
 * Reading it back is an edge (another browser, or anything that wrote into
 * sync): ./items.ts checks its shape, then people/validate.ts the person.
 */
import { NO_DESCRIPTION } from '../people/limits';
import type { Profile } from '../people/schema';

type Row = (string | 0)[];

export interface Compact {
  n: string;
  h?: string;
  b?: string;
  o?: string;
  i?: string[];
  j?: Row[];
  e?: string;
  w?: string;
  k?: [string, string][];
  g?: string[];
  l?: string[];
  m?: { n?: string; t?: string[]; d?: string };
}

/** Trailing absent fields dropped; an absent one before a present one is 0. */
function row(values: (string | undefined)[]): Row {
  const out: Row = values.map((value) => value ?? 0);
  while (out.length > 0 && out[out.length - 1] === 0) out.pop();
  return out;
}

export function compact(profile: Profile): Compact {
  const out: Compact = { n: profile.name };
  if (profile.headline !== undefined) out.h = profile.headline;
  if (profile.bio !== undefined) out.b = profile.bio;
  if (profile.location !== undefined) out.o = profile.location;
  if (profile.highlights?.length) out.i = profile.highlights;
  if (profile.projects.length)
    out.j = profile.projects.map((project) =>
      row([project.name, project.description ?? NO_DESCRIPTION, project.url, project.repo]),
    );
  if (profile.contact.email !== undefined) out.e = profile.contact.email;
  if (profile.contact.website !== undefined) out.w = profile.contact.website;
  if (profile.contact.links?.length)
    out.k = profile.contact.links.map((link) => [link.label, link.url]);
  if (profile.identities.github.length) out.g = profile.identities.github;
  if (profile.identities.linkedin.length) out.l = profile.identities.linkedin;
  const { mine } = profile;
  if (mine && (mine.note !== undefined || mine.tags?.length || mine.contacted !== undefined)) {
    out.m = {};
    if (mine.note !== undefined) out.m.n = mine.note;
    if (mine.tags?.length) out.m.t = mine.tags;
    if (mine.contacted !== undefined) out.m.d = mine.contacted;
  }
  return out;
}

const text = (value: string | 0 | undefined) => (typeof value === 'string' ? value : undefined);
/** A description as written, or undefined for none (absent, empty, or the dash). */
const described = (value: string | 0 | undefined) =>
  typeof value === 'string' && value.trim() !== '' && value.trim() !== NO_DESCRIPTION
    ? value
    : undefined;

/** The profile-shaped document a compact form stands for (validated by the caller). */
export function expand(id: string, form: Compact): Profile {
  const profile: Profile = {
    id,
    name: form.n,
    projects: (form.j ?? []).map(([name, description, url, repo]) => ({
      name: text(name) ?? '',
      ...(described(description) !== undefined && { description: described(description) }),
      ...(text(url) !== undefined && { url: text(url) }),
      ...(text(repo) !== undefined && { repo: text(repo) }),
    })),
    contact: {
      ...(form.e !== undefined && { email: form.e }),
      ...(form.w !== undefined && { website: form.w }),
      ...(form.k?.length && { links: form.k.map(([label, url]) => ({ label, url })) }),
    },
    identities: { github: form.g ?? [], linkedin: form.l ?? [] },
  };
  if (form.h !== undefined) profile.headline = form.h;
  if (form.b !== undefined) profile.bio = form.b;
  if (form.i?.length) profile.highlights = form.i;
  if (form.o !== undefined) profile.location = form.o;
  if (form.m) {
    const mine: NonNullable<Profile['mine']> = {};
    if (form.m.n !== undefined) mine.note = form.m.n;
    if (form.m.t?.length) mine.tags = form.m.t;
    if (form.m.d !== undefined) mine.contacted = form.m.d;
    if (Object.keys(mine).length > 0) profile.mine = mine;
  }
  return profile;
}
