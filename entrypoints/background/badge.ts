/**
 * The toolbar icon's badge: the initials and name of the person the tab
 * shows, or nothing. Computed from the tab's URL, which the background sees
 * only for GitHub and LinkedIn (host permissions), never through the `tabs`
 * permission: elsewhere `tab.url` is undefined and the badge is cleared.
 */
import { browser } from 'wxt/browser';
import { initials } from '../../contact/initials';
import { parseIdentityUrl } from '../../identity/parse';
import type { Directory } from '../../profiles/directory';
import type { Profile } from '../../profiles/schema';

export interface Badge {
  text: string;
  title: string;
}

export const NO_BADGE: Badge = { text: '', title: 'Profile Card' };

export function badgeFor(profile: Profile | undefined): Badge {
  if (!profile) return NO_BADGE;
  return { text: initials(profile.name), title: `Profile Card: ${profile.name}` };
}

/** Keeps every GitHub/LinkedIn tab's badge in step with its URL. */
export function startBadges(directory: () => Promise<Directory>): void {
  // MV3 has `action`; Firefox's MV2 build has `browserAction`.
  const action = browser.action ?? browser.browserAction;
  const update = async (tabId: number, url: string | undefined) => {
    const identity = url ? parseIdentityUrl(url) : undefined;
    const badge = badgeFor(identity ? (await directory()).lookup(identity.key) : undefined);
    void action.setBadgeText({ tabId, text: badge.text }).catch(() => {});
    void action.setTitle({ tabId, title: badge.title }).catch(() => {});
  };
  void action.setBadgeBackgroundColor({ color: '#0969da' });
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || change.status === 'loading') void update(tabId, tab.url);
  });
  void browser.tabs.query({}).then((tabs) => {
    for (const tab of tabs) if (tab.id !== undefined) void update(tab.id, tab.url);
  });
}
