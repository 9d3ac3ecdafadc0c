/**
 * The card UI inside the page: one closed shadow root holding the floating
 * in-page card and/or the hovercard, on a host at the end of <html> so
 * GitHub's Turbo body swaps don't take it away.
 *
 *   startup script ─ showInPage / showHover ─▶ createCardUi(ctx)
 *                                                ├─ ./host.ts: a bare div, our own closed root, css inlined
 *                                                ├─ Preact render(<InPageCard/> <HoverCard/>), text painted
 *                                                │  from attributes (./unfindable-text.ts), custom
 *                                                │  properties renamed (./private-properties.ts)
 *                                                ├─ ./theme-watch.ts: re-render when the theme changes
 *                                                └─ GitHub's own hovercard kept hidden while ours is open
 *
 * The host goes into the page only while a card is visible. A hovercard
 * being prepared during the hover delay is rendered into the host while it
 * is out of the document, so the page sees nothing until the card is shown
 * to the user (and nothing at all if the pointer moved on).
 *
 * Everything it adds (the host, the observer on <html>'s attributes,
 * media-query listeners) goes away once neither card is shown, or when WXT's
 * context is invalidated (extension reloaded, updated or removed).
 */
import { render } from 'preact';
import cardCss from '../../components/card/card.css?inline';
import { HoverCard, type HoverControl } from '../../components/card/HoverCard';
import { InPageCard } from '../../components/card/InPageCard';
import notesCss from '../../components/card/notes.css?inline';
import type { NoteApi } from '../../components/card/PersonNote';
import type { Theme } from '../../components/parts/page-theme';
import { send } from '../../messaging/ask';
import type { CardState } from '../../messaging/messages';
import type { CardUi, HoverOptions } from '../../messaging/ui-bridge';
import type { Profile } from '../../people/schema';
import type { ScriptContext } from '../content/context';
import {
  hideGithubHovercard,
  releaseGithubHovercard,
  restoreGithubHovercard,
} from './github-hovercard';
import { type CardHost, createCardHost } from './host';
import { privateProperties, renameInlineProperties } from './private-properties';
import { currentTheme, type ThemeSources, watchTheme } from './theme-watch';
import { paintTextFromAttributes, TEXT_CSS } from './unfindable-text';

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

/**
 * The Note control on a card in the page: one message naming one person,
 * which opens the editor in the extension's own window (issue 26). Nothing
 * of the note is ever typed into the page.
 */
const noteApi = (id: string): NoteApi => ({
  shortcut: 'card',
  open: () => void send({ type: 'note-open', id }).catch(() => undefined),
});

export function createCardUi(ctx: ScriptContext): CardUi {
  paintTextFromAttributes();
  renameInlineProperties();
  const sources: ThemeSources = {
    root: document.documentElement,
    matchMedia: (query) => window.matchMedia(query),
  };
  let host: CardHost | undefined;
  let theme: Theme = currentTheme(sources);
  let stopWatchingTheme: (() => void) | undefined;
  let inPage: InPage | undefined;
  let hover: Hover | undefined;
  let serial = 0;

  const draw = () => {
    if (!host) return;
    render(
      <>
        {inPage && (
          <InPageCard
            key={inPage.profile.id}
            profile={inPage.profile}
            state={inPage.state}
            theme={theme}
            onState={inPage.onState}
            note={noteApi(inPage.profile.id)}
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
            note={noteApi(hover.profile.id)}
          />
        )}
      </>,
      host.container,
    );
  };

  const ensureHost = (): CardHost => {
    if (!host) {
      host = createCardHost(privateProperties(cardCss + notesCss) + TEXT_CSS);
      theme = currentTheme(sources);
      stopWatchingTheme = watchTheme(sources, (next) => {
        theme = next;
        draw();
      });
    }
    return host;
  };

  const teardown = () => {
    inPage = undefined;
    hover = undefined;
    releaseGithubHovercard();
    stopWatchingTheme?.();
    stopWatchingTheme = undefined;
    if (host) {
      render(null, host.container);
      host.detach();
    }
    host = undefined;
  };
  ctx.onInvalidated(() => {
    teardown();
    restoreGithubHovercard();
  });

  /** After a card went away: the host leaves the page unless a visible card remains. */
  const settle = () => {
    if (!inPage && !hover) return teardown();
    draw();
    if (!inPage && hover && !hover.control.revealed) host?.detach();
  };

  const reveal = (current: Hover) => {
    ensureHost().attach();
    hideGithubHovercard(current.anchor);
    const { control } = current;
    if (control.reveal) control.reveal();
    else control.revealed = true;
  };

  return {
    async showInPage(profile, state, onState) {
      if (state === 'dismissed') {
        this.hideInPage();
        return undefined;
      }
      if (ctx.isInvalid) return undefined;
      const shown: InPage = {
        profile,
        state: state ?? (window.innerWidth >= ROOM_FOR_EXPANDED_CARD ? 'expanded' : 'collapsed'),
        onState: (next) => {
          if (next !== 'dismissed') shown.state = next;
          onState(next);
        },
      };
      inPage = shown;
      ensureHost();
      draw();
      host?.attach();
      return shown.state;
    },
    hideInPage() {
      if (!inPage) return;
      inPage = undefined;
      settle();
    },
    async showHover(anchor, profile, options, revealNow) {
      if (ctx.isInvalid) return;
      ensureHost();
      const next: Hover = {
        ...options,
        anchor,
        profile,
        control: { revealed: false },
        serial: ++serial,
      };
      hover = next;
      draw();
      if (revealNow) reveal(next);
      else if (!inPage) host?.detach();
    },
    revealHover() {
      if (hover) reveal(hover);
    },
    hideHover() {
      if (!hover) return;
      hover = undefined;
      releaseGithubHovercard();
      settle();
    },
    owns: (target) => host?.owns(target) ?? false,
  };
}
