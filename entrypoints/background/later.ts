/**
 * What the background leaves out of its start. A stopped service worker
 * wakes for a message (most often a page's lookup), and that message is
 * answered only after the whole script has run, so the parts no lookup
 * needs — sync's engine, team directories, address books, each with its
 * schemas and formats — are loaded when first used (`lazy`: a dynamic
 * import, which the bundler inlines and runs on first call), and their
 * upkeep at start runs a few seconds later (`UPKEEP_DELAY_MS`), after the
 * lookup that woke the worker was answered. bench/cold-lookup.ts measures it.
 */

/** How long after a start the background waits before its own upkeep. */
export const UPKEEP_DELAY_MS = 3_000;

/** `load` once, on the first call; every call gets the same promise. */
export function lazy<T>(load: () => Promise<T>): () => Promise<T> {
  let loaded: Promise<T> | undefined;
  return () => {
    loaded ??= load();
    return loaded;
  };
}

/**
 * A service's "about daily" refresh, run `UPKEEP_DELAY_MS` after the start
 * and whenever it is called; a failure is logged, never thrown into the
 * background (it is kept in the source's own record for the options page).
 */
export function refreshDueLater(
  service: () => Promise<{ refreshDue(): Promise<unknown> }>,
  failed: (error: unknown) => void,
): () => void {
  const refreshDue = () => {
    service()
      .then((loaded) => loaded.refreshDue())
      .catch(failed);
  };
  setTimeout(refreshDue, UPKEEP_DELAY_MS);
  return refreshDue;
}
