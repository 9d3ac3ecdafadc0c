/**
 * Hovercards: move the pointer onto a link or avatar that names a known
 * person and rest it there, or focus it and press Alt+↑, and their card
 * opens beside it.
 *
 *   document (one delegated set of listeners, nothing per element, no scanning)
 *     pointermove (trusted, the pointer really moved) ─▶ closest('a[href], [data-hovercard-url]')
 *       └─ parseIdentityUrl: a person's profile (or gist list)? else nothing happens
 *            └─ lookup(key) now; if known, load the UI bundle and prepare the
 *               card out of the page's sight
 *                 └─ delay (setting, 300 ms) ends, still on the target, and
 *                    the target visible (./visible-target.ts)? ─▶ show it
 *     pointerout ─▶ close after a grace period unless the pointer moved into the card
 *     stored people or settings changed ─▶ an open card closes; a card on its
 *       way is looked up again and comes on time (the pointer still rests there)
 *     Alt+↑ (trusted) on a focused target ─▶ open now, focus inside; Esc ─▶ close, focus back
 *
 * A page must not learn whom the user keeps cards for (issue 10), so:
 * - only trusted input counts: a page's synthetic events do nothing at all,
 *   not even a lookup, the same for known and unknown people;
 * - a pointer that has not moved opens nothing, whatever the page moves under
 *   it, and a link that is covered, transparent or off screen opens nothing
 *   (./visible-target.ts says how each is told, and what Firefox can't see);
 * - focus alone opens nothing. A script's `focus()` fires trusted focus
 *   events, and any "the user just pressed a key" rule can be ridden by a
 *   page that focuses its own link inside the user's keystroke, so the
 *   keyboard path is Alt+↑ only, GitHub's own shortcut, pressed by the user;
 * - nothing here calls preventDefault or stops the page's events: the page
 *   sees the same events, in the same order, whoever a link names. GitHub's
 *   own card is kept hidden only while ours is visibly open
 *   (card-ui/github-hovercard.ts);
 * - the card's host enters the page only when the card is shown.
 *
 * Real URLs:
 * https://github.com/spacejam/sled/issues/1200 (authors, @mentions, avatars)
 * https://github.com/spacejam/sled/commits/main (commit authors, avatar stacks)
 * https://gist.github.com/spacejam (gist authors, written relative to gist.github.com)
 * https://www.linkedin.com/feed/ (post and comment authors)
 * https://www.linkedin.com/search/results/people/?keywords=distributed%20systems
 */

import type { UrlIdentity } from '../../identity/keys';
import { parseIdentityUrl } from '../../identity/parse';
import type { CardUi } from '../../messaging/ui-bridge';
import { cardUi, loadedCardUi } from './card-ui-loader';
import type { ScriptContext } from './context';
import { githubHovercardsOff } from './github-preference';
import { lookupIdentity } from './lookup-cache';
import { unawaited } from './unawaited';
import { type Point, type VisibilityWatch, visibleTarget, watchVisibility } from './visible-target';

/** How long after leaving the target (or card) the card stays, to allow moving into it. */
const CLOSE_GRACE_MS = 300;
const TARGET = 'a[href], [data-hovercard-url]';

interface Target {
  element: Element;
  identity: UrlIdentity;
}

/**
 * The last link read, so that the pointermoves over one link (many a
 * second) parse its URL once: the same element, URL and page give the same
 * answer.
 */
let lastRead: { element: Element; url: string; page: string; identity?: UrlIdentity } | undefined;

/** The person an element points at, from its URL alone (never its classes). */
export function targetOf(node: EventTarget | null): Target | undefined {
  if (!(node instanceof Element)) return undefined;
  const element = node.closest(TARGET);
  if (!element) return undefined;
  // GitHub's data-hovercard-url says who a link is about (`/users/x/hovercard`,
  // `/orgs/x/hovercard`); where present it wins over the href.
  const url = element.getAttribute('data-hovercard-url') ?? element.getAttribute('href');
  if (url === null) return undefined;
  const page = location.href;
  let identity: UrlIdentity | undefined;
  if (lastRead?.element === element && lastRead.url === url && lastRead.page === page)
    identity = lastRead.identity;
  else {
    const read = parseIdentityUrl(url, page);
    // A person's page, or their gist list: a link to either is a link to them.
    identity = read?.kind === 'profile' || read?.kind === 'gist-profile' ? read : undefined;
    lastRead = { element, url, page, identity };
  }
  // A new Target each time: callers tell one hover from the next by identity.
  return identity ? { element, identity } : undefined;
}

export interface HovercardDeps {
  /** The person whose in-page card is expanded: their links open no second card. */
  expandedInPage(): string | undefined;
}

export interface Hovercards {
  /** Navigation: no card outlives its page. */
  close(): void;
  /**
   * Stored people or settings changed (the answers are already forgotten):
   * an open card closes; one the pointer still rests on is asked for again.
   */
  storedChanged(): void;
}

export function startHovercards(ctx: ScriptContext, deps: HovercardDeps): Hovercards {
  let intent: Target | undefined; // what the pointer rests on
  let intentStart = 0; // when the pointer first moved over it (event time)
  let open: Target | undefined; // whose card is showing
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  /** A card prepared while the delay runs (see `consider`), not yet shown. */
  let prepared: Target | undefined;
  /** The UI, once loaded, for synchronous checks in event handlers. */
  let ui: CardUi | undefined;
  /** Where the pointer last really moved to (viewport coordinates). */
  let pointer: Point | undefined;
  /** The browser's visibility verdict on the intent's target, where it gives one. */
  let watch: VisibilityWatch | undefined;
  /**
   * The hover whose card is on its way (known, its delay running or being
   * shown): the one a stored change asks for again. Not a card shown, closed
   * with Esc, refused or of nobody kept: those wait for the pointer to move.
   */
  let pending: Target | undefined;
  const settle = (target: Target) => {
    if (pending === target) pending = undefined;
  };
  /** Bumped when stored data changes or the page moves on: a `show` begun before gives up. */
  let epoch = 0;

  const hideHover = () => unawaited(loadedCardUi()?.then((loaded) => loaded?.hideHover()));
  const cancelOpen = () => {
    clearTimeout(openTimer);
    intent = undefined;
    pending = undefined;
    watch?.stop();
    watch = undefined;
    if (prepared) {
      prepared = undefined;
      hideHover();
    }
  };
  const cancelClose = () => clearTimeout(closeTimer);

  const close = (returnFocus = false) => {
    cancelClose();
    const was = open;
    open = undefined;
    prepared = undefined;
    hideHover();
    if (returnFocus && was?.element instanceof HTMLElement) was.element.focus();
  };
  const closeSoon = () => {
    cancelClose();
    closeTimer = setTimeout(() => close(), CLOSE_GRACE_MS);
  };

  const hoverOptions = (focus: boolean) => ({
    focus,
    onPointer: (inside: boolean) => (inside ? cancelClose() : closeSoon()),
    onEscape: () => close(true),
  });

  /** The person's answer, if a hovercard may open for them here. */
  const answerFor = async (target: Target) => {
    const answer = await lookupIdentity(ctx, target.identity);
    if (!answer?.settings.hovercards || ctx.isInvalid) return undefined;
    // Their own card is already open in the corner: no second one on top.
    if (answer.profile.id === deps.expandedInPage()) return undefined;
    return answer;
  };

  const loadUi = async () => {
    ui = await cardUi(ctx);
    return ui;
  };

  /** Rules 2 and 3 of ./visible-target.ts, at the moment a card would show. */
  const stillVisible = async (target: Target, at: Point | undefined, seen?: VisibilityWatch) => {
    if (!visibleTarget(target.element, at)) return false;
    const verdict = seen ?? watchVisibility(target.element);
    try {
      return await verdict.visible();
    } finally {
      if (!seen) verdict.stop();
    }
  };

  /** Opens a card now, shown at once (keyboard, or a switch from another open card). */
  const show = async (target: Target, focus: boolean, at?: Point, seen?: VisibilityWatch) => {
    engage();
    const asked = epoch;
    const visible = await stillVisible(target, at, seen);
    if (asked !== epoch) return;
    const answer = visible ? await answerFor(target) : undefined;
    if (asked !== epoch) return;
    const loaded = answer && (await loadUi());
    if (asked !== epoch) return;
    settle(target);
    if (!answer || !loaded || ctx.isInvalid) return;
    cancelClose();
    prepared = undefined;
    open = target;
    await loaded.showHover(target.element, answer.profile, hoverOptions(focus), true);
  };

  /**
   * Starts hover intent: look the person up at once and, if they are known,
   * prepare their card (rendered, out of the document) while the delay runs.
   * When the delay ends and the pointer is still there, showing it is one
   * insertion and a style change, painted in the first frame after. While
   * another card is open, the new one is rendered only when its delay ends,
   * so passing over a link on the way into the open card never replaces it.
   */
  const consider = async (target: Target, start: number) => {
    engage();
    if (open?.element === target.element) return cancelClose();
    if (intent?.element === target.element) return;
    cancelOpen();
    intent = target;
    intentStart = start;
    pending = target;
    const seen = watchVisibility(target.element);
    watch = seen;
    const answer = await answerFor(target);
    if (intent !== target) return;
    if (!answer || githubHovercardsOff()) return settle(target);
    const loaded = await loadUi();
    if (intent !== target) return;
    if (!loaded) return settle(target);
    const wait = () => Math.max(0, answer.hoverDelayMs - (performance.now() - start));
    if (open) {
      openTimer = setTimeout(() => {
        if (intent === target) unawaited(show(target, false, pointer, seen));
      }, wait());
      return;
    }
    prepared = target;
    await loaded.showHover(target.element, answer.profile, hoverOptions(false), false);
    openTimer = setTimeout(async () => {
      if (intent !== target || prepared !== target) return;
      const visible = await stillVisible(target, pointer, seen);
      if (intent !== target || prepared !== target) return;
      if (!visible) return cancelOpen();
      settle(target);
      prepared = undefined;
      cancelClose();
      open = target;
      loaded.revealHover();
    }, wait());
  };

  const leaving = (target: Element | undefined, to: EventTarget | null) =>
    target !== undefined && !(to instanceof Node && target.contains(to));

  const options = { signal: ctx.signal, passive: true } as const;
  document.addEventListener(
    'pointermove',
    (event) => {
      if (!event.isTrusted || event.pointerType === 'touch') return;
      // Moved means a new position in the window: content moved or scrolled
      // under a resting pointer is not the user's doing (./visible-target.ts).
      const at = { x: event.clientX, y: event.clientY };
      // The first move this document hears has nothing to compare with
      // (Chromium reports no movementX for it): it counts.
      const moved = !pointer || at.x !== pointer.x || at.y !== pointer.y;
      pointer = at;
      if (!moved) return;
      const target = targetOf(event.target);
      // The delay runs from the first move over it, not from when we heard of it.
      if (target) unawaited(consider(target, event.timeStamp));
    },
    options,
  );
  /**
   * Leaving, focus moving away and a click elsewhere matter only once a
   * target was considered or a card opened (with neither, each handler does
   * nothing): they are added then, not at every page load (issue 28).
   */
  let engaged = false;
  const engage = () => {
    if (engaged) return;
    engaged = true;
    document.addEventListener(
      'pointerout',
      (event) => {
        if (!event.isTrusted || event.pointerType === 'touch') return;
        if (intent && leaving(intent.element, event.relatedTarget)) cancelOpen();
        if (open && !open.element.contains(event.relatedTarget as Node | null)) {
          if (open.element.contains(event.target as Node)) closeSoon();
        }
      },
      options,
    );
    document.addEventListener(
      'focusout',
      (event) => {
        // A keyboard-opened card stays while focus moves into it (its host).
        if (open && open.element === event.target && !ui?.owns(event.relatedTarget)) closeSoon();
      },
      options,
    );
    // A click anywhere but in the card means the user is getting on with the page.
    document.addEventListener(
      'pointerdown',
      (event) => {
        if (!event.isTrusted) return;
        cancelOpen();
        if (open && !ui?.owns(event.target)) close();
      },
      options,
    );
  };
  window.addEventListener(
    'keydown',
    (event) => {
      if (!event.isTrusted) return;
      if (event.key === 'Escape' && open) {
        close(true);
        return;
      }
      if (!event.altKey || event.key !== 'ArrowUp') return;
      // Not prevented and not stopped, known or not: GitHub's own card may
      // start too, and is kept hidden while ours is open.
      const target = targetOf(document.activeElement);
      if (!target) return;
      cancelOpen();
      unawaited(show(target, true));
    },
    { signal: ctx.signal, capture: true, passive: true },
  );

  const closeAll = () => {
    epoch += 1;
    cancelOpen();
    if (open) close();
  };
  return {
    close: closeAll,
    storedChanged: () => {
      // Only a card on its way: one open (what it showed may be stale) closes.
      const resting = pending;
      closeAll();
      // A change while the delay runs (another tab, a sync, the install's own
      // bookkeeping) must not swallow the card the user is waiting for: asked
      // again, it opens on time, or not at all if the person or the setting is
      // gone. A new Target, so the answer asked before the change is dropped.
      if (resting) unawaited(consider({ ...resting }, intentStart));
    },
  };
}
