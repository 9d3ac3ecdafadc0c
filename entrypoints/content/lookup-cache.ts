/**
 * Who is behind an identity, asked of the background once per identity and
 * page: the in-page card and the hovercards share the answers. While this
 * frame has no card UI, each lookup says so, and the background injects the
 * UI with its answer when the person is known (one round trip for the first
 * card). ./stored-changes.ts empties the cache when stored data changes.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { IdentityKey } from '../../identity/keys';
import type { LookupAnswer } from '../../messaging/messages';
import { type BridgeGlobal, UI_KEY } from '../../messaging/ui-bridge';
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
    const ui = !(globalThis as BridgeGlobal)[UI_KEY];
    answer = ask(ctx, { type: 'lookup', key, ui }).then((value) => {
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

/** Forgets every answer: stored settings or profiles changed. */
export function clearLookups(): void {
  pending.clear();
  settled.clear();
}
