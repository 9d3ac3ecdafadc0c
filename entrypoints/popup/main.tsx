/**
 * Popup entry: wires the Popup component to the browser. The active tab's URL
 * comes from `tabs.query` under `activeTab`, asked by ./tab-person.ts before
 * the components below are evaluated; the people are read from the
 * store by the popup itself (as the options page does), so opening it never
 * waits for a sleeping service worker to start: the card is one index read
 * (store/current-directory.ts, the background's own source, directory
 * people included), the list is the store's summary with its search index
 * (store/people-rows.ts, jobs/roster.ts), read again when the change
 * feed says the people changed; the summary's head (its first 100 rows) is
 * read and drawn first, the rest after the first paint. Keeping someone from the page runs the
 * reader (entrypoints/capture-reader.ts) in the tab through `scripting`
 * under the same `activeTab` grant, and saves through the people store
 * (store/store.ts) like the options page, one checked transaction. That
 * part (./keep-api.ts, and the zod and the importer it needs) is loaded
 * after the first paint, so the card or list paints as soon as before.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
// Before the components: it asks for the tab's person as it is evaluated (./tab-person.ts).
import { activeTabProfile, firstAnswer, noteFor } from './tab-person';
// The build puts these in one <style> in popup.html (build/vite-plugin-popup-styles.ts).
import '../../components/card/card.css';
import '../../components/popup/popup.css';
import '../../components/popup/keep.css';
import '../../components/card/notes.css';
import { pageTheme, readMediaPreferences } from '../../components/parts/page-theme';
import { Popup, type PopupApi } from '../../components/popup/Popup';
import { language, t } from '../../i18n/t';
import { buildRoster, bundledRoster } from '../../jobs/roster';
import { bundledProfiles } from '../../people/bundled';
import type { Profile } from '../../people/schema';
import { onPeopleChange } from '../../store/change-feed';
import { currentPeople } from '../../store/current-directory';
import { openPeopleDb } from '../../store/db';
import { readFirstRows, readRows } from '../../store/people-rows';

/** Resolves once the next frame is painted (or after 100 ms, if frames do not come). */
const afterNextPaint = () =>
  new Promise<void>((resolve) => {
    const late = setTimeout(resolve, 100);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(late);
        resolve();
      }, 0),
    );
  });

const api: PopupApi = {
  activeTabProfile,
  people: async (first) => {
    try {
      const db = await openPeopleDb();
      // The head first: the list's first screen paints without
      // waiting for 100,000 rows, which are read once it has (issue 28).
      const start = await readFirstRows(db);
      if (start.complete) return buildRoster(start.rows, bundledProfiles, 'visible');
      if (first) {
        first(buildRoster(start.rows, bundledProfiles, 'visible', false));
        await afterNextPaint();
      }
      return buildRoster(await readRows(db), bundledProfiles, 'visible');
    } catch (error) {
      // A database this version cannot read (a newer one, a failing disk): pages still get the bundled people.
      console.warn('Profile Card: the people store could not be read;', error);
      return bundledRoster(bundledProfiles, 'visible');
    }
  },
  onPeopleChange: (changed) => onPeopleChange(() => changed()),
  profile: async (id) => (await currentPeople.byId(id)) ?? null,
  openOptions: () => void browser.runtime.openOptionsPage().then(() => window.close()),
  keep: () => import('./keep-api').then((module) => module.keep),
  // The store's writer is loaded when a note is saved, not before the first paint.
  note: (id) => ({
    shortcut: 'document',
    save: async (mine, seen) => (await import('../../store/note-save')).saveNote(id, mine, seen),
    knownTags: async () => {
      const [{ knownTags }, { visiblePeople }] = await Promise.all([
        import('../../people/notes'),
        import('../../store/store'),
      ]);
      return knownTags(await visiblePeople());
    },
  }),
};

// The page speaks the language of its messages (screen readers, hyphenation, text-transform).
document.documentElement.lang = language();
document.title = t('ext_name');
const app = document.getElementById('app');
let initial: Profile | null | undefined;
/**
 * `?note=<id>`: this page is the note window a card in a web page opened
 * (messaging/handler.ts `note-open`): that person's card, editor open; it
 * closes once the note is saved or the user cancels.
 */
if (noteFor) {
  const noted = noteFor;
  const note = api.note;
  api.note = (id) => ({
    ...note?.(id),
    editing: id === noted,
    onDone: () => window.close(),
  });
  api.activeTabProfile = async () => (await currentPeople.byId(noted)) ?? null;
}
const draw = () => {
  if (app) {
    render(
      <Popup api={api} initial={initial} theme={pageTheme(null, readMediaPreferences(window))} />,
      app,
    );
  }
};
for (const query of ['(prefers-color-scheme: dark)', '(prefers-contrast: more)']) {
  window.matchMedia(query).addEventListener('change', draw);
}
// Ask for the active tab's person before the first render, so the popup's
// first paint is the card rather than "Loading…"; give up waiting after a
// moment (a background that is still starting) and let the popup ask itself.
const FIRST_PAINT_BUDGET_MS = 150;
void Promise.race([
  (firstAnswer ?? api.activeTabProfile()).catch(() => null),
  new Promise<undefined>((resolve) => setTimeout(resolve, FIRST_PAINT_BUDGET_MS)),
]).then((profile) => {
  initial = profile;
  draw();
});
