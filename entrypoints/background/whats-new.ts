/**
 * On install and update the background only writes down which version the
 * user last saw (settings/whats-new.ts); it opens no tab, window or page.
 * The options page shows what is new the next time the user opens it
 * (components/options/WhatsNew.tsx).
 */
import { browser } from 'wxt/browser';
import { noteInstall } from '../../settings/whats-new';

export function startWhatsNew(): void {
  browser.runtime.onInstalled.addListener((details) => {
    noteInstall(details, browser.runtime.getManifest().version).catch((error: unknown) =>
      console.warn('Profile Card: could not note the update', error),
    );
  });
}
