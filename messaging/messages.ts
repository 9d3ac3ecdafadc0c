/**
 * Every message the content script and the extension pages send the
 * background, with its answer, in one map. Types only: the content script
 * imports this, and its size budget has no room for zod. The background
 * validates every incoming message against ./schemas.ts before ./handler.ts
 * sees it.
 */
import type { BookView, Connected, ContactMatch, WriteOutcome } from '../carddav/service';
import type { IdentityKey, Site } from '../identity/keys';
import type { ShownProfile } from '../people/precedence';
import type { Profile } from '../people/schema';
import type { SiteSettings } from '../settings/defaults';
import type { CardState } from '../settings/items';
import type { DirectoryRecord } from '../store/db';
import type { SyncStatus } from '../sync/engine';

export type { CardState } from '../settings/items';

export interface LookupAnswer {
  /** A directory's person carries `directory`, its name, for the card's label. */
  profile: ShownProfile;
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
  headline?: string;
  handles: string[];
}

/** Message type → what is sent (besides `type`) and what comes back. */
export interface MessageMap {
  /**
   * Who is this? One identity, one answer: content scripts never load the
   * directory. `ui`: this frame has no card UI yet; if the person is known,
   * the background injects it before answering, so the first card on a page
   * costs one round trip.
   */
  lookup: { send: { key: IdentityKey; ui?: boolean }; answer: LookupAnswer | null };
  /** Inject the card UI into the asking frame (when a lookup could not). */
  'mount-ui': { send: Record<never, never>; answer: boolean };
  /** Remember, for this browser session, how the user left a person's in-page card. */
  'card-state': { send: { profileId: string; state: CardState }; answer: null };
  /** Everyone, for the popup's list. */
  list: { send: Record<never, never>; answer: ListEntry[] };
  /** One person by id, when the popup's list opens a card. */
  profile: { send: { id: string }; answer: Profile | null };

  /**
   * Open the note editor for ONE person (issue 26), from a hovercard or
   * in-page card, in a small window of the extension's own: typed into the
   * page, a note would be heard key by key by the page's listeners and found
   * by its `window.find()` (tests/browser/notes.test.ts shows both).
   */
  'note-open': { send: { id: string }; answer: boolean };
  // From extension pages only (the options page); refused from content scripts.
  /** The subscribed directories; refreshes those that are due. */
  directories: { send: Record<never, never>; answer: DirectoryRecord[] };
  /** Subscribe (the page asked for the host permission from the user's click first). */
  'directory-subscribe': {
    send: { url: string; name: string };
    answer: { ok: true; directory: DirectoryRecord } | { ok: false; error: string };
  };
  'directory-refresh': { send: { id: string }; answer: DirectoryRecord | null };
  'directory-unsubscribe': { send: { id: string }; answer: boolean };
  /**
   * An import is about to be written by the options page's worker: announce
   * it if the page cannot (entrypoints/background/import-watch.ts). `basis`:
   * the store's version, `token`: the change feed's, before the write.
   */
  'import-watch': { send: { basis: number; token: string | null }; answer: boolean };
  /** Address books (carddav/): connected books, never their password; refreshes those due. */
  'carddav-books': { send: Record<never, never>; answer: BookView[] };
  /** Discover the address books of an account (the page asked for the host permission first). */
  'carddav-find': { send: { server: string; user: string; password: string }; answer: Connected };
  /** Connect the books the user picked, and read them. */
  'carddav-add': {
    send: {
      server: string;
      user: string;
      password: string;
      books: { url: string; name: string; writable: boolean }[];
    };
    answer: { ok: true; books: BookView[] } | { ok: false; error: string };
  };
  'carddav-refresh': { send: { id: string }; answer: BookView | null };
  'carddav-write-back': { send: { id: string; on: boolean }; answer: BookView | null };
  /** Write the kept person `id` to the books with write-back on (after Keep or an edit). */
  'carddav-write': { send: { id: string }; answer: WriteOutcome };
  /**
   * Link the kept person `person` to the book's contact `card` (its record
   * id), or unlink them (`card` null): docs/carddav.md#links.
   */
  'carddav-link': {
    send: { id: string; person: string; card: string | null };
    answer: { ok: true; book: BookView } | { ok: false; error: string };
  };
  /** Contacts of the connected books by name, to link one to a kept person (this browser's copy only). */
  'carddav-contacts': { send: { query: string }; answer: ContactMatch[] };
  /** Forget the account of that book: its books, contacts and password. */
  'carddav-disconnect': { send: { id: string }; answer: boolean };
  /** Browser sync: read its status, turn it on or off here, run now, or erase what it holds. */
  sync: {
    send: { action: SyncAction };
    answer: { on: boolean; status: SyncStatus | null };
  };
  /** Restore a version sync kept beside a newer one, or let it go. */
  'sync-resolve': {
    send: { id: string; stamp: string; action: 'restore' | 'dismiss' };
    answer: string;
  };
}

export type { NoteSaved } from '../store/note-save';
export type SyncAction = 'status' | 'on' | 'off' | 'now' | 'erase';

export type MessageType = keyof MessageMap;
export type Message = { [T in MessageType]: { type: T } & MessageMap[T]['send'] }[MessageType];
export type Answer<T extends MessageType> = MessageMap[T]['answer'];
