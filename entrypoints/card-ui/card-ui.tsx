/**
 * The card UI inside the page: one closed shadow root holding the floating
 * card, mounted on <html> so GitHub's Turbo body swaps don't take it away.
 *
 *   startup script ──showInPage(profile)──▶ createCardUi(ctx)
 *                                            ├─ createShadowRootUi(mode: closed, css inlined)
 *                                            ├─ Preact render(<InPageCard/>)
 *                                            └─ theme: <html> attributes + media queries
 *
 * Everything it adds (the host element, the observer on <html>'s attributes,
 * media-query listeners) goes away on hideInPage() or when WXT's context is
 * invalidated (extension reloaded, updated or removed).
 */
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  createShadowRootUi,
  type ShadowRootContentScriptUi,
} from 'wxt/utils/content-script-ui/shadow-root';
import cardCss from '../../components/card.css?inline';
import { InPageCard } from '../../components/InPageCard';
import type { Profile } from '../../data/schema';
import type { CardState } from '../../utils/messages';
import { pageTheme, readMediaPreferences, type Theme } from '../../utils/page-theme';
import type { CardUi } from '../../utils/ui-bridge';

/** Below this width the page's main column needs the corner: start as a chip. */
const ROOM_FOR_EXPANDED_CARD = 1280;

function currentTheme(): Theme {
  return pageTheme(document.documentElement, readMediaPreferences(window));
}

export function createCardUi(ctx: ContentScriptContext): CardUi {
  // Created once and then mounted/removed as people come and go: each
  // createShadowRootUi() registers its own teardown on the context, so making
  // a new one per navigation would pile those up.
  let created: Promise<ShadowRootContentScriptUi<HTMLElement>> | undefined;
  let mounted = false;
  let container: HTMLElement | undefined;
  let rerender: (() => void) | undefined;
  let stopWatchingTheme: (() => void) | undefined;

  const watchTheme = () => {
    const observer = new MutationObserver(() => rerender?.());
    observer.observe(document.documentElement, {
      attributes: true,
      attributeFilter: ['class', 'data-color-mode', 'data-light-theme', 'data-dark-theme'],
    });
    const queries = ['(prefers-color-scheme: dark)', '(prefers-contrast: more)'].map((query) =>
      window.matchMedia(query),
    );
    const onChange = () => rerender?.();
    for (const query of queries) query.addEventListener('change', onChange);
    return () => {
      observer.disconnect();
      for (const query of queries) query.removeEventListener('change', onChange);
    };
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
        stopWatchingTheme = watchTheme();
        return root;
      },
      onRemove: () => {
        stopWatchingTheme?.();
        stopWatchingTheme = undefined;
        if (container) render(null, container);
        container = undefined;
        rerender = undefined;
      },
    });
    const ui = await created;
    if (!mounted && !ctx.isInvalid) {
      ui.mount();
      mounted = true;
    }
  };

  return {
    async showInPage(profile: Profile, state: CardState | undefined, onState) {
      if (state === 'dismissed') return this.hideInPage();
      await mount();
      if (ctx.isInvalid || !container) return;
      const target = container;
      const initial =
        state ?? (window.innerWidth >= ROOM_FOR_EXPANDED_CARD ? 'expanded' : 'collapsed');
      rerender = () =>
        render(
          <InPageCard
            key={profile.id}
            profile={profile}
            state={initial}
            theme={currentTheme()}
            onState={onState}
          />,
          target,
        );
      rerender();
    },
    hideInPage() {
      if (!mounted || !created) return;
      mounted = false;
      void created.then((ui) => ui.remove());
    },
  };
}
