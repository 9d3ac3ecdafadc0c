/**
 * The one way to ask the background something, typed by the message map:
 * `send({ type: 'lookup', key })` resolves to a `LookupAnswer | null`, and
 * rejects with the handler's sentence when it failed (./reply.ts).
 * The content script wraps it (entrypoints/content/ask.ts) to survive the
 * extension being reloaded under it.
 */
import { extensionApi } from './extension-api';
import type { Answer, Message } from './messages';
import { readReply } from './reply';

export async function send<M extends Message>(message: M): Promise<Answer<M['type']>> {
  return readReply(await extensionApi().runtime.sendMessage(message)) as Answer<M['type']>;
}
