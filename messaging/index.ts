/**
 * messaging/ — how the extension's parts talk.
 *
 *   content script ──┐                      ┌─▶ handler.ts ─▶ directory, settings, scripting
 *   popup, options ──┴─ ask.ts send() ──────┤     (after schemas.ts validates with zod)
 *                        typed by messages.ts (one map: type → sent, answer)
 *   reply.ts: the background answers through sendResponse (no polyfill; Chrome < 144
 *             ignores a returned promise) and send() turns a failure back into a rejection
 *
 *   background ─ stored-changed.ts ─▶ content scripts of GitHub/LinkedIn tabs (tabs.sendMessage):
 *             "stored data changed", in place of a storage listener in every page
 *   content script ◀── ui-bridge.ts ──▶ card-ui.js (same isolated world, shared global)
 */
export { send } from './ask';
export { createMessageHandler } from './handler';
export type { Answer, CardState, ListEntry, LookupAnswer, Message, MessageMap } from './messages';
export { messageSchema, schemaFor } from './schemas';
export type { CardUi, HoverOptions } from './ui-bridge';
