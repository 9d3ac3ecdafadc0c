/**
 * Tells the open GitHub and LinkedIn tabs that stored settings or people
 * changed (messaging/stored-changed.ts), so their content scripts need no
 * `storage.onChanged` listener of their own (issue 28). Registered at the
 * worker's top level: a change made in the options page or another tab
 * wakes a sleeping worker, and the tabs are found afresh each time, so
 * nothing about them is kept between wakes. `tabs.query` by URL needs the
 * host permissions the extension has for exactly these patterns; a tab whose
 * content script never asked has no listener, and its send fails quietly.
 * Session storage holds only card states, which the pages wrote themselves.
 *
 * Only a change pages can see is told: a setting, or the people (the change
 * feed's `peopleVersion`). A page told forgets its answers and looks again,
 * so bookkeeping the pages never read (the version whose news the user saw,
 * written at install; sync's device id) is not told: it would only send
 * every open tab asking again for nothing.
 */
import { browser } from 'wxt/browser';
import { MATCH_PATTERNS } from '../../identity/hosts';
import { STORED_CHANGED, type StoredChanged } from '../../messaging/stored-changed';
import { SETTINGS_READ_KEYS } from '../../settings/items';
import { PEOPLE_VERSION_KEY } from '../../store/change-feed';

const MESSAGE: StoredChanged = { type: STORED_CHANGED };

async function tellTabs(): Promise<void> {
  const tabs = await browser.tabs.query({ url: [...MATCH_PATTERNS] });
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : browser.tabs.sendMessage(tab.id, MESSAGE).catch(() => undefined),
    ),
  );
}

const PAGE_KEYS = new Set([...SETTINGS_READ_KEYS, PEOPLE_VERSION_KEY]);

/** Does a change to these `storage.local` keys change anything a page shows? */
export const reachesPages = (keys: readonly string[]): boolean =>
  keys.some((key) => PAGE_KEYS.has(key));

export function forwardStoredChanges(): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && reachesPages(Object.keys(changes)))
      void tellTabs().catch(() => undefined);
  });
}
