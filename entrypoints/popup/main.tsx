/**
 * Popup entry: wires the Popup component to the browser. The active tab's URL
 * comes from `tabs.query` under `activeTab`; lookups are asked of the
 * background, which owns the directory. Keeping someone from the page runs
 * the reader (entrypoints/capture-reader.ts) in the tab through `scripting`
 * under the same `activeTab` grant, and saves through the people store
 * (profiles/store.ts) like the options page, one checked transaction.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/card.css';
import '../../components/popup.css';
import '../../components/keep.css';
import type { PageReading } from '../../capture/reading';
import type { KeepApi, TabReading } from '../../components/KeepPerson';
import { Popup, type PopupApi } from '../../components/Popup';
import { pageTheme, readMediaPreferences } from '../../components/page-theme';
import { parseIdentityUrl } from '../../identity/parse';
import { send as ask } from '../../messaging/ask';
import { bundledProfiles } from '../../profiles/bundled';
import type { Profile } from '../../profiles/schema';
import { addPerson, readSnapshot, updatePerson } from '../../profiles/store';

/** Tabs the browser keeps closed to every extension, in words. */
const CLOSED =
  'Profile Card can’t read this tab: browser pages (such as chrome:// or about: pages), the extension store and local files are closed to extensions. Open the person’s page on the web to keep them.';

const keep: KeepApi = {
  async readTab(): Promise<TabReading> {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.url?.startsWith(browser.runtime.getURL('/'))) return { kind: 'own-page' };
    if (tab?.id === undefined || !tab.url || !/^https?:/.test(tab.url))
      return { kind: 'closed', message: CLOSED };
    try {
      const [frame] = await browser.scripting.executeScript({
        target: { tabId: tab.id },
        files: ['/capture-reader.js'],
      });
      const reading = frame?.result as PageReading | undefined;
      if (!reading || typeof reading !== 'object' || typeof reading.ok !== 'boolean')
        return { kind: 'closed', message: 'The page gave no answer; reload it and try again.' };
      return { kind: 'read', reading };
    } catch {
      // Chrome refuses the web store, other extensions' pages and some policies' tabs.
      return { kind: 'closed', message: CLOSED };
    }
  },
  lookup: async (key) => (await ask({ type: 'lookup', key }))?.profile ?? null,
  snapshot: readSnapshot,
  bundled: bundledProfiles,
  add: addPerson,
  update: updatePerson,
};

const api: PopupApi = {
  async activeTabProfile() {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    const identity = tab?.url ? parseIdentityUrl(tab.url) : undefined;
    if (!identity) return null;
    return (await ask({ type: 'lookup', key: identity.key }))?.profile ?? null;
  },
  list: () => ask({ type: 'list' }),
  profile: (id) => ask({ type: 'profile', id }),
  openOptions: () => void browser.runtime.openOptionsPage().then(() => window.close()),
  keep,
};

const app = document.getElementById('app');
let initial: Profile | null | undefined;
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
  api.activeTabProfile().catch(() => null),
  new Promise<undefined>((resolve) => setTimeout(resolve, FIRST_PAINT_BUDGET_MS)),
]).then((profile) => {
  initial = profile;
  draw();
});
