import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createMessageHandler } from '../../messaging/handler';
import { currentDirectory } from '../../profiles/current-directory';
import { readSettings } from '../../settings/items';
import { startBadges } from './badge';
import { readCardStates, setCardState } from './card-states';

// The background owns the directory and answers every question about it
// (messaging/handler.ts); it also keeps the toolbar badge (./badge.ts).
export default defineBackground(() => {
  const handle = createMessageHandler({
    extensionId: browser.runtime.id,
    directory: currentDirectory,
    settings: async () => (await readSettings()).value,
    cardStates: readCardStates,
    setCardState,
    injectUi: async (tabId, frameId) => {
      await browser.scripting.executeScript({
        target: { tabId, frameIds: [frameId] },
        files: ['/card-ui.js'],
      });
    },
  });
  browser.runtime.onMessage.addListener((message, sender) => handle(message, sender));
  startBadges(currentDirectory);
});
