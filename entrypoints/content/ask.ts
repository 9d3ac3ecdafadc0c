/**
 * Asking the background from a page. When the extension is reloaded or
 * updated, this page's copy of the content script is orphaned and
 * `sendMessage` throws "Extension context invalidated"; we then stop the
 * script through WXT's context instead of throwing into the page
 * (https://wxt.dev/guide/essentials/content-scripts.html#context).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { send } from '../../messaging/ask';
import type { Answer, Message } from '../../messaging/messages';

export async function ask<M extends Message>(
  ctx: ContentScriptContext,
  message: M,
): Promise<Answer<M['type']> | undefined> {
  if (ctx.isInvalid) return undefined;
  try {
    return await send(message);
  } catch {
    if (!ctx.isInvalid) ctx.abort('The extension is gone');
    return undefined;
  }
}
