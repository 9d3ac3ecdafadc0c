/**
 * How the background answers a runtime message in every browser, without a
 * polyfill. Firefox and Chrome 144+ accept a promise returned from an
 * `onMessage` listener; Chrome before 144 ignores it (the sender gets
 * `undefined`) and keeps the channel open only for a listener that returns
 * `true` and calls `sendResponse` later. So the listener does exactly that,
 * which every version honours.
 *
 * A rejection cannot travel through `sendResponse`: a handler's failure
 * crosses as `{ [FAILED]: its sentence }`, and `send()` (./ask.ts) turns it
 * back into a rejection with that sentence, so a page shows the same words
 * whatever the browser.
 *
 *   send(message) ──▶ listener: handle(message, sender)   returns true at once
 *                       ├─ resolves ─▶ sendResponse(answer)
 *                       └─ rejects  ─▶ sendResponse({ [FAILED]: error.message })
 *   send() ◀── the answer, or throws Error(that message) ──┘
 */
import type { Sender } from './handler';

/** The key a failed answer carries its sentence under. No answer type has it. */
export const FAILED = 'profileCardFailed';

type Handle = (raw: unknown, sender: Sender) => Promise<unknown>;

/** An `onMessage` listener that answers with `handle`'s result through `sendResponse`. */
export function replyWith(handle: Handle) {
  return (raw: unknown, sender: Sender, sendResponse: (answer?: unknown) => void): true => {
    handle(raw, sender).then(sendResponse, (error: unknown) =>
      sendResponse({ [FAILED]: error instanceof Error ? error.message : String(error) }),
    );
    return true;
  };
}

/** The answer as sent, or a rejection with the handler's sentence if it failed. */
export function readReply(reply: unknown): unknown {
  if (typeof reply === 'object' && reply !== null && FAILED in reply)
    throw new Error(String((reply as Record<typeof FAILED, unknown>)[FAILED]));
  return reply;
}
