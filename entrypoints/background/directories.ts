/**
 * Team directories in the background (directories/refresh.ts does the
 * work): the one `fetch` (directories/fetch.ts), the host-permission checks,
 * and the "about daily" refresh — due directories are refreshed a few
 * seconds after the background starts (./later.ts: a lookup that woke it
 * is answered first) and when the options page asks for the list. The
 * service and its formats are loaded on first use. Every failure is kept
 * in the directory's record for the options page; nothing here throws into
 * the background.
 */
import type { DirectoryService } from '../../messaging/handler';
import { hostAccess } from './host-access';
import { lazy, refreshDueLater } from './later';

export function startDirectories(): DirectoryService {
  const service = lazy(async () => {
    const [{ createDirectories }, { fetchDirectory }] = await Promise.all([
      import('../../directories/refresh'),
      import('../../directories/fetch'),
    ]);
    return createDirectories({
      download: (url, etag, signal) => fetchDirectory(url, { etag, ...(signal && { signal }) }),
      ...hostAccess,
      now: () => Date.now(),
    });
  });
  const refreshDue = refreshDueLater(service, (error) =>
    console.error('Profile Card: refreshing directories failed', error),
  );
  return {
    refreshDue,
    list: async () => (await service()).list(),
    subscribe: async (url, name) => (await service()).subscribe(url, name),
    refresh: async (id) => (await service()).refresh(id),
    unsubscribe: async (id) => (await service()).unsubscribe(id),
  };
}
