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
import { canonicalJson } from '../people/canonical-json';
import type { Profile } from '../people/schema';
import type { Entry, Version } from '../store/sync-records';

export type { Entry, Version, VersionVector } from '../store/sync-records';

/** A version's stamp as one comparable key, for lists and buttons. */
export const stampKey = (version: Pick<Version, 'c' | 'd'>) => `${version.c}.${version.d}`;

/** Key order never makes two values different (kept in people/, where notes compare too). */
export { canonicalJson };

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
