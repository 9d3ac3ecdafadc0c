/**
 * Who an identity resolves to, when several people claim it: the rule
 * people/directory.ts documents, as one pure function that both the
 * whole-directory build (options page) and the one-key lookup of the store
 * (background) use, so the two can never disagree.
 *
 * 1. A user profile with a bundled profile's id replaces it.
 * 2. Hidden bundled profiles are left out.
 * 3. User profiles beat bundled ones; among either, the smaller id wins.
 * 4. People of subscribed directories (read-only, someone else's list)
 *    come last: the earliest subscription first, then the smaller id. A
 *    clash with anyone above is listed on the options page
 *    (store/store.ts `directoryClashes`), never silent.
 * 5. Unless the user linked their person to that address-book contact
 *    (`linkedProfile` below): then the two show as one.
 */
import { LIMITS } from './limits';
import type { Profile } from './schema';

/** A person as pages see them: a directory's people carry its name, for the card's label. */
export type ShownProfile = Profile & { directory?: string };

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

/** A directory's person who claims an identity, with their directory's place in line. */
export interface DirectoryClaimant {
  profile: Profile;
  /** When the directory was subscribed: earlier wins. */
  subscribedAt: number;
  directory: { id: string; name: string };
}

/** Among directory people only (rule 4): the earliest subscription, then the smaller id. */
export function resolveDirectoryClaimants(
  claimants: readonly DirectoryClaimant[],
): DirectoryClaimant | undefined {
  return claimants.reduce<DirectoryClaimant | undefined>((best, claimant) => {
    if (!best) return claimant;
    if (claimant.subscribedAt !== best.subscribedAt)
      return claimant.subscribedAt < best.subscribedAt ? claimant : best;
    if (claimant.directory.id !== best.directory.id)
      return claimant.directory.id < best.directory.id ? claimant : best;
    return claimant.profile.id < best.profile.id ? claimant : best;
  }, undefined);
}

/**
 * 5. A kept person the user linked to an address-book contact (carddav/,
 *    docs/carddav.md#links): the address book is where that person's
 *    details live now, so each field the contact's card has shows, and the
 *    kept person's own value shows where the card has none. Handles are
 *    both lists together (the kept person's first); the id, the projects,
 *    the highlights and everything of the user's own (`mine`: notes, tags)
 *    stay the kept person's, so edits and notes still go to them. The
 *    person stays the user's own: the card is not labelled as a book's.
 */
export function linkedProfile(own: Profile, card: Profile): Profile {
  const union = (mine: readonly string[], theirs: readonly string[]) => {
    const seen = new Set(mine.map((handle) => handle.toLowerCase()));
    return [...mine, ...theirs.filter((handle) => !seen.has(handle.toLowerCase()))];
  };
  const contact = { ...own.contact };
  for (const [key, value] of Object.entries(card.contact) as [keyof Profile['contact'], never][])
    if (value !== undefined) contact[key] = value;
  return {
    ...own,
    name: card.name,
    ...(card.headline !== undefined && { headline: card.headline }),
    ...(card.bio !== undefined && { bio: card.bio }),
    ...(card.location !== undefined && { location: card.location }),
    contact,
    identities: {
      ...own.identities,
      github: union(own.identities.github, card.identities.github).slice(0, LIMITS.identities),
      linkedin: union(own.identities.linkedin, card.identities.linkedin).slice(
        0,
        LIMITS.identities,
      ),
    },
  };
}
