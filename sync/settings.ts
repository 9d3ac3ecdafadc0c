/**
 * The user's settings and hidden bundled people in browser sync: one item,
 * `set`, holding each value with the stamp of the write that set it,
 * `{ "setting.hoverDelayMs": [400, <clock>, <device>], "hidden:patmesh": [true, …] }`.
 * Each value is its own last-writer-wins register (newest stamp wins, key by
 * key), so two browsers changing two different settings keep both; a
 * setting changed on both keeps the later one (settings hold no one's
 * data, so no conflict is kept for them).
 */
import type { SettingStamps, SettingValue } from '../store/sync-records';

export type { SettingStamps, SettingValue } from '../store/sync-records';

const newer = (a: [SettingValue, number, string], b: [SettingValue, number, string]) =>
  a[1] !== b[1] ? a[1] > b[1] : a[2] !== b[2] ? a[2] > b[2] : String(a[0]) > String(b[0]);

/** Key by key, the newest stamp: commutative, associative, idempotent. */
export function mergeSettings(a: SettingStamps, b: SettingStamps): SettingStamps {
  const out: SettingStamps = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    if (!mine || newer(value, mine)) out[key] = value;
  }
  return Object.fromEntries(Object.entries(out).sort(([x], [y]) => (x < y ? -1 : 1)));
}

export interface SettingsPlan {
  merged: SettingStamps;
  /** Values to set here. */
  apply: Record<string, SettingValue>;
  /** Whether sync's item differs from `merged`. */
  write: boolean;
}

/**
 * `claimed`: the values this browser stands for — those the user set here,
 * and any sync and this browser agreed on before (`base`); a value never
 * set here (a default) claims nothing, so it never outvotes what another
 * browser's user chose. `current`: every value as it is here now.
 * `remote`: sync's item, already checked. A claimed value that differs from
 * base was changed here: it gets a new stamp — 0 when there is no base yet
 * and sync already has that value, so a browser turning sync on takes what
 * sync holds.
 */
export function planSettings(
  claimed: Record<string, SettingValue>,
  current: Record<string, SettingValue>,
  base: SettingStamps | undefined,
  remote: SettingStamps | undefined,
  device: string,
  now: number,
): SettingsPlan {
  const mine: SettingStamps = {};
  for (const [key, value] of Object.entries(claimed)) {
    const known = base?.[key];
    if (known && known[0] === value) mine[key] = known;
    // A value sync already has from elsewhere wins over one set here before sync was on.
    else if (!known && remote?.[key]) mine[key] = [value, 0, device];
    else mine[key] = [value, Math.max(Math.floor(now), (known?.[1] ?? 0) + 1), device];
  }
  const merged = mergeSettings(mine, remote ?? {});
  const apply: Record<string, SettingValue> = {};
  for (const [key, [value]] of Object.entries(merged))
    if (key in current && current[key] !== value) apply[key] = value;
  const write = JSON.stringify(merged) !== JSON.stringify(mergeSettings(remote ?? {}, {}));
  return { merged, apply, write };
}

/** The record this keeps in the syncBase store, under an id no person can have. */
export const SETTINGS_BASE_ID = '#settings';
