/**
 * Two tabs against one store, checked against a model (fast-check). Each
 * "tab" is its own copy of the store modules with its own IndexedDB
 * connection (fake-indexeddb); each acts on what it last read, as a page
 * does. Random add / update / delete / import steps run in pairs at the same
 * moment, one per tab. Every committed write reports the store version it
 * made, which orders the commits; replaying them in that order on a plain
 * Map (the model) must give exactly what is stored, and each commit's
 * precondition must have held in the model at that point. So every write
 * either landed where the serial story says, or was refused as a conflict —
 * none was lost or applied over a change it had not seen.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type * as StoreModule from '../../store/store';
import { person } from './fixtures';

type Store = typeof StoreModule;
interface Tab {
  store: Store;
  close: () => Promise<void>;
  view: Map<string, number>;
  rev: number;
}

async function openTab(): Promise<Tab> {
  vi.resetModules();
  const store = (await import('../../store/store')) as Store;
  const db = await import('../../store/db');
  return { store, close: db.closePeopleDb, view: new Map(), rev: 0 };
}

async function refresh(tab: Tab) {
  const snapshot = await tab.store.readSnapshot();
  tab.view = new Map(snapshot.people.map((record) => [record.id, record.rev]));
  tab.rev = snapshot.rev;
}

const IDS = ['a', 'b', 'c'];
type Step =
  | { op: 'add' | 'update' | 'delete'; id: string; name: string }
  | { op: 'import'; ids: string[]; name: string }
  | { op: 'refresh' };
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constantFrom('add' as const, 'update' as const, 'delete' as const),
    id: fc.constantFrom(...IDS),
    name: fc.constantFrom('One', 'Two', 'Three'),
  }),
  fc.record({
    op: fc.constant('import' as const),
    ids: fc.subarray(IDS, { minLength: 1 }),
    name: fc.constantFrom('Imported', 'Again'),
  }),
  fc.constant({ op: 'refresh' as const }),
);

/** A committed write, as the model replays it. */
type Commit =
  | { storeRev: number; op: 'add' | 'update'; id: string; name: string; expected?: number }
  | { storeRev: number; op: 'delete'; id: string; expected: number }
  | { storeRev: number; op: 'import'; basis: number; people: { id: string; name: string }[] };

async function act(tab: Tab, s: Step, commits: Commit[]) {
  if (s.op === 'refresh') return refresh(tab);
  const profile = (id: string, name: string) =>
    person(id, { name, identities: { github: [], linkedin: [] } });
  if (s.op === 'import') {
    const basis = tab.rev;
    const people = s.ids.map((id) => ({ profile: profile(id, s.name), rev: tab.view.get(id) }));
    const result = await tab.store.importPeople(people, basis);
    if (result.ok)
      commits.push({
        storeRev: result.rev,
        op: 'import',
        basis,
        people: s.ids.map((id) => ({ id, name: s.name })),
      });
    return;
  }
  const seen = tab.view.get(s.id);
  if (s.op === 'add' || (s.op === 'update' && seen === undefined)) {
    const result = await tab.store.addPerson(profile(s.id, s.name));
    if (result.ok) commits.push({ storeRev: result.storeRev, op: 'add', id: s.id, name: s.name });
    else expect(result.conflict.kind).toBe('exists');
  } else if (s.op === 'update') {
    const result = await tab.store.updatePerson(profile(s.id, s.name), seen as number);
    if (result.ok)
      commits.push({
        storeRev: result.storeRev,
        op: 'update',
        id: s.id,
        name: s.name,
        expected: seen,
      });
    else expect(['changed', 'gone']).toContain(result.conflict.kind);
  } else if (seen !== undefined) {
    const result = await tab.store.deletePerson(s.id, seen);
    if (result.ok)
      commits.push({ storeRev: result.storeRev, op: 'delete', id: s.id, expected: seen });
    else expect(['changed', 'gone']).toContain(result.conflict.kind);
  }
}

describe('two tabs writing at once', () => {
  it('equal the serial replay of what committed; everything else was a reported conflict', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(step, step), { minLength: 1, maxLength: 12 }),
        async (pairs) => {
          globalThis.indexedDB = new IDBFactory();
          fakeBrowser.reset();
          const tabs = [await openTab(), await openTab()] as const;
          try {
            const commits: Commit[] = [];
            for (const [first, second] of pairs) {
              await Promise.all([act(tabs[0], first, commits), act(tabs[1], second, commits)]);
            }
            // Replay on the model, in commit order.
            commits.sort((x, y) => x.storeRev - y.storeRev);
            const model = new Map<string, { rev: number; name: string }>();
            let storeRev = 0;
            for (const commit of commits) {
              expect(commit.storeRev).toBe(storeRev + 1);
              const current = commit.op === 'import' ? undefined : model.get(commit.id);
              if (commit.op === 'add') {
                expect(current).toBeUndefined();
                model.set(commit.id, { rev: 1, name: commit.name });
              } else if (commit.op === 'update') {
                expect(current?.rev).toBe(commit.expected);
                model.set(commit.id, { rev: (current?.rev ?? 0) + 1, name: commit.name });
              } else if (commit.op === 'delete') {
                expect(current?.rev).toBe(commit.expected);
                model.delete(commit.id);
              } else {
                const imported = commit as Extract<Commit, { op: 'import' }>;
                expect(imported.basis).toBe(storeRev);
                for (const { id, name } of imported.people)
                  model.set(id, { rev: (model.get(id)?.rev ?? 0) + 1, name });
              }
              storeRev = commit.storeRev;
            }
            const stored = await tabs[0].store.readSnapshot();
            expect(stored.rev).toBe(storeRev);
            expect(
              stored.people.map((record) => [record.id, record.rev, record.profile.name]),
            ).toEqual([...model.entries()].sort().map(([id, { rev, name }]) => [id, rev, name]));
          } finally {
            await Promise.all(tabs.map((tab) => tab.close()));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
