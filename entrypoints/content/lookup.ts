/**
 * Who is behind an identity, asked of the background once per identity and
 * page: the in-page card and the hovercards share the answers. A change in
 * stored settings or profiles empties the cache, so edits reach open tabs
 * without a reload.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { IdentityKey } from '../../utils/identity';
import type { LookupAnswer } from '../../utils/messages';
import { ask } from './ask';

type Answer = LookupAnswer | null | undefined;
const pending = new Map<IdentityKey, Promise<Answer>>();
const settled = new Map<IdentityKey, Answer>();
/** Enough for a busy issue thread; the oldest entries go first. */
const MAX_ENTRIES = 500;

export function lookup(ctx: ContentScriptContext, key: IdentityKey): Promise<Answer> {
  let answer = pending.get(key);
  if (!answer) {
    if (pending.size >= MAX_ENTRIES) {
      const oldest = pending.keys().next().value as IdentityKey;
      pending.delete(oldest);
      settled.delete(oldest);
    }
    answer = ask(ctx, { type: 'lookup', key }).then((value) => {
      if (pending.get(key) === answer) settled.set(key, value);
      return value;
    });
    pending.set(key, answer);
  }
  return answer;
}

/** The answer if it has already arrived, for synchronous event handlers. */
export function settledAnswer(key: IdentityKey): Answer {
  return settled.get(key);
}

/** Empties the cache and calls back when settings or profiles change. */
export function onStoredDataChange(ctx: ContentScriptContext, callback: () => void): void {
  const listener = (_changes: unknown, area: string) => {
    if (area !== 'local') return; // session holds only card states, which we wrote
    pending.clear();
    settled.clear();
    callback();
  };
  browser.storage.onChanged.addListener(listener);
  ctx.onInvalidated(() => browser.storage.onChanged.removeListener(listener));
}
