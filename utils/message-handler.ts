/**
 * The background's answers to content scripts and the popup. Dependencies
 * come in as functions so tests drive it with plain data; the background
 * entrypoint wires them to storage, the directory and the scripting API.
 */
import type { Directory } from './directory';
import type { Site } from './identity';
import { messageSchema } from './message-schemas';
import type { Answers, CardState, ListEntry, Message } from './messages';
import type { Settings } from './settings';

export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number };
  frameId?: number;
}

export interface HandlerDeps {
  extensionId: string;
  directory: () => Promise<Directory> | Directory;
  settings: () => Promise<Settings>;
  cardStates: () => Promise<Record<string, CardState>>;
  setCardState: (profileId: string, state: CardState) => Promise<void>;
  injectUi: (tabId: number, frameId: number) => Promise<void>;
}

/** Frames the card UI may be injected into: the sites we have host access for. */
const CARD_HOSTS =
  /^https:\/\/(?:gist\.)?github\.com\/|^https:\/\/(?:[a-z0-9-]+\.)?linkedin\.com\//;

export function createMessageHandler(deps: HandlerDeps) {
  return async (raw: unknown, sender: Sender): Promise<Answers[Message['type']] | undefined> => {
    if (sender.id !== deps.extensionId) return undefined;
    const parsed = messageSchema.safeParse(raw);
    if (!parsed.success)
      throw new Error(
        `Profile Card: refused a malformed message (${parsed.error.issues[0]?.message})`,
      );
    const message = parsed.data;
    switch (message.type) {
      case 'lookup': {
        const profile = (await deps.directory()).lookup(message.key);
        if (!profile) return null;
        const site = message.key.slice(0, message.key.indexOf(':')) as Site;
        const [settings, states] = await Promise.all([deps.settings(), deps.cardStates()]);
        return {
          profile,
          site,
          settings: settings.sites[site],
          hoverDelayMs: settings.hoverDelayMs,
          state: states[profile.id],
        };
      }
      case 'mount-ui': {
        const tabId = sender.tab?.id;
        if (tabId === undefined || !sender.url || !CARD_HOSTS.test(sender.url)) return false;
        await deps.injectUi(tabId, sender.frameId ?? 0);
        return true;
      }
      case 'card-state':
        await deps.setCardState(message.profileId, message.state);
        return null;
      case 'profile':
        return (await deps.directory()).byId(message.id) ?? null;
      case 'list':
        return (await deps.directory()).profiles.map(
          (profile): ListEntry => ({
            id: profile.id,
            name: profile.name,
            headline: profile.headline,
            handles: [
              ...profile.identities.github.map((login) => `@${login}`),
              ...profile.identities.linkedin.map((slug) => `in/${slug}`),
            ],
          }),
        );
    }
  };
}
