/**
 * The JSON export read by two workers (jobs/jobs.ts, issue 28), run here
 * without workers against fake-indexeddb: the helper is a second job
 * runner of its own, as the worker's second worker runs one. Past SPLIT_AT
 * people the two halves give byte for byte the file one worker writes,
 * damaged records left out the same, progress counting both halves; a
 * write landing between the halves' reads never gives a mixed backup (the
 * export is read again in one transaction); three people use one worker.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createJobRunner, type JobDeps, type JobEvent, SPLIT_AT } from '../../jobs/jobs';
import { bundledProfiles } from '../../people/bundled';
import { closePeopleDb, openPeopleDb } from '../../store/db';
import { addPerson, importPeople } from '../../store/store';
import { person } from './fixtures';

const pad = (index: number) => String(index).padStart(6, '0');

type Part = Extract<JobEvent, { type: 'part' }>;

/** A helper as entrypoints/options/jobs-worker.ts makes one, its runner in this process; `first` runs before it reads. */
function inProcessHelper(first?: () => Promise<void>) {
  const parts: Part[] = [];
  const helper: JobDeps['helper'] = async (request, onProgress) => {
    await first?.();
    let part: Part | undefined;
    let failed: string | undefined;
    const run = createJobRunner({
      openDb: openPeopleDb,
      bundled: bundledProfiles,
      post: (event) => {
        if (event.type === 'progress') onProgress(event.done);
        else if (event.type === 'part') part = event;
        else if (event.type === 'error') failed = event.message;
      },
    });
    await run(request);
    if (!part) throw new Error(failed ?? 'no part');
    parts.push(part);
    return part;
  };
  return { helper, parts };
}

/** Exports everything as JSON; the file's text, its count and the progress reported. */
async function exportJson(helper?: JobDeps['helper']) {
  const events: JobEvent[] = [];
  let clock = 0;
  const run = createJobRunner({
    openDb: openPeopleDb,
    bundled: bundledProfiles,
    post: (event) => events.push(event),
    now: () => (clock += 100),
    ...(helper && { helper }),
  });
  await run({ type: 'export' });
  const exported = events.find((event) => event.type === 'exported');
  if (exported?.type !== 'exported') throw new Error(JSON.stringify(events.at(-1)));
  const done = events.flatMap((event) => (event.type === 'progress' ? [event.done] : []));
  return { text: await exported.file.text(), count: exported.count, done };
}

/** `count` people, and a damaged record in each half. */
async function store(count: number) {
  await importPeople(
    Array.from({ length: count }, (_, index) => ({ profile: person(`q-${pad(index)}`) })),
    0,
  );
  const db = await openPeopleDb();
  const tx = db.transaction(['people', 'meta'], 'readwrite');
  for (const id of ['q-000001-broken', `q-${pad(count - 2)}-broken`])
    await tx.objectStore('people').put({ id, rev: 1, keys: [], profile: { id } } as never);
  await tx.objectStore('meta').put(((await tx.objectStore('meta').get('rev')) ?? 0) + 1, 'rev');
  await tx.done;
}

beforeEach(async () => {
  await closePeopleDb();
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
});

describe('a JSON export read by two workers', () => {
  it('is byte for byte what one worker writes, damaged records left out, progress over both', async () => {
    await store(SPLIT_AT + 500);
    const one = await exportJson();
    const { helper, parts } = inProcessHelper();
    const two = await exportJson(helper);
    // The helper did read a half (the positive control)…
    expect(parts).toHaveLength(1);
    expect(parts[0]?.count).toBeGreaterThan(SPLIT_AT / 3);
    expect(parts[0]?.count).toBeLessThan(SPLIT_AT);
    // …and the two files are one.
    expect(two.text).toBe(one.text);
    expect(two.count).toBe(SPLIT_AT + 500);
    const ids = JSON.parse(two.text).profiles.map((profile: { id: string }) => profile.id);
    expect(ids).toHaveLength(SPLIT_AT + 500);
    expect(ids.some((id: string) => id.endsWith('-broken'))).toBe(false);
    // Progress counts both halves' records, damaged ones included, up to all of them.
    expect(Math.max(...two.done)).toBe(SPLIT_AT + 502);
    expect(Math.max(...one.done)).toBe(SPLIT_AT + 502);
  });

  it('never mixes two store versions: a write between the halves’ reads reads it all again', async () => {
    await store(SPLIT_AT + 500);
    // Lands after the first half's transaction began, before the helper reads the second.
    const { helper, parts } = inProcessHelper(async () => {
      await addPerson(person('a-written-meanwhile'));
    });
    const two = await exportJson(helper);
    expect(parts).toHaveLength(1);
    const ids = JSON.parse(two.text).profiles.map((profile: { id: string }) => profile.id);
    // The first half read before the write would miss this person; read again, it is there.
    expect(ids[0]).toBe('a-written-meanwhile');
    expect(two.count).toBe(SPLIT_AT + 501);
    // And the file is what one worker writes of the store as it is now.
    expect(two.text).toBe((await exportJson()).text);
  });

  it('uses one worker for three people', async () => {
    await store(3);
    const { helper, parts } = inProcessHelper();
    const two = await exportJson(helper);
    expect(parts).toHaveLength(0);
    expect(two.count).toBe(3);
    expect(two.text).toBe((await exportJson()).text);
  });
});
