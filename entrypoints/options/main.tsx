/**
 * Options page entry: wires the Options component to the people store
 * (profiles/store.ts: one transaction per change, each with its
 * precondition), the migration of an earlier version's data, and the
 * settings (one storage key each). Other tabs' changes arrive through
 * storage events: the people store's change feed and the settings keys.
 * Browser sync and directories are the background's: asked by message,
 * except the directory's host permission, asked here from the click.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/card.css';
import '../../components/options.css';
import { downloadText } from '../../components/copy';
import { Options, type OptionsApi } from '../../components/Options';
import { pageTheme, readMediaPreferences } from '../../components/page-theme';
import { checkDirectoryUrl } from '../../directories/url';
import { language, t } from '../../i18n/t';
import { send } from '../../messaging/ask';
import { bundledProfiles } from '../../profiles/bundled';
import { PEOPLE_VERSION_KEY } from '../../profiles/change-feed';
import { NewerDatabaseError } from '../../profiles/db';
import { discardLegacy, ensureMigrated } from '../../profiles/migrate';
import {
  addPerson,
  deletePerson,
  directoryClashes,
  importPeople,
  readSnapshot,
  removeDamaged,
  setHidden,
  updatePerson,
} from '../../profiles/store';
import { readSettings, saveSetting } from '../../settings/items';
import { SYNC_STATUS_KEY } from '../../sync/engine';

/** Change-feed tokens this page wrote: their events are our own writes coming back. */
const own = new Set<unknown>();
const remember = <T extends object>(result: T): T => {
  if ('token' in result) own.add(result.token);
  return result;
};

const api: OptionsApi = {
  async load() {
    const [migration, settings] = await Promise.all([
      ensureMigrated().catch((error: Error) => ({
        kind: 'failed' as const,
        message: error.message,
      })),
      readSettings(),
    ]);
    const base = { migration, settings: settings.value, settingsProblem: settings.problem };
    try {
      const snapshot = await readSnapshot();
      const hidden = new Set(snapshot.hidden);
      const mine = snapshot.people.map((record) => record.profile);
      const ids = new Set(mine.map((profile) => profile.id));
      const shown = [
        ...mine,
        ...bundledProfiles.filter((profile) => !ids.has(profile.id) && !hidden.has(profile.id)),
      ];
      const clashes = await directoryClashes(shown).catch(() => []);
      return { ...base, snapshot, directoryClashes: clashes };
    } catch (error) {
      if (!(error instanceof NewerDatabaseError)) throw error;
      return {
        ...base,
        snapshot: { rev: 0, people: [], damaged: [], hidden: [] },
        unavailable: error.message,
      };
    }
  },
  add: async (profile) => remember(await addPerson(profile)),
  update: async (profile, rev) => remember(await updatePerson(profile, rev)),
  remove: async (id, rev) => remember(await deletePerson(id, rev)),
  setHidden: async (id, hidden) => void own.add(await setHidden(id, hidden)),
  importPeople: async (people, basis) => remember(await importPeople(people, basis)),
  removeDamaged: async (ids) => void own.add(await removeDamaged(ids)),
  moveReadable: () => ensureMigrated({ skipDamaged: true }),
  discardLegacy,
  saveSetting,
  async usage() {
    const estimate = await navigator.storage?.estimate?.();
    return { bytes: estimate?.usage, quota: estimate?.quota };
  },
  onChange(callback) {
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      const keys = Object.keys(changes);
      const people = changes[PEOPLE_VERSION_KEY];
      if (people && own.has(people.newValue) && keys.length === 1) return;
      callback();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
  download: (fileName, text, type) => void downloadText(fileName, text, type),
  sync: {
    act: (action) => send({ type: 'sync', action }),
    resolve: (id, stamp, action) => send({ type: 'sync-resolve', id, stamp, action }),
    onStatus(callback) {
      const listener = (changes: Record<string, unknown>, area: string) => {
        if (area === 'session' && SYNC_STATUS_KEY in changes) callback();
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  },
  directories: {
    list: () => send({ type: 'directories' }),
    subscribe(url, name) {
      const checked = checkDirectoryUrl(url);
      if (!checked.ok) return Promise.resolve(checked);
      // Asked now, in the user's click (Firefox allows it nowhere else), for that one host.
      const asked = checked.alwaysGranted
        ? Promise.resolve(true)
        : browser.permissions.request({ origins: [checked.pattern] });
      return asked.then((granted) =>
        granted
          ? send({ type: 'directory-subscribe', url: checked.url, name })
          : {
              ok: false as const,
              error: t('dir_not_allowed', checked.origin),
            },
      );
    },
    refresh: (id) => send({ type: 'directory-refresh', id }),
    unsubscribe: (id) => send({ type: 'directory-unsubscribe', id }),
  },
};

// The page speaks the language of its messages (screen readers, hyphenation, text-transform).
document.documentElement.lang = language();
document.title = t('options_page_title');
const app = document.getElementById('app');
const draw = () => {
  if (app) {
    render(
      <Options
        api={api}
        bundled={bundledProfiles}
        theme={pageTheme(null, readMediaPreferences(window))}
      />,
      app,
    );
  }
};
for (const query of ['(prefers-color-scheme: dark)', '(prefers-contrast: more)']) {
  window.matchMedia(query).addEventListener('change', draw);
}
draw();
