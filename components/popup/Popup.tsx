/**
 * components/popup/ — the toolbar popup (entrypoints/popup/main.tsx).
 *
 *   Popup.tsx ─┬─ PeopleList.tsx  everyone, searchable, drawn over jobs/roster.ts
 *              │                  in a virtual window (components/parts/virtual-window.ts)
 *              ├─ components/card/Card.tsx  one person's card
 *              └─ KeepPerson.tsx  "Keep this person" / "Update from page" from the tab
 *                                 (capture/ reads, people/claims.ts judges, store/ writes)
 *   popup.css, keep.css
 *
 * The toolbar popup. If the active tab shows a known person (any URL form
 * identity/parse.ts knows), their card; otherwise everyone, in a
 * list you can search and walk with the arrow keys (./PeopleList.tsx). The
 * tab's URL is read through `activeTab`, granted by the click on the
 * toolbar icon. Above the list, the page's person to keep (or why there is
 * none); under one of your own people's cards, "Update from page"
 * (KeepPerson.tsx).
 *
 * Keyboard: Enter in the list opens a card with focus on its heading (the
 * person's name is what is read next); "← All people", a labelled button
 * above the card, and Esc both go back to the list, with its search and the
 * person you were on as you left them.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { language, t } from '../../i18n/t';
import type { Roster } from '../../jobs/roster';
import type { Profile } from '../../people/schema';
import { Card } from '../card/Card';
import type { NoteApi } from '../card/PersonNote';
import type { Theme } from '../parts/page-theme';
import type { KeepApi, KeepTask } from './KeepPerson';
import { type ListMemory, PeopleList } from './PeopleList';

export interface PopupApi {
  /** The profile for the active tab's page, or null. */
  activeTabProfile(): Promise<Profile | null>;
  /**
   * Everyone, with the search index (./PeopleList.tsx). `first`, when given,
   * may hear the first rows before the whole is read (a roster not `complete`).
   */
  people(first?: (rows: Roster) => void): Promise<Roster>;
  /** Calls back when the stored people change; returns an unsubscribe. */
  onPeopleChange?(changed: () => void): () => void;
  profile(id: string): Promise<Profile | null>;
  openOptions?: () => void;
  /**
   * Reading the tab and saving what it shows, loaded on demand (after the
   * first paint); without it the popup only shows.
   */
  keep?: () => Promise<KeepApi>;
  /** Saving the user's note about the person on the card (../card/PersonNote.tsx). */
  note?: (id: string) => NoteApi;
}

type View =
  | { kind: 'loading' }
  | { kind: 'card'; profile: Profile; fromList: boolean }
  | { kind: 'list' }
  | { kind: 'keep'; task: KeepTask; back: View };

const viewFor = (profile: Profile | null): View =>
  profile ? { kind: 'card', profile, fromList: false } : { kind: 'list' };

/**
 * `initial`: the active tab's person if already known when the popup first
 * renders (main.tsx asks before rendering, so the card is the popup's first
 * paint); undefined to ask here.
 */
export function Popup({
  api,
  theme,
  initial,
}: {
  api: PopupApi;
  theme: Theme;
  initial?: Profile | null;
}) {
  const [view, setView] = useState<View>(
    initial === undefined ? { kind: 'loading' } : viewFor(initial),
  );
  const [error, setError] = useState<string | undefined>();
  const [status, setStatus] = useState('');
  const keepUi = useKeepUi(api);
  /** The list's search and active person, kept while a card is open. */
  const memory = useRef<ListMemory>({ query: '' });
  const main = useRef<HTMLElement>(null);
  const cardId = view.kind === 'card' ? view.profile.id : undefined;

  // A card opened: focus its heading, so the name is read and Tab walks the card from the top.
  // Before the first paint (a layout effect): the heading is never seen without focus.
  useLayoutEffect(() => {
    if (!cardId) return;
    const heading = main.current?.querySelector<HTMLElement>('.pc-card h1');
    if (!heading) return;
    // Unless something in the card took focus first (the note editor the
    // note window opens with: child effects run before this one).
    if (heading.closest('.pc-card')?.contains(document.activeElement)) return;
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }, [cardId]);

  // Esc on a card goes back to the list. Listening from the same commit that
  // shows the card (a layout effect): an Esc pressed right after Enter, before
  // the next frame, is not lost.
  useLayoutEffect(() => {
    if (view.kind !== 'card') return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      setView({ kind: 'list' });
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [view.kind]);
  const keep = (task: KeepTask) => {
    setStatus('');
    setView({ kind: 'keep', task, back: view });
  };

  useEffect(() => {
    if (initial !== undefined) return;
    api.activeTabProfile().then(
      (profile) => setView(viewFor(profile)),
      () => setView({ kind: 'list' }),
    );
  }, [api, initial]);

  const open = async (id: string) => {
    const profile = await api.profile(id).catch(() => null);
    if (profile) setView({ kind: 'card', profile, fromList: true });
    else setError(t('popup_profile_gone'));
  };

  return (
    <main
      ref={main}
      class="pc-theme pc-popup"
      lang={language()}
      data-scheme={theme.scheme}
      data-contrast={theme.contrast}
    >
      {view.kind === 'loading' && <p class="pc-popup-note">{t('loading')}</p>}
      {view.kind === 'card' && (
        <nav class="pc-popup-nav">
          <button type="button" class="pc-back" onClick={() => setView({ kind: 'list' })}>
            <span aria-hidden="true">← </span>
            {t('popup_all_people')}
          </button>
        </nav>
      )}
      {view.kind === 'card' && (
        <Card
          profile={view.profile}
          idPrefix="pc-popup"
          headingLevel={1}
          elementTiming="profile-card"
          note={api.note?.(view.profile.id)}
        />
      )}
      {view.kind === 'card' && keepUi && !view.fromList && (
        <keepUi.ui.UpdateOffer api={keepUi.api} person={view.profile} onOpen={keep} />
      )}
      {view.kind === 'list' && keepUi && <keepUi.ui.KeepOffer api={keepUi.api} onOpen={keep} />}
      {view.kind === 'list' && (
        <PeopleList
          load={api.people}
          subscribe={api.onPeopleChange}
          onOpen={open}
          memory={memory.current}
        />
      )}
      {view.kind === 'keep' && keepUi && (
        <keepUi.ui.KeepPerson
          api={keepUi.api}
          task={view.task}
          onCancel={() => setView(view.back)}
          onDone={(profile, done) => {
            setStatus(done);
            setView({ kind: 'card', profile, fromList: false });
          }}
        />
      )}
      {status && (
        <p class="pc-popup-note" role="status">
          {status}
        </p>
      )}
      {error && (
        <p class="pc-popup-note pc-status-error" role="alert">
          {error}
        </p>
      )}
      {api.openOptions && (
        <footer class="pc-popup-footer">
          <a
            href="options.html"
            onClick={(event) => {
              event.preventDefault();
              api.openOptions?.();
            }}
          >
            {t('popup_manage')}
          </a>
        </footer>
      )}
    </main>
  );
}

/**
 * Resolves once the page's first paint is on screen (its paint timing entry),
 * or after `ms` if none comes: work that would compete with the first frame
 * for the CPU waits until it is shown (issue 28).
 */
export function afterFirstPaintShown(ms = 300): Promise<void> {
  return new Promise((resolve) => {
    const late = setTimeout(resolve, ms);
    try {
      new PerformanceObserver((list, observer) => {
        if (list.getEntries().length === 0) return;
        observer.disconnect();
        clearTimeout(late);
        resolve();
      }).observe({ type: 'paint', buffered: true });
    } catch {
      // No paint timing here: the timer alone.
    }
  });
}

/**
 * KeepPerson.tsx and the popup's keep API, loaded once the first paint is
 * shown (not on it: neither is drawn before they are loaded).
 */
function useKeepUi(api: PopupApi) {
  const [loaded, setLoaded] = useState<{ ui: typeof import('./KeepPerson'); api: KeepApi }>();
  useEffect(() => {
    if (!api.keep) return;
    let live = true;
    const keep = api.keep;
    afterFirstPaintShown()
      .then(() => (live ? Promise.all([import('./KeepPerson'), keep()]) : undefined))
      .then(
        (both) => {
          if (live && both) setLoaded({ ui: both[0], api: both[1] });
        },
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [api]);
  return loaded;
}
