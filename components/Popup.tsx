/**
 * The toolbar popup. If the active tab shows a known person (any URL form
 * identity/parse.ts knows), their card; otherwise everyone, in a
 * list you can search and walk with the arrow keys. The tab's URL is read
 * through `activeTab`, granted by the click on the toolbar icon. Above the
 * list, the page's person to keep (or why there is none); under one of your
 * own people's cards, "Update from page" (KeepPerson.tsx).
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { language, t, tn } from '../i18n/t';
import type { ListEntry } from '../messaging/messages';
import type { Profile } from '../profiles/schema';
import { matchesQuery } from '../profiles/search';
import { Card } from './Card';
import type { KeepApi, KeepTask } from './KeepPerson';
import type { Theme } from './page-theme';

export interface PopupApi {
  /** The profile for the active tab's page, or null. */
  activeTabProfile(): Promise<Profile | null>;
  list(): Promise<ListEntry[]>;
  profile(id: string): Promise<Profile | null>;
  openOptions?: () => void;
  /**
   * Reading the tab and saving what it shows, loaded on demand (after the
   * first paint); without it the popup only shows.
   */
  keep?: () => Promise<KeepApi>;
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
      class="pc-theme pc-popup"
      lang={language()}
      data-scheme={theme.scheme}
      data-contrast={theme.contrast}
    >
      {view.kind === 'loading' && <p class="pc-popup-note">{t('loading')}</p>}
      {view.kind === 'card' && (
        <Card
          profile={view.profile}
          idPrefix="pc-popup"
          headingLevel={1}
          elementTiming="profile-card"
          controls={
            <button
              type="button"
              class="pc-icon-button pc-back"
              aria-label={t('popup_all_people')}
              title={t('popup_all_people')}
              onClick={() => setView({ kind: 'list' })}
            >
              ←
            </button>
          }
        />
      )}
      {view.kind === 'card' && keepUi && !view.fromList && (
        <keepUi.ui.UpdateOffer api={keepUi.api} person={view.profile} onOpen={keep} />
      )}
      {view.kind === 'list' && keepUi && <keepUi.ui.KeepOffer api={keepUi.api} onOpen={keep} />}
      {view.kind === 'list' && <PeopleList api={api} onOpen={open} />}
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

/** KeepPerson.tsx and the popup's keep API, loaded once after the first render. */
function useKeepUi(api: PopupApi) {
  const [loaded, setLoaded] = useState<{ ui: typeof import('./KeepPerson'); api: KeepApi }>();
  useEffect(() => {
    if (!api.keep) return;
    let live = true;
    Promise.all([import('./KeepPerson'), api.keep()]).then(
      ([ui, keepApi]) => live && setLoaded({ ui, api: keepApi }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);
  return loaded;
}

function PeopleList({ api, onOpen }: { api: PopupApi; onOpen: (id: string) => void }) {
  const [entries, setEntries] = useState<ListEntry[] | undefined>();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    api.list().then(setEntries, () => setEntries([]));
    input.current?.focus();
  }, [api]);

  const shown = useMemo(
    () =>
      (entries ?? []).filter((entry) =>
        matchesQuery(`${entry.name} ${entry.headline ?? ''} ${entry.handles.join(' ')}`, query),
      ),
    [entries, query],
  );
  const activeIndex = Math.min(active, Math.max(shown.length - 1, 0));
  const activeEntry = shown[activeIndex];

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + shown.length) % Math.max(shown.length, 1));
    } else if (event.key === 'Home' && event.ctrlKey) {
      setActive(0);
    } else if (event.key === 'Enter' && activeEntry) {
      event.preventDefault();
      onOpen(activeEntry.id);
    }
  };

  useEffect(() => {
    document.getElementById(`pc-person-${activeEntry?.id}`)?.scrollIntoView({ block: 'nearest' });
  }, [activeEntry?.id]);

  return (
    <section class="pc-people" aria-labelledby="pc-people-title">
      <h1 id="pc-people-title" class="pc-popup-title">
        {t('people_title')}
      </h1>
      <label class="pc-search">
        <span class="pc-visually-hidden">{t('search_people')}</span>
        <input
          ref={input}
          type="search"
          aria-controls="pc-people-list"
          aria-activedescendant={activeEntry ? `pc-person-${activeEntry.id}` : undefined}
          placeholder={t('search_placeholder')}
          value={query}
          onInput={(event) => {
            setQuery(event.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
      </label>
      <p class="pc-popup-note" aria-live="polite">
        {entries === undefined
          ? t('loading')
          : shown.length === entries.length
            ? tn('people_count', entries.length)
            : tn('people_of', entries.length, shown.length)}
      </p>
      <div id="pc-people-list" class="pc-people-list" role="listbox" aria-label={t('people_title')}>
        {shown.map((entry, index) => (
          // Keyboard use goes through the search box (aria-activedescendant).
          // biome-ignore lint/a11y/useKeyWithClickEvents: the search box handles keys
          <div
            key={entry.id}
            id={`pc-person-${entry.id}`}
            role="option"
            tabIndex={-1}
            aria-selected={index === activeIndex}
            class={index === activeIndex ? 'pc-person pc-person-active' : 'pc-person'}
            onClick={() => onOpen(entry.id)}
            onMouseMove={() => setActive(index)}
          >
            <span class="pc-person-name" dir="auto">
              {entry.name}
            </span>
            {entry.headline && (
              <span class="pc-person-headline" dir="auto">
                {entry.headline}
              </span>
            )}
            <span class="pc-person-handles">{entry.handles.join(' · ')}</span>
          </div>
        ))}
      </div>
    </section>
  );
}
