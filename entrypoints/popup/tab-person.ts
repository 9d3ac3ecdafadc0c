/**
 * The active tab's person, asked as the popup's first act (issue 28,
 * popup_open_ms). main.tsx imports this module before the popup's
 * components, so the question — the tab's URL from `tabs.query` (under
 * `activeTab`), then one index read of the people store — is on its way
 * while Preact, the card and the list are still being evaluated; the
 * database is opened beside the tab query rather than after it (the list
 * opens the same one, store/db.ts keeps it). The note window (`?note=<id>`)
 * shows a person it is given, and asks nothing here.
 */
import { browser } from 'wxt/browser';
import { parseIdentityUrl } from '../../identity/parse';
import type { Profile } from '../../people/schema';
import { currentPeople } from '../../store/current-directory';
import { openPeopleDb } from '../../store/db';

/** The profile for the active tab's page, or null. */
export async function activeTabProfile(): Promise<Profile | null> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const identity = tab?.url ? parseIdentityUrl(tab.url) : undefined;
  if (!identity) return null;
  for (const key of [identity.key, ...(identity.alternates ?? [])]) {
    const profile = await currentPeople.lookup(key);
    if (profile) return profile;
  }
  return null;
}

/** `?note=<id>`: the note window's person (messaging/handler.ts `note-open`). */
export const noteFor = new URLSearchParams(location.search).get('note');

/** The first answer, asked at module evaluation (the toolbar popup only). */
export const firstAnswer: Promise<Profile | null> | undefined = noteFor
  ? undefined
  : (() => {
      // Opened now, beside the tab query; a failure is the lookup's to handle (store/current-directory.ts).
      openPeopleDb().catch(() => undefined);
      return activeTabProfile();
    })();
