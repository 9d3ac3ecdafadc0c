/**
 * The card's host in a page: an element no page script can read into or
 * rewrite, whatever the page defined, patched or observed, before or after
 * us. Each line below is what makes one attack fail by construction; the
 * proofs run from the page's side in tests/browser/hostile-page.test.ts.
 *
 * - A plain `div`, never a custom element name. Only an autonomous custom
 *   element can call `attachInternals()` (a `div` has no definition to look
 *   up, and a customised built-in needs `is=`, which we never pass), so
 *   `ElementInternals.shadowRoot`, which hands out even closed roots, can't
 *   exist for it; and our shadow root is not "available to element
 *   internals" anyway, because the host was not a custom element when the
 *   root was attached. A page can't customise `div` later (`define('div')`
 *   is an invalid name; elements are never re-upgraded to a built-in).
 *   https://html.spec.whatwg.org/multipage/custom-elements.html#dom-attachinternals
 *   https://dom.spec.whatwg.org/#dom-element-attachshadow (step "available to element internals")
 * - `attachShadow({ mode: 'closed' })` called by us, right after creating the
 *   element and before it is in the document, from the content script's
 *   isolated world: its `Element.prototype` is not the page's, so a page
 *   that patched `attachShadow` or `getRootNode` never sees our calls
 *   (Chrome: https://developer.chrome.com/docs/extensions/develop/concepts/content-scripts#isolated_world,
 *   Firefox's Xray vision: https://firefox-source-docs.mozilla.org/dom/scriptSecurity/xray_vision.html).
 * - Events from inside bubble out retargeted to the host, and
 *   `composedPath()` omits every node of a closed tree for listeners outside
 *   it (https://dom.spec.whatwg.org/#dom-event-composedpath); focus inside
 *   shows the page `document.activeElement === host`, a bare `div`. Keys
 *   typed in the card stop at the root, so the page's shortcuts don't fire.
 * - The host has no attributes, no text and no children: a MutationObserver
 *   sees one `div` go into `<html>` and nothing about whom it is for. It goes
 *   in only when a card becomes visible after the user's own input or page
 *   load (see entrypoints/content/), never while a card is being prepared.
 * - `:host { all: initial !important }` wins over any page rule on the host
 *   (important declarations from the inner context win the cascade:
 *   https://drafts.csswg.org/css-cascade-5/#cascade-context), so the page's
 *   inherited fonts or colours don't leak in; its computed style is the same
 *   for everyone. Text is painted from attributes (./unfindable-text.ts).
 * - The styles are a `<style>` inside the root, never a file a page could
 *   request (no web-accessible resources).
 */

export interface CardHost {
  /** Where Preact renders. */
  container: HTMLElement;
  /** Puts the host into the page (at the end of <html>, out of Turbo's body swaps). */
  attach(): void;
  /** Takes it out, keeping what was rendered. */
  detach(): void;
  readonly attached: boolean;
  /** Is this event target (as retargeted for the page's document) our host? */
  owns(target: EventTarget | null): boolean;
}

/** Keys typed in the card must not reach GitHub's or LinkedIn's shortcuts. */
const KEY_EVENTS = ['keydown', 'keyup', 'keypress'];

export function createCardHost(css: string): CardHost {
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'closed' });
  const style = document.createElement('style');
  style.textContent = `:host{all:initial !important}\n${css}`;
  const container = document.createElement('div');
  root.append(style, container);
  for (const type of KEY_EVENTS) root.addEventListener(type, (event) => event.stopPropagation());
  return {
    container,
    attach() {
      if (host.parentNode !== document.documentElement) document.documentElement.append(host);
    },
    detach() {
      host.remove();
    },
    get attached() {
      return host.isConnected;
    },
    owns: (target) => target === host,
  };
}
