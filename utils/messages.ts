/**
 * What the content script and the popup ask the background, and what comes
 * back. Types only: this file is imported by the content script, whose size
 * budget has no room for zod. The background validates every incoming message
 * with the schemas in message-schemas.ts.
 */
import type { Profile } from '../data/schema';
import type { IdentityKey, Site } from './identity';
import type { SiteSettings } from './settings';

export type CardState = 'expanded' | 'collapsed' | 'dismissed';

export type Message =
  /** Who is this? One identity, one answer: content scripts never load the directory. */
  | { type: 'lookup'; key: IdentityKey }
  /** Inject the card UI bundle into the asking frame (once per page). */
  | { type: 'mount-ui' }
  /** Remember, for this browser session, how the user left a person's in-page card. */
  | { type: 'card-state'; profileId: string; state: CardState }
  /** Everyone, for the popup's list. */
  | { type: 'list' }
  /** One person by id, when the popup's list opens a card. */
  | { type: 'profile'; id: string };

export interface LookupAnswer {
  profile: Profile;
  site: Site;
  settings: SiteSettings;
  /** How long the pointer rests on a link before its hovercard opens. */
  hoverDelayMs: number;
  /** How the user left this person's in-page card earlier in this session. */
  state: CardState | undefined;
}

export interface ListEntry {
  id: string;
  name: string;
  headline: string;
  handles: string[];
}

export interface Answers {
  lookup: LookupAnswer | null;
  'mount-ui': boolean;
  'card-state': null;
  list: ListEntry[];
  profile: Profile | null;
}
