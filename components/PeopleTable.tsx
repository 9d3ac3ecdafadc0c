/**
 * The options page's people: counts, the search box, Add and Export all,
 * and the list of everyone with each person's actions (Edit, JSON, vCard,
 * Delete — confirmed first — or Hide/Show for a bundled person), each
 * action named for its person ("Edit Ada Lovelace"). The list scrolls in
 * its own box and draws only the rows in view (./virtual-window.ts), so the
 * page opens and scrolls as fast with 100,000 people as with 3, and the
 * sections below it are a screen away, not 16,000 px. Every row says its
 * position and the list its size (aria-posinset, aria-setsize; "People,
 * 10,003"), since rows out of view are not drawn. The row holding focus
 * stays drawn while it scrolls away, so focus is never dropped.
 */
import { useMemo, useRef, useState } from 'preact/hooks';
import type { Roster } from '../profiles/roster';
import { count, people } from './numbers';
import { rowsToDraw, useVisibleRange } from './virtual-window';

/** Every row's height in px (options.css sizes the row to fit). */
export const ROW_HEIGHT = 68;

export interface Usage {
  bytes?: number;
  quota?: number;
}

export interface PeopleTableProps {
  roster: Roster;
  usage: Usage;
  /** Why saving is paused, if it is: the actions that write are disabled. */
  blocked?: string;
  /** A write is under way: the actions that write wait for it. */
  busy: boolean;
  /** Export all is under way (its button is busy). */
  exporting: boolean;
  onAdd(): void;
  onExportAll(): void;
  onEdit(id: string): void;
  onExport(id: string, kind: 'json' | 'vcard' | 'resume'): void;
  /** Delete, confirmed, at the version the row showed when Delete was clicked. */
  onDelete(id: string, rev: number, name: string): void;
  onHide(id: string, hide: boolean, name: string): void;
}

const megabytes = (bytes: number) =>
  `${(bytes / 1024 / 1024).toLocaleString(undefined, { maximumFractionDigits: 1 })} MB`;

export function PeopleTable(props: PeopleTableProps) {
  const { roster, usage, blocked, busy } = props;
  const [query, setQuery] = useState('');
  /** The person whose delete is being confirmed, at the version shown when Delete was clicked. */
  const [confirming, setConfirming] = useState<{ id: string; rev: number }>();
  /** The row holding focus: drawn even when scrolled out of view. */
  const [focused, setFocused] = useState<{ at: number; row: number }>();
  const scroller = useRef<HTMLDivElement>(null);

  const shown = useMemo(() => roster.search(query), [roster, query]);
  const size = shown.length;
  const range = useVisibleRange(scroller, size, ROW_HEIGHT);
  const keep = focused && shown[focused.at] === focused.row ? focused.at : undefined;
  const userCount = roster.userCount;
  const bundledCount = roster.size - userCount;

  return (
    <section class="pc-panel" aria-labelledby="pc-people-title">
      <h2 id="pc-people-title">People</h2>
      <p class="pc-muted">
        {count(roster.size - roster.hiddenCount)} shown on pages · {count(bundledCount)} bundled
        {roster.hiddenCount > 0 ? ` (${count(roster.hiddenCount)} hidden)` : ''} ·{' '}
        {count(userCount)} yours
      </p>
      <p class="pc-muted" data-testid="pc-usage">
        Stored in this browser: {people(userCount)}
        {usage.bytes !== undefined ? `, ${megabytes(usage.bytes)} used` : ''}
        {usage.quota !== undefined ? ` of ${megabytes(usage.quota)} available` : ''}.
      </p>
      <div class="pc-toolbar">
        <label class="pc-search">
          <span class="pc-visually-hidden">Search people</span>
          <input
            type="search"
            placeholder="Search by name, headline or handle"
            value={query}
            onInput={(event) => {
              setQuery(event.currentTarget.value);
              if (scroller.current) scroller.current.scrollTop = 0;
            }}
          />
        </label>
        <button
          type="button"
          class="pc-button pc-primary"
          disabled={!!blocked}
          onClick={props.onAdd}
        >
          Add a person
        </button>
        <button
          type="button"
          class="pc-button"
          disabled={userCount === 0 || props.exporting}
          aria-busy={props.exporting}
          onClick={props.onExportAll}
        >
          {props.exporting ? 'Exporting…' : 'Export all (JSON)'}
        </button>
      </div>
      {query && (
        <p class="pc-muted" aria-live="polite">
          {count(size)} of {count(roster.size)} match
        </p>
      )}
      <div class="pc-people-scroll" ref={scroller}>
        <ul
          class="pc-people"
          aria-label={`People, ${count(roster.size)}`}
          style={{ height: `${size * ROW_HEIGHT}px` }}
          onFocusIn={(event) => {
            const item = (event.target as Element).closest?.('li[data-at]');
            const at = Number(item?.getAttribute('data-at'));
            if (item && Number.isInteger(at)) setFocused({ at, row: shown[at] as number });
          }}
        >
          {rowsToDraw(range, keep).map((at) => {
            const row = shown[at] as number;
            const id = roster.id(row);
            const name = roster.name(row);
            const isBundled = roster.bundled(row);
            const hidden = roster.hidden(row);
            const headline = roster.headline(row);
            return (
              <li
                key={`${isBundled}-${id}`}
                data-at={at}
                class={hidden ? 'pc-person-row pc-hidden' : 'pc-person-row'}
                aria-setsize={size}
                aria-posinset={at + 1}
                style={{ top: `${at * ROW_HEIGHT}px` }}
              >
                <div class="pc-person-main">
                  <span
                    class="pc-person-name"
                    // The benchmark times the first rows' paint by this (Element Timing).
                    {...(at === 0 ? { elementtiming: 'people-table' } : {})}
                  >
                    {name}
                  </span>
                  <span class="pc-person-tags">
                    {isBundled && <span class="pc-tag">Bundled</span>}
                    {hidden && <span class="pc-tag">Hidden</span>}
                  </span>
                  <span class="pc-person-headline">{headline}</span>
                  <span class="pc-person-handles">{roster.handles(row).join(' · ')}</span>
                </div>
                <div class="pc-person-actions">
                  {isBundled ? (
                    <button
                      type="button"
                      class="pc-button"
                      disabled={!!blocked || busy}
                      aria-label={`${hidden ? 'Show' : 'Hide'} ${name}`}
                      onClick={() => props.onHide(id, !hidden, name)}
                    >
                      {hidden ? 'Show' : 'Hide'}
                    </button>
                  ) : confirming?.id === id ? (
                    <>
                      <span class="pc-confirm">Delete {name}?</span>
                      <button
                        type="button"
                        class="pc-button pc-danger"
                        onClick={() => {
                          setConfirming(undefined);
                          props.onDelete(id, confirming.rev, name);
                        }}
                      >
                        Delete
                      </button>
                      <button
                        type="button"
                        class="pc-button"
                        onClick={() => setConfirming(undefined)}
                      >
                        Keep
                      </button>
                    </>
                  ) : (
                    <>
                      <button
                        type="button"
                        class="pc-button"
                        disabled={!!blocked}
                        aria-label={`Edit ${name}`}
                        onClick={() => props.onEdit(id)}
                      >
                        Edit
                      </button>
                      <button
                        type="button"
                        class="pc-button"
                        aria-label={`Export ${name} as JSON`}
                        onClick={() => props.onExport(id, 'json')}
                      >
                        JSON
                      </button>
                      <button
                        type="button"
                        class="pc-button"
                        aria-label={`Export ${name} as vCard`}
                        onClick={() => props.onExport(id, 'vcard')}
                      >
                        vCard
                      </button>
                      <button
                        type="button"
                        class="pc-button"
                        aria-label={`Export ${name} as a JSON Resume`}
                        onClick={() => props.onExport(id, 'resume')}
                      >
                        JSON Resume
                      </button>
                      <button
                        type="button"
                        class="pc-button"
                        disabled={!!blocked}
                        aria-label={`Delete ${name}`}
                        onClick={() => setConfirming({ id, rev: roster.rev(row) })}
                      >
                        Delete
                      </button>
                    </>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
        {size === 0 && <p class="pc-muted pc-nobody">Nobody matches “{query}”.</p>}
      </div>
    </section>
  );
}
