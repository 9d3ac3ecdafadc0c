/**
 * The last version whose "What's new" the user was shown, one key in
 * `storage.local`. The options page shows the changelog of every version
 * after it, once, as a banner (components/options/WhatsNew.tsx); nothing is ever
 * opened on its own.
 *
 *   install            → the installed version: a fresh install has nothing "new"
 *   update from X      → X, unless a version is already remembered (the user has
 *                        not opened the options page since an earlier update:
 *                        they see every version since the one they last saw)
 *   options page shows → the current version
 *
 * 0.1.0 wrote no such key, so its update is the "update from X" case. A value
 * that is not a version (a hand edit, disk trouble) counts as none: no banner
 * until the next update puts a real one there.
 */
import { browser } from 'wxt/browser';

export const LAST_VERSION_SEEN_KEY = 'whatsNew.lastVersionSeen';

/** Extension versions: one to four dot-separated integers (Chrome's rule). */
const VERSION = /^(0|[1-9]\d{0,8})(\.(0|[1-9]\d{0,8})){0,3}$/;

export const isVersion = (value: unknown): value is string =>
  typeof value === 'string' && VERSION.test(value);

/** Negative, zero or positive as `a` is older than, the same as, or newer than `b`. */
export function compareVersions(a: string, b: string): number {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

export async function readLastVersionSeen(): Promise<string | undefined> {
  const value = (await browser.storage.local.get(LAST_VERSION_SEEN_KEY))[LAST_VERSION_SEEN_KEY];
  return isVersion(value) ? value : undefined;
}

export async function markVersionSeen(version: string): Promise<void> {
  if (isVersion(version)) await browser.storage.local.set({ [LAST_VERSION_SEEN_KEY]: version });
}

/** `runtime.onInstalled`'s details, as much as this needs. */
export interface InstallDetails {
  reason: string;
  previousVersion?: string;
}

/** What the background does on `runtime.onInstalled`: remember, never open anything. */
export async function noteInstall(details: InstallDetails, current: string): Promise<void> {
  if (details.reason === 'install') await markVersionSeen(current);
  else if (details.reason === 'update' && (await readLastVersionSeen()) === undefined) {
    if (isVersion(details.previousVersion)) await markVersionSeen(details.previousVersion);
  }
}

/**
 * What to announce: the entries after `lastSeen` up to `current`, newest
 * first as given. Nothing without a remembered version (a fresh install, or
 * an unreadable value), and nothing when the current version is not newer.
 */
export function toAnnounce<T extends { version: string }>(
  entries: T[],
  lastSeen: string | undefined,
  current: string,
): T[] {
  if (lastSeen === undefined || compareVersions(lastSeen, current) >= 0) return [];
  return entries.filter(
    (entry) =>
      compareVersions(entry.version, lastSeen) > 0 && compareVersions(entry.version, current) <= 0,
  );
}
