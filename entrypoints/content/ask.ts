/**
 * One way to ask the background something from a page. When the extension is
 * reloaded or updated, this page's copy of the content script is orphaned and
 * `sendMessage` throws "Extension context invalidated"; we then stop the
 * script through WXT's context instead of throwing into the page
 * (https://wxt.dev/guide/essentials/content-scripts.html#context).
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Answers, Message } from '../../utils/messages';

export async function ask<M extends Message>(
  ctx: ContentScriptContext,
  message: M,
): Promise<Answers[M['type']] | undefined> {
  if (ctx.isInvalid) return undefined;
  try {
    return (await browser.runtime.sendMessage(message)) as Answers[M['type']];
  } catch {
    if (!ctx.isInvalid) ctx.abort('The extension is gone');
    return undefined;
  }
}
