/**
 * The popup's list of everyone: a search box that owns the keyboard
 * (↑/↓ wrap, PageUp/PageDown, Ctrl+Home/Ctrl+End, Enter opens) and points at
 * the active row with aria-activedescendant, over a listbox that draws only
 * the rows on screen (../parts/virtual-window.ts), so 10,003 people open as fast
 * as 3. The rows and their search index come from the store's summary
 * (jobs/roster.ts); each option says its position and the list's size
 * (aria-posinset, aria-setsize), and the listbox its total ("People,
 * 10,003"), because a screen reader cannot count rows that are not drawn.
 * When the store changes while the popup is open, the list is read again,
 * keeping the query and, where it can, the active person. Search matches
 * names, headlines, handles and project names; when nothing matches, a
 * sentence says so and what to try, with a button that clears the search.
 */

import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tn } from '../../i18n/t';
import type { Roster } from '../../jobs/roster';
import { people } from '../parts/numbers';
import { useSearch } from '../parts/use-search';
import {
  rowsToDraw,
  scrollRowIntoView,
  useRowKeys,
  useVisibleRange,
} from '../parts/virtual-window';

/** Every row's height in px (popup.css sizes the row's three lines to fit). */
export const ROW_HEIGHT = 62;

/** The search and the active person, kept by the popup while a card is open. */
export interface ListMemory {
  query: string;
  activeId?: string;
}

export interface PeopleListProps {
  /**
   * Everyone, as stored now; `first` may hear the first rows before (a
   * roster not `complete`: drawn, but its count is not said).
   */
  load: (first?: (rows: Roster) => void) => Promise<Roster>;
  /** Calls back whenever the stored people change; returns an unsubscribe. */
  subscribe?: (changed: () => void) => () => void;
  onOpen: (id: string) => void;
  /** Where the list was when it was last left: restored, then kept up to date. */
  memory?: ListMemory;
}

export function PeopleList({ load, subscribe, onOpen, memory }: PeopleListProps) {
  const [roster, setRoster] = useState<Roster | undefined>();
  const [failed, setFailed] = useState(false);
  const [query, setQuery] = useState(memory?.query ?? '');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);
  /** The active person as last drawn. */
  const activeId = useRef<string | undefined>(undefined);
  /** The person to make active once the next reading of the store is drawn. */
  const wanted = useRef<string | undefined>(memory?.activeId);

  useEffect(() => {
    let live = true;
    /** A whole reading has been shown: a later one never shows its first rows alone. */
    let whole = false;
    const read = () =>
      load((first) => {
        if (live && !whole) setRoster(first);
      }).then(
        (next) => {
          if (!live) return;
          whole = true;
          setFailed(false);
          if (activeId.current !== undefined) wanted.current = activeId.current;
          setRoster(next);
        },
        () => live && setFailed(true),
      );
    void read();
    input.current?.focus();
    const unsubscribe = subscribe?.(() => void read());
    return () => {
      live = false;
      unsubscribe?.();
    };
  }, [load, subscribe]);

  // The first rows on the key's own task, the rest in the tasks after (../parts/use-search.ts).
  const { rows: shown, done } = useSearch(roster, query);
  const size = shown?.length ?? 0;
  const activeIndex = Math.min(active, Math.max(size - 1, 0));
  const activeRow = size > 0 ? shown?.[activeIndex] : undefined;
  const rowId = (row: number) => `pc-person-${roster?.id(row)}`;

  // A new reading of the store (or the list opened again): find the active
  // person again, among every row found.
  useEffect(() => {
    const want = wanted.current;
    if (!roster?.complete || !shown || !done || want === undefined) return;
    wanted.current = undefined;
    const found = shown.findIndex((row) => roster.id(row) === want);
    if (found < 0 || found === activeIndex) return;
    setActive(found);
    if (list.current) scrollRowIntoView(list.current, found, ROW_HEIGHT);
  }, [roster, done]);
  if (roster) activeId.current = activeRow === undefined ? undefined : roster.id(activeRow);
  if (memory) {
    memory.query = query;
    memory.activeId = activeId.current;
  }

  const range = useVisibleRange(list, size, ROW_HEIGHT);
  const keep = activeRow === undefined ? undefined : activeIndex;
  const drawn = shown && roster ? rowsToDraw(range, keep) : [];
  const keys = useRowKeys(drawn);

  const onKeyDown = (event: KeyboardEvent) => {
    if (size === 0) return;
    const page = Math.max(
      1,
      Math.floor((list.current?.clientHeight ?? ROW_HEIGHT) / ROW_HEIGHT) - 1,
    );
    let next: number | undefined;
    if (event.key === 'ArrowDown') next = (activeIndex + 1) % size;
    else if (event.key === 'ArrowUp') next = (activeIndex - 1 + size) % size;
    else if (event.key === 'PageDown') next = Math.min(size - 1, activeIndex + page);
    else if (event.key === 'PageUp') next = Math.max(0, activeIndex - page);
    else if (event.key === 'Home' && event.ctrlKey) next = 0;
    else if (event.key === 'End' && event.ctrlKey) next = size - 1;
    else if (event.key === 'Enter' && activeRow !== undefined) {
      event.preventDefault();
      onOpen(roster?.id(activeRow) as string);
      return;
    }
    if (next === undefined) return;
    event.preventDefault();
    // Only keyboard moves scroll the list (the mouse points at what is in view).
    if (list.current) scrollRowIntoView(list.current, next, ROW_HEIGHT);
    setActive(next);
  };

  const total = roster?.size ?? 0;
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
          aria-activedescendant={activeRow === undefined ? undefined : rowId(activeRow)}
          placeholder={t('search_placeholder')}
          value={query}
          onInput={(event) => {
            setQuery(event.currentTarget.value);
            setActive(0);
            if (list.current) list.current.scrollTop = 0;
          }}
          onKeyDown={onKeyDown}
        />
      </label>
      <p class="pc-popup-note" aria-live="polite">
        {!roster
          ? failed
            ? t('people_unreadable')
            : t('loading')
          : !done || !roster.complete
            ? // Still finding or reading: the count is said once it is known.
              null
            : size === total
              ? people(total)
              : size === 0
                ? t('popup_no_match', query.trim(), people(total))
                : tn('people_of', total, size)}
      </p>
      {roster?.complete && done && size === 0 && total > 0 && (
        <div class="pc-no-match">
          <p>{t('popup_no_match_try')}</p>
          <button
            type="button"
            class="pc-button"
            onClick={() => {
              setQuery('');
              setActive(0);
              input.current?.focus();
            }}
          >
            {t('popup_clear_search')}
          </button>
        </div>
      )}
      <div
        ref={list}
        id="pc-people-list"
        class="pc-people-list"
        role="listbox"
        aria-label={roster?.complete ? t('people_list_label', total) : t('people_title')}
      >
        <div
          class="pc-people-rows"
          role="presentation"
          style={{ height: `${size * ROW_HEIGHT}px` }}
        >
          {shown &&
            roster &&
            drawn.map((at, index) => {
              const row = shown[at] as number;
              const isActive = at === activeIndex;
              const headline = roster.headline(row);
              return (
                // Keyboard use goes through the search box (aria-activedescendant).
                // biome-ignore lint/a11y/useKeyWithClickEvents: the search box handles keys
                <div
                  key={keys[index]}
                  id={rowId(row)}
                  role="option"
                  tabIndex={-1}
                  aria-selected={isActive}
                  // -1: the list's size is not known yet (the rest is being read).
                  aria-setsize={roster.complete ? size : -1}
                  aria-posinset={at + 1}
                  class={isActive ? 'pc-person pc-person-active' : 'pc-person'}
                  style={{ top: `${at * ROW_HEIGHT}px` }}
                  onClick={() => onOpen(roster.id(row))}
                  onMouseMove={() => {
                    if (!isActive) setActive(at);
                  }}
                >
                  <span
                    class="pc-person-name"
                    // The benchmark times the list's first paint by this (Element Timing).
                    {...(at === 0 ? { elementtiming: 'people-list' } : {})}
                    dir="auto"
                    title={roster.name(row)}
                  >
                    {roster.name(row)}
                  </span>
                  {headline && (
                    <span class="pc-person-headline" dir="auto" title={headline}>
                      {headline}
                    </span>
                  )}
                  <span class="pc-person-handles">{roster.handles(row).join(' · ')}</span>
                </div>
              );
            })}
        </div>
      </div>
    </section>
  );
}
