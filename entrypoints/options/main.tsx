/**
 * Options page entry: wires the Options component to storage. Writes go
 * through profile-store.ts (validated, one atomic write); settings through
 * storage.ts. Open tabs and the background see changes via storage events.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/card.css';
import '../../components/options.css';
import { downloadText } from '../../components/copy';
import { Options, type OptionsApi } from '../../components/Options';
import { pageTheme, readMediaPreferences } from '../../components/page-theme';
import { bundledProfiles } from '../../profiles/bundled';
import { readStore, writeStore } from '../../profiles/store';
import { readSettings, settingsItem } from '../../settings/items';

let ownRevision: number | undefined;
let ownSettings: string | undefined;

const api: OptionsApi = {
  async load() {
    const [{ store, damage }, settings] = await Promise.all([readStore(), readSettings()]);
    return { store, damage, settings: settings.value, settingsProblem: settings.problem };
  },
  async saveStore(store, options) {
    ownRevision = await writeStore(store, options);
  },
  async saveSettings(settings) {
    ownSettings = JSON.stringify(settings);
    await settingsItem.setValue(settings);
  },
  onChange(callback) {
    // Our own writes come back as change events too; only others' call back.
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      const revision = changes.profilesRevision?.newValue;
      const settings = changes.settings && JSON.stringify(changes.settings.newValue);
      const foreign =
        (changes.profiles !== undefined && revision !== ownRevision) ||
        (changes.settings !== undefined && settings !== ownSettings);
      if (foreign) callback();
    };
    browser.storage.onChanged.addListener(listener);
    return () => browser.storage.onChanged.removeListener(listener);
  },
  download: (fileName, text, type) => void downloadText(fileName, text, type),
};

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
