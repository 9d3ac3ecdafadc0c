/**
 * The optional host permissions a directory or an address book was granted
 * for its one host: asked whether it is still held, and given back when the
 * source is removed (a failure to give it back is logged, never thrown).
 */
import { browser } from 'wxt/browser';

export const hostAccess = {
  allowed: (pattern: string) => browser.permissions.contains({ origins: [pattern] }),
  release: async (pattern: string) => {
    await browser.permissions.remove({ origins: [pattern] }).catch((error: unknown) => {
      console.warn('Profile Card: could not give back the permission for', pattern, error);
    });
  },
};
