/**
 * The one message the background sends to pages: "stored data changed"
 * (issue 28). The content script listens for it instead of for
 * `storage.onChanged`, whose API object costs every asking page ~20% of its
 * evaluation in Chromium and ~2.5 ms in Firefox (bench/notes.ts).
 *
 *   storage.onChanged (local) in the background ─▶ tabs.sendMessage to every
 *   GitHub and LinkedIn tab (tabs.query by the host permissions' patterns)
 *     ─▶ entrypoints/content/stored-changes.ts: forget answers, look again
 *
 * It carries nothing: what changed is read again through `lookup`. Only the
 * extension can send to a content script's `runtime.onMessage`, and the
 * sender's id is checked there too.
 */
export const STORED_CHANGED = 'profile-card:stored-changed';

export interface StoredChanged {
  type: typeof STORED_CHANGED;
}

export function isStoredChanged(message: unknown): message is StoredChanged {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { type?: unknown }).type === STORED_CHANGED
  );
}
