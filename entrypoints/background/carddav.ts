/**
 * Address books in the background (carddav/service.ts does the work): the
 * host-permission checks and the "about daily" refresh — due books are
 * refreshed when the background starts and when the options page asks for
 * the list. Every failure is kept in the book's record for the options
 * page; nothing here throws into the background.
 */
import { browser } from 'wxt/browser';
import { createCardDav } from '../../carddav/service';
import type { HandlerDeps } from '../../messaging/handler';

export function startCardDav(): NonNullable<HandlerDeps['carddav']> {
  const carddav = createCardDav({
    allowed: (pattern) => browser.permissions.contains({ origins: [pattern] }),
    release: async (pattern) => {
      await browser.permissions.remove({ origins: [pattern] }).catch((error: unknown) => {
        console.warn('Profile Card: could not give back the permission for', pattern, error);
      });
    },
    now: () => Date.now(),
  });
  const refreshDue = () => {
    carddav.refreshDue().catch((error: unknown) => {
      console.error('Profile Card: refreshing address books failed', error);
    });
  };
  refreshDue();
  return { ...carddav, refreshDue };
}
