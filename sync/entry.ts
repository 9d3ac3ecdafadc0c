/**
 * What browser sync holds for one person, as plain data: every version of
 * them that no other version has superseded (usually one), each with the
 * version vector that says which writes it has seen, a hybrid-clock stamp
 * that orders versions written without seeing each other, the device that
 * wrote it, and the person (or nothing: a deletion, a "tombstone").
 *
 * Why a set of versions rather than one value: two browsers can change the
 * same person before either sees the other's change. Both changes are kept
 * until someone supersedes them; the one with the newer stamp is what cards
 * show, the others are "conflicts" the options page offers to restore
 * (./merge.ts keeps the set; ./reconcile.ts decides what this browser shows).
 *
 * Version vectors: https://en.wikipedia.org/wiki/Version_vector
 * Hybrid logical clocks: https://cse.buffalo.edu/tech-reports/2014-04.pdf
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

/** A version's stamp as one comparable key, for lists and buttons. */
export const stampKey = (version: Pick<Version, 'c' | 'd'>) => `${version.c}.${version.d}`;

/** Key order never makes two values different. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(
          Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)),
        )
      : inner,
  );
}

/** Newer stamp first; equal stamps by content, so every device picks the same. */
export function compareVersions(a: Version, b: Version): number {
  if (a.c !== b.c) return b.c - a.c;
  if (a.d !== b.d) return a.d < b.d ? 1 : -1;
  const x = canonicalJson(a.p ?? null);
  const y = canonicalJson(b.p ?? null);
  return x === y ? 0 : x < y ? 1 : -1;
}

/** The version cards show: the newest stamp among the versions kept. */
export const winnerOf = (entry: Entry): Version => entry.versions[0] as Version;

/** The newest stamp anyone wrote for this person, for the next stamp to pass. */
export const latestStamp = (entry: Entry | undefined): number =>
  entry ? Math.max(...entry.versions.map((version) => version.c)) : 0;

/** Versions the newest one replaced without having seen them: live people worth restoring. */
export function conflictsOf(entry: Entry, same: (a?: Profile, b?: Profile) => boolean): Version[] {
  const winner = winnerOf(entry);
  return entry.versions
    .slice(1)
    .filter((version) => version.p !== undefined && !same(version.p, winner.p));
}
