/**
 * Hovercards: rest the pointer on (or focus) a link or avatar that names a
 * known person, and their card opens beside it.
 *
 *   document (one delegated set of listeners, nothing per element, no scanning)
 *     pointerover / focusin ─▶ closest('a[href], [data-hovercard-url]')
 *       └─ parseIdentityUrl: a person's profile URL? else nothing happens
 *            └─ lookup(key) now (prefetch); if known, load the UI bundle and
 *               render the card hidden
 *                 └─ delay (setting, 300 ms) ends, still on the target? ─▶ reveal it
 *     pointerout / focusout ─▶ close after a grace period unless the pointer
 *                              moved into the card (the UI reports that)
 *     Alt+↑ on a focused target ─▶ open now, focus inside; Esc ─▶ close, focus back
 *
 * GitHub's own hovercard: ./github-takeover.ts keeps it out of the way for
 * people we know; the UI keeps GitHub's popover hidden while ours is open
 * (card-ui/github-hovercard.ts).
 *
 * Real URLs:
 * https://github.com/spacejam/sled/issues/1200 (authors, @mentions, avatars)
 * https://github.com/spacejam/sled/commits/main (commit authors, avatar stacks)
 * https://www.linkedin.com/feed/ (post and comment authors)
 * https://www.linkedin.com/search/results/people/?keywords=distributed%20systems
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { IdentityKey } from '../../identity/keys';
import { parseIdentityUrl } from '../../identity/parse';
import type { CardUi } from '../../messaging/ui-bridge';
import { cardUi, loadedCardUi } from './card-ui-loader';
import { githubHovercardsOff, takeOverGithubHovercards } from './github-takeover';
import { lookup, settledAnswer } from './lookup-cache';

/** How long after leaving the target (or card) the card stays, to allow moving into it. */
const CLOSE_GRACE_MS = 300;
const TARGET = 'a[href], [data-hovercard-url]';

interface Target {
  element: Element;
  key: IdentityKey;
}

/** The person an element points at, from its URL alone (never its classes). */
export function targetOf(node: EventTarget | null): Target | undefined {
  if (!(node instanceof Element)) return undefined;
  const element = node.closest(TARGET);
  if (!element) return undefined;
  // GitHub's data-hovercard-url says who a link is about (`/users/x/hovercard`,
  // `/orgs/x/hovercard`); where present it wins over the href.
  const url = element.getAttribute('data-hovercard-url') ?? element.getAttribute('href');
  const identity = url ? parseIdentityUrl(url, location.href) : undefined;
  return identity?.kind === 'profile' ? { element, key: identity.key } : undefined;
}

export function startHovercards(ctx: ContentScriptContext): () => void {
  let intent: Target | undefined; // what the pointer or focus rests on
  let open: Target | undefined; // whose card is showing
  let openTimer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  const canHover = () => window.matchMedia('(any-hover: hover)').matches;

  /** A card rendered hidden while the delay runs (see `consider`), not yet revealed. */
  let prepared: Target | undefined;

  const cancelOpen = () => {
    clearTimeout(openTimer);
    intent = undefined;
    if (prepared) {
      prepared = undefined;
      void loadedCardUi()?.then((ui) => ui?.hideHover());
    }
  };
  const cancelClose = () => clearTimeout(closeTimer);

  const close = (returnFocus = false) => {
    cancelClose();
    const was = open;
    open = undefined;
    prepared = undefined;
    void loadedCardUi()?.then((ui) => ui?.hideHover());
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

  /** Opens a card now (keyboard, or a switch from another open card). */
  const show = async (ui: CardUi, target: Target, focus: boolean) => {
    const answer = settledAnswer(target.key);
    if (!answer || ctx.isInvalid) return;
    cancelClose();
    prepared = undefined;
    open = target;
    await ui.showHover(target.element, answer.profile, hoverOptions(focus), true);
  };

  /**
   * Starts hover intent: look the person up at once and, if they are known,
   * render their card hidden while the delay runs. When the delay ends (and
   * the pointer is still there) revealing it is one style change, so it paints
   * in the first frame after — rendering it then took a frame or more. While
   * another card is open, the new one is rendered only when its delay ends, so
   * passing over a link on the way into the open card never replaces it.
   */
  const consider = async (target: Target, start: number) => {
    if (open?.element === target.element) return cancelClose();
    if (intent?.element === target.element) return;
    cancelOpen();
    intent = target;
    const answer = await lookup(ctx, target.key);
    if (intent !== target || !answer?.settings.hovercards || githubHovercardsOff()) return;
    const ui = await cardUi(ctx);
    if (intent !== target || !ui) return;
    const wait = Math.max(0, answer.hoverDelayMs - (performance.now() - start));
    if (open) {
      openTimer = setTimeout(() => {
        if (intent === target) void show(ui, target, false);
      }, wait);
      return;
    }
    prepared = target;
    await ui.showHover(target.element, answer.profile, hoverOptions(false), false);
    openTimer = setTimeout(
      () => {
        if (intent !== target || prepared !== target) return;
        prepared = undefined;
        cancelClose();
        open = target;
        ui.revealHover();
      },
      Math.max(0, answer.hoverDelayMs - (performance.now() - start)),
    );
  };

  const openNow = async (target: Target) => {
    cancelOpen();
    const answer = await lookup(ctx, target.key);
    if (!answer?.settings.hovercards) return;
    const ui = await cardUi(ctx);
    if (ui) await show(ui, target, true);
  };

  const leaving = (target: Element | undefined, to: EventTarget | null) =>
    target !== undefined && !(to instanceof Node && target.contains(to));

  const options = { signal: ctx.signal, passive: true } as const;
  document.addEventListener(
    'pointerover',
    (event) => {
      if (event.pointerType === 'touch') return;
      const target = targetOf(event.target);
      // The delay runs from when the pointer arrived, not from when we heard of it.
      if (target) void consider(target, event.timeStamp);
    },
    options,
  );
  document.addEventListener(
    'pointerout',
    (event) => {
      if (event.pointerType === 'touch') return;
      if (intent && leaving(intent.element, event.relatedTarget)) cancelOpen();
      if (open && !open.element.contains(event.relatedTarget as Node | null)) {
        if (open.element.contains(event.target as Node)) closeSoon();
      }
    },
    options,
  );
  document.addEventListener(
    'focusin',
    (event) => {
      const target = targetOf(event.target);
      if (target && canHover()) void consider(target, event.timeStamp);
    },
    options,
  );
  document.addEventListener(
    'focusout',
    (event) => {
      if (intent && leaving(intent.element, event.relatedTarget)) cancelOpen();
      // Focus moving into our own card (its host) keeps it open.
      const into = event.relatedTarget;
      if (
        open &&
        open.element === event.target &&
        !(into instanceof Element && into.localName === 'profile-card')
      ) {
        closeSoon();
      }
    },
    options,
  );
  // A click anywhere but in the card means the user is getting on with the page.
  document.addEventListener(
    'pointerdown',
    (event) => {
      cancelOpen();
      if (open && !(event.target instanceof Element && event.target.localName === 'profile-card'))
        close();
    },
    options,
  );

  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key === 'Escape' && open) {
        close(true);
        return;
      }
      if (!event.altKey || event.key !== 'ArrowUp') return;
      const target = targetOf(document.activeElement);
      if (!target) return;
      const answer = settledAnswer(target.key);
      // Known person: ours, not GitHub's (which uses the same shortcut).
      if (answer?.settings.hovercards) {
        event.preventDefault();
        event.stopImmediatePropagation();
      }
      void openNow(target);
    },
    { signal: ctx.signal, capture: true },
  );
  takeOverGithubHovercards(ctx, (node) => {
    const target = targetOf(node);
    return target !== undefined && !!settledAnswer(target.key)?.settings.hovercards;
  });

  /** Navigation or a settings change: no card outlives its page. */
  return () => {
    cancelOpen();
    if (open) close();
  };
}
