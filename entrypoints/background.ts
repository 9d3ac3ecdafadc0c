import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { badgeFor } from '../utils/badge';
import { currentDirectory } from '../utils/directory-source';
import { createMessageHandler } from '../utils/message-handler';
import { parseIdentityUrl } from '../utils/parse-identity-url';
import { cardStatesItem, readCardStates, readSettings } from '../utils/storage';

export default defineBackground(() => {
  // MV3 has `action`; Firefox's MV2 build has `browserAction`.
  const action = browser.action ?? browser.browserAction;

  const handle = createMessageHandler({
    extensionId: browser.runtime.id,
    directory: currentDirectory,
    settings: async () => (await readSettings()).value,
    cardStates: readCardStates,
    setCardState: async (profileId, state) => {
      await cardStatesItem.setValue({ ...(await readCardStates()), [profileId]: state });
    },
    injectUi: async (tabId, frameId) => {
      await browser.scripting.executeScript({
        target: { tabId, frameIds: [frameId] },
        files: ['/card-ui.js'],
      });
    },
  });
  browser.runtime.onMessage.addListener((message, sender) => handle(message, sender));

  // The badge follows the tab's URL. `tab.url` is present only where we hold
  // host permissions (GitHub, LinkedIn); elsewhere it is undefined and the
  // badge is cleared, so no `tabs` permission is needed.
  const updateBadge = async (tabId: number, url: string | undefined) => {
    const identity = url ? parseIdentityUrl(url) : undefined;
    const badge = badgeFor(identity ? (await currentDirectory()).lookup(identity.key) : undefined);
    void action.setBadgeText({ tabId, text: badge.text }).catch(() => {});
    void action.setTitle({ tabId, title: badge.title }).catch(() => {});
  };
  void action.setBadgeBackgroundColor({ color: '#0969da' });
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || change.status === 'loading') void updateBadge(tabId, tab.url);
  });
  void browser.tabs.query({}).then((tabs) => {
    for (const tab of tabs) if (tab.id !== undefined) void updateBadge(tab.id, tab.url);
  });
});
