/**
 * How the small startup content script talks to the card UI bundle that the
 * background injects on demand (entrypoints/card-ui). Both run in the
 * extension's isolated world of the same frame, so they share its global
 * object; the page's own scripts live in another world and cannot see it
 * (https://developer.chrome.com/docs/extensions/develop/concepts/content-scripts#isolated_world).
 * Types and the key only: nothing here adds to the startup bundle's size.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Profile } from '../data/schema';
import type { CardState } from './messages';

export const UI_KEY = '__profileCardUi';

export interface CardUi {
  /** Show (or switch to) a person's floating card. */
  showInPage(
    profile: Profile,
    state: CardState | undefined,
    onState: (state: CardState) => void,
  ): Promise<void>;
  /** Remove the floating card, if any. */
  hideInPage(): void;
}

export type CardUiFactory = (ctx: ContentScriptContext) => CardUi;

export type BridgeGlobal = typeof globalThis & { [UI_KEY]?: CardUiFactory };
