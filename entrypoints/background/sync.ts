/**
 * Browser sync in the background (sync/engine.ts does the work). What runs
 * a pass: an item arriving in storage.sync (the event wakes a stopped MV3
 * service worker; the listener is registered at start, as it must be), a
 * change here (the people store's change feed, a setting, sync turned on),
 * the browser starting, and — a few seconds after any start of the
 * background, so a lookup that woke it is answered first — a catch-up pass
 * for a retry whose timer died with a stopped worker. Only while sync is on.
 */
import { browser } from 'wxt/browser';
import type { SyncService } from '../../messaging/handler';
import { SETTING_KEYS } from '../../settings/items';
import { PEOPLE_VERSION_KEY } from '../../store/change-feed';
import { SYNC_ON_KEY } from '../../sync/keys';
import { createSyncRunner } from '../../sync/runner';
import { lazy } from './later';

const CATCH_UP_MS = 3_000;

export function startSync(): SyncService {
  // The engine (and its schemas) is loaded on first use (./later.ts).
  const engine = lazy(() => import('../../sync/engine'));
  const runner = createSyncRunner(
    async () => (await engine()).runPass(),
    (error) => console.error('Profile Card: a sync pass failed', error),
  );
  const whenOn = () => {
    engine()
      .then((loaded) => loaded.isSyncOn())
      .then(
        (on) => on && runner.schedule(),
        () => undefined,
      );
  };
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync') whenOn();
    else if (
      area === 'local' &&
      (PEOPLE_VERSION_KEY in changes ||
        SYNC_ON_KEY in changes ||
        Object.keys(changes).some((key) => SETTING_KEYS.includes(key)))
    )
      whenOn();
  });
  browser.runtime.onStartup.addListener(() => whenOn());
  setTimeout(whenOn, CATCH_UP_MS);

  return {
    async act(action) {
      const { eraseSync, isSyncOn, readStatus, setSyncOn } = await engine();
      if (action === 'on') await runner.exclusive(() => setSyncOn(true));
      else if (action === 'off') await runner.exclusive(() => setSyncOn(false));
      else if (action === 'erase') await runner.exclusive(eraseSync);
      else if (action === 'now' && (await isSyncOn())) runner.schedule();
      if (action === 'on' || action === 'now') await runner.idle();
      return { on: await isSyncOn(), status: (await readStatus()) ?? null };
    },
    resolve: async ({ id, stamp, action }) => {
      const { resolveConflict } = await engine();
      return runner.exclusive(() => resolveConflict(id, stamp, action));
    },
  };
}
