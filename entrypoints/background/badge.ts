/**
 * The toolbar icon's badge: the initials and name of the person the tab
 * shows, or nothing. Computed from the tab's URL, which the background sees
 * only for GitHub and LinkedIn (host permissions), never through the `tabs`
 * permission: elsewhere `tab.url` is undefined and the badge is cleared.
 *
 * Kept current three ways: a tab's URL changes (tabs.onUpdated); the people
 * change (the store's change feed, store/change-feed.ts: a hide, delete
 * or import re-badges every open tab); and once when the browser starts or
 * the extension is installed or updated — not on every service-worker
 * start, which happens after every ~30 s of idleness. Every failure is
 * caught: a badge is never worth an unhandled rejection.
 */
import { browser } from 'wxt/browser';
import { initials } from '../../contact/initials';
import { t } from '../../i18n/t';
import type { IdentityKey } from '../../identity/keys';
import { parseIdentityUrl } from '../../identity/parse';
import type { Profile } from '../../people/schema';
import { onPeopleChange } from '../../store/change-feed';

export interface Badge {
  text: string;
  title: string;
}

/** A function, not a constant: the message is read when asked for, in the language of the moment. */
export const noBadge = (): Badge => ({ text: '', title: t('action_title') });

export function badgeFor(profile: Profile | undefined): Badge {
  if (!profile) return noBadge();
  return { text: initials(profile.name), title: t('badge_title', profile.name) };
}

export function startBadges(lookup: (key: IdentityKey) => Promise<Profile | undefined>) {
  // MV3 has `action`; Firefox's MV2 build has `browserAction`. Read when a
  // badge is set, not as the worker starts: Chrome builds the API's bindings
  // on first access (~2.5 ms of a cold start, bench/cold-lookup.ts), which a
  // lookup that woke the worker need not wait for.
  const action = () => browser.action ?? browser.browserAction;
  const update = async (tabId: number, url: string | undefined) => {
    try {
      const identity = url ? parseIdentityUrl(url) : undefined;
      const badge = badgeFor(identity ? await lookup(identity.key) : undefined);
      await Promise.all([
        action().setBadgeText({ tabId, text: badge.text }),
        action().setTitle({ tabId, title: badge.title }),
      ]);
    } catch {
      // The tab closed meanwhile, or the store could not be read: leave it.
    }
  };
  const refreshAll = () => {
    browser.tabs.query({}).then(
      (tabs) => {
        for (const tab of tabs) if (tab.id !== undefined) void update(tab.id, tab.url);
      },
      () => undefined,
    );
  };
  const start = () => {
    action()
      .setBadgeBackgroundColor({ color: '#0969da' })
      .catch(() => undefined);
    refreshAll();
  };
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.url !== undefined || change.status === 'loading') void update(tabId, tab.url);
  });
  browser.runtime.onStartup.addListener(start);
  browser.runtime.onInstalled.addListener(start);
  onPeopleChange(refreshAll);
  return { refreshAll };
}
