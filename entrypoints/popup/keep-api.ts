/**
 * The popup's side of "Keep this person" (components/popup/KeepPerson.tsx): the
 * reader run in the active tab through `scripting` under the `activeTab`
 * grant of the toolbar click, lookups asked of the background, and the
 * people store for the checks and the write. Loaded by main.tsx after the
 * popup's first paint.
 *
 * The reader runs on the page's own thread (in the isolated world, but the
 * same event loop), so a page that never yields — a script in a loop, a tab
 * that never finishes loading — would keep `executeScript` pending and the
 * popup reading forever; it gets READ_TIMEOUT_MS, then the user is told.
 */
import { browser } from 'wxt/browser';
import type { PageReading } from '../../capture/reading';
import type { KeepApi, TabReading } from '../../components/popup/KeepPerson';
import { t } from '../../i18n/t';
import { send as ask } from '../../messaging/ask';
import { bundledProfiles } from '../../people/bundled';
import { addPerson, readSnapshot, updatePerson } from '../../store/store';

/** Tabs the browser keeps closed to every extension, in words. */
const closed = (): TabReading => ({ kind: 'closed', message: t('keep_tab_closed') });

/** Far above a real read (tens of milliseconds), enough for a heavy page to finish loading. */
export const READ_TIMEOUT_MS = 5_000;

const timedOut = () => t('keep_tab_timed_out', READ_TIMEOUT_MS / 1000);

/** `work`, or `fallback` once `ms` have passed without an answer. */
function within<T, F>(work: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<F>((resolve) => {
    timer = setTimeout(() => resolve(fallback), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

export const keep: KeepApi = {
  async readTab(): Promise<TabReading> {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.url?.startsWith(browser.runtime.getURL('/'))) return { kind: 'own-page' };
    if (tab?.id === undefined || !tab.url || !/^https?:/.test(tab.url)) return closed();
    try {
      const frames = await within(
        browser.scripting.executeScript({
          target: { tabId: tab.id },
          files: ['/capture-reader.js'],
        }),
        READ_TIMEOUT_MS,
        'late' as const,
      );
      if (frames === 'late') return { kind: 'closed', message: timedOut() };
      const [frame] = frames;
      const reading = frame?.result as PageReading | undefined;
      if (!reading || typeof reading !== 'object' || typeof reading.ok !== 'boolean')
        return { kind: 'closed', message: t('keep_tab_no_answer') };
      return { kind: 'read', reading };
    } catch {
      // Chrome refuses the web store, other extensions' pages and some policies' tabs.
      return closed();
    }
  },
  lookup: async (key) => (await ask({ type: 'lookup', key }))?.profile ?? null,
  snapshot: readSnapshot,
  bundled: bundledProfiles,
  add: async (profile) => writeBack(await addPerson(profile), profile.id),
  update: async (profile, rev) => writeBack(await updatePerson(profile, rev), profile.id),
};

/**
 * A kept or edited person also goes to the address books with write-back
 * on (carddav/write.ts), in the background, which carries on if the popup
 * closes; a conflict is kept there and shown on the options page.
 */
function writeBack<T extends { ok: boolean }>(result: T, id: string): T {
  if (result.ok) void ask({ type: 'carddav-write', id }).catch(() => undefined);
  return result;
}
