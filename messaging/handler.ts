/**
 * The background's answers to content scripts and extension pages.
 * Dependencies come in as functions so tests drive it with plain data; the
 * background entrypoint wires them to the people store (one index read per
 * lookup, store/current-directory.ts), settings and the scripting API.
 *
 *   message ─▶ sender is this extension? ─▶ ./schemas.ts (zod) ─▶ switch
 *   from content scripts too (CONTENT_SCRIPT_MAY), one identity at a time:
 *     lookup { key, ui }  people.lookup(key) ─ known and ui? inject the
 *                         card UI into the asking frame, then answer
 *     mount-ui            inject the card UI (fallback when a lookup could not)
 *     card-state          remember collapse/dismiss for the session, only for
 *                         a person a lookup could answer (kept, bundled, or in
 *                         a directory's or address book's current copy), so at
 *                         most one key per person, and still after the worker
 *                         slept and woke (nothing of it is kept in memory)
 *     note-open { id }    the note editor for that one person, in an extension
 *                         window (never typed into the page); only for a
 *                         person a lookup could answer (the same check)
 *   from extension pages only (the sender's URL is this extension's; a
 *   content script's is the web page's, and its process is the page's, so
 *   code running there must not be able to dump the address book or write):
 *     list, profile                                            the popup's list and one card
 *     directories, directory-subscribe/-refresh/-unsubscribe   directories/refresh.ts
 *     sync, sync-resolve                                       sync/engine.ts
 *     import-watch              entrypoints/background/import-watch.ts
 *     carddav-books/-find/-add/-refresh/-write-back/-disconnect/-write/-link/-contacts carddav/service.ts
 */
import type { CardDav } from '../carddav/service';
import { formatHandles } from '../identity/handles';
import { isExtensionUrl } from '../identity/hosts';
import type { Site } from '../identity/keys';
import { withoutMine } from '../people/notes';
import type { Settings } from '../settings/defaults';
import type { PeopleSource } from '../store/current-directory';
import type { DirectoryRecord } from '../store/db';
import type { Answer, CardState, ListEntry, MessageMap, MessageType, SyncAction } from './messages';
import { schemaFor } from './schemas';

/** What a content script needs, and all it may ask: the rest is for extension pages. */
const CONTENT_SCRIPT_MAY = new Set<MessageType>(['lookup', 'mount-ui', 'card-state', 'note-open']);

export interface DirectoryService {
  list(): Promise<DirectoryRecord[]>;
  /** Starts refreshing the directories that are due, without waiting. */
  refreshDue(): void;
  subscribe(url: string, name: string): Promise<Answer<'directory-subscribe'>>;
  refresh(id: string): Promise<DirectoryRecord | undefined>;
  unsubscribe(id: string): Promise<boolean>;
}

export interface SyncService {
  act(action: SyncAction): Promise<Answer<'sync'>>;
  resolve(send: MessageMap['sync-resolve']['send']): Promise<string>;
}

/** Opens the note editor for one person in a window of the extension's own. */
export type NoteService = (id: string) => Promise<boolean>;

export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
  /** Chrome 106+: the document the message came from; Firefox has none. */
  documentId?: string;
}

export interface HandlerDeps {
  extensionId: string;
  /** The extension pages' origin with a trailing slash (`runtime.getURL('')`). */
  pageOrigin?: string;
  directories?: DirectoryService;
  sync?: SyncService;
  /** Announces an import the options page's worker writes, if the page cannot. */
  watchImport?: (basis: number, token: string | null) => Promise<boolean>;
  /** Address books (carddav/service.ts); `refreshDue` starts without waiting. */
  carddav?: Omit<CardDav, 'refreshDue'> & { refreshDue(): void };
  notes?: NoteService;
  people: PeopleSource;
  settings: () => Promise<Settings>;
  cardState: (profileId: string) => Promise<CardState | undefined>;
  setCardState: (profileId: string, state: CardState) => Promise<void>;
  injectUi: (tabId: number, frameId: number) => Promise<void>;
}

function service<T>(value: T | undefined): T {
  if (!value) throw new Error('Profile Card: that is not available here');
  return value;
}

export function createMessageHandler(deps: HandlerDeps) {
  /** Injections under way, per document, so two lookups at once inject once. */
  const injecting = new Map<string, Promise<boolean>>();

  /** Puts the card UI into the sender's frame if it is a GitHub or LinkedIn page of a tab. */
  const injectInto = (sender: Sender): Promise<boolean> => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || !sender.url || !isExtensionUrl(sender.url))
      return Promise.resolve(false);
    const frameId = sender.frameId ?? 0;
    const document = `${tabId}:${frameId}:${sender.documentId ?? sender.url}`;
    let pending = injecting.get(document);
    if (!pending) {
      pending = deps.injectUi(tabId, frameId).then(
        () => true,
        () => false,
      );
      injecting.set(document, pending);
      void pending.then(() => injecting.delete(document));
    }
    return pending;
  };

  return async (raw: unknown, sender: Sender): Promise<Answer<MessageType> | undefined> => {
    if (sender.id !== deps.extensionId) return undefined;
    const parsed = schemaFor(raw).safeParse(raw);
    if (!parsed.success)
      throw new Error(
        `Profile Card: refused a malformed message (${parsed.error.issues[0]?.message})`,
      );
    const message = parsed.data;
    if (!CONTENT_SCRIPT_MAY.has(message.type)) {
      if (!deps.pageOrigin || !sender.url?.startsWith(deps.pageOrigin))
        throw new Error(`Profile Card: refused "${message.type}" from outside its own pages`);
    }
    switch (message.type) {
      case 'lookup': {
        const profile = await deps.people.lookup(message.key);
        if (!profile) return null;
        const site = message.key.slice(0, message.key.indexOf(':')) as Site;
        const [settings, state] = await Promise.all([
          deps.settings(),
          deps.cardState(profile.id),
          // A failed injection is not the lookup's failure: the content
          // script sees no UI and falls back to `mount-ui`.
          message.ui ? injectInto(sender) : undefined,
        ]);
        const siteSettings = settings.sites[site];
        return {
          // Notes off in pages: the page's frame never receives them.
          profile: siteSettings.notes === false ? withoutMine(profile) : profile,
          site,
          settings: settings.sites[site],
          hoverDelayMs: settings.hoverDelayMs,
          state,
        };
      }
      case 'note-open':
        if (!(await deps.people.known(message.id)))
          throw new Error('Profile Card: refused a note for nobody it knows');
        return service(deps.notes)(message.id);
      case 'mount-ui':
        return injectInto(sender);
      case 'card-state': {
        const id = message.profileId;
        if (!(await deps.people.known(id)))
          throw new Error('Profile Card: refused a card state for nobody it knows');
        await deps.setCardState(id, message.state);
        return null;
      }
      case 'profile':
        return (await deps.people.byId(message.id)) ?? null;
      case 'list':
        return (await deps.people.list()).map(
          (profile): ListEntry => ({
            id: profile.id,
            name: profile.name,
            headline: profile.headline,
            handles: formatHandles(profile.identities),
          }),
        );
      case 'directories': {
        const directories = service(deps.directories);
        directories.refreshDue();
        return directories.list();
      }
      case 'directory-subscribe':
        return service(deps.directories).subscribe(message.url, message.name);
      case 'directory-refresh':
        return (await service(deps.directories).refresh(message.id)) ?? null;
      case 'directory-unsubscribe':
        return service(deps.directories).unsubscribe(message.id);
      case 'import-watch':
        return service(deps.watchImport)(message.basis, message.token);
      case 'carddav-books': {
        const carddav = service(deps.carddav);
        carddav.refreshDue();
        return carddav.list();
      }
      case 'carddav-find':
        return service(deps.carddav).findBooks(message.server, message.user, message.password);
      case 'carddav-add':
        return service(deps.carddav).add(
          message.server,
          message.user,
          message.password,
          message.books,
        );
      case 'carddav-refresh':
        return (await service(deps.carddav).refresh(message.id)) ?? null;
      case 'carddav-write-back':
        return service(deps.carddav).setWriteBack(message.id, message.on);
      case 'carddav-disconnect':
        return service(deps.carddav).disconnect(message.id);
      case 'carddav-link':
        return service(deps.carddav).link(message.id, message.person, message.card ?? undefined);
      case 'carddav-contacts':
        return service(deps.carddav).contacts(message.query);
      case 'carddav-write':
        return service(deps.carddav).writeKept(message.id);
      case 'sync':
        return service(deps.sync).act(message.action);
      case 'sync-resolve':
        return service(deps.sync).resolve(message);
    }
  };
}
