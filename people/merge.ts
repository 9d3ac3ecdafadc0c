/**
 * Where an entry that carries only some of a person's fields (a vCard, a
 * row of a contacts export) belongs, and what that person looks like once
 * it is merged in. Pure; formats/import.ts validates the result.
 *
 * The person it updates, first match wins:
 *   1. the same id (our own vCards carry X-PROFILE-CARD-ID);
 *   2. a GitHub or LinkedIn identity one of your profiles has (two different
 *      people matched this way is an error, named);
 *   3. the same email address;
 *   4. the same name under the id made from it (`ada-lovelace`, then
 *      `ada-lovelace-2`…), so importing the same address book twice updates
 *      instead of duplicating — but only for an entry that carries no
 *      identity and no email at all. A name is not a person: an entry with
 *      a GitHub login, LinkedIn slug or email that matched nobody is someone
 *      new, however many people share its name (issue 22: two "Łukasz 李"
 *      with different LinkedIn profiles are two people).
 * Else it is someone new, with an id made from the name (people/ids.ts).
 *
 * Merging keeps every field the entry does not carry: a card without NOTE
 * leaves the bio alone, identities are added to, never removed, and contact
 * details are replaced one by one (email, website, links).
 */
import { list } from '../i18n/format';
import { t } from '../i18n/t';
import { type IdentityKey, profileKeys } from '../identity/keys';
import { fold } from '../text/fold';
import { numberedId, slugify } from './ids';
import type { Profile } from './schema';

export interface Place {
  byId: ReadonlyMap<string, Profile>;
  /** Identity → the user's own profile that has it (bundled ones are not merged into). */
  byKey: ReadonlyMap<IdentityKey, Profile>;
  /** Lowercased email → the user's own profile. */
  byEmail: ReadonlyMap<string, Profile>;
  /** Ids nobody new may take: the user's and the bundled. */
  taken: ReadonlySet<string>;
  /** Ids already given to earlier entries of this file. */
  usedInFile: ReadonlySet<string>;
  /**
   * Per slug, the number to try next (written by placeEntry): a file of
   * thousands of cards with one name costs one step per card, not a
   * search from 1 each time.
   */
  next: Map<string, number>;
}

export type Placed =
  | {
      ok: true;
      document: Record<string, unknown>;
      /** Puts `place.next` back as it was, for an entry placed again (formats/salvage.ts). */
      undo?: () => void;
    }
  | { ok: false; error: string };

/** Fields replaced whole when the entry carries them. */
const FIELDS = ['name', 'headline', 'bio', 'location', 'highlights', 'projects'] as const;
const CONTACT = ['email', 'website', 'links'] as const;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** The entry's identity keys, ignoring anything that is not a string (validation says so later). */
function keysOf(entry: Record<string, unknown>): IdentityKey[] {
  const identities = isRecord(entry.identities) ? entry.identities : {};
  return profileKeys({
    github: strings(identities.github),
    linkedin: strings(identities.linkedin),
  });
}

/** `before`'s handles, then the entry's new ones (compared as keys: `SpaceJam` = `spacejam`). */
function unionIdentities(before: Profile, entry: Record<string, unknown>): unknown {
  if (!isRecord(entry.identities)) return before.identities;
  const merged: Record<string, unknown> = {};
  for (const site of ['github', 'linkedin'] as const) {
    const kept = [...before.identities[site]];
    const incoming = entry.identities[site];
    if (!Array.isArray(incoming)) {
      merged[site] = incoming === undefined ? kept : incoming;
      continue;
    }
    const have = new Set(profileKeys({ github: [], linkedin: [], [site]: kept }));
    for (const handle of incoming) {
      if (typeof handle !== 'string') {
        kept.push(handle);
        continue;
      }
      const [key] = profileKeys({ github: [], linkedin: [], [site]: [handle] });
      if (key && !have.has(key)) {
        have.add(key);
        kept.push(handle);
      }
    }
    merged[site] = kept;
  }
  return merged;
}

export function mergeInto(
  before: Profile,
  entry: Record<string, unknown>,
): Record<string, unknown> {
  const after: Record<string, unknown> = { ...before };
  for (const field of FIELDS) if (entry[field] !== undefined) after[field] = entry[field];
  if (isRecord(entry.contact)) {
    const contact: Record<string, unknown> = { ...before.contact };
    for (const field of CONTACT)
      if (entry.contact[field] !== undefined) contact[field] = entry.contact[field];
    after.contact = contact;
  }
  after.identities = unionIdentities(before, entry);
  // The user's note, tags and day are kept one by one, like contact details (issue 26).
  if (isRecord(entry.mine)) after.mine = { ...before.mine, ...entry.mine };
  return after;
}

function matchByIdentity(
  entry: Record<string, unknown>,
  place: Place,
): Placed | Profile | undefined {
  const owners = new Map<string, { owner: Profile; key: IdentityKey }>();
  for (const key of keysOf(entry)) {
    const owner = place.byKey.get(key);
    if (owner && !owners.has(owner.id)) owners.set(owner.id, { owner, key });
  }
  if (owners.size > 1) {
    const who = [...owners.values()].map(({ owner, key }) =>
      t('import_matches_by', owner.name, owner.id, key),
    );
    return { ok: false, error: t('import_matches_two', list(who)) };
  }
  return [...owners.values()][0]?.owner;
}

/** Where `entry` goes: merged into the person it matches, or a new person with an id. */
export function placeEntry(entry: unknown, place: Place): Placed {
  if (!isRecord(entry)) return { ok: true, document: entry as Record<string, unknown> };
  const id = typeof entry.id === 'string' ? entry.id : undefined;

  let target = id !== undefined ? place.byId.get(id) : undefined;
  if (!target) {
    const found = matchByIdentity(entry, place);
    if (found && 'ok' in found) return found;
    target = found;
  }
  if (!target && isRecord(entry.contact) && typeof entry.contact.email === 'string')
    target = place.byEmail.get(entry.contact.email.trim().toLowerCase());
  if (target) return { ok: true, document: { ...mergeInto(target, entry), id: target.id } };
  if (id !== undefined) return { ok: true, document: entry };

  // Same name under the id made from it, for an entry nothing else identifies; else the first free id.
  const name = typeof entry.name === 'string' ? entry.name : '';
  const identified =
    keysOf(entry).length > 0 ||
    (isRecord(entry.contact) &&
      typeof entry.contact.email === 'string' &&
      entry.contact.email.trim() !== '');
  const base = slugify(name);
  for (let n = place.next.get(base) ?? 1; ; n++) {
    const candidate = numberedId(base, n);
    if (place.usedInFile.has(candidate)) continue;
    const kept = place.byId.get(candidate);
    const same = !identified && kept !== undefined && fold(kept.name) === fold(name.trim());
    if (same || (!kept && !place.taken.has(candidate))) {
      const before = place.next.get(base);
      place.next.set(base, n + 1);
      return {
        ok: true,
        document: kept ? { ...mergeInto(kept, entry), id: kept.id } : { ...entry, id: candidate },
        undo: () => (before === undefined ? place.next.delete(base) : place.next.set(base, before)),
      };
    }
  }
}
