/**
 * Same-run floors (issue 28): what six missed figures would be with none of
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
 *                                (10k each round; 100k as often as it is imported)
 *   floor_hover_reveal_p95_ms    the hover fixture page (./generate.ts hoverPage,
 *                                as many links) hovered as hover_to_card_* hovers
 *                                it, a bare timer showing a plain positioned
 *                                element when the delay ends, timed by the same
 *                                probe (./hover-probe.ts); p95 per run
 *   floor_worker_wake_ms         the stand-in's service worker (one listener that
 *                                answers at once) stopped as cold_lookup_* stops
 *                                ours, then woken by the same message from an
 *                                extension page (./store-figures.ts lookupMs)
 *
 * The pages belong to a stand-in extension written here (a manifest, a
 * service worker that only answers messages, two pages without scripts),
 * loaded into its own Chromium by the tests' harness with the same flags,
 * window and popup width as ours; the hover page is served to it as to ours.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Profile } from '../people/schema';
import { recordOf } from '../store/db';
import { launch, stopServiceWorker } from '../tests/browser/harness';
import { hoverPage } from './generate';
import { hoverTimes, installRevealFloor } from './hover-probe';
import { patient, retried } from './patience';
import { elementPaint, keystrokeTimes, popupOpenMs, step, TYPED } from './scale-figures';
import { percentile } from './stats';
import { lookupMs } from './store-figures';

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
  // A message is answered at once: what a cold lookup costs before any of our code.
  writeFileSync(
    join(dir, 'background.js'),
    'chrome.runtime.onMessage.addListener((message, sender, reply) => { reply({ floor: true }); });\n',
  );
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

/** One round of the six floors, in ms. */
export interface FloorRound {
  popup: number;
  options: number;
  keys: number;
  write: number;
  hover: number;
  wake: number;
}

/** The hover delay the bench's hover figures use (bench/measure.ts). */
const HOVER_DELAY_MS = 300;

/**
 * The stand-in extension's browser, ready for rounds of the six floors
 * (`people`: the profiles the import figure writes; `hovers`: links on the
 * hover page, as many as the hover figures' page has); `close` ends it.
 */
export async function openFloors(people: Profile[], { hovers = 8 } = {}) {
  const dir = standIn();
  const session = await launch({ width: 1440, height: 900 }, { extensionDir: dir });
  patient(session.context);
  const records = people.map((profile) => recordOf(profile, 1));
  const blank = `chrome-extension://${session.extensionId}/blank.html`;
  // The cold lookup's setting (bench/measure.ts): CDP on one extension page, the message from another.
  const manifest = await session.context.newPage();
  await manifest.goto(`chrome-extension://${session.extensionId}/manifest.json`);
  const cdp = await session.context.newCDPSession(manifest);
  const asker = await session.context.newPage();
  await asker.goto(blank);
  // The hover page keeps its tab (same-site navigations, as bench/measure.ts's hover tab).
  const hoverTab = await session.context.newPage();
  const page = await session.context.newPage();
  // Each measure's tab in front first: a background tab gets no animation frames.
  const inFront = async (tab: typeof page) => {
    await tab.bringToFront();
    return tab;
  };
  let rounds = 0;
  const write = (these: unknown[]) =>
    retried(`floor: IndexedDB write of ${these.length}`, async () => {
      await (await inFront(page)).goto(blank);
      return page.evaluate(bareWrite, these);
    });
  const floors: Record<keyof FloorRound, () => Promise<number>> = {
    popup: async () =>
      (
        await retried('floor: blank popup', () =>
          popupOpenMs(session, 'https://github.com/spacejam', { element: 'floor' }),
        )
      ).card,
    options: () =>
      retried('floor: blank page', async () => {
        await inFront(page);
        // Unrouted, as optionsFirstRowsMs opens ours.
        return session.unrouted(async () => {
          await page.goto(blank);
          return (await page.evaluate(elementPaint('floor'))) as number;
        });
      }),
    keys: () =>
      retried('floor: bare input', async () => {
        await (await inFront(page)).goto(blank);
        await page.getByRole('searchbox').focus();
        const times = await keystrokeTimes(page, TYPED);
        return percentile(
          times.map((time) => time.ms),
          95,
        );
      }),
    write: () => write(records),
    hover: () =>
      retried('floor: hover reveal', async () => {
        const url = `https://github.com/tikv/tikv/discussions/floor-${rounds++}`;
        session.pages.set(
          url,
          hoverPage(Array.from({ length: hovers }, (_, index) => `floor${index}`)),
        );
        await (await inFront(hoverTab)).goto(url);
        await hoverTab.evaluate(installRevealFloor, HOVER_DELAY_MS);
        return percentile(
          (await hoverTimes(hoverTab, HOVER_DELAY_MS)).map((time) => time.ms),
          95,
        );
      }),
    wake: () =>
      retried('floor: service worker wake', async () => {
        await inFront(asker);
        await stopServiceWorker(cdp, session.extensionId);
        return lookupMs(asker, 'github:spacejam');
      }),
  };
  return {
    /** One round of every floor, or of those in `only` (the others NaN). */
    async round(only?: ReadonlySet<string>): Promise<FloorRound> {
      const round = {} as FloorRound;
      for (const key of Object.keys(floors) as (keyof FloorRound)[])
        round[key] = only && !only.has(key) ? Number.NaN : await floors[key]();
      return round;
    },
    /** The bare write of other profiles than the rounds' (the 100,000 people's import). */
    write: (others: Profile[]) => write(others.map((profile) => recordOf(profile, 1))),
    async close() {
      await session.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * `runs` rounds of the six floors; `label`: the size's name of `people`
 * (10k), which the figures they explain carry; `hovers`: links per hover page;
 * `big`: the big import's people, written bare `big.runs` times after the
 * rounds (the write floor of that import, under its own label).
 */
export async function measureFloors({
  runs,
  people,
  label,
  hovers,
  big,
}: {
  runs: number;
  people: Profile[];
  label: string;
  hovers: number;
  big?: { people: Profile[]; label: string; runs: number };
}): Promise<Floor[]> {
  const floors = await openFloors(people, { hovers });
  const rounds: FloorRound[] = [];
  const bigWrites: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      step(`floors: run ${run + 1}`);
      rounds.push(await floors.round());
    }
    for (let run = 0; run < (big?.runs ?? 0); run++) {
      step(`floors: bare write of ${big?.label}, run ${run + 1}`);
      bigWrites.push(await floors.write(big?.people ?? []));
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
    ...(big
      ? [
          {
            name: `floor_idb_write_${big.label}_ms`,
            samples: bigWrites,
            explains: [`import_${big.label}_write_ms`],
          },
        ]
      : []),
    {
      name: 'floor_hover_reveal_p95_ms',
      samples: of('hover'),
      explains: ['hover_to_card_p95_ms', `hover_to_card_p95_${label}_ms`],
    },
    {
      name: 'floor_worker_wake_ms',
      samples: of('wake'),
      explains: ['cold_lookup_3_ms', `cold_lookup_${label}_ms`],
    },
  ];
}

/** In the page: a fresh database as ours (store/db.ts), every record put in one transaction; ms to `complete`. */
export async function bareWrite(records: unknown[]): Promise<number> {
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
