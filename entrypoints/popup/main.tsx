/**
 * Popup entry: wires the Popup component to the browser. The active tab's URL
 * comes from `tabs.query` under `activeTab`; lookups are asked of the
 * background, which owns the directory. Keeping someone from the page runs
 * the reader (entrypoints/capture-reader.ts) in the tab through `scripting`
 * under the same `activeTab` grant, and saves through the people store
 * (profiles/store.ts) like the options page, one checked transaction. That
 * part (./keep-api.ts, and the store, zod and the importer it needs) is
 * loaded after the first paint, so the card or list paints as soon as before.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/card.css';
import '../../components/popup.css';
import '../../components/keep.css';
import { Popup, type PopupApi } from '../../components/Popup';
import { pageTheme, readMediaPreferences } from '../../components/page-theme';
import { language, t } from '../../i18n/t';
import { parseIdentityUrl } from '../../identity/parse';
import { send as ask } from '../../messaging/ask';
import type { Profile } from '../../profiles/schema';

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
  keep: () => import('./keep-api').then((module) => module.keep),
};

// The page speaks the language of its messages (screen readers, hyphenation, text-transform).
document.documentElement.lang = language();
document.title = t('ext_name');
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
