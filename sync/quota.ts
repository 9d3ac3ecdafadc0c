/**
 * Browser sync's limits, and how much of them Profile Card lets itself use.
 * Chrome's (https://developer.chrome.com/docs/extensions/reference/api/storage#property-sync):
 * 102,400 bytes in all, 8,192 bytes an item (its key plus its value as
 * JSON), 512 items, 120 writes a minute and 1,800 an hour. Firefox's are the
 * same sizes (https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/storage/sync).
 * A `set` of many items is one write, so a pass writes everything it has in
 * one `set` and one `remove` (./engine.ts), and ./rate.ts spaces passes out.
 */
export const QUOTA_BYTES = 102_400;
export const QUOTA_BYTES_PER_ITEM = 8_192;
export const MAX_ITEMS = 512;
export const MAX_WRITES_PER_MINUTE = 120;
export const MAX_WRITES_PER_HOUR = 1_800;

/**
 * Kept free: the settings and format items (a few hundred bytes) and a
 * margin, so a person who grows a little never makes a write fail.
 */
export const RESERVED_BYTES = 2_048;
export const RESERVED_ITEMS = 4;

const encoder = new TextEncoder();
/** What an item costs against the quotas: its key and its value as JSON, in UTF-8 bytes. */
export const itemBytes = (key: string, value: unknown) =>
  encoder.encode(key).length + encoder.encode(JSON.stringify(value)).length;

/** "187 of 240 people sync; the rest stay on this browser", or nothing when all do. */
export function fitMessage(synced: number, total: number): string | undefined {
  if (synced >= total) return undefined;
  const count = (n: number) => n.toLocaleString('en');
  return `${count(synced)} of ${count(total)} ${total === 1 ? 'person syncs' : 'people sync'}; the rest stay on this browser. Browser sync holds at most about 100 KB for an extension.`;
}
