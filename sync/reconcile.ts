/**
 * One sync pass, planned as a pure function: what this browser has, what it
 * and browser sync last agreed on (the "base"), and what sync holds now, in;
 * the changes to make here, the items to write there, out. ./engine.ts reads
 * the inputs and carries the plan out; nothing here touches storage.
 *
 * For each person:
 *
 *   local ≠ base?  ─▶ a local write on top of base (supersedes it)
 *   merged = merge(that or base, what sync holds)        ./merge.ts
 *   merged's winner ≠ local?  ─▶ change it here (through the people store)
 *   merged ≠ what sync holds? ─▶ write it there, if it fits the quota
 *   base := merged, once both are done
 *
 * People this browser has that sync does not know are added while they fit
 * (by id), and the count of those that do not is reported. An item sync
 * holds for a person here that cannot be read (another browser's bug, a
 * hand edit) does not stop that person syncing: this browser's copy takes
 * its place, and the item's problem is reported. An unreadable item for
 * someone not here is left as it was. A deletion
 * travels as a version without a person; once every version kept for a
 * person is a deletion older than TOMBSTONE_DAYS, the item is removed. A
 * deletion never removes a newer edit: the newest stamp wins, and an edit it
 * did not see is kept beside it, to restore.
 */
import type { Profile } from '../people/schema';
import { compact } from './compact';
import { canonicalJson, type Entry, latestStamp, winnerOf } from './entry';
import { entryBytes, type RemotePerson, sameEntry } from './items';
import { localWrite, mergeEntries } from './merge';

/** How long a deletion is kept in sync for browsers that have not seen it yet. */
export const TOMBSTONE_DAYS = 60;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface LocalPerson {
  profile: Profile;
  /** The store's version of the record: the precondition of a change made here. */
  rev: number;
}

export interface PassInput {
  device: string;
  now: number;
  /** This browser's people the pass looks at: every id in `bases` and `remote` that exists here. */
  local: ReadonlyMap<string, LocalPerson>;
  /** People here that sync does not know yet, by id: added while they fit. */
  candidates: readonly LocalPerson[];
  bases: ReadonlyMap<string, Entry>;
  remote: ReadonlyMap<string, RemotePerson>;
  /** What sync holds now, all items, and the most it may hold. */
  used: { bytes: number; items: number };
  limit: { bytes: number; items: number };
}

export interface LocalChange {
  id: string;
  /** undefined: delete here. */
  profile: Profile | undefined;
  /** The record's version here; undefined: add. */
  rev: number | undefined;
}

export interface PassPlan {
  /** Entries to write to sync, by id. */
  put: Map<string, Entry>;
  /** Ids whose items go: deletions past their lifetime. */
  drop: string[];
  /** Changes to make here. */
  apply: LocalChange[];
  /** The new base per id (null: forget it); kept only once its apply and put are done. */
  bases: Map<string, Entry | null>;
  /** Items left alone this pass, and why. */
  skipped: { id: string; why: 'unreadable' | 'incomplete' | 'no-room' }[];
  /** Unreadable items of people here, written over with this browser's copy. */
  replaced: string[];
  /** People here that sync does not hold because there is no room for them. */
  noRoom: number;
  /** Ids of people that sync holds after this pass. */
  synced: Set<string>;
  /** What sync will hold after the plan's writes. */
  used: { bytes: number; items: number };
}

/** The same person, as sync would carry them (undefined: nobody). */
export function samePerson(a: Profile | undefined, b: Profile | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return canonicalJson(compact(a)) === canonicalJson(compact(b));
}

const onlyDeletions = (entry: Entry) => entry.versions.every((version) => !version.p);

export function planPass(input: PassInput): PassPlan {
  const { device, now, local, bases, remote } = input;
  const plan: PassPlan = {
    put: new Map(),
    drop: [],
    apply: [],
    bases: new Map(),
    skipped: [],
    replaced: [],
    noRoom: 0,
    synced: new Set(),
    used: { ...input.used },
  };
  const fits = (bytes: number, items: number) =>
    plan.used.bytes + bytes <= input.limit.bytes && plan.used.items + items <= input.limit.items;

  const ids = [...new Set([...bases.keys(), ...remote.keys()])].sort();
  const merged = new Map<string, Entry>();
  for (const id of ids) {
    const held = remote.get(id);
    const base = bases.get(id);
    const here = local.get(id);
    if (held && held.kind !== 'entry') {
      if (held.kind === 'incomplete' || (!base && !here)) {
        plan.skipped.push({ id, why: held.kind });
        continue;
      }
      // Ours, and unreadable: merged as if sync held nothing, then written over (settle).
      plan.replaced.push(id);
    }
    const there = held?.kind === 'entry' ? held : undefined;
    const changed = base ? !samePerson(here?.profile, winnerOf(base).p) : here !== undefined;
    // Had here before sync knew them, while sync holds someone of that id: theirs first.
    const yielding = !base && there !== undefined;
    const mine = changed ? localWrite(base, here?.profile, device, now, { yielding }) : base;
    const entry = mine && there ? mergeEntries(mine, there.entry) : (mine ?? there?.entry);
    if (!entry) continue;
    // Deletions past their lifetime go first, so their room is free for the rest.
    if (onlyDeletions(entry) && latestStamp(entry) < now - TOMBSTONE_DAYS * DAY_MS) {
      if (there) {
        plan.drop.push(id);
        plan.used.bytes -= there.bytes;
        plan.used.items -= there.keys.length;
      }
      plan.bases.set(id, null);
      continue;
    }
    merged.set(id, entry);
  }

  const candidates = new Map(input.candidates.map((person) => [person.profile.id, person]));
  const settle = (id: string, entry: Entry, there: RemotePerson | undefined) => {
    const here = local.get(id) ?? candidates.get(id);
    const needsPut = there?.kind !== 'entry' || !sameEntry(entry, there.entry);
    if (needsPut) {
      const cost = entryBytes(id, entry);
      const bytes = cost.bytes - (there?.bytes ?? 0);
      const items = cost.items - (there?.keys.length ?? 0);
      if (!fits(bytes, items)) return false;
      plan.put.set(id, entry);
      plan.used.bytes += bytes;
      plan.used.items += items;
    }
    const target = winnerOf(entry).p;
    if (!samePerson(target, here?.profile))
      plan.apply.push({ id, profile: target, rev: here?.rev });
    plan.bases.set(id, entry);
    if (target) plan.synced.add(id);
    return true;
  };

  for (const [id, entry] of merged) {
    if (settle(id, entry, remote.get(id))) continue;
    plan.skipped.push({ id, why: 'no-room' });
    if (local.has(id)) plan.noRoom += 1;
  }
  for (const [id, candidate] of [...candidates].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (bases.has(id) || remote.has(id)) continue;
    // One that does not fit does not stop a smaller one after it.
    if (!settle(id, localWrite(undefined, candidate.profile, device, now), undefined))
      plan.noRoom += 1;
  }
  return plan;
}
