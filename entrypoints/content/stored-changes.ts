/**
 * Edits reach open tabs without a reload: when stored settings or profiles
 * change, the background says so (entrypoints/background/stored-changes.ts,
 * messaging/stored-changed.ts), the lookup cache is emptied and the features
 * are told to look again.
 *
 * The page listens on `runtime.onMessage`, not `storage.onChanged`: the
 * storage API object and its event were ~20% of the script's evaluation in
 * Chromium, and in Firefox the first use of `browser.storage` builds the
 * whole storage API in the script's sandbox, ~2.5 ms (issue 28,
 * bench/notes.ts); `runtime` is built for the first question anyway. Only
 * the extension can send to this listener, and its sender's id is checked.
 *
 * The listener is added just before the page's first question to the
 * background (./ask.ts), not at load: until then nothing is cached, shown or
 * loaded that a change could make stale, and the first answer is read after
 * it.
 */
import { extensionApi } from '../../messaging/extension-api';
import { isStoredChanged } from '../../messaging/stored-changed';
import { beforeFirstAsk } from './ask';
import type { ScriptContext } from './context';
import { clearLookups } from './lookup-cache';

export function onStoredDataChange(ctx: ScriptContext, callback: () => void): void {
  const listener = (message: unknown, sender: { id?: string }) => {
    if (sender.id !== extensionApi().runtime.id || !isStoredChanged(message)) return;
    clearLookups();
    callback();
  };
  beforeFirstAsk(() => {
    extensionApi().runtime.onMessage.addListener(listener);
    ctx.onInvalidated(() => extensionApi().runtime.onMessage.removeListener(listener));
  });
}
