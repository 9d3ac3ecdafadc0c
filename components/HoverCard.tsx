/**
 * The hovercard: a person's card beside the link or avatar that names them.
 * Placed with Floating UI (https://floating-ui.com/docs/computeposition):
 * below the target, flipped above or shifted sideways to stay in the
 * viewport, never over the target itself; `autoUpdate` keeps it attached
 * while the page scrolls or resizes. Position is set before the first paint,
 * so the card never flashes in the wrong place.
 */
import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { Profile } from '../data/schema';
import type { Theme } from '../utils/page-theme';
import { Card } from './Card';

export interface HoverCardProps {
  profile: Profile;
  anchor: Element;
  theme: Theme;
  /** Move focus into the card when it opens (keyboard: Alt+↑). */
  focus: boolean;
  onPointer: (inside: boolean) => void;
  onEscape: () => void;
}

const GAP = 8;

export function HoverCard({ profile, anchor, theme, focus, onPointer, onEscape }: HoverCardProps) {
  const dialog = useRef<HTMLElement>(null);

  useLayoutEffect(() => {
    const floating = dialog.current;
    if (!floating) return;
    const place = () =>
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
              elements.floating.style.maxHeight = `${Math.max(180, Math.floor(availableHeight))}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        floating.style.left = `${x}px`;
        floating.style.top = `${y}px`;
        floating.style.visibility = 'visible';
      });
    return autoUpdate(anchor, floating, place);
  }, [anchor]);

  useEffect(() => {
    if (focus) dialog.current?.focus();
  }, [focus]);

  return (
    <div class="pc-theme" data-scheme={theme.scheme} data-contrast={theme.contrast}>
      <section
        ref={dialog}
        class="pc-hover"
        role="dialog"
        aria-label={`Profile card: ${profile.name}`}
        tabIndex={-1}
        onPointerEnter={() => onPointer(true)}
        onPointerLeave={() => onPointer(false)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onEscape();
          }
        }}
      >
        <Card profile={profile} idPrefix="pc-hover" />
      </section>
    </div>
  );
}
