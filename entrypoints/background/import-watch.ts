/**
 * An import the options page's worker writes, announced from here too.
 *
 * The worker that writes an import (entrypoints/options/jobs-worker.ts) has
 * no extension APIs, so the page announces the write on the change feed
 * when the worker says it committed. A page closed as the commit lands
 * never does: open tabs would keep stale cards and sync would wait for the
 * next change. So, before the page sends the commit, it takes a Web Lock
 * (IMPORT_WRITE_LOCK, https://w3c.github.io/web-locks/) and tells the
 * background the store's version and the feed's token as they are; the
 * background asks for the same lock, which it gets when the page lets go
 * (after announcing) or is gone (closed, the worker with it):
 *
 *   page: lock ─▶ import-watch { basis, token } ─▶ commit ─▶ committed ─▶ announce ─▶ unlock
 *   here: import-watch ─▶ wait for the lock ─▶ store moved past basis and
 *         nobody announced since? ─▶ announce
 */
import { browser } from 'wxt/browser';
import { announcePeopleChange, PEOPLE_VERSION_KEY } from '../../store/change-feed';
import { openPeopleDb } from '../../store/db';

/** Held by the options page from before its worker writes an import until it announced it. */
export const IMPORT_WRITE_LOCK = 'profile-card-import-write';

/** Resolves true when it announced the page's import itself. */
export async function watchImport(basis: number, token: string | null): Promise<boolean> {
  await navigator.locks.request(IMPORT_WRITE_LOCK, async () => undefined);
  const rev = (await (await openPeopleDb()).get('meta', 'rev')) ?? 0;
  if (rev === basis) return false;
  const now = (await browser.storage.local.get(PEOPLE_VERSION_KEY))[PEOPLE_VERSION_KEY] ?? null;
  if (now !== token) return false;
  await announcePeopleChange();
  return true;
}
