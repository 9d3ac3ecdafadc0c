/**
 * The one way to ask the background something, typed by the message map:
 * `send({ type: 'lookup', key })` resolves to a `LookupAnswer | null`.
 * The content script wraps it (entrypoints/content/ask.ts) to survive the
 * extension being reloaded under it.
 */
import { browser } from 'wxt/browser';
import type { Answer, Message } from './messages';

export function send<M extends Message>(message: M): Promise<Answer<M['type']>> {
  return browser.runtime.sendMessage(message) as Promise<Answer<M['type']>>;
}
