/**
 * Edits reach open tabs without a reload: when stored settings or profiles
 * change, the lookup cache is emptied and the features are told to look
 * again. Session storage holds only card states, which this page wrote.
 *
 * The listener is added just before the page's first question to the
 * background (./ask.ts), not at load: until then nothing is cached, shown or
 * loaded that a change could make stale, and the first answer is read after
 * it. In Firefox the first use of `browser.storage` builds the whole storage
 * API in the script's sandbox from Firefox's schemas, ~2.5 ms of the page's
 * thread (issue 28, bench/notes.ts), which a page that never asks (no
 * person in its URL, no hover) no longer pays.
 */
import { extensionApi } from '../../messaging/extension-api';
import { beforeFirstAsk } from './ask';
import type { ScriptContext } from './context';
import { clearLookups } from './lookup-cache';

export function onStoredDataChange(ctx: ScriptContext, callback: () => void): void {
  const listener = (_changes: unknown, area: string) => {
    if (area !== 'local') return;
    clearLookups();
    callback();
  };
  beforeFirstAsk(() => {
    extensionApi().storage.onChanged.addListener(listener);
    ctx.onInvalidated(() => extensionApi().storage.onChanged.removeListener(listener));
  });
}
