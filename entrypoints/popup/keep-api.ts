/**
 * The popup's side of "Keep this person" (components/KeepPerson.tsx): the
 * reader run in the active tab through `scripting` under the `activeTab`
 * grant of the toolbar click, lookups asked of the background, and the
 * people store for the checks and the write. Loaded by main.tsx after the
 * popup's first paint.
 */
import { browser } from 'wxt/browser';
import type { PageReading } from '../../capture/reading';
import type { KeepApi, TabReading } from '../../components/KeepPerson';
import { send as ask } from '../../messaging/ask';
import { bundledProfiles } from '../../profiles/bundled';
import { addPerson, readSnapshot, updatePerson } from '../../profiles/store';

/** Tabs the browser keeps closed to every extension, in words. */
const CLOSED =
  'Profile Card can’t read this tab: browser pages (such as chrome:// or about: pages), the extension store and local files are closed to extensions. Open the person’s page on the web to keep them.';

export const keep: KeepApi = {
  async readTab(): Promise<TabReading> {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.url?.startsWith(browser.runtime.getURL('/'))) return { kind: 'own-page' };
    if (tab?.id === undefined || !tab.url || !/^https?:/.test(tab.url))
      return { kind: 'closed', message: CLOSED };
    try {
      const [frame] = await browser.scripting.executeScript({
        target: { tabId: tab.id },
        files: ['/capture-reader.js'],
      });
      const reading = frame?.result as PageReading | undefined;
      if (!reading || typeof reading !== 'object' || typeof reading.ok !== 'boolean')
        return { kind: 'closed', message: 'The page gave no answer; reload it and try again.' };
      return { kind: 'read', reading };
    } catch {
      // Chrome refuses the web store, other extensions' pages and some policies' tabs.
      return { kind: 'closed', message: CLOSED };
    }
  },
  lookup: async (key) => (await ask({ type: 'lookup', key }))?.profile ?? null,
  snapshot: readSnapshot,
  bundled: bundledProfiles,
  add: addPerson,
  update: updatePerson,
};
