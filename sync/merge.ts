/**
 * Merging what two browsers know about one person, as a pure function:
 * the versions of both, less those another version has seen (superseded),
 * newest stamp first. This is a multi-value register: merging is
 * commutative, associative and idempotent, so browsers that exchange
 * entries in any order, any number of times, end with the same entry, and
 * no version is dropped unless a later write saw it
 * (tests/unit/sync-merge.test.ts checks these with fast-check).
 *
 *   merge(a, b) = maximal(a.versions ∪ b.versions)   by version-vector order
 *   winner      = newest stamp (clock, then device, then content)
 *   a new local write: v = join(all kept) + 1 for this device ─▶ supersedes them all
 */
import type { Profile } from '../people/schema';
import {
  compareVersions,
  type Entry,
  latestStamp,
  type Version,
  type VersionVector,
} from './entry';

/** Has `a` seen every write `b` has (a ≥ b)? */
export function covers(a: VersionVector, b: VersionVector): boolean {
  return Object.entries(b).every(([device, count]) => (a[device] ?? 0) >= count);
}

/** `a` supersedes `b`: it saw all of b's writes and at least one more. */
export const supersedes = (a: VersionVector, b: VersionVector) => covers(a, b) && !covers(b, a);

export function join(...vectors: VersionVector[]): VersionVector {
  const out: VersionVector = {};
  for (const vector of vectors)
    for (const [device, count] of Object.entries(vector))
      out[device] = Math.max(out[device] ?? 0, count);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The versions of `all` that nothing else in `all` supersedes, deduplicated, newest first. */
function maximal(all: readonly Version[]): Version[] {
  const kept: Version[] = [];
  for (const version of [...all].sort(compareVersions)) {
    if (all.some((other) => supersedes(other.v, version.v))) continue;
    if (kept.some((seen) => compareVersions(seen, version) === 0)) continue;
    kept.push(version);
  }
  return kept;
}

export function mergeEntries(a: Entry, b: Entry): Entry {
  return { versions: maximal([...a.versions, ...b.versions]) };
}

/**
 * A write made here on top of `base` (what this browser last agreed with
 * sync): it supersedes every version in base. `person` undefined: deleted.
 * `yielding`: a person this browser had before sync knew them, while sync
 * already holds a version of that id from another browser — stamped 0, so
 * what sync holds wins and this copy is kept beside it as a conflict when
 * it differs. Anything else is stamped with the hybrid clock.
 */
export function localWrite(
  base: Entry | undefined,
  person: Profile | undefined,
  device: string,
  now: number,
  { yielding = false } = {},
): Entry {
  const seen = join(...(base?.versions.map((version) => version.v) ?? []));
  const v = join(seen, { [device]: (seen[device] ?? 0) + 1 });
  const c = yielding ? 0 : Math.max(Math.floor(now), latestStamp(base) + 1);
  return { versions: [{ v, c, d: device, ...(person ? { p: person } : {}) }] };
}
