/**
 * The background's answers to content scripts and extension pages.
 * Dependencies come in as functions so tests drive it with plain data; the
 * background entrypoint wires them to the people store (one index read per
 * lookup, profiles/current-directory.ts), settings and the scripting API.
 *
 *   message ─▶ sender is this extension? ─▶ ./schemas.ts (zod) ─▶ switch
 *     lookup { key, ui }  people.lookup(key) ─ known and ui? inject the
 *                         card UI into the asking frame, then answer
 *     mount-ui            inject the card UI (fallback when a lookup could not)
 *     card-state          remember collapse/dismiss for the session
 *     list, profile       the popup's list and one card
 */
import { formatHandles } from '../identity/handles';
import { isExtensionUrl } from '../identity/hosts';
import type { Site } from '../identity/keys';
import type { PeopleSource } from '../profiles/current-directory';
import type { Settings } from '../settings/defaults';
import type { Answer, CardState, ListEntry, MessageType } from './messages';
import { messageSchema } from './schemas';

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
  people: PeopleSource;
  settings: () => Promise<Settings>;
  cardState: (profileId: string) => Promise<CardState | undefined>;
  setCardState: (profileId: string, state: CardState) => Promise<void>;
  injectUi: (tabId: number, frameId: number) => Promise<void>;
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
    const parsed = messageSchema.safeParse(raw);
    if (!parsed.success)
      throw new Error(
        `Profile Card: refused a malformed message (${parsed.error.issues[0]?.message})`,
      );
    const message = parsed.data;
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
        return {
          profile,
          site,
          settings: settings.sites[site],
          hoverDelayMs: settings.hoverDelayMs,
          state,
        };
      }
      case 'mount-ui':
        return injectInto(sender);
      case 'card-state':
        await deps.setCardState(message.profileId, message.state);
        return null;
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
    }
  };
}
