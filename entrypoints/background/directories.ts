/**
 * Team directories in the background (directories/refresh.ts does the
 * work): the one `fetch` (directories/fetch.ts), the host-permission checks,
 * and the "about daily" refresh — due directories are refreshed when the
 * background starts and when the options page asks for the list. Every
 * failure is kept in the directory's record for the options page; nothing
 * here throws into the background.
 */
import { browser } from 'wxt/browser';
import { fetchDirectory } from '../../directories/fetch';
import { createDirectories } from '../../directories/refresh';
import type { DirectoryService } from '../../messaging/handler';

export function startDirectories(): DirectoryService {
  const directories = createDirectories({
    download: (url, etag) => fetchDirectory(url, { etag }),
    allowed: (pattern) => browser.permissions.contains({ origins: [pattern] }),
    release: async (pattern) => {
      await browser.permissions.remove({ origins: [pattern] }).catch((error: unknown) => {
        console.warn('Profile Card: could not give back the permission for', pattern, error);
      });
    },
    now: () => Date.now(),
  });
  const refreshDue = () => {
    directories.refreshDue().catch((error: unknown) => {
      console.error('Profile Card: refreshing directories failed', error);
    });
  };
  refreshDue();
  return { ...directories, refreshDue };
}
