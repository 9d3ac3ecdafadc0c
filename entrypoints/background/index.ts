import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createMessageHandler } from '../../messaging/handler';
import { replyWith } from '../../messaging/reply';
import { readCardState, readSettings, writeCardState } from '../../settings/items';
import { currentPeople } from '../../store/current-directory';
import { startBadges } from './badge';
import { startCardDav } from './carddav';
import { startDirectories } from './directories';
import { watchImport } from './import-watch';
import { startMigrations } from './migration';
import { forwardStoredChanges } from './stored-changes';
import { startSync } from './sync';
import { startWhatsNew } from './whats-new';

// The background answers every question about people (messaging/handler.ts)
// from the store, keeps the toolbar badge (./badge.ts), moves an earlier
// version's data into the store (./migration.ts), runs browser sync
// (./sync.ts), refreshes subscribed directories (./directories.ts) and
// connected address books (./carddav.ts), announces an import whose page
// closed as it was written (./import-watch.ts), and tells the open GitHub and
// LinkedIn tabs when stored data changed (./stored-changes.ts).
// Listeners are registered synchronously here, as an MV3 service worker
// must for events to wake it. Sync's engine, directories and address books
// are loaded on first use, and their upkeep waits a few seconds
// (./later.ts), so that a lookup that woke the worker is answered first.
export default defineBackground(() => {
  const handle = createMessageHandler({
    extensionId: browser.runtime.id,
    pageOrigin: browser.runtime.getURL('/'),
    people: currentPeople,
    settings: async () => (await readSettings()).value,
    cardState: readCardState,
    setCardState: writeCardState,
    injectUi: async (tabId, frameId) => {
      await browser.scripting.executeScript({
        target: { tabId, frameIds: [frameId] },
        files: ['/card-ui.js'],
      });
    },
    sync: startSync(),
    directories: startDirectories(),
    watchImport,
    carddav: startCardDav(),
    // The note editor for a card in a page: the popup's page in a small
    // window of its own (no permission needed), never the page's document.
    notes: async (id) => {
      await browser.windows.create({
        url: browser.runtime.getURL(`/popup.html?note=${encodeURIComponent(id)}` as '/popup.html'),
        type: 'popup',
        width: 400,
        height: 560,
      });
      return true;
    },
  });
  // Answered through sendResponse: Chrome before 144 ignores a returned promise.
  browser.runtime.onMessage.addListener(replyWith(handle));
  forwardStoredChanges();
  const badges = startBadges(currentPeople.lookup);
  startMigrations(badges.refreshAll);
  startWhatsNew();
});
