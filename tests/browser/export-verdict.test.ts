/**
 * The options page hands its last scan's verdict to "Export all" (issue 28,
 * entrypoints/options/main.tsx): the export request carries the store
 * version the scan read and the damaged records it found, so the export
 * need not check every record again; the file still leaves out the damaged
 * record. The page's job workers are watched from before its scripts run.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { launch, type Session } from './harness';

let session: Session;
let options: Page;

type Logged = { dir: string; type?: string; rev?: number; checked?: unknown; damaged?: unknown };

/** In the page, before its scripts: every job worker's requests and answers, kept. */
function watchWorkers() {
  const log: Logged[] = [];
  (window as never as { __jobs: Logged[] }).__jobs = log;
  const Original = Worker;
  (window as never as { Worker: typeof Worker }).Worker = class extends Original {
    constructor(url: string | URL, init?: WorkerOptions) {
      super(url, init);
      this.addEventListener('message', (event: MessageEvent) => {
        const { type, rev, damaged } = event.data ?? {};
        log.push({ dir: 'answer', type, rev, damaged });
      });
      const post = this.postMessage.bind(this);
      this.postMessage = (message: { type?: string; checked?: unknown }) => {
        log.push({ dir: 'request', type: message?.type, checked: message?.checked });
        post(message as never);
      };
    }
  };
}

const logged = () => options.evaluate(() => (window as never as { __jobs: Logged[] }).__jobs);

beforeAll(async () => {
  session = await launch();
  await session.context.addInitScript(watchWorkers);
  options = await session.context.newPage();
});
afterAll(async () => {
  await session?.close();
});

it('sends the scan’s verdict and store version with the export; the damaged record stays out', async () => {
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await options.getByRole('heading', { name: 'People' }).waitFor();
  // A damaged record beside a sound one, the store's version raised as every write does.
  await options.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('profile-card');
        request.onsuccess = () => {
          const tx = request.result.transaction(['people', 'meta'], 'readwrite');
          const sound = {
            id: 'sound-one',
            name: 'Sound One',
            projects: [],
            contact: {},
            identities: { github: ['sound-one'], linkedin: [] },
          };
          tx.objectStore('people').put({
            id: 'sound-one',
            rev: 1,
            keys: ['github:sound-one'],
            profile: sound,
          });
          tx.objectStore('people').put({
            id: 'broken',
            rev: 1,
            keys: [],
            profile: { id: 'broken' },
          });
          const meta = tx.objectStore('meta');
          const rev = meta.get('rev');
          rev.onsuccess = () => meta.put((rev.result ?? 0) + 1, 'rev');
          tx.oncomplete = () => {
            request.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
        request.onerror = () => reject(request.error);
      }),
  );
  await options.reload();
  await options.getByRole('heading', { name: 'People' }).waitFor();
  await options.waitForFunction(() =>
    (window as never as { __jobs: Logged[] }).__jobs.some((entry) => entry.type === 'scanned'),
  );
  const scanned = (await logged()).find((entry) => entry.type === 'scanned');
  expect(scanned?.damaged).toEqual([expect.objectContaining({ id: 'broken' })]);

  const download = options.waitForEvent('download');
  await options.getByRole('button', { name: 'Export all (JSON)' }).click();
  const saved = await download;
  const text = readFileSync((await saved.path()) as string, 'utf8');
  const ids = JSON.parse(text).profiles.map((profile: { id: string }) => profile.id);
  expect(ids).toContain('sound-one');
  expect(ids).not.toContain('broken');

  const request = (await logged()).find(
    (entry) => entry.dir === 'request' && entry.type === 'export',
  );
  expect(request?.checked).toEqual({
    rev: scanned?.rev,
    damaged: [{ id: 'broken', problem: expect.any(String) }],
  });
  expect(scanned?.rev).toBeGreaterThan(0);
}, 120_000);
