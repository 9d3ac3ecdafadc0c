/**
 * Same-run floors (issue 28): what four missed figures would be with none of
 * our code, measured the way those figures are, in the same full bench run,
 * so that a miss this machine cannot beat is shown beside its floor instead
 * of asserted. Each floor is recorded as a figure and set as the baseline of
 * the figures it explains (bench/measure.ts), so the README gives the ratio.
 *
 *   floor_popup_blank_paint_ms   a blank extension page opened as the toolbar
 *                                popup, exactly as popup_open_ms opens ours
 *                                (./scale-figures.ts popupOpenMs, the service
 *                                worker's chrome.action.openPopup), to the
 *                                Element Timing paint of its one line of text
 *   floor_options_blank_paint_ms a blank extension page navigated to in a tab,
 *                                as options_first_rows_* navigates to ours, to
 *                                the same paint
 *   floor_keystroke_p95_ms       the keystroke measure (./scale-figures.ts
 *                                keystrokeTimes, the same keys) on a bare input
 *                                that nothing else listens to; p95 per run
 *   floor_idb_write_<size>_ms    the same <size> records our import writes
 *                                ({ id, rev, profile, keys }, the same "keys"
 *                                multiEntry index), put in ONE transaction in an
 *                                extension page, from the first put to `complete`
 *
 * The pages belong to a stand-in extension written here (a manifest, an empty
 * service worker, two pages without scripts), loaded into its own Chromium
 * by the tests' harness with the same flags, window and popup width as ours.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Profile } from '../people/schema';
import { recordOf } from '../store/db';
import { launch } from '../tests/browser/harness';
import { retried } from './patience';
import { elementPaint, keystrokeTimes, popupOpenMs, step, TYPED } from './scale-figures';
import { percentile } from './stats';

/** One line of text, the only thing painted; the popup as wide as ours (components/popup/popup.css). */
const BLANK = (width = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>floor</title></head><body${width}><p elementtiming="floor">floor</p><input type="search" aria-label="floor"></body></html>`;

/** The stand-in extension's folder (also bench/trace-popup-start.ts's blank page). */
export function standIn(): string {
  const dir = mkdtempSync(join(tmpdir(), 'profile-card-floor-'));
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      manifest_version: 3,
      name: 'floor',
      version: '1.0.0',
      action: { default_popup: 'popup.html' },
      // The storage our extension has (unlimitedStorage: no quota in the way of the write).
      permissions: ['storage', 'unlimitedStorage'],
      background: { service_worker: 'background.js' },
    }),
  );
  writeFileSync(join(dir, 'background.js'), '');
  writeFileSync(join(dir, 'popup.html'), BLANK(' style="width:360px"'));
  writeFileSync(join(dir, 'blank.html'), BLANK());
  return dir;
}

export interface Floor {
  name: string;
  samples: number[];
  /** The figures it is the floor of. */
  explains: string[];
}

/** One round of the four floors, in ms. */
export interface FloorRound {
  popup: number;
  options: number;
  keys: number;
  write: number;
}

/**
 * The stand-in extension's browser, ready for rounds of the four floors
 * (`people`: the profiles the import figure writes); `close` ends it.
 */
export async function openFloors(people: Profile[]) {
  const dir = standIn();
  const session = await launch({ width: 1440, height: 900 }, { extensionDir: dir });
  const records = people.map((profile) => recordOf(profile, 1));
  const blank = `chrome-extension://${session.extensionId}/blank.html`;
  const page = await session.context.newPage();
  return {
    async round(): Promise<FloorRound> {
      const opened = await retried('floor: blank popup', () =>
        popupOpenMs(session, 'https://github.com/spacejam', { element: 'floor' }),
      );
      const options = await retried('floor: blank page', async () => {
        await page.goto(blank);
        return (await page.evaluate(elementPaint('floor'))) as number;
      });
      const keys = await retried('floor: bare input', async () => {
        await page.goto(blank);
        await page.getByRole('searchbox').focus();
        const times = await keystrokeTimes(page, TYPED);
        return percentile(
          times.map((time) => time.ms),
          95,
        );
      });
      const write = await retried('floor: IndexedDB write', async () => {
        await page.goto(blank);
        return page.evaluate(writeOnce, records);
      });
      return { popup: opened.card, options, keys, write };
    },
    async close() {
      await session.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * `runs` rounds of the four floors; `label`: the size's name of `people`
 * (10k), which the figures they explain carry.
 */
export async function measureFloors({
  runs,
  people,
  label,
}: {
  runs: number;
  people: Profile[];
  label: string;
}): Promise<Floor[]> {
  const floors = await openFloors(people);
  const rounds: FloorRound[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      step(`floors: run ${run + 1}`);
      rounds.push(await floors.round());
    }
  } finally {
    await floors.close();
  }
  const of = (key: keyof FloorRound) => rounds.map((round) => round[key]);
  return [
    {
      name: 'floor_popup_blank_paint_ms',
      samples: of('popup'),
      explains: ['popup_open_ms', 'popup_first_paint_ms'],
    },
    {
      name: 'floor_options_blank_paint_ms',
      samples: of('options'),
      explains: ['options_first_rows_3_ms', `options_first_rows_${label}_ms`],
    },
    {
      name: 'floor_keystroke_p95_ms',
      samples: of('keys'),
      explains: [
        'popup_keystroke_p95_3_ms',
        `popup_keystroke_p95_${label}_ms`,
        'options_keystroke_p95_3_ms',
        `options_keystroke_p95_${label}_ms`,
      ],
    },
    { name: `floor_idb_write_${label}_ms`, samples: of('write'), explains: ['import_write_ms'] },
  ];
}

/** In the page: a fresh database as ours (store/db.ts), every record put in one transaction; ms to `complete`. */
async function writeOnce(records: unknown[]): Promise<number> {
  const done = <T>(request: IDBRequest<T>) =>
    new Promise<T>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  await done(indexedDB.deleteDatabase('floor'));
  const open = indexedDB.open('floor', 1);
  open.onupgradeneeded = () => {
    const people = open.result.createObjectStore('people', { keyPath: 'id' });
    people.createIndex('keys', 'keys', { multiEntry: true });
  };
  const db = await done(open);
  try {
    const start = performance.now();
    const tx = db.transaction('people', 'readwrite');
    const people = tx.objectStore('people');
    for (const record of records) people.put(record);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('aborted'));
    });
    return performance.now() - start;
  } finally {
    db.close();
  }
}
