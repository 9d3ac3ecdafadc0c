/**
 * Edits reach open tabs without a reload: when stored settings or profiles
 * change, the lookup cache is emptied and the features are told to look
 * again. Session storage holds only card states, which this page wrote.
 */
import { browser } from 'wxt/browser';
import type { ScriptContext } from './context';
import { clearLookups } from './lookup-cache';

export function onStoredDataChange(ctx: ScriptContext, callback: () => void): void {
  const listener = (_changes: unknown, area: string) => {
    if (area !== 'local') return;
    clearLookups();
    callback();
  };
  browser.storage.onChanged.addListener(listener);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(listener));
}
