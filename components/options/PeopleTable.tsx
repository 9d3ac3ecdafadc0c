/**
 * The options page's people: counts, the search box, Add and Export all,
 * and the list of everyone with each person's actions (Edit, JSON, vCard,
 * Delete — confirmed first — or Hide/Show for a bundled person), each
 * action named for its person ("Edit Ada Lovelace"). The list scrolls in
 * its own box and draws only the rows in view (../parts/virtual-window.ts), so the
 * page opens and scrolls as fast with 100,000 people as with 3, and the
 * sections below it are a screen away, not 16,000 px. Every row says its
 * position and the list its size (aria-posinset, aria-setsize; "People,
 * 10,003"), since rows out of view are not drawn. The row holding focus
 * stays drawn while it scrolls away, so focus is never dropped; Delete's
 * confirmation and Keep hand the focus on to the button that replaces the
 * one pressed.
 */

import { Fragment } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ExportFormat } from '../../formats/export-files';
import { formatBytes } from '../../i18n/format';
import { type MessageKey, t } from '../../i18n/t';
import type { NotesIndex } from '../../jobs/jobs';
import type { Roster } from '../../jobs/roster';
import { knownTags } from '../../people/notes';
import { people } from '../parts/numbers';
import { useSearch } from '../parts/use-search';
import { rowsToDraw, useRowKeys, useVisibleRange } from '../parts/virtual-window';
import { refocusIfLost } from './refocus';

/** "Export all" in each format: our backup, then what address books import (jobs/jobs.ts). */
const EXPORT_FORMATS: readonly [ExportFormat, MessageKey][] = [
  ['json', 'table_export_all'],
  ['vcard', 'table_export_all_vcard'],
  ['csv', 'table_export_all_csv'],
];

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
  onExportAll(format: ExportFormat): void;
  onEdit(id: string): void;
  onExport(id: string, kind: 'json' | 'vcard' | 'resume'): void;
  /** Delete, confirmed, at the version the row showed when Delete was clicked. */
  onDelete(id: string, rev: number, name: string): void;
  onHide(id: string, hide: boolean, name: string): void;
  /** Tags and last-contacted days by id (issue 26), once the scan found them. */
  notes?: NotesIndex;
}

const megabytes = formatBytes;

/** Stands for the person's name in a label's message, filled in per row. */
const NAME = '\uE000';

/**
 * A row's labels: each message asked of the browser once per render and its
 * name filled in per row, not ~7 `getMessage` calls for each of the ~30
 * rows drawn on every keystroke (bench/profile-keystrokes.ts).
 */
function rowLabels() {
  const named = (key: MessageKey) => {
    const parts = t(key, NAME).split(NAME);
    return (name: string) => parts.join(name);
  };
  return {
    bundled: t('tag_bundled'),
    hidden: t('tag_hidden'),
    show: t('table_show'),
    hide: t('table_hide'),
    edit: t('table_edit'),
    json: t('format_json'),
    vcard: t('kind_vcard'),
    resume: t('format_resume'),
    delete: t('table_delete'),
    showLabel: named('table_show_label'),
    hideLabel: named('table_hide_label'),
    editLabel: named('table_edit_label'),
    jsonLabel: named('table_export_json_label'),
    vcardLabel: named('table_export_vcard_label'),
    resumeLabel: named('table_export_resume_label'),
    deleteLabel: named('table_delete_label'),
  };
}

export function PeopleTable(props: PeopleTableProps) {
  const { roster, usage, blocked, busy } = props;
  const [query, setQuery] = useState('');
  /** The person whose delete is being confirmed, at the version shown when Delete was clicked. */
  const [confirming, setConfirming] = useState<{ id: string; rev: number }>();
  /**
   * Delete opens the confirmation in place of the row's buttons, and Keep
   * puts them back: the button pressed leaves the page, and the focus with
   * it. It goes to Keep, then back to that row's Delete (./refocus.ts).
   */
  const [kept, setKept] = useState<string>();
  const refocus = useRef<HTMLButtonElement>(null);
  useEffect(() => refocusIfLost(refocus.current), [confirming, kept]);
  /** The row holding focus: drawn even when scrolled out of view. */
  const [focused, setFocused] = useState<{ at: number; row: number }>();
  const scroller = useRef<HTMLDivElement>(null);

  /** Only the people with this tag (''), and the last contacted first. */
  const [tag, setTag] = useState('');
  const [byContacted, setByContacted] = useState(false);
  const notes = props.notes ?? {};
  const tags = useMemo(
    () => knownTags(Object.values(props.notes ?? {}).map((mine) => ({ mine }))),
    [props.notes],
  );
  const contacted = Object.values(notes).some((mine) => mine.contacted);
  // The first rows on the key's own task, the rest in the tasks after
  // (../parts/use-search.ts); sorted by last contact, every row is needed at once.
  const search = useSearch(roster, query, byContacted);
  const found = search.rows as Int32Array;
  const shown = useMemo(() => {
    if (!tag && !byContacted) return found;
    let rows = Array.from(found);
    if (tag) rows = rows.filter((row) => notes[roster.id(row)]?.tags?.includes(tag));
    if (byContacted) {
      const day = (row: number) => notes[roster.id(row)]?.contacted ?? '';
      // Stable: people on the same day, or never contacted, keep the list's order.
      rows.sort((a, b) => (day(a) === day(b) ? 0 : day(a) < day(b) ? 1 : -1));
    }
    return Int32Array.from(rows);
  }, [roster, found, tag, byContacted, notes]);
  const size = shown.length;
  const range = useVisibleRange(scroller, size, ROW_HEIGHT);
  const keep = focused && shown[focused.at] === focused.row ? focused.at : undefined;
  const drawn = rowsToDraw(range, keep);
  const keys = useRowKeys(drawn);
  const label = useMemo(rowLabels, []);
  const userCount = roster.userCount;
  const bundledCount = roster.size - userCount;

  return (
    <section class="pc-panel" aria-labelledby="pc-people-title">
      <h2 id="pc-people-title">{t('people_title')}</h2>
      <p class="pc-muted">
        {!roster.complete
          ? // The first rows alone are read: the counts are said once the whole is.
            null
          : roster.hiddenCount > 0
            ? t(
                'table_summary_hidden',
                roster.size - roster.hiddenCount,
                bundledCount,
                roster.hiddenCount,
                userCount,
              )
            : t('table_summary', roster.size - roster.hiddenCount, bundledCount, userCount)}
      </p>
      <p class="pc-muted" data-testid="pc-usage">
        {usage.bytes === undefined
          ? t('table_stored', people(userCount))
          : usage.quota === undefined
            ? t('table_stored_used', people(userCount), megabytes(usage.bytes))
            : t(
                'table_stored_used_of',
                people(userCount),
                megabytes(usage.bytes),
                megabytes(usage.quota),
              )}
      </p>
      <div class="pc-toolbar">
        <label class="pc-search">
          <span class="pc-visually-hidden">{t('search_people')}</span>
          <input
            type="search"
            placeholder={t('search_placeholder')}
            value={query}
            onInput={(event) => {
              setQuery(event.currentTarget.value);
              if (scroller.current) scroller.current.scrollTop = 0;
            }}
          />
        </label>
        {tags.length > 0 && (
          <label class="pc-field pc-tag-filter">
            <span>{t('options_tag_filter')}</span>
            <select value={tag} onChange={(event) => setTag(event.currentTarget.value)}>
              <option value="">{t('options_tag_all')}</option>
              {tags.map((name) => (
                <option key={name} value={name}>{`#${name}`}</option>
              ))}
            </select>
          </label>
        )}
        {contacted && (
          <label class="pc-check">
            <input
              type="checkbox"
              checked={byContacted}
              onChange={(event) => setByContacted(event.currentTarget.checked)}
            />
            {t('options_sort_contacted')}
          </label>
        )}
        <button
          type="button"
          class="pc-button pc-primary"
          disabled={!!blocked}
          onClick={props.onAdd}
        >
          {t('table_add')}
        </button>
        {EXPORT_FORMATS.map(([format, label]) => (
          <button
            key={format}
            type="button"
            class="pc-button"
            disabled={userCount === 0 || props.exporting}
            aria-busy={props.exporting}
            onClick={() => props.onExportAll(format)}
          >
            {props.exporting ? t('table_exporting') : t(label)}
          </button>
        ))}
      </div>
      {(query || tag) && (
        // Said once every row is found (the first rows show before).
        <p class="pc-muted pc-matches" aria-live="polite">
          {search.done && roster.complete ? t('table_matches', size, roster.size) : null}
        </p>
      )}
      <div class="pc-people-scroll" ref={scroller}>
        <ul
          class="pc-people"
          aria-label={roster.complete ? t('people_list_label', roster.size) : t('people_title')}
          style={{ height: `${size * ROW_HEIGHT}px` }}
          onFocusIn={(event) => {
            const item = (event.target as Element).closest?.('li[data-at]');
            const at = Number(item?.getAttribute('data-at'));
            if (item && Number.isInteger(at)) setFocused({ at, row: shown[at] as number });
          }}
        >
          {drawn.map((at, index) => {
            const row = shown[at] as number;
            const id = roster.id(row);
            const name = roster.name(row);
            const isBundled = roster.bundled(row);
            const hidden = roster.hidden(row);
            const headline = roster.headline(row);
            return (
              <li
                key={keys[index]}
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
                    dir="auto"
                    title={name}
                  >
                    {name}
                  </span>
                  <span class="pc-person-tags">
                    {isBundled && <span class="pc-tag">{label.bundled}</span>}
                    {hidden && <span class="pc-tag">{label.hidden}</span>}
                  </span>
                  <span class="pc-person-headline" dir="auto" title={headline}>
                    {headline}
                  </span>
                  <span class="pc-person-handles">{roster.handles(row).join(' · ')}</span>
                </div>
                <div class="pc-person-actions">
                  {isBundled ? (
                    <button
                      type="button"
                      class="pc-button"
                      disabled={!!blocked || busy}
                      aria-label={hidden ? label.showLabel(name) : label.hideLabel(name)}
                      onClick={() => props.onHide(id, !hidden, name)}
                    >
                      {hidden ? label.show : label.hide}
                    </button>
                  ) : confirming?.id === id ? (
                    // Keyed apart, so the button pressed is not reused as another one and the
                    // focus is handed on (`refocus`, above).
                    <Fragment key="confirm">
                      <span class="pc-confirm">{t('table_confirm_delete', name)}</span>
                      <button
                        type="button"
                        class="pc-button pc-danger"
                        onClick={() => {
                          setConfirming(undefined);
                          props.onDelete(id, confirming.rev, name);
                        }}
                      >
                        {label.delete}
                      </button>
                      <button
                        type="button"
                        class="pc-button"
                        ref={refocus}
                        onClick={() => {
                          setConfirming(undefined);
                          setKept(id);
                        }}
                      >
                        {t('table_keep')}
                      </button>
                    </Fragment>
                  ) : (
                    <Fragment key="actions">
                      <button
                        type="button"
                        class="pc-button"
                        disabled={!!blocked}
                        aria-label={label.editLabel(name)}
                        onClick={() => props.onEdit(id)}
                      >
                        {label.edit}
                      </button>
                      <button
                        type="button"
                        class="pc-button"
                        aria-label={label.jsonLabel(name)}
                        onClick={() => props.onExport(id, 'json')}
                      >
                        {label.json}
                      </button>
                      <button
                        type="button"
                        class="pc-button"
                        aria-label={label.vcardLabel(name)}
                        onClick={() => props.onExport(id, 'vcard')}
                      >
                        {label.vcard}
                      </button>
                      <button
                        type="button"
                        class="pc-button"
                        aria-label={label.resumeLabel(name)}
                        onClick={() => props.onExport(id, 'resume')}
                      >
                        {label.resume}
                      </button>
                      <button
                        type="button"
                        class="pc-button"
                        disabled={!!blocked}
                        aria-label={label.deleteLabel(name)}
                        ref={kept === id ? refocus : undefined}
                        onClick={() => {
                          setKept(undefined);
                          setConfirming({ id, rev: roster.rev(row) });
                        }}
                      >
                        {label.delete}
                      </button>
                    </Fragment>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
        {size === 0 && <p class="pc-muted pc-nobody">{t('table_nobody', query)}</p>}
      </div>
    </section>
  );
}
