/**
 * When the background moves an earlier version's people into the database
 * (store/migrate.ts): each time the background starts (one read of one
 * small key when there is nothing to move: Chrome does not fire
 * `onInstalled` when an unpacked build is replaced at the same path and
 * version, so install events alone would miss it), and when the old key
 * appears in storage (written by an older copy, or restored). Pages that
 * open first move it themselves; the move is safe to run twice.
 *
 * The check at start waits `UPKEEP_DELAY_MS` (./later.ts) like the other
 * upkeep: its storage read would otherwise run beside the
 * lookup that woke the worker (bench/cold-lookup.ts). A real update still
 * moves at once, through `onInstalled`; only an unpacked build replaced at
 * the same version waits those few seconds.
 */
import { browser } from 'wxt/browser';
import { ensureMigrated, LEGACY_KEYS } from '../../store/migrate';
import { UPKEEP_DELAY_MS } from './later';

export function startMigrations(then: () => void): void {
  const move = () => {
    ensureMigrated().then(
      (outcome) => {
        if (outcome.kind === 'moved') then();
        else if ('message' in outcome) console.warn('Profile Card:', outcome.message);
      },
      (error: unknown) => console.error('Profile Card: moving stored profiles failed', error),
    );
  };
  setTimeout(move, UPKEEP_DELAY_MS);
  browser.runtime.onInstalled.addListener(move);
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes[LEGACY_KEYS[0]]?.newValue !== undefined) move();
  });
}
