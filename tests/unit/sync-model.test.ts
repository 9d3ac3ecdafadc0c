/**
 * Two browsers syncing through a model of browser sync, with fast-check:
 * each browser edits, deletes and adds people, runs sync passes
 * (sync/reconcile.ts planPass, its plan carried out on plain maps), and its
 * items travel to the other the way browser sync delivers them — any subset
 * at a time, each item overwriting the other browser's copy (last writer
 * wins per item, as Chrome's sync does). Once both have exchanged
 * everything, they must show the same people, and every version anyone
 * wrote must be kept or seen by a version that is kept: no edit lost.
 */
import fc from 'fast-check';
import type { Profile } from '../../people/schema';
import { type Entry, stampKey, type Version } from '../../sync/entry';
import { decodeItems, encodeEntry, personKey } from '../../sync/items';
import { supersedes } from '../../sync/merge';
import { QUOTA_BYTES, RESERVED_BYTES } from '../../sync/quota';
import { type LocalPerson, planPass, samePerson } from '../../sync/reconcile';
import { person } from './fixtures';

class Browser {
  people = new Map<string, LocalPerson>();
  bases = new Map<string, Entry>();
  sync: Record<string, unknown> = {};
  constructor(readonly device: string) {}

  write(id: string, name: string | undefined) {
    const here = this.people.get(id);
    if (name === undefined) this.people.delete(id);
    else
      this.people.set(id, {
        profile: person(id, { name, identities: { github: [], linkedin: [] } }),
        rev: (here?.rev ?? 0) + 1,
      });
  }

  pass(now: number, written: Version[]) {
    const remote = decodeItems(this.sync);
    const plan = planPass({
      device: this.device,
      now,
      local: this.people,
      candidates: [...this.people.values()].filter(
        (p) => !this.bases.has(p.profile.id) && !remote.people.has(p.profile.id),
      ),
      bases: this.bases,
      remote: remote.people,
      used: { bytes: remote.bytes, items: remote.items },
      limit: { bytes: QUOTA_BYTES - RESERVED_BYTES, items: 500 },
    });
    for (const change of plan.apply) {
      if (change.profile)
        this.people.set(change.id, { profile: change.profile, rev: (change.rev ?? 0) + 1 });
      else this.people.delete(change.id);
    }
    for (const [id, entry] of plan.put) {
      for (const key of Object.keys(this.sync))
        if (key === personKey(id) || key.startsWith(`${personKey(id)}:`)) delete this.sync[key];
      Object.assign(this.sync, encodeEntry(id, entry));
      written.push(...entry.versions);
    }
    for (const id of plan.drop) delete this.sync[personKey(id)];
    for (const [id, entry] of plan.bases) {
      if (entry) this.bases.set(id, entry);
      else this.bases.delete(id);
    }
  }
}

/** Browser sync delivering some of `from`'s items to `to`, each overwriting. */
function carry(from: Browser, to: Browser, pick: (key: string) => boolean) {
  for (const [key, value] of Object.entries(from.sync))
    if (pick(key)) to.sync[key] = structuredClone(value);
  for (const key of Object.keys(to.sync)) if (!(key in from.sync) && pick(key)) delete to.sync[key];
}

const IDS = ['ada', 'bob', 'cy'];
const step = fc.oneof(
  fc.record({
    kind: fc.constant('write' as const),
    who: fc.integer({ min: 0, max: 1 }),
    id: fc.constantFrom(...IDS),
    name: fc.option(fc.constantFrom('One', 'Two', 'Three'), { nil: undefined }),
  }),
  fc.record({ kind: fc.constant('pass' as const), who: fc.integer({ min: 0, max: 1 }) }),
  fc.record({
    kind: fc.constant('carry' as const),
    who: fc.integer({ min: 0, max: 1 }),
    seed: fc.integer({ min: 0, max: 7 }),
  }),
);

describe('two browsers through browser sync', () => {
  it('agree once everything is exchanged, and keep every edit or what saw it', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const browsers = [new Browser('aaaa'), new Browser('bbbb')] as const;
        const written: Version[] = [];
        let now = 1_000_000;
        for (const s of steps) {
          now += 1000;
          const me = browsers[s.who] as Browser;
          const other = browsers[1 - s.who] as Browser;
          if (s.kind === 'write') me.write(s.id, s.name);
          else if (s.kind === 'pass') me.pass(now, written);
          // Some items, chosen by the seed: sync delivers in any order.
          else carry(me, other, (key) => (key.length + s.seed) % 3 !== 0);
        }
        // Quiet: everyone passes and exchanges until nothing changes.
        for (let round = 0; round < 4; round++) {
          now += 1000;
          browsers[0].pass(now, written);
          carry(browsers[0], browsers[1], () => true);
          browsers[1].pass(now, written);
          carry(browsers[1], browsers[0], () => true);
        }
        const [a, b] = browsers;
        expect(a.sync).toEqual(b.sync);
        const shown = (browser: Browser) =>
          IDS.map((id) => browser.people.get(id)?.profile.name ?? null);
        expect(shown(a)).toEqual(shown(b));
        for (const id of IDS)
          expect(samePerson(a.people.get(id)?.profile, b.people.get(id)?.profile)).toBe(true);
        const kept = [...a.bases.values()].flatMap((entry) => entry.versions);
        for (const version of written) {
          const ok =
            kept.some((other) => stampKey(other) === stampKey(version)) ||
            kept.some((other) => supersedes(other.v, version.v));
          expect(ok, `version ${stampKey(version)} was lost`).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the first browser’s copy when a second turns sync on with another, whatever their ids', () => {
    const first = new Browser('aaaa');
    const second = new Browser('bbbb');
    first.write('ada', 'Ada, as the first browser has her');
    second.write('ada', 'Ada, an older copy');
    first.pass(1_000_000, []);
    carry(first, second, () => true);
    second.pass(2_000_000, []);
    expect(second.people.get('ada')?.profile.name).toBe('Ada, as the first browser has her');
    // The second browser's own copy is kept beside it, to restore.
    const versions = second.bases.get('ada')?.versions.map((version) => version.p?.name);
    expect(versions).toEqual(['Ada, as the first browser has her', 'Ada, an older copy']);
  });

  it('says how many fit when the people no longer do, and syncs the rest later', () => {
    const browser = new Browser('aaaa');
    const bio = 'x'.repeat(1100);
    for (let index = 0; index < 240; index++) {
      const id = `p-${String(index).padStart(3, '0')}`;
      browser.people.set(id, {
        profile: { ...person(id), bio } as Profile,
        rev: 1,
      });
    }
    browser.pass(1, []);
    const synced = Object.keys(browser.sync).length;
    expect(synced).toBeGreaterThan(50);
    expect(synced).toBeLessThan(240);
    const bytes = decodeItems(browser.sync).bytes;
    expect(bytes).toBeLessThanOrEqual(QUOTA_BYTES - RESERVED_BYTES);
    // Deleting some frees room for the next in line, by id.
    for (const id of ['p-000', 'p-001', 'p-002', 'p-003', 'p-004']) browser.people.delete(id);
    browser.pass(2, []);
    browser.pass(3, []);
    expect(Object.keys(browser.sync)).toContain(personKey(`p-${String(synced).padStart(3, '0')}`));
  });
});
