/**
 * Who an identity resolves to, when several people claim it: the rule
 * profiles/directory.ts documents, as one pure function that both the
 * whole-directory build (options page) and the one-key lookup of the store
 * (background) use, so the two can never disagree.
 *
 * 1. A user profile with a bundled profile's id replaces it.
 * 2. Hidden bundled profiles are left out.
 * 3. User profiles beat bundled ones; among either, the smaller id wins.
 */
import type { Profile } from './schema';

export interface Claimants {
  /** The user's profiles that list the identity. */
  user: readonly Profile[];
  /** Bundled profiles that list it. */
  bundled: readonly Profile[];
  /** Is this bundled id hidden, or replaced by a user profile of the same id? */
  bundledOut: (id: string) => boolean;
}

const smallestId = (profiles: readonly Profile[]) =>
  profiles.reduce<Profile | undefined>(
    (best, profile) => (best === undefined || profile.id < best.id ? profile : best),
    undefined,
  );

export function resolveClaimants(claimants: Claimants): Profile | undefined {
  return (
    smallestId(claimants.user) ??
    smallestId(claimants.bundled.filter((profile) => !claimants.bundledOut(profile.id)))
  );
}
