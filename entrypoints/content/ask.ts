/**
 * Asking the background from a page. When the extension is reloaded or
 * updated, this page's copy of the content script is orphaned and
 * `sendMessage` throws "Extension context invalidated"; we then stop the
 * script through its context (./context.ts) instead of throwing into the page.
 *
 * Any other failure (the service worker waking up too slowly, a handler
 * error) is only this question's: it answers `undefined` and the script
 * carries on. `runtime.id` is what tells the two apart: it is undefined
 * exactly when the extension is gone
 * (https://developer.chrome.com/docs/extensions/reference/api/runtime#property-id).
 */

import { send } from '../../messaging/ask';
import { extensionApi } from '../../messaging/extension-api';
import type { Answer, Message } from '../../messaging/messages';
import type { ScriptContext } from './context';

let firstAsk: (() => void)[] | undefined = [];

/** Runs `start` before this page first asks (at once if it has): ./stored-changes.ts. */
export function beforeFirstAsk(start: () => void): void {
  if (firstAsk) firstAsk.push(start);
  else start();
}

export async function ask<M extends Message>(
  ctx: ScriptContext,
  message: M,
): Promise<Answer<M['type']> | undefined> {
  if (ctx.isInvalid) return undefined;
  const starts = firstAsk;
  firstAsk = undefined;
  for (const start of starts ?? []) start();
  try {
    return await send(message);
  } catch {
    // i18n-ignore: a reason for the console, not the user
    if (!extensionApi().runtime?.id) ctx.abort('The extension is gone');
    return undefined;
  }
}
