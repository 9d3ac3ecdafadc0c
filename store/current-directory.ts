/**
 * What the background answers from: the people store, asked one question at
 * a time. Nothing is cached here, so the background's memory does not grow
 * with the people stored, a cold service worker answers its first lookup
 * with one index read (store/store.ts `lookupKey`), and a failure (a
 * database that could not be opened) is never remembered: the next question
 * tries again. While the database cannot be read at all (a newer version
 * made it, or the disk fails), pages still get the bundled people.
 *
 * Directory people (issue 14) answer lookups — pages, hovercards, the
 * badge, the popup on their page — but are not in `byId` or `list`: the
 * popup's list is the people you keep, and a directory may hold 100,000.
 */
import type { IdentityKey } from '../identity/keys';
import { bundledProfiles } from '../people/bundled';
import { buildDirectory } from '../people/directory';
import type { ShownProfile } from '../people/precedence';
import type { Profile } from '../people/schema';
import { isShownId, lookupKey, personById, visiblePeople } from './store';

export interface PeopleSource {
  /** Anyone an identity names: yours, bundled, or a subscribed directory's (labelled). */
  lookup(key: IdentityKey): Promise<ShownProfile | undefined>;
  byId(id: string): Promise<Profile | undefined>;
  /** Whether `lookup` can answer with someone under this id (directories too). */
  known(id: string): Promise<boolean>;
  /** Everyone pages can see, for the popup's list. */
  list(): Promise<Profile[]>;
}

const bundledOnly = buildDirectory({ bundled: bundledProfiles });

function orBundled<A extends unknown[], T>(
  read: (...args: A) => Promise<T>,
  fallback: (...args: A) => T,
): (...args: A) => Promise<T> {
  return async (...args) => {
    try {
      return await read(...args);
    } catch (error) {
      console.warn('Profile Card: the people store could not be read;', error);
      return fallback(...args);
    }
  };
}

export const currentPeople: PeopleSource = {
  lookup: orBundled(lookupKey, (key) => bundledOnly.lookup(key)),
  byId: orBundled(personById, (id) => bundledOnly.byId(id)),
  known: orBundled(isShownId, (id) => bundledOnly.byId(id) !== undefined),
  list: orBundled(visiblePeople, () => [...bundledOnly.profiles]),
};
