/**
 * The hovercard: a person's card beside the link or avatar that names them.
 * Placed with Floating UI (https://floating-ui.com/docs/computeposition):
 * below the target, flipped above or shifted sideways to stay in the
 * viewport, never over the target itself; `autoUpdate` keeps it attached
 * while the page scrolls or resizes. It is drawn only once placed, so it
 * never flashes in the wrong place: made visible in the same task that
 * measures and places it (one forced style and layout, then the frame
 * restyles only its position). In a page, it is placed only once its host
 * is in the document (entrypoints/card-ui/card-ui.tsx).
 */
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { useLayoutEffect, useRef } from 'preact/hooks';
import { language, t } from '../../i18n/t';
import type { Profile } from '../../people/schema';
import type { Theme } from '../parts/page-theme';
import { Card } from './Card';
import type { NoteApi } from './PersonNote';

/**
 * Shared with the UI bundle: a card can be rendered hidden while the hover
 * delay runs and revealed when it ends, without another render.
 */
export interface HoverControl {
  revealed: boolean;
  /** Set by the card once mounted; makes it visible (and focused, if asked). */
  reveal?: () => void;
}

export interface HoverCardProps {
  profile: Profile;
  anchor: Element;
  theme: Theme;
  control: HoverControl;
  /** Move focus into the card when it opens (keyboard: Alt+↑). */
  focus: boolean;
  onPointer: (inside: boolean) => void;
  onEscape: () => void;
  /** Saving the user's note from the card (./PersonNote.tsx). */
  note?: NoteApi;
}

const GAP = 8;

export function HoverCard({
  profile,
  anchor,
  theme,
  control,
  focus,
  onPointer,
  onEscape,
  note,
}: HoverCardProps) {
  const dialog = useRef<HTMLElement>(null);

  useLayoutEffect(() => {
    const floating = dialog.current;
    if (!floating) return;
    let placed = false;
    /** Visible and reachable; focused only once placed. */
    const visible = (on: boolean) => {
      floating.style.visibility = on ? 'visible' : '';
      if (on) floating.removeAttribute('inert');
      else floating.setAttribute('inert', '');
    };
    const show = () => {
      if (!placed || !control.revealed) return;
      visible(true);
      if (focus) floating.focus();
    };
    // A card prepared during the hover delay may be rendered while its host
    // is out of the document (nothing to measure): it is placed once it is in.
    const place = () => {
      if (!floating.isConnected) return;
      // Revealing: made visible before it is measured, in the same task (no
      // frame is drawn until it is placed), so the measuring's style
      // recalculation covers it and the frame after restyles its position only.
      const revealing = control.revealed && !placed;
      if (revealing) visible(true);
      computePosition(anchor, floating, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(GAP),
          flip({ padding: GAP, fallbackPlacements: ['top-start', 'bottom-end', 'top-end'] }),
          shift({ padding: GAP }),
          size({
            padding: GAP,
            apply({ availableHeight, elements }) {
              const maxHeight = `${Math.max(180, Math.floor(availableHeight))}px`;
              // Unchanged, not written: a write would be measured again.
              if (elements.floating.style.maxHeight !== maxHeight)
                elements.floating.style.maxHeight = maxHeight;
            },
          }),
        ],
      }).then(
        ({ x, y }) => {
          floating.style.left = `${x}px`;
          floating.style.top = `${y}px`;
          placed = true;
          show();
        },
        // Measuring fails only if the anchor left the page mid-way; the card
        // then stays hidden and autoUpdate tries again on the next change.
        () => {
          if (revealing && !placed) visible(false);
        },
      );
    };
    control.reveal = () => {
      control.revealed = true;
      if (placed) show();
      else place();
    };
    const stop = autoUpdate(anchor, floating, place);
    if (control.revealed) control.reveal();
    return stop;
  }, [anchor, control, focus]);

  return (
    <div
      class="pc-theme"
      lang={language()}
      data-scheme={theme.scheme}
      data-contrast={theme.contrast}
    >
      <section
        ref={dialog}
        class="pc-hover"
        role="dialog"
        aria-label={t('card_label', profile.name)}
        tabIndex={-1}
        // Until revealed: invisible (CSS), unfocusable and unannounced.
        inert={!control.revealed}
        onPointerEnter={() => onPointer(true)}
        onPointerLeave={() => onPointer(false)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onEscape();
          }
        }}
      >
        <Card profile={profile} idPrefix="pc-hover" note={note} />
      </section>
    </div>
  );
}
