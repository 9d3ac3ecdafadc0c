/**
 * The floating card on a known person's own page (GitHub profile, repos,
 * gists; LinkedIn /in/). It sits in the bottom-right corner, out of the way of
 * the page's main column; it collapses to a chip and can be dismissed, and the
 * content script remembers either for the browser session. Esc collapses it
 * and leaves focus on the chip.
 */
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { initials } from '../../contact/initials';
import { language, t } from '../../i18n/t';
import type { CardState } from '../../messaging/messages';
import type { Profile } from '../../people/schema';
import type { Theme } from '../parts/page-theme';
import { Card, hue } from './Card';
import type { NoteApi } from './PersonNote';

export interface InPageCardProps {
  profile: Profile;
  state: Exclude<CardState, 'dismissed'>;
  theme: Theme;
  onState: (state: CardState) => void;
  /** Saving the user's note from the card (./PersonNote.tsx). */
  note?: NoteApi;
}

export function InPageCard({ profile, state: initial, theme, onState, note }: InPageCardProps) {
  const [state, setState] = useState<CardState>(initial);
  const chipButton = useRef<HTMLButtonElement>(null);
  const collapseButton = useRef<HTMLButtonElement>(null);
  const focusNext = useRef(false);

  const change = (next: CardState, moveFocus: boolean) => {
    focusNext.current = moveFocus;
    setState(next);
    onState(next);
  };

  // In the commit that swapped the button for the chip (or back), so focus
  // is never on <body> in between (as components/options/refocus.ts).
  useLayoutEffect(() => {
    if (!focusNext.current) return;
    focusNext.current = false;
    (state === 'collapsed' ? chipButton : collapseButton).current?.focus();
  }, [state]);

  if (state === 'dismissed') return null;
  const label = t('card_label', profile.name);
  const dismiss = (
    <button
      type="button"
      class="pc-icon-button"
      aria-label={t('inpage_dismiss_label', profile.name)}
      title={t('inpage_dismiss_title')}
      onClick={() => change('dismissed', false)}
    >
      ×
    </button>
  );

  return (
    <div
      class="pc-theme"
      lang={language()}
      data-scheme={theme.scheme}
      data-contrast={theme.contrast}
    >
      {state === 'collapsed' ? (
        <section class="pc-chip" aria-label={label}>
          <button
            ref={chipButton}
            type="button"
            class="pc-chip-open"
            aria-expanded="false"
            onClick={() => change('expanded', true)}
          >
            <span
              class="pc-avatar"
              aria-hidden="true"
              style={{ '--pc-hue': String(hue(profile.id)) }}
            >
              {initials(profile.name)}
            </span>
            <span dir="auto">{profile.name}</span>
          </button>
          {dismiss}
        </section>
      ) : (
        <section
          class="pc-float"
          aria-label={label}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.stopPropagation();
              change('collapsed', true);
            }
          }}
        >
          <Card
            profile={profile}
            idPrefix="pc-inpage"
            note={note}
            controls={
              <>
                <button
                  ref={collapseButton}
                  type="button"
                  class="pc-icon-button"
                  aria-label={t('inpage_collapse_label')}
                  aria-expanded="true"
                  title={t('inpage_collapse_title')}
                  onClick={() => change('collapsed', true)}
                >
                  –
                </button>
                {dismiss}
              </>
            }
          />
        </section>
      )}
    </div>
  );
}
