/**
 * Popup entry: wires the Popup component to the browser. The active tab's URL
 * comes from `tabs.query` under `activeTab`; everything else is asked of the
 * background, which owns the directory.
 */
import { render } from 'preact';
import { browser } from 'wxt/browser';
import '../../components/card.css';
import '../../components/popup.css';
import { Popup, type PopupApi } from '../../components/Popup';
import { pageTheme, readMediaPreferences } from '../../components/page-theme';
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
