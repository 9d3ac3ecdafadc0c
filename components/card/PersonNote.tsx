/**
 * The user's own memory of a person on their card (issue 26), under the
 * person's own text and marked as the user's: the note, the tags, the day
 * they last spoke. Where the card can save (the popup, a hovercard, the
 * in-page card), a "Note" control (or the N key while the card has focus)
 * opens ./NoteEditor.tsx in place.
 *
 *   Note / N ─▶ NoteEditor ─Ctrl+Enter─▶ api.save(mine, seen) ─▶ ok: shown here
 *                          └─Esc──▶ closed, nothing written      └▶ changed elsewhere:
 *                                                                   both shown, user picks
 *
 * `seen`, the note this card showed, is the save's precondition: a note
 * changed in another tab or by sync in between is never overwritten
 * silently (store/store.ts `saveMine`).
 *
 * In a page every string here is painted from attributes like the rest of
 * the card (entrypoints/card-ui/unfindable-text.ts); the editor's fields
 * hold their text as values, never as text nodes.
 */
import type { RefObject } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../i18n/t';
import type { NoteSaved } from '../../messaging/messages';
import { cleanMine } from '../../people/notes';
import type { Mine } from '../../people/schema';
import { NoteEditor } from './NoteEditor';

export interface NoteApi {
  /** Saves here, against the note the editor opened on (extension pages). */
  save?(mine: Mine | undefined, seen: Mine | undefined): Promise<NoteSaved>;
  /**
   * Opens the editor elsewhere instead (a card in a web page: the extension's
   * own window, since a page hears keys typed in it and `window.find()`s
   * what its form fields hold).
   */
  open?(): void;
  /** Open the editor at once (the note window). */
  editing?: boolean;
  /** The editor closed: saved or cancelled. */
  onDone?(saved: boolean): void;
  /** Tags the user already uses, for completion (extension pages only). */
  knownTags?: () => Promise<string[]>;
  /** Where N opens the editor: the card (a page) or the whole document (the popup). */
  shortcut?: 'card' | 'document';
}

/** `2026-05-31` in the user's language, as a calendar day (no time zone shift). */
export function formatDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  try {
    return new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
      dateStyle: 'medium',
      timeZone: 'UTC',
    }).format(Date.UTC(year ?? 0, (month ?? 1) - 1, date ?? 1));
  } catch {
    return day;
  }
}

function isTyping(target: EventTarget | undefined): boolean {
  if (!(target instanceof Element)) return false;
  return target.closest('input, textarea, select, [contenteditable]') !== null;
}

function NoteView({ mine, idPrefix }: { mine: Mine; idPrefix: string }) {
  return (
    <>
      {mine.note && (
        <p class="pc-note-text" id={`${idPrefix}-note`} dir="auto">
          {mine.note}
        </p>
      )}
      {mine.tags && mine.tags.length > 0 && (
        <ul class="pc-note-tags" aria-label={t('note_tags')}>
          {mine.tags.map((tag) => (
            <li key={tag} class="pc-note-tag" dir="auto">
              {`#${tag}`}
            </li>
          ))}
        </ul>
      )}
      {mine.contacted && (
        <p class="pc-note-contacted">{t('note_contacted_on', formatDay(mine.contacted))}</p>
      )}
    </>
  );
}

export function PersonNote({
  id,
  name,
  mine: stored,
  idPrefix,
  api,
  card,
  level = 3,
}: {
  id: string;
  name: string;
  mine: Mine | undefined;
  idPrefix: string;
  api?: NoteApi;
  /** The card's element, for the N shortcut. */
  card: RefObject<HTMLElement | null>;
  /** The level of the card's section headings. */
  level?: 2 | 3 | 4;
}) {
  const Heading = `h${level}` as 'h2' | 'h3' | 'h4';
  /** What this card shows: what was read, then what this card saved. */
  const [shown, setShown] = useState<{ of: string; mine: Mine | undefined }>({
    of: id,
    mine: stored,
  });
  /**
   * The note as it was when the editor opened: the save's precondition. Not
   * what the card shows by the time of saving, which a change elsewhere may
   * have replaced meanwhile (that change must come back as a conflict).
   */
  const [base, setBase] = useState<{ mine: Mine | undefined } | undefined>(
    api?.editing && api.save ? { mine: stored } : undefined,
  );
  const editing = base !== undefined;
  const setEditing = (open: boolean) => setBase(open ? { mine } : undefined);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ text: string; error?: boolean }>();
  const [conflict, setConflict] = useState<{ draft: Mine | undefined; theirs: Mine | undefined }>();
  const [known, setKnown] = useState<string[]>();
  const openButton = useRef<HTMLButtonElement>(null);
  /**
   * Closing the editor gives focus back to the Note control, so it stays in
   * the card (a hovercard opened from the keyboard closes when focus leaves).
   */
  const wasEditing = useRef(false);
  useLayoutEffect(() => {
    if (wasEditing.current && !editing) openButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  // A new read of the person (another tab saved, the store changed) replaces what is shown.
  const mine = shown.of === id ? shown.mine : stored;
  useEffect(() => setShown({ of: id, mine: stored }), [id, stored]);

  const open = () => {
    if (api?.open) return api.open();
    setStatus(undefined);
    setConflict(undefined);
    setEditing(true);
    if (api?.knownTags && !known) api.knownTags().then(setKnown, () => setKnown([]));
  };

  // A layout effect: listening from the commit that shows the card, so an N
  // pressed before the next frame is not lost.
  useLayoutEffect(() => {
    if (!api || editing) return;
    const element = card.current;
    if (!element) return;
    // Keys reach the card's root (the page card's shadow root, or the
    // popup's document): N counts where focus is on the card or on what
    // holds it (a hovercard's dialog), or anywhere in the popup.
    const target = element.getRootNode();
    const ours = (focused: EventTarget | undefined) =>
      api.shortcut === 'document' ||
      (focused instanceof Element && (element.contains(focused) || focused.contains(element)));
    const onKey = (event: Event) => {
      const key = event as KeyboardEvent;
      // The user's key only: a script's keydown (which in a page could not
      // reach this root, a closed shadow root) opens nothing either.
      if (key.isTrusted !== true) return;
      const focused = key.composedPath()[0] ?? key.target ?? undefined;
      if (
        (key.key === 'n' || key.key === 'N') &&
        !key.ctrlKey &&
        !key.metaKey &&
        !key.altKey &&
        ours(focused) &&
        !isTyping(focused)
      ) {
        key.preventDefault();
        open();
      }
    };
    target.addEventListener('keydown', onKey);
    return () => target.removeEventListener('keydown', onKey);
  });

  const save = async (draft: Mine | undefined, seen: Mine | undefined) => {
    if (!api?.save) return;
    setBusy(true);
    setStatus(undefined);
    try {
      const result = await api.save(cleanMine(draft), cleanMine(seen));
      if (result.ok) {
        setShown({ of: id, mine: result.mine ?? undefined });
        setEditing(false);
        setConflict(undefined);
        setStatus({ text: t('note_saved') });
        api.onDone?.(true);
      } else if ('error' in result) {
        setStatus({ text: t('note_failed', result.error), error: true });
      } else if (result.gone) {
        setStatus({ text: t('note_gone'), error: true });
      } else {
        setEditing(false);
        setConflict({ draft, theirs: result.theirs ?? undefined });
      }
    } catch (error) {
      setStatus({ text: t('note_failed', String(error)), error: true });
    } finally {
      setBusy(false);
    }
  };

  const hasNote = !!cleanMine(mine);
  if (!hasNote && !api) return null;

  return (
    <section class="pc-note" aria-labelledby={`${idPrefix}-note-title`}>
      <div class="pc-note-head">
        <Heading class="pc-note-title" id={`${idPrefix}-note-title`}>
          {t('note_yours')}
        </Heading>
        <span class="pc-note-private">{t('note_private')}</span>
        {api && !editing && (
          <button
            ref={openButton}
            type="button"
            class="pc-more pc-note-open"
            // i18n-ignore: a key's name (https://w3c.github.io/aria/#aria-keyshortcuts)
            aria-keyshortcuts="N"
            title={t('note_button_title', name)}
            onClick={open}
          >
            {t('note_button')}
          </button>
        )}
      </div>
      {!editing && mine && <NoteView mine={mine} idPrefix={idPrefix} />}
      {editing && (
        <NoteEditor
          idPrefix={idPrefix}
          mine={conflict?.draft ?? mine}
          knownTags={known}
          busy={busy}
          onSave={(draft) => save(draft, base?.mine)}
          onCancel={() => {
            setEditing(false);
            api?.onDone?.(false);
          }}
        />
      )}
      {conflict && (
        <div class="pc-note-conflict" role="alert">
          <p>{t('note_conflict', name)}</p>
          {cleanMine(conflict.theirs) ? (
            <div class="pc-note-theirs">
              <NoteView mine={conflict.theirs as Mine} idPrefix={`${idPrefix}-theirs`} />
            </div>
          ) : (
            <p class="pc-note-theirs">{t('note_conflict_empty')}</p>
          )}
          <div class="pc-note-row">
            <button
              type="button"
              class="pc-button pc-primary"
              disabled={busy}
              onClick={() => save(conflict.draft, conflict.theirs)}
            >
              {t('note_keep_mine')}
            </button>
            <button
              type="button"
              class="pc-button"
              disabled={busy}
              onClick={() => {
                setShown({ of: id, mine: conflict.theirs });
                setConflict(undefined);
              }}
            >
              {t('note_keep_theirs')}
            </button>
          </div>
        </div>
      )}
      <p
        class={status?.error ? 'pc-status pc-status-error' : 'pc-status'}
        role="status"
        aria-live="polite"
      >
        {status?.text ?? ''}
      </p>
    </section>
  );
}
