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
 */
import { browser } from 'wxt/browser';
import { MATCH_PATTERNS } from '../../identity/hosts';
import { STORED_CHANGED, type StoredChanged } from '../../messaging/stored-changed';

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

export function forwardStoredChanges(): void {
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'local') void tellTabs().catch(() => undefined);
  });
}
