/**
 * The card UI bundle (`card-ui.js`: Preact, styles), on first need. The
 * background injects it into this frame's isolated world, usually with the
 * answer to the first lookup of a known person (./lookup-cache.ts); running
 * it registers a factory on the shared global (messaging/ui-bridge.ts). If
 * that did not happen, one `mount-ui` message asks for it. Pages where nobody
 * is matched never load it.
 */

import { type BridgeGlobal, type CardUi, UI_KEY } from '../../messaging/ui-bridge';
import { ask } from './ask';
import type { ScriptContext } from './context';
import { unawaited } from './unawaited';

let loading: Promise<CardUi | undefined> | undefined;

/** The UI if it was ever asked for, without loading it. */
export function loadedCardUi(): Promise<CardUi | undefined> | undefined {
  return loading;
}

export function cardUi(ctx: ScriptContext): Promise<CardUi | undefined> {
  loading ??= (async () => {
    const bridge = globalThis as BridgeGlobal;
    if (!bridge[UI_KEY] && !(await ask(ctx, { type: 'mount-ui' }))) return undefined;
    const factory = bridge[UI_KEY];
    if (!factory || ctx.isInvalid) return undefined;
    try {
      return factory(ctx);
    } catch (error) {
      console.error('Profile Card: the card UI did not start', error);
      return undefined;
    }
  })();
  const pending = loading;
  // A failed load may be retried on the next match (the promise never rejects).
  unawaited(
    pending.then((ui) => {
      if (!ui && loading === pending) loading = undefined;
    }),
  );
  return pending;
}
