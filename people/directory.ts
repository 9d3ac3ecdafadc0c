/**
 * The directory: identity → profile in O(1), built from the bundled and the
 * user's profiles. One Map, filled once per build; a lookup is one `get`,
 * whatever the directory's size.
 *
 * Precedence, the same every time (so a conflict resolves the same way on
 * every machine and after every reload):
 * 1. A user profile with a bundled profile's id replaces it (the user's copy
 *    is the one they edited).
 * 2. Hidden bundled profiles are left out.
 * 3. When two profiles claim one identity, user profiles beat bundled ones,
 *    then the smaller id wins; every such clash is reported in `conflicts`.
 */

import { type IdentityKey, profileKeys } from '../identity/keys';
import type { Profile } from './schema';

export interface IdentityConflict {
  key: IdentityKey;
  /** The id of the profile the identity resolves to. */
  winner: string;
  /** The ids of the profiles that also claimed it, in precedence order. */
  losers: string[];
}

export interface Directory {
  lookup(key: IdentityKey): Profile | undefined;
  byId(id: string): Profile | undefined;
  /** Every visible profile, user ones first, each group sorted by id. */
  readonly profiles: readonly Profile[];
  readonly conflicts: readonly IdentityConflict[];
}

export interface DirectorySources {
  bundled: readonly Profile[];
  user?: readonly Profile[];
  /** Ids of bundled profiles the user chose to hide. */
  hidden?: Iterable<string>;
}

const byIdOrder = (a: Profile, b: Profile) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function buildDirectory({ bundled, user = [], hidden = [] }: DirectorySources): Directory {
  const userIds = new Set(user.map((profile) => profile.id));
  const hiddenIds = new Set(hidden);
  const ordered = [
    ...[...user].sort(byIdOrder),
    ...bundled
      .filter((profile) => !userIds.has(profile.id) && !hiddenIds.has(profile.id))
      .sort(byIdOrder),
  ];

  const ids = new Map<string, Profile>();
  const identities = new Map<IdentityKey, Profile>();
  const conflicts = new Map<IdentityKey, IdentityConflict>();
  for (const profile of ordered) {
    if (ids.has(profile.id)) continue; // duplicate id among user profiles: first wins
    ids.set(profile.id, profile);
    for (const key of new Set(profileKeys(profile.identities))) {
      const owner = identities.get(key);
      if (owner === undefined) {
        identities.set(key, profile);
        continue;
      }
      const conflict = conflicts.get(key) ?? { key, winner: owner.id, losers: [] };
      conflict.losers.push(profile.id);
      conflicts.set(key, conflict);
    }
  }

  return {
    lookup: (key) => identities.get(key),
    byId: (id) => ids.get(id),
    profiles: [...ids.values()],
    conflicts: [...conflicts.values()],
  };
}
