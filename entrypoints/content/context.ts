/**
 * The content script's context: one AbortSignal that every listener, timer
 * and runtime listener of the script registers on, aborted when the
 * extension is gone (reloaded, updated, removed: `runtime.id` is then
 * undefined, https://developer.chrome.com/docs/extensions/reference/api/runtime#property-id).
 *
 *   WXT's content-script entry ─ new ContentScriptContext() ─▶ ./index.ts main(ctx)
 *   (wxt.config.ts points WXT's `wxt/utils/content-script-context` here)
 *
 * WXT's own class also announces every start with a `CustomEvent` on
 * `document` named `<extension id>:content:wxt:content-script-started`, and
 * stops itself when it hears one. Both are visible to the page, which knows
 * our id from the store listing: listening tells a page we are installed,
 * and a page's forged event would stop us. It also brings a location watcher
 * and timers we do not use (./navigation.ts watches the URL). This class
 * keeps only what the script uses, ~2.5 KB less on every page (issue 28), and
 * has no event to announce or hear. An orphan left behind by an update stops
 * itself the moment it next asks the background (./ask.ts) or checks
 * `isInvalid`. The hostile-page test listens for WXT's event and forges it.
 */
import { extensionApi } from '../../messaging/extension-api';
import type { ScriptContext } from '../../messaging/ui-bridge';

export type { ScriptContext };

/** Named as WXT's class, which WXT's entry constructs (wxt.config.ts points it here). */
export class ContentScriptContext implements ScriptContext {
  private readonly controller = new AbortController();

  /** Aborted when the script stops: every listener of the script is given it. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** True once the extension is gone or the script was stopped. */
  get isInvalid(): boolean {
    // i18n-ignore: a reason for the console, not the user
    if (!extensionApi().runtime?.id) this.abort('The extension is gone');
    return this.signal.aborted;
  }

  abort(reason?: unknown): void {
    this.controller.abort(reason);
  }

  onInvalidated(callback: () => void): void {
    this.signal.addEventListener('abort', callback, { once: true });
  }

  /** An interval that stops with the script, and runs only while the extension is there. */
  setInterval(callback: () => void, ms: number): void {
    const id = setInterval(() => {
      if (!this.isInvalid) callback();
    }, ms);
    this.onInvalidated(() => clearInterval(id));
  }
}
