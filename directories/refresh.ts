/**
 * Subscribing, refreshing and unsubscribing, in the background. A refresh:
 *
 *   still allowed to ask that host? (permissions.contains) ── no ─▶ say so, keep the copy
 *   ./fetch.ts with the copy's ETag ── 304 ─▶ keep the copy, note when
 *                                   ── failed ─▶ keep the copy, say why
 *   ./read.ts (the importers) ── not people ─▶ keep the copy, say why
 *   ../store/directories.ts: sweep leftovers, write the next generation in batches,
 *               swap in one transaction, delete the old one
 *   announce on the people store's change feed (tabs forget their answers)
 *
 * About daily: a directory is due once its copy is a day old, checked
 * whenever the background starts (the MV3 service worker starts often: on
 * a tab's lookup, a message, the browser's start) and when the options page
 * opens, with a failed try not repeated within the hour. No `alarms`
 * permission is needed for that (docs/guide.md#a-teams-directory-by-url says why).
 * One refresh per directory at a time: a second request joins the first.
 * Unsubscribing stops a refresh under way (a server that drips its file
 * byte by byte would otherwise hold the click, and the host permission,
 * until the fetch's timeout), and a subscription refused after the options
 * page was granted its host gives the permission back: the extension never
 * keeps a site it has no directory for.
 */
import { t } from '../i18n/t';
import { profileSchema } from '../people/schema';
import { announcePeopleChange } from '../store/change-feed';
import type { DirectoryRecord } from '../store/db';
import {
  addDirectory,
  getDirectory,
  listBookOrigins,
  listDirectories,
  patchDirectory,
  removeDirectory,
  swapGeneration,
  sweepGenerations,
  sweepOrphans,
  writeGeneration,
} from '../store/directories';
import type { Fetched } from './fetch';
import { pauseForEvents, readDirectory } from './read';
import { type CheckedUrl, checkDirectoryUrl, defaultName } from './url';

export const REFRESH_AFTER_MS = 24 * 60 * 60 * 1000;
export const RETRY_AFTER_MS = 60 * 60 * 1000;
/**
 * When the server could not be reached at all, two more tries, this long
 * after the one before. Besides a network that blinks, this covers the
 * first fetch after the permission was granted: Chromium applies a new host
 * permission to the service worker's network access a moment after
 * `permissions.request` resolves, and under load that first fetch can fail
 * (seen in tests/browser/directories.test.ts on the busy test machine).
 */
export const QUICK_RETRIES_MS = [1_000, 3_000];

export interface DirectoryDeps {
  /** Fetches the file; `signal` stops it (unsubscribed meanwhile). */
  download(url: string, etag: string | undefined, signal?: AbortSignal): Promise<Fetched>;
  /** Does the extension still hold the host permission `pattern`? */
  allowed(pattern: string): Promise<boolean>;
  /** Gives the host permission back (unless another directory or the manifest needs it). */
  release(pattern: string): Promise<void>;
  now(): number;
  pause?: () => Promise<void>;
  /** Waits `ms` (tests pass one that does not). */
  wait?: (ms: number) => Promise<void>;
}

export type SubscribeResult =
  | { ok: true; directory: DirectoryRecord }
  | { ok: false; error: string };

export function isDue(record: DirectoryRecord, now: number): boolean {
  const stale = record.fetchedAt === undefined || now - record.fetchedAt >= REFRESH_AFTER_MS;
  const resting = record.checkedAt !== undefined && now - record.checkedAt < RETRY_AFTER_MS;
  return stale && !resting;
}

export function createDirectories(deps: DirectoryDeps) {
  const pause = deps.pause ?? pauseForEvents;
  const wait = deps.wait ?? ((ms: number) => new Promise<void>((done) => setTimeout(done, ms)));
  const running = new Map<
    string,
    { done: Promise<DirectoryRecord | undefined>; stop: AbortController }
  >();

  const download = async (
    url: string,
    etag: string | undefined,
    signal: AbortSignal,
  ): Promise<Fetched> => {
    let fetched = await deps.download(url, etag, signal);
    for (const delay of QUICK_RETRIES_MS) {
      if (fetched.kind !== 'failed' || !fetched.transient || signal.aborted) break;
      await wait(delay);
      if (signal.aborted) break;
      fetched = await deps.download(url, etag, signal);
    }
    return fetched;
  };

  /**
   * Gives the host back unless it is always granted, or another directory or
   * an address book (store/carddav.ts, its records beside ours) still reads it.
   */
  const releaseUnlessUsed = async (checked: CheckedUrl) => {
    if (!checked.ok || checked.alwaysGranted) return;
    const others = (await listDirectories()).map((other) => checkDirectoryUrl(other.url));
    const books = await listBookOrigins();
    if (
      !others.some((other) => other.ok && other.pattern === checked.pattern) &&
      !books.some((origin) => `${origin}/*`.replace(/:\d+\/\*$/, '/*') === checked.pattern)
    )
      await deps.release(checked.pattern);
  };

  async function refreshOnce(
    id: string,
    signal: AbortSignal,
  ): Promise<DirectoryRecord | undefined> {
    const record = await getDirectory(id);
    if (!record) return undefined;
    const checked = checkDirectoryUrl(record.url);
    if (!checked.ok) return patchDirectory(id, { problem: checked.error, checkedAt: deps.now() });
    const checkedAt = deps.now();
    if (!(await deps.allowed(checked.pattern)))
      return patchDirectory(id, {
        checkedAt,
        problem: t('dir_permission_taken', checked.origin),
      });
    const fetched = await download(record.url, record.gen > 0 ? record.etag : undefined, signal);
    // Unsubscribed meanwhile: nothing to note on a record about to go.
    if (signal.aborted) return undefined;
    if (fetched.kind === 'same')
      return patchDirectory(id, { checkedAt, fetchedAt: checkedAt, problem: undefined });
    if (fetched.kind === 'failed')
      return patchDirectory(id, { checkedAt, problem: fetched.message });
    const read = await readDirectory(defaultName(record.url), fetched.bytes, pause);
    if (signal.aborted) return undefined;
    if ('error' in read) return patchDirectory(id, { checkedAt, problem: read.error });

    const next = record.gen + 1;
    await sweepGenerations(id, record.gen, pause);
    await writeGeneration(id, next, read.people, pause);
    const swapped = await swapGeneration(id, record.gen, next, {
      count: read.people.length,
      checkedAt,
      fetchedAt: checkedAt,
      ...(fetched.etag ? { etag: fetched.etag } : { etag: undefined }),
      ...(read.refused.count > 0 ? { refused: read.refused } : {}),
    });
    if (!swapped) {
      // Unsubscribed (or replaced) meanwhile: what was written is not anyone's.
      await sweepGenerations(id, (await getDirectory(id))?.gen, pause);
      return getDirectory(id);
    }
    await sweepGenerations(id, next, pause);
    await announcePeopleChange();
    return swapped;
  }

  /**
   * A refresh that threw (a bug, storage that failed) is noted on the
   * directory like any other problem, with the time it was tried: it is not
   * tried again at once at every background start, and the directories
   * after it are still refreshed.
   */
  const refreshNoted = async (id: string, signal: AbortSignal) => {
    try {
      return await refreshOnce(id, signal);
    } catch (error) {
      console.error('Profile Card: refreshing a directory failed', error);
      return patchDirectory(id, {
        checkedAt: deps.now(),
        problem: t('dirr_failed', (error as Error)?.message || String(error)),
      }).catch(() => undefined);
    }
  };

  const refresh = (id: string): Promise<DirectoryRecord | undefined> => {
    let pending = running.get(id);
    if (!pending) {
      const stop = new AbortController();
      const done = refreshNoted(id, stop.signal).finally(() => running.delete(id));
      pending = { done, stop };
      running.set(id, pending);
    }
    return pending.done;
  };

  return {
    refresh,
    list: listDirectories,

    /** Subscribes (the options page asked for the host permission first, from the click). */
    async subscribe(url: string, name: string): Promise<SubscribeResult> {
      const checked = checkDirectoryUrl(url);
      if (!checked.ok) return checked;
      let added = false;
      try {
        const label = name.trim() || defaultName(checked.url);
        const named = profileSchema().shape.name.safeParse(label);
        if (!named.success)
          return { ok: false, error: t('dirs_name_problem', named.error.issues[0]?.message ?? '') };
        if (!(await deps.allowed(checked.pattern)))
          return {
            ok: false,
            error: t('dir_not_allowed', checked.origin),
          };
        const record: DirectoryRecord = {
          id: crypto.randomUUID(),
          url: checked.url,
          name: named.data,
          subscribedAt: deps.now(),
          gen: 0,
          count: 0,
        };
        if (!(await addDirectory(record))) return { ok: false, error: t('dirs_already') };
        added = true;
        return { ok: true, directory: (await refresh(record.id)) ?? record };
      } finally {
        // The options page was granted the host before these checks: a subscription
        // refused (or one that threw) gives it back.
        if (!added) await releaseUnlessUsed(checked);
      }
    },

    /** Ends a subscription: its people go, and the host permission is given back. */
    async unsubscribe(id: string): Promise<boolean> {
      const pending = running.get(id);
      pending?.stop.abort();
      await pending?.done.catch(() => undefined);
      const record = await removeDirectory(id, pause);
      if (!record) return false;
      await announcePeopleChange();
      await releaseUnlessUsed(checkDirectoryUrl(record.url));
      return true;
    },

    /** Refreshes every directory that is due, one after another; sweeps leftovers first. */
    async refreshDue(): Promise<void> {
      await sweepOrphans(pause);
      for (const record of await listDirectories())
        if (isDue(record, deps.now())) await refresh(record.id);
    },
  };
}

export type Directories = ReturnType<typeof createDirectories>;
