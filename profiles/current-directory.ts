/**
 * What the background answers from: the people store, asked one question at
 * a time. Nothing is cached here, so the background's memory does not grow
 * with the people stored, a cold service worker answers its first lookup
 * with one index read (profiles/store.ts `lookupKey`), and a failure (a
 * database that could not be opened) is never remembered: the next question
 * tries again.
 */
import type { IdentityKey } from '../identity/keys';
import type { Profile } from './schema';
import { lookupKey, personById, visiblePeople } from './store';

export interface PeopleSource {
  lookup(key: IdentityKey): Promise<Profile | undefined>;
  byId(id: string): Promise<Profile | undefined>;
  /** Everyone pages can see, for the popup's list. */
  list(): Promise<Profile[]>;
}

export const currentPeople: PeopleSource = {
  lookup: lookupKey,
  byId: personById,
  list: visiblePeople,
};
