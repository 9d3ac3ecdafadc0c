/**
 * The options page's jobs (jobs/jobs.ts), run here without a worker
 * against fake-indexeddb: an import's preview reports its progress and
 * writes nothing; its commit lands at the preview's store version, or is
 * previewed again when the store changed, asking the user only when the
 * verdict differs; a cancel mid-write lands nothing; the scan finds damaged
 * records and clashing handles; the export holds everyone.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createJobRunner, type JobEvent, type JobRequest } from '../../jobs/jobs';
import { bundledProfiles } from '../../people/bundled';
import { closePeopleDb, openPeopleDb } from '../../store/db';
import { readRows } from '../../store/people-rows';
import { addPerson, importPeople, readSnapshot, updatePerson } from '../../store/store';
import { person, rowsTable } from './fixtures';

const pad = (index: number) => String(index).padStart(5, '0');
const file = (profiles: object[]) =>
  new TextEncoder().encode(JSON.stringify({ version: 1, profiles }));
const many = (count: number, prefix = 'q') =>
  Array.from({ length: count }, (_, index) => person(`${prefix}-${pad(index)}`));

/** A runner and what it said; `until` waits for an event of a kind. */
function runner() {
  const events: JobEvent[] = [];
  let clock = 0;
  const run = createJobRunner({
    openDb: openPeopleDb,
    bundled: bundledProfiles,
    post: (event) => events.push(event),
    // Every call a step later, so no progress report is held back.
    now: () => (clock += 100),
  });
  const send = (request: JobRequest) => run(request);
  const last = <T extends JobEvent['type']>(type: T) =>
    events.filter((event): event is Extract<JobEvent, { type: T }> => event.type === type).at(-1);
  const phases = () => events.flatMap((event) => (event.type === 'progress' ? [event.phase] : []));
  return { events, send, last, phases };
}

beforeEach(async () => {
  await closePeopleDb();
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
});

describe('an import', () => {
  it('previews with progress and writes nothing; the commit lands it, summary included', async () => {
    await addPerson(person('kept'));
    const job = runner();
    await job.send({ type: 'preview', name: 'more.json', input: file(many(600)) });
    expect(job.last('preview')?.view).toMatchObject({
      name: 'more.json',
      added: 600,
      updated: 0,
      rejected: 0,
    });
    expect(job.last('preview')?.view.addedNames).toHaveLength(200);
    expect(new Set(job.phases())).toEqual(new Set(['reading', 'checking']));
    expect((await readSnapshot()).people).toHaveLength(1);
    await job.send({ type: 'commit' });
    expect(job.last('committed')).toMatchObject({ added: 600, updated: 0 });
    expect(job.phases()).toContain('writing');
    expect((await readSnapshot()).people).toHaveLength(601);
    expect(rowsTable(await readRows(await openPeopleDb())).ids).toHaveLength(601);
  });

  it('names the file in a refusal, and refuses with the reason', async () => {
    const job = runner();
    await job.send({ type: 'preview', name: 'broken.json', input: '{"id": "x",\n  "name": }' });
    expect(job.last('error')?.message).toBe(
      'This is not valid JSON: unexpected "}" at line 2, column 11.',
    );
    await job.send({ type: 'commit' });
    expect(job.last('committed')).toBeUndefined();
  });

  it('writes over an unrelated change without asking, and asks when the verdict changed', async () => {
    const job = runner();
    await job.send({ type: 'preview', name: 'a.json', input: file([person('twin'), person('b')]) });
    // Elsewhere, meanwhile: someone unrelated, then the same id by hand.
    await addPerson(person('unrelated'));
    await job.send({ type: 'commit' });
    expect(job.last('committed')).toMatchObject({ added: 2 });

    const second = runner();
    await second.send({ type: 'preview', name: 'c.json', input: file([person('c')]) });
    await addPerson({ ...person('c'), name: 'C by hand' });
    await second.send({ type: 'commit' });
    expect(second.last('committed')).toBeUndefined();
    expect(second.last('again')).toMatchObject({
      view: { added: 0, updated: 1 },
      note: expect.stringContaining('c: to add → to update'),
    });
    expect((await readSnapshot()).people.find((r) => r.id === 'c')?.profile.name).toBe('C by hand');
    // Confirmed again: the update lands, at the version the new preview saw.
    await second.send({ type: 'commit' });
    expect(second.last('committed')).toMatchObject({ added: 0, updated: 1 });
    expect((await readSnapshot()).people.find((r) => r.id === 'c')?.rev).toBe(2);
  });

  it('lands nothing when cancelled mid-write; the same import not cancelled lands', async () => {
    await importPeople(
      many(5, 'p').map((profile) => ({ profile })),
      0,
    );
    const before = JSON.stringify(await readSnapshot());
    const job = runner();
    await job.send({ type: 'preview', name: 'big.json', input: file(many(3000)) });
    const writing = job.send({ type: 'commit' });
    // Cancel as soon as the first thousand are written.
    await vi.waitFor(
      () =>
        expect(
          job.events.some((e) => e.type === 'progress' && e.phase === 'writing' && e.done >= 1000),
        ).toBe(true),
      { interval: 1 },
    );
    await job.send({ type: 'cancel' });
    await writing;
    expect(job.last('cancelled')).toBeDefined();
    expect(job.last('committed')).toBeUndefined();
    expect(JSON.stringify(await readSnapshot())).toBe(before);

    const control = runner();
    await control.send({ type: 'preview', name: 'big.json', input: file(many(3000)) });
    await control.send({ type: 'commit' });
    expect(control.last('committed')).toMatchObject({ added: 3000 });
    expect((await readSnapshot()).people).toHaveLength(3005);
  });
});

describe('the scan and the export', () => {
  it('finds damaged records and handles claimed twice, and exports everyone sound', async () => {
    await importPeople(
      [
        { profile: person('a', { identities: { github: ['shared'], linkedin: [] } }) },
        {
          profile: person('b', {
            mine: { note: 'not listed', tags: ['kubecon'], contacted: '2026-05-31' },
          }),
        },
      ],
      0,
    );
    const db = await openPeopleDb();
    const tx = db.transaction(['people', 'meta'], 'readwrite');
    // As an earlier version's data could hold: a second claim, and a broken record.
    await tx.objectStore('people').put({
      id: 'c',
      rev: 1,
      keys: ['github:shared'],
      profile: person('c', { identities: { github: ['shared'], linkedin: [] } }),
    });
    await tx
      .objectStore('people')
      .put({ id: 'd', rev: 1, keys: [], profile: { id: 'd' } } as never);
    await tx.objectStore('meta').put(((await tx.objectStore('meta').get('rev')) ?? 0) + 1, 'rev');
    await tx.done;

    const job = runner();
    await job.send({ type: 'scan' });
    const scanned = job.last('scanned');
    expect(scanned?.damaged.map((record) => [record.id, record.problem])).toEqual([
      ['d', 'the profile has no name'],
    ]);
    expect(scanned?.conflicts).toEqual([{ key: 'github:shared', winner: 'a', losers: ['c'] }]);
    expect(scanned?.names).toEqual({ a: 'Person a', c: 'Person c' });
    // Tags and days, for the list's filter and sort; never the note itself.
    expect(scanned?.notes).toEqual({ b: { tags: ['kubecon'], contacted: '2026-05-31' } });

    await job.send({ type: 'export' });
    const exported = job.last('exported');
    expect(exported?.count).toBe(3);
    expect(exported?.file.type).toBe('application/json');
    const text = (await exported?.file.text()) ?? '{}';
    expect(JSON.parse(text).profiles.map((p: { id: string }) => p.id)).toEqual(['a', 'b', 'c']);
  });
});

describe('the export handed the scan’s verdict (issue 28)', () => {
  it('trusts it at the store version it was made at, and checks every record again at any other', async () => {
    await importPeople(
      ['a', 'b', 'c'].map((id) => ({ profile: person(id) })),
      0,
    );
    const job = runner();
    await job.send({ type: 'scan' });
    const scanned = job.last('scanned');
    expect(scanned?.damaged).toEqual([]);
    const rev = scanned?.rev ?? -1;
    expect(rev).toBeGreaterThan(0);
    const exportWith = async (checked?: Extract<JobRequest, { type: 'export' }>['checked']) => {
      await job.send({ type: 'export', checked });
      return (await job.last('exported')?.file.text()) ?? '';
    };
    const plain = await exportWith();
    // The scan's own verdict: the same file, byte for byte.
    expect(await exportWith({ rev, damaged: [] })).toBe(plain);
    // A verdict at this version is taken as it is, not checked again: a
    // record it calls damaged is left out (shows the check was skipped).
    const trusted = await exportWith({ rev, damaged: [{ id: 'b', problem: 'said so' }] });
    expect(JSON.parse(trusted).profiles.map((p: { id: string }) => p.id)).toEqual(['a', 'c']);

    // A record damaged after the scan, the version raised as every write does.
    const db = await openPeopleDb();
    const tx = db.transaction(['people', 'meta'], 'readwrite');
    await tx
      .objectStore('people')
      .put({ id: 'd', rev: 1, keys: [], profile: { id: 'd' } } as never);
    await tx.objectStore('meta').put(rev + 1, 'rev');
    await tx.done;
    // The old verdict is stale: every record is checked, the damaged one left out.
    const stale = await exportWith({ rev, damaged: [{ id: 'b', problem: 'said so' }] });
    expect(stale).toBe(plain);
    expect(job.last('exported')?.count).toBe(3);
  });
});

describe('a write the runner did not make', () => {
  it('is seen by the next preview', async () => {
    await addPerson(person('x'));
    await updatePerson({ ...person('x'), name: 'X2' }, 1);
    const job = runner();
    await job.send({ type: 'preview', name: 'x.json', input: file([person('x')]) });
    expect(job.last('preview')?.view).toMatchObject({ added: 0, updated: 1 });
  });
});
