/**
 * What sync's base (the `syncBase` store of ./db.ts) holds, as record types:
 * the shapes are sync's model (sync/entry.ts explains the versions and
 * their clocks, sync/settings.ts the settings' stamps), kept here, in the
 * folder that stores them, so the database's types need nothing above it.
 */
import type { Profile } from '../people/schema';

/** Device id → how many of that device's writes this version has seen. */
export type VersionVector = Record<string, number>;

export interface Version {
  v: VersionVector;
  /**
   * Hybrid clock: the wall-clock milliseconds of the write, raised past every
   * stamp the writer had seen, so a later edit never sorts before an earlier
   * one it knew about. 0: a person this browser had before sync was on.
   */
  c: number;
  /** The device that wrote this version (a random id per install). */
  d: string;
  /** The person; absent: the person was deleted (a tombstone). */
  p?: Profile;
}

export interface Entry {
  /** Versions no other version supersedes, newest stamp first; never empty. */
  versions: Version[];
}

export type SettingValue = boolean | number;
/** key → [value, clock, device] */
export type SettingStamps = Record<string, [SettingValue, number, string]>;
