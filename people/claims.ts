/**
 * Who owns a handle: the ONE rule, used by the store's writes
 * (store/store.ts), sync (sync/engine.ts), every import preview
 * (formats/import.ts, formats/connections-csv.ts) and so by Keep and the
 * options page's form, which run an import's checks.
 *
 *   a person the user keeps            owns their handles
 *   a bundled person                   owns theirs, unless the user hid them or
 *                                      keeps someone under their id (replaced)
 *   a directory's person               owns nothing here (read-only, shown last)
 *   nobody                             is ever claimed by themself (same id)
 *
 * When the user's person and a bundled one both hold a key, the user's is
 * named (as cards resolve it: ./precedence.ts). Pure: callers read who holds
 * a key (from memory or one index read) and ask here.
 */
import { type IdentityKey, profileKeys } from '../identity/keys';
import type { Profile } from './schema';

export interface Owner {
  profile: Profile;
  bundled: boolean;
}

/** Those who list a key: the user's people, and bundled people. */
export interface Holders {
  user: readonly Profile[];
  bundled: readonly Profile[];
}

export interface Claim {
  key: IdentityKey;
  owner: Owner;
}

/** Bundled people who own their handles: not hidden, not replaced by the user's person of their id. */
export function owningBundled(
  bundled: readonly Profile[],
  out: { hidden?: Iterable<string>; userIds?: Iterable<string> },
): Profile[] {
  const gone = new Set([...(out.hidden ?? []), ...(out.userIds ?? [])]);
  return bundled.filter((profile) => !gone.has(profile.id));
}

const holds = (profile: Profile, key: IdentityKey) => profileKeys(profile.identities).includes(key);

/**
 * The owner of `key` other than `claimantId`, among its holders;
 * `bundledOut(id)` says a bundled holder is hidden or replaced.
 */
export function ownerOf(
  key: IdentityKey,
  claimantId: string,
  holders: Holders,
  bundledOut: (id: string) => boolean = () => false,
): Owner | undefined {
  const user = holders.user.find((other) => other.id !== claimantId && holds(other, key));
  if (user) return { profile: user, bundled: false };
  const bundled = holders.bundled.find(
    (other) => other.id !== claimantId && !bundledOut(other.id) && holds(other, key),
  );
  return bundled && { profile: bundled, bundled: true };
}

/** The first of `profile`'s handles someone else owns, or undefined when all are free. */
export function claimOn(
  profile: Profile,
  holdersOf: (key: IdentityKey) => Holders,
  bundledOut?: (id: string) => boolean,
): Claim | undefined {
  for (const key of new Set(profileKeys(profile.identities))) {
    const owner = ownerOf(key, profile.id, holdersOf(key), bundledOut);
    if (owner) return { key, owner };
  }
  return undefined;
}

/**
 * Every handle's owner among everyone in memory (an import's preview): the
 * visible bundled people, then the user's people over them.
 */
export function handleOwners(people: {
  user: readonly Profile[];
  bundled: readonly Profile[];
  hidden?: Iterable<string>;
}): Map<IdentityKey, Owner> {
  const owners = new Map<IdentityKey, Owner>();
  const userIds = people.user.map((profile) => profile.id);
  for (const profile of owningBundled(people.bundled, { hidden: people.hidden, userIds }))
    for (const key of profileKeys(profile.identities)) owners.set(key, { profile, bundled: true });
  for (const profile of people.user)
    for (const key of profileKeys(profile.identities)) owners.set(key, { profile, bundled: false });
  return owners;
}

/** The bundled people (of `bundled`) who list `key`. */
export function bundledHolding(bundled: readonly Profile[], key: IdentityKey): Profile[] {
  return bundled.filter((profile) => holds(profile, key));
}
