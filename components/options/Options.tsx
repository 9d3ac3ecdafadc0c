/**
 * components/options/ — the options page (entrypoints/options/main.tsx).
 *
 *   Options.tsx  composes the sections below over what they share (page.ts):
 *   │              the people snapshot (roster, settings, migration, scan, usage),
 *   │              the change feed (another tab's writes → reload → rescan),
 *   │              the job runner (one write at a time: busy, failure) and the status region;
 *   │              the people list's first rows first, the sections under it once those
 *   │              are painted, and the scan too (start-up.ts)
 *   ├─ OptionsHeader.tsx     what this is, the privacy promise, a jump link per section
 *   │                        (drawn from the same list that draws the sections)
 *   ├─ WhatsNew.tsx          what changed since the version last seen
 *   ├─ PageAlerts.tsx ─▶ StoredDataBanners.tsx   unreadable, damaged or unmoved data; failures
 *   ├─ PersonEditor.tsx ─▶ ProfileForm.tsx       add and edit (checked as an import: formats/),
 *   │                    ─▶ parts/ConflictNotice   a write another tab beat: retry or keep theirs
 *   ├─ ClashesSection.tsx ─▶ ConflictsPanel.tsx  handles two people claim; link to a contact
 *   ├─ PeopleSection.tsx ─▶ PeopleTable.tsx      everyone with search, drawn over jobs/roster.ts;
 *   │                                             export one or all, delete, hide
 *   ├─ ImportPanel.tsx ─▶ ImportDrop.tsx         import (jobs/ in a worker): drop or choose a
 *   │                 │                           file, paste, which files are read
 *   │                 ─▶ ImportPreview.tsx ─▶ ImportLists.tsx   added, updated, refused, salvaged
 *   │                 ─▶ Progress.tsx
 *   ├─ SettingsSection.tsx ─▶ SettingsPanel.tsx  per site, hover delay
 *   ├─ SyncPanel.tsx · DirectoriesPanel.tsx · CardDavPanel.tsx   asked of the background
 *   │                                          (CardDavPanel ─▶ CardDavBook.tsx, one book)
 *   └─ components/privacy/PrivacyFooter.tsx
 *   options-api.ts  what the page asks of the extension (OptionsApi);
 *   carddav-api.ts  its address-book part (CardDavApi)
 *   refocus.ts      the keyboard keeps its place when what it was on goes
 *   start-up.ts     the first load begun as the script runs; work held until a paint
 *   options.css, whats-new.css
 *
 * The options page: everyone the extension knows (bundled people read-only
 * but hideable, the user's own editable), import, export, settings, with
 * jump links to each section. Storage is reached only through `OptionsApi`,
 * so these components are plain UI; each section keeps its own state and
 * reads the shared snapshot.
 *
 * The people are the store's summary (store/people-rows.ts, one row per
 * person with its search index, jobs/roster.ts), not every profile: the
 * page opens and searches 100,000 people as it does 3. A person's whole
 * record is read when it is edited or exported; work on everyone (an
 * import, the full export, the check for damaged records and clashing
 * handles) is a job that runs in a worker (jobs/jobs.ts).
 *
 * Every change is one operation on one person (add, save at the version
 * shown, delete at the version shown, hide/show) or one confirmed import
 * at the store version its preview was computed from — never a whole
 * in-memory copy saved back. When another tab changed the same person
 * first, the change is refused by the store and shown here (ConflictNotice)
 * for the user to retry or keep theirs. Outcomes are said once, in the
 * page's one status region; problems are alerts.
 *
 * Damaged records, and an earlier version's data that could not be moved,
 * are shown, never silently replaced: a banner offers to download them as
 * they were.
 */

import { Fragment } from 'preact';
import { useLayoutEffect, useState } from 'preact/hooks';
import { language, t } from '../../i18n/t';
import type { Profile } from '../../people/schema';
import type { Conflict } from '../../store/store';
import type { Theme } from '../parts/page-theme';
import { PrivacyFooter } from '../privacy/PrivacyFooter';
import { CardDavPanel } from './CardDavPanel';
import { ClashesSection } from './ClashesSection';
import { DirectoriesPanel } from './DirectoriesPanel';
import { ImportPanel } from './ImportPanel';
import { OptionsHeader, type Section } from './OptionsHeader';
import type { OptionsApi } from './options-api';
import { PageAlerts } from './PageAlerts';
import { PeopleSection } from './PeopleSection';
import { PersonEditor, useEditor } from './PersonEditor';
import { Progress } from './Progress';
import { usePage } from './page';
import { SettingsSection } from './SettingsSection';
import { SyncPanel } from './SyncPanel';
import { afterNextPaint, startMark } from './start-up';
import { WhatsNew } from './WhatsNew';

export type { Loaded, OptionsApi, Scan } from './options-api';
export type { Usage } from './PeopleTable';

/** The people section's heading: the first section, drawn with the first rows. */
const PEOPLE = 'pc-people-title';

export function Options({
  api,
  bundled,
  theme,
}: {
  api: OptionsApi;
  bundled: readonly Profile[];
  theme: Theme;
}) {
  const page = usePage(api);
  const editor = useEditor(page, bundled);
  /** Bumped when a link changes here, so the address-book section lists it. */
  const [links, setLinks] = useState(0);
  const { data } = page;
  /**
   * The sections below the people list are drawn once its first rows are on
   * screen (./start-up.ts): they are not needed for them, and drawn with them
   * they held up that first frame (issue 28). Their jump links are there at once.
   */
  const [below, setBelow] = useState(false);
  useLayoutEffect(() => {
    if (data) startMark(below ? 'below' : 'drawn');
    if (data && !below) return afterNextPaint(() => setBelow(true));
  }, [data, below]);
  const reloaded = () => void page.reload().catch(() => undefined);
  /**
   * The page's sections in order, each with its heading's id: the jump links
   * at the top are drawn from this list, so a section cannot lack its link.
   */
  const sections: Section[] = !data
    ? []
    : [
        {
          id: PEOPLE,
          label: 'people_title',
          body: <PeopleSection page={page} data={data} editor={editor} />,
        },
        {
          id: 'pc-import-title',
          label: 'import_title',
          body: (
            <ImportPanel
              start={api.startImport}
              blocked={page.blocked}
              onStatus={page.say}
              onImported={reloaded}
            />
          ),
        },
        {
          id: 'pc-settings-title',
          label: 'settings_title',
          body: <SettingsSection page={page} settings={data.settings} />,
        },
        ...(api.sync
          ? [
              {
                id: 'pc-sync-title',
                label: 'sync_title',
                body: <SyncPanel api={api.sync} say={page.say} />,
              } as const,
            ]
          : []),
        ...(api.directories
          ? [
              {
                id: 'pc-directories-title',
                label: 'dir_title',
                body: <DirectoriesPanel api={api.directories} onChange={reloaded} say={page.say} />,
              } as const,
            ]
          : []),
        ...(api.carddav
          ? [
              {
                id: 'pc-carddav-title',
                label: 'cdav_title',
                body: (
                  <CardDavPanel
                    api={api.carddav}
                    revision={links}
                    onChange={reloaded}
                    say={page.say}
                  />
                ),
              } as const,
            ]
          : []),
      ];

  return (
    <main
      class="pc-theme pc-options"
      lang={language()}
      data-scheme={theme.scheme}
      data-contrast={theme.contrast}
    >
      {!data ? (
        <>
          <h1>{t('ext_name')}</h1>
          {page.failure ? (
            <p role="alert">{page.failure}</p>
          ) : page.rebuilding ? (
            <Progress label={t('options_preparing', page.rebuilding)} />
          ) : (
            <p>{t('loading')}</p>
          )}
        </>
      ) : (
        <>
          <OptionsHeader sections={sections} />
          <WhatsNew />
          <PageAlerts page={page} data={data} />
          <PersonEditor
            page={page}
            editor={editor}
            bundled={bundled}
            onLinked={() => setLinks((at) => at + 1)}
          />
          <ClashesSection page={page} onLinked={() => setLinks((at) => at + 1)} />
          {sections
            .filter((section) => below || section.id === PEOPLE)
            .map((section) => (
              <Fragment key={section.id}>{section.body}</Fragment>
            ))}
          {/* The page's one status region: every outcome is said here, once, in view. */}
          <div class="pc-status-line" role="status">
            {page.status.map((line) => (
              <p key={line.key}>{line.text}</p>
            ))}
          </div>
          {below && <PrivacyFooter />}
        </>
      )}
    </main>
  );
}

export type { Conflict };
