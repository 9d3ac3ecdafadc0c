/**
 * How the small startup content script talks to the card UI bundle that the
 * background injects on demand (entrypoints/card-ui). Both run in the
 * extension's isolated world of the same frame, so they share its global
 * object; the page's own scripts live in another world and cannot see it
 * (https://developer.chrome.com/docs/extensions/develop/concepts/content-scripts#isolated_world).
 * Types and the key only: nothing here adds to the startup bundle's size.
 */
import type { Profile } from '../people/schema';
import type { CardState } from './messages';

export const UI_KEY = '__profileCardUi';

export interface HoverOptions {
  /** Move focus into the card (opened from the keyboard). */
  focus: boolean;
  /** The pointer entered (true) or left (false) the hovercard. */
  onPointer(inside: boolean): void;
  /** Esc was pressed inside the hovercard. */
  onEscape(): void;
}

export interface CardUi {
  /**
   * Show (or switch to) a person's floating card; resolves to the state it
   * shows (a stored one, else expanded or collapsed by the window's width),
   * or undefined if it shows nothing.
   */
  showInPage(
    profile: Profile,
    state: CardState | undefined,
    onState: (state: CardState) => void,
  ): Promise<Exclude<CardState, 'dismissed'> | undefined>;
  /** Remove the floating card, if any. */
  hideInPage(): void;
  /**
   * Render a person's hovercard beside `anchor`, replacing any other: shown at
   * once when `reveal` is true, else prepared out of the page's sight (its
   * host is not in the document) until `revealHover()`.
   */
  showHover(
    anchor: Element,
    profile: Profile,
    options: HoverOptions,
    reveal: boolean,
  ): Promise<void>;
  /** Make the prepared hovercard visible: one style change, painted in the next frame. */
  revealHover(): void;
  hideHover(): void;
  /** Is this target, as the page's document sees it, the card's host? */
  owns(target: EventTarget | null): boolean;
}

/**
 * What the content script's context gives the card UI and its own modules:
 * one signal every listener registers on, aborted when the script stops
 * (entrypoints/content/context.ts).
 */
export interface ScriptContext {
  readonly signal: AbortSignal;
  readonly isInvalid: boolean;
  abort(reason?: unknown): void;
  onInvalidated(callback: () => void): void;
  setInterval(callback: () => void, ms: number): void;
}

export type CardUiFactory = (ctx: ScriptContext) => CardUi;

export type BridgeGlobal = typeof globalThis & { [UI_KEY]?: CardUiFactory };
