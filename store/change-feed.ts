/**
 * The one change feed of the people store. After every committed write, the
 * writer puts a fresh random token in `storage.local` under `peopleVersion`;
 * `storage.onChanged` then tells every context that listens — content scripts
 * (entrypoints/content/stored-changes.ts empties its lookups on any change in
 * the local area), the background (badges), other options tabs — without
 * polling (https://developer.chrome.com/docs/extensions/reference/api/storage#event-onChanged).
 *
 * A token rather than a counter: nothing is read to make it, so a stored
 * value at or past 2^53, or a corrupted one, can never make two writes look
 * the same (an unchanged value fires no event).
 */
import { browser } from 'wxt/browser';

export const PEOPLE_VERSION_KEY = 'peopleVersion';

/** Says "the people changed"; resolves to the token written, so a page can recognise its own. */
export async function announcePeopleChange(): Promise<string> {
  const token = crypto.randomUUID();
  await browser.storage.local.set({ [PEOPLE_VERSION_KEY]: token });
  return token;
}

/** Calls back with the new token whenever any context announces a change. */
export function onPeopleChange(callback: (token: unknown) => void): () => void {
  const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = changes[PEOPLE_VERSION_KEY];
    if (area === 'local' && change) callback(change.newValue);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
