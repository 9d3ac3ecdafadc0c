/**
 * Is this the user's own deliberate act on a link they can see? A hovercard
 * appearing is visible to the page (its host arrives in the document), so a
 * page that could make one open at will would learn whom the user keeps
 * cards for, one guess per opening (issue 21). The rule, for ./hovercards.ts:
 *
 * 1. The pointer really moved, over the link. Chromium sends trusted
 *    `pointerover` to whatever a page moves under a pointer that is resting
 *    (and after scrolling or layout changes), so "the pointer is over it" is
 *    something the page can arrange. A trusted `pointermove` at a new
 *    position (viewport coordinates, so scrolling under a still pointer does
 *    not count) is the hand on the mouse. The hover delay runs from the
 *    first such move over the link. The first move a document hears has no
 *    position to compare with and counts (Chromium sends no pointermove for
 *    content moved under a resting pointer, only pointerover).
 * 2. When the delay ends, the link is still what the pointer hits
 *    (`elementFromPoint` at the last real position, through open shadow
 *    roots), it is on screen, rendered, and not (nearly) transparent: its
 *    own and its ancestors' opacity multiplied is at least MIN_OPACITY, and
 *    `checkVisibility()` holds (`visibility`, `content-visibility`).
 * 3. Where the browser can say more, it must agree: Chromium's
 *    IntersectionObserver v2 (`trackVisibility`) reports `isVisible` false
 *    for a target under another element (even one the pointer passes
 *    through with `pointer-events: none`), or drawn with opacity below 1,
 *    a filter or a 3-D transform. It is strict: a link partly covered (by
 *    a neighbour's focus ring, an overlapping avatar) counts as covered, so
 *    there no card opens until the cover moves (GitHub's avatar stacks
 *    spread apart under the pointer).
 *    https://w3c.github.io/IntersectionObserver/v2/
 *    https://developer.mozilla.org/en-US/docs/Web/API/IntersectionObserverEntry/isVisible
 *
 * What the fallback (Firefox, which has no IntersectionObserver v2) cannot
 * see: a link under an overlay with `pointer-events: none`, and a link made
 * invisible other than by opacity or visibility (a filter, clip-path,
 * `color: transparent` on a transparent background, a blend mode). A page
 * using those still needs the user's real movement onto the link and the
 * full hover delay per guess; docs/design.md#privacy gives the figure.
 *
 * The keyboard path (Alt+↑ on a focused link) applies 2 and 3 without the
 * hit test: the link must be on screen and visible.
 */

/** Below this, a link counts as transparent. */
export const MIN_OPACITY = 0.5;

export interface Point {
  x: number;
  y: number;
}

/** The element the pointer hits at `point`, looking into open shadow roots. */
function hitAt(point: Point): Element | null {
  let hit = document.elementFromPoint(point.x, point.y);
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(point.x, point.y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  return hit;
}

/** Its opacity and that of everything it is drawn inside, multiplied. */
function drawnOpacity(element: Element): number {
  let opacity = 1;
  for (let at: Element | null = element; at; ) {
    opacity *= Number(getComputedStyle(at).opacity);
    const parent: Node | null = at.parentNode;
    at = parent instanceof ShadowRoot ? parent.host : parent instanceof Element ? parent : null;
  }
  return opacity;
}

function onScreen(element: Element): boolean {
  const box = element.getBoundingClientRect();
  return (
    box.width > 0 &&
    box.height > 0 &&
    box.right > 0 &&
    box.bottom > 0 &&
    box.left < innerWidth &&
    box.top < innerHeight
  );
}

/** Rules 2 (and the keyboard's part of it): may a card open for this link now? */
export function visibleTarget(element: Element, pointer?: Point): boolean {
  if (!element.isConnected || !onScreen(element)) return false;
  if (
    typeof element.checkVisibility === 'function' &&
    !element.checkVisibility({ opacityProperty: true, visibilityProperty: true })
  )
    return false;
  if (drawnOpacity(element) < MIN_OPACITY) return false;
  if (pointer) {
    const hit = hitAt(pointer);
    if (!hit || !(hit === element || element.contains(hit))) return false;
  }
  return true;
}

interface VisibilityEntry extends IntersectionObserverEntry {
  isVisible?: boolean;
}

/** Is IntersectionObserver v2 here (Chromium)? */
const hasVisibilityTracking = () =>
  typeof IntersectionObserverEntry !== 'undefined' &&
  'isVisible' in IntersectionObserverEntry.prototype;

export interface VisibilityWatch {
  /** The browser's verdict (rule 3): true where it has none to give. */
  visible(): Promise<boolean>;
  stop(): void;
}

/** How long to wait for IntersectionObserver v2's first report. */
const FIRST_REPORT_MS = 1000;

/** Starts rule 3 for `element`: watch it while the hover delay runs. */
export function watchVisibility(element: Element): VisibilityWatch {
  if (!hasVisibilityTracking()) return { visible: async () => true, stop: () => undefined };
  let latest: boolean | undefined;
  let waiting: ((visible: boolean) => void) | undefined;
  const observer = new IntersectionObserver(
    (entries) => {
      const entry = entries[entries.length - 1] as VisibilityEntry | undefined;
      if (!entry) return;
      latest = entry.isIntersecting && entry.isVisible === true;
      waiting?.(latest);
      waiting = undefined;
    },
    // trackVisibility needs a delay of at least 100 ms between reports.
    { threshold: [0], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
  );
  observer.observe(element);
  return {
    visible: () =>
      latest !== undefined
        ? Promise.resolve(latest)
        : new Promise<boolean>((done) => {
            waiting = done;
            setTimeout(() => done(latest ?? false), FIRST_REPORT_MS);
          }),
    stop: () => observer.disconnect(),
  };
}
