/**
 * The card UI inside the page: one closed shadow root holding the floating
 * in-page card and/or the hovercard, mounted on <html> so GitHub's Turbo body
 * swaps don't take it away.
 *
 *   startup script ─ showInPage / showHover ─▶ createCardUi(ctx)
 *                                                ├─ createShadowRootUi(mode: closed, css inlined)
 *                                                ├─ Preact render(<InPageCard/> <HoverCard/>)
 *                                                ├─ theme: <html> attributes + media queries
 *                                                └─ GitHub's own hovercard kept hidden while ours is open
 *
 * Everything it adds (the host element, the observer on <html>'s attributes,
 * media-query listeners) goes away once neither card is shown, or when WXT's
 * context is invalidated (extension reloaded, updated or removed).
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  createShadowRootUi,
  type ShadowRootContentScriptUi,
} from 'wxt/utils/content-script-ui/shadow-root';
import cardCss from '../../components/card.css?inline';
import { HoverCard, type HoverControl } from '../../components/HoverCard';
import { InPageCard } from '../../components/InPageCard';
import { pageTheme, readMediaPreferences, type Theme } from '../../components/page-theme';
import type { CardState } from '../../messaging/messages';
import type { CardUi, HoverOptions } from '../../messaging/ui-bridge';
import type { Profile } from '../../profiles/schema';
import { keepGithubHovercardHidden } from './github-hovercard';

/** Below this width the page's main column needs the corner: start as a chip. */
const ROOM_FOR_EXPANDED_CARD = 1280;

interface InPage {
  profile: Profile;
  state: Exclude<CardState, 'dismissed'>;
  onState: (state: CardState) => void;
}
interface Hover extends HoverOptions {
  profile: Profile;
  anchor: Element;
  control: HoverControl;
  /** Changes with every opening, so reopening remounts (fresh focus, position). */
  serial: number;
}

function currentTheme(): Theme {
  return pageTheme(document.documentElement, readMediaPreferences(window));
}

function watchTheme(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['class', 'data-color-mode', 'data-light-theme', 'data-dark-theme'],
  });
  const queries = ['(prefers-color-scheme: dark)', '(prefers-contrast: more)'].map((query) =>
    window.matchMedia(query),
  );
  for (const query of queries) query.addEventListener('change', onChange);
  return () => {
    observer.disconnect();
    for (const query of queries) query.removeEventListener('change', onChange);
  };
}

export function createCardUi(ctx: ContentScriptContext): CardUi {
  // Created once and then mounted/removed as cards come and go: each
  // createShadowRootUi() registers its own teardown on the context, so making
  // a new one per navigation would pile those up.
  let created: Promise<ShadowRootContentScriptUi<HTMLElement>> | undefined;
  let mounted = false;
  let container: HTMLElement | undefined;
  let stopWatchingTheme: (() => void) | undefined;
  let restoreGithubHovercard: (() => void) | undefined;
  let inPage: InPage | undefined;
  let hover: Hover | undefined;
  let serial = 0;

  const draw = () => {
    if (!container) return;
    const theme = currentTheme();
    render(
      <>
        {inPage && (
          <InPageCard
            key={inPage.profile.id}
            profile={inPage.profile}
            state={inPage.state}
            theme={theme}
            onState={inPage.onState}
          />
        )}
        {hover && (
          <HoverCard
            key={hover.serial}
            profile={hover.profile}
            anchor={hover.anchor}
            control={hover.control}
            theme={theme}
            focus={hover.focus}
            onPointer={hover.onPointer}
            onEscape={hover.onEscape}
          />
        )}
      </>,
      container,
    );
  };

  const mount = async () => {
    created ??= createShadowRootUi(ctx, {
      name: 'profile-card',
      mode: 'closed',
      position: 'inline',
      anchor: document.documentElement,
      css: cardCss,
      // Keys typed in the card must not reach GitHub's or LinkedIn's shortcuts.
      isolateEvents: true,
      onMount: (root) => {
        container = root;
        stopWatchingTheme = watchTheme(draw);
        return root;
      },
      onRemove: () => {
        stopWatchingTheme?.();
        stopWatchingTheme = undefined;
        restoreGithubHovercard?.();
        restoreGithubHovercard = undefined;
        if (container) render(null, container);
        container = undefined;
      },
    });
    const ui = await created;
    if (!mounted && !ctx.isInvalid) {
      ui.mount();
      mounted = true;
    }
  };

  /** Take the host out of the page once neither card is shown. */
  const unmountIfEmpty = () => {
    draw();
    if (inPage || hover || !mounted || !created) return;
    mounted = false;
    void created.then((ui) => ui.remove());
  };

  return {
    async showInPage(profile, state, onState) {
      if (state === 'dismissed') return this.hideInPage();
      await mount();
      if (ctx.isInvalid) return;
      const initial =
        state ?? (window.innerWidth >= ROOM_FOR_EXPANDED_CARD ? 'expanded' : 'collapsed');
      inPage = { profile, state: initial, onState };
      draw();
    },
    hideInPage() {
      inPage = undefined;
      unmountIfEmpty();
    },
    async showHover(anchor, profile, options, reveal) {
      await mount();
      if (ctx.isInvalid) return;
      if (reveal) restoreGithubHovercard ??= keepGithubHovercardHidden();
      hover = { ...options, anchor, profile, control: { revealed: reveal }, serial: ++serial };
      draw();
    },
    revealHover() {
      if (!hover) return;
      restoreGithubHovercard ??= keepGithubHovercardHidden();
      const { control } = hover;
      if (control.reveal) control.reveal();
      else control.revealed = true;
    },
    hideHover() {
      if (!hover) return;
      hover = undefined;
      restoreGithubHovercard?.();
      restoreGithubHovercard = undefined;
      unmountIfEmpty();
    },
  };
}
