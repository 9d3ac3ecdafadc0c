/**
 * The merge of what two browsers know about one person (sync/merge.ts), as
 * a pure function, with fast-check: commutative, associative and
 * idempotent (so any order of exchanges ends the same), and never dropping
 * a version unless a later write saw it — in particular never the newer of
 * two concurrent edits, and never an edit because of a deletion.
 */
import fc from 'fast-check';
import type { Entry, Version } from '../../sync/entry';
import { conflictsOf, winnerOf } from '../../sync/entry';
import { covers, localWrite, mergeEntries, supersedes } from '../../sync/merge';
import { samePerson } from '../../sync/reconcile';
import { person } from './fixtures';

const DEVICES = ['aaaa', 'bbbb', 'cccc'];

/**
 * Entries as browsers make them: a history of writes by random devices,
 * each on top of what that device had merged so far, with random exchanges.
 */
const histories = fc
  .array(
    fc.record({
      device: fc.integer({ min: 0, max: 2 }),
      kind: fc.constantFrom('edit', 'edit', 'delete', 'receive'),
      from: fc.integer({ min: 0, max: 2 }),
      name: fc.constantFrom('Ada', 'Grace', 'Hedy'),
      at: fc.integer({ min: 1, max: 1000 }),
    }),
    { maxLength: 14 },
  )
  .map((steps) => {
    const known: (Entry | undefined)[] = [undefined, undefined, undefined];
    const made: Entry[] = [];
    for (const step of steps) {
      const mine = known[step.device];
      if (step.kind === 'receive') {
        const theirs = known[step.from];
        if (theirs) known[step.device] = mine ? mergeEntries(mine, theirs) : theirs;
        continue;
      }
      const profile =
        step.kind === 'delete' ? undefined : person('ada', { name: `${step.name} ${step.at}` });
      const entry = localWrite(mine, profile, DEVICES[step.device] as string, step.at * 1000);
      known[step.device] = entry;
      made.push(entry);
    }
    return [...known.filter((entry): entry is Entry => entry !== undefined), ...made];
  });

const entries = histories.chain((list) =>
  list.length === 0
    ? fc.constant(localWrite(undefined, person('ada'), 'aaaa', 1))
    : fc.constantFrom(...list),
);

const key = (entry: Entry) => JSON.stringify(entry);

describe('merging one person', () => {
  it('is commutative, associative and idempotent', () => {
    fc.assert(
      fc.property(histories, (list) => {
        for (const a of list)
          for (const b of list) {
            expect(key(mergeEntries(a, b))).toBe(key(mergeEntries(b, a)));
            expect(key(mergeEntries(mergeEntries(a, b), b))).toBe(key(mergeEntries(a, b)));
            for (const c of list.slice(0, 4))
              expect(key(mergeEntries(mergeEntries(a, b), c))).toBe(
                key(mergeEntries(a, mergeEntries(b, c))),
              );
          }
        for (const a of list) expect(key(mergeEntries(a, a))).toBe(key(a));
      }),
      { numRuns: 150 },
    );
  });

  it('drops a version only when a version it keeps has seen it', () => {
    fc.assert(
      fc.property(entries, entries, (a, b) => {
        const merged = mergeEntries(a, b);
        for (const version of [...a.versions, ...b.versions]) {
          const kept = merged.versions.some(
            (other) => other.c === version.c && other.d === version.d,
          );
          const seen = merged.versions.some((other) => supersedes(other.v, version.v));
          expect(kept || seen).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('shows the newest of concurrent edits and keeps the older one to restore', () => {
    const base = localWrite(undefined, person('ada', { name: 'Ada' }), 'aaaa', 1000);
    const mine = localWrite(base, person('ada', { name: 'Ada (laptop)' }), 'aaaa', 5000);
    const theirs = localWrite(base, person('ada', { name: 'Ada (desktop)' }), 'bbbb', 7000);
    for (const merged of [mergeEntries(mine, theirs), mergeEntries(theirs, mine)]) {
      expect(winnerOf(merged).p?.name).toBe('Ada (desktop)');
      expect(conflictsOf(merged, samePerson).map((version) => version.p?.name)).toEqual([
        'Ada (laptop)',
      ]);
    }
    // A later write that saw both settles it: the conflict is resolved.
    const resolved = localWrite(
      mergeEntries(mine, theirs),
      person('ada', { name: 'Ada (laptop)' }),
      'bbbb',
      9000,
    );
    expect(mergeEntries(resolved, mergeEntries(mine, theirs)).versions).toHaveLength(1);
  });

  it('never lets a deletion remove an edit it did not see', () => {
    const base = localWrite(undefined, person('ada'), 'aaaa', 1000);
    const deleted = localWrite(base, undefined, 'aaaa', 9000);
    const edited = localWrite(base, person('ada', { name: 'Ada, edited' }), 'bbbb', 5000);
    const merged = mergeEntries(deleted, edited);
    // The deletion is newer, so it wins; the edit it never saw is kept, to restore.
    expect(winnerOf(merged).p).toBeUndefined();
    expect(conflictsOf(merged, samePerson).map((version) => version.p?.name)).toEqual([
      'Ada, edited',
    ]);
    // An edit newer than the deletion wins over it.
    const later = localWrite(base, person('ada', { name: 'Ada, later' }), 'bbbb', 12_000);
    expect(winnerOf(mergeEntries(deleted, later)).p?.name).toBe('Ada, later');
    // A deletion that saw the edit removes it: that is what the user did.
    const seen = localWrite(mergeEntries(base, edited), undefined, 'aaaa', 13_000);
    expect(mergeEntries(seen, edited).versions.map((version) => version.p)).toEqual([undefined]);
  });

  it('stamps a later write past every stamp it saw, even with a clock behind', () => {
    const ahead = localWrite(
      localWrite(undefined, person('ada'), 'aaaa', 0),
      person('ada', { name: 'B' }),
      'aaaa',
      50_000,
    );
    const behind = localWrite(ahead, person('ada', { name: 'C' }), 'bbbb', 10_000);
    expect(winnerOf(behind).c).toBe(50_001);
    expect(covers(winnerOf(behind).v, winnerOf(ahead).v)).toBe(true);
    expect(winnerOf(mergeEntries(ahead, behind)).p?.name).toBe('C');
  });

  it('lets what sync holds win over a copy this browser had before sync knew it', () => {
    const synced = localWrite(
      localWrite(undefined, person('ada', { name: 'Synced' }), 'aaaa', 1),
      person('ada', { name: 'Synced, edited' }),
      'aaaa',
      3000,
    );
    const before = localWrite(undefined, person('ada', { name: 'Old copy' }), 'bbbb', 99_999, {
      yielding: true,
    });
    const merged = mergeEntries(before, synced);
    expect(winnerOf(merged).p?.name).toBe('Synced, edited');
    expect((merged.versions as Version[]).map((version) => version.p?.name)).toContain('Old copy');
  });
});
