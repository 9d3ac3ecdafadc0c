/**
 * Who is behind an identity, asked of the background once per identity and
 * page: the in-page card and the hovercards share the answers. While this
 * frame has no card UI, each lookup says so, and the background injects the
 * UI with its answer when the person is known (one round trip for the first
 * card). ./stored-changes.ts empties the cache when stored data changes, and
 * `rememberCardState` keeps cached answers in step when the user collapses
 * or dismisses a card (storage.session holds it too, but the cache would
 * otherwise answer the old state until the page reloads).
 */

import type { IdentityKey, UrlIdentity } from '../../identity/keys';
import type { CardState, LookupAnswer } from '../../messaging/messages';
import { type BridgeGlobal, UI_KEY } from '../../messaging/ui-bridge';
import { ask } from './ask';
import type { ScriptContext } from './context';

type Answer = LookupAnswer | null | undefined;
const pending = new Map<IdentityKey, Promise<Answer>>();
const settled = new Map<IdentityKey, Answer>();
/** Enough for a busy issue thread; the oldest entries go first. */
const MAX_ENTRIES = 500;

export function lookup(ctx: ScriptContext, key: IdentityKey): Promise<Answer> {
  let answer = pending.get(key);
  if (!answer) {
    if (pending.size >= MAX_ENTRIES) {
      const oldest = pending.keys().next().value as IdentityKey;
      pending.delete(oldest);
      settled.delete(oldest);
    }
    const ui = !(globalThis as BridgeGlobal)[UI_KEY];
    const asked: Promise<Answer> = ask(ctx, { type: 'lookup', key, ui }).then((value) => {
      // A failed question (undefined) is not an answer: ask again next time.
      if (pending.get(key) !== asked) return value;
      if (value === undefined) pending.delete(key);
      else settled.set(key, value);
      return value;
    });
    answer = asked;
    pending.set(key, answer);
  }
  return answer;
}

/** The identity's key, then its alternates (a LinkedIn member id), until one is known. */
export async function lookupIdentity(
  ctx: ScriptContext,
  identity: Pick<UrlIdentity, 'key' | 'alternates'>,
): Promise<Answer> {
  let answer = await lookup(ctx, identity.key);
  for (const key of identity.alternates ?? []) {
    if (answer) break;
    answer = await lookup(ctx, key);
  }
  return answer;
}

/** The answer if it has already arrived, for synchronous event handlers. */
export function settledAnswer(key: IdentityKey): Answer {
  return settled.get(key);
}

/** The user collapsed, expanded or dismissed a person's in-page card. */
export function rememberCardState(profileId: string, state: CardState): void {
  for (const answer of settled.values()) if (answer?.profile.id === profileId) answer.state = state;
}

/** Forgets every answer: stored settings or profiles changed. */
export function clearLookups(): void {
  pending.clear();
  settled.clear();
}
