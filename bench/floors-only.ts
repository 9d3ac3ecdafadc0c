/**
 * The six same-run floors (./floors.ts) beside the figures they explain,
 * run by run, without the whole bench: our popup opened over a person's
 * page (popup_open_ms, 3 people), the options page's first rows and its
 * search keystrokes (3 people), an import's write of 10,000 people, the
 * hover page's p95 hover → card (3 people, 8 hovers) and a cold lookup
 * (3 people), each measured as bench/measure.ts measures it. Printed as medians with
 * ratios, written nowhere. `npm run build && BENCH=floors npx vitest run
 * --config vitest.browser.config.ts --silent=false`; `FLOOR_RUNS` (default 5),
 * `BENCH_BEFORE` (another build's chrome-mv3 folder: its popup too, run by run),
 * `FLOOR_PARTS` (some of popup,options,keys,write,hover,wake; keys go with options).
 */
import { launch, stopServiceWorker } from '../tests/browser/harness';
import { type FloorRound, openFloors } from './floors';
import { generateProfiles, hoverPage } from './generate';
import { hoverTimes } from './hover-probe';
import { patient, retried } from './patience';
import { keystrokeTimes, optionsFirstRowsMs, popupOpenMs, step, TYPED } from './scale-figures';
import { median, percentile } from './stats';
import { clearStore, importFresh, lookupMs } from './store-figures';

const RUNS = Number(process.env.FLOOR_RUNS ?? 5);
/** Which floors, with our figures they explain (`FLOOR_PARTS=hover,wake`; default all). */
const PARTS = new Set(
  (process.env.FLOOR_PARTS ?? 'popup,options,keys,write,hover,wake').split(',').filter(Boolean),
);
if (PARTS.has('options')) PARTS.add('keys');

it(
  'measures the floors beside our figures',
  async () => {
    const people = generateProfiles(10_000);
    const file = Buffer.from(JSON.stringify({ version: 1, profiles: people }));
    const session = await launch({ width: 1440, height: 900 });
    patient(session.context);
    const floors = await openFloors(people);
    // BENCH_BEFORE=<another build's chrome-mv3 folder>: that build's popup too, run by run with ours.
    const before = process.env.BENCH_BEFORE
      ? await launch({ width: 1440, height: 900 }, { extensionDir: process.env.BENCH_BEFORE })
      : undefined;
    if (before) patient(before.context);
    const rounds: (FloorRound & { [key: string]: number })[] = [];
    try {
      const options = await session.context.newPage();
      await options.goto(`chrome-extension://${session.extensionId}/options.html`);
      // As bench/measure.ts: the hover page in a tab of its own, the cold
      // lookup asked from the popup page with CDP on another extension page.
      const hoverTab = await session.context.newPage();
      const manifest = await session.context.newPage();
      await manifest.goto(`chrome-extension://${session.extensionId}/manifest.json`);
      const cdp = await session.context.newCDPSession(manifest);
      const asker = await session.context.newPage();
      await asker.goto(`chrome-extension://${session.extensionId}/popup.html`);
      const known = ['spacejam', 'denizalti', 'PATMESH'];
      const measure = async <T>(part: string, fn: () => Promise<T>) =>
        PARTS.has(part) ? fn() : undefined;
      for (let run = 0; run < RUNS; run++) {
        step(`floors beside ours: run ${run + 1}`);
        const ours: { [key: string]: number } = {};
        const popup = await measure('popup', () =>
          retried('popup, 3 people', () => popupOpenMs(session, 'https://github.com/spacejam')),
        );
        if (popup)
          Object.assign(ours, { ourPopup: popup.card, ourPopupFirstPaint: popup.firstPaint });
        const beforePopup =
          before &&
          (await measure('popup', () =>
            retried('popup before, 3 people', () =>
              popupOpenMs(before, 'https://github.com/spacejam'),
            ),
          ));
        if (beforePopup) ours.beforePopup = beforePopup.card;
        await measure('write', async () => {
          await options.bringToFront();
          ours.ourWrite = (await importFresh(session, options, file, 'import of 10k')).write;
          // Back to the 3 bundled people for the page's own start and its keys.
          await clearStore(options);
        });
        await measure('options', async () => {
          // In a page of its own, as bench/scale-figures.ts listsOnce measures them.
          const fresh = await session.context.newPage();
          ours.ourFirstRows = await optionsFirstRowsMs(session, fresh);
          await fresh.getByRole('searchbox', { name: 'Search people' }).focus();
          ours.ourKeys = percentile(
            (await keystrokeTimes(fresh, TYPED)).map((time) => time.ms),
            95,
          );
          await fresh.close();
        });
        await measure('hover', async () => {
          const times = await retried('hover, 3 people', async () => {
            const url = `https://github.com/tikv/tikv/discussions/${run}`;
            session.pages.set(
              url,
              hoverPage(Array.from({ length: 8 }, (_, index) => known[index % 3] as string)),
            );
            // In front, as the full bench's hover tab is: a background tab gets no frames.
            await hoverTab.bringToFront();
            await hoverTab.goto(url);
            return (await hoverTimes(hoverTab, 300)).map((time) => time.ms);
          });
          ours.ourHover = percentile(times, 95);
          // The page's first hover (it injects the card's UI) and the others apart.
          ours.ourFirstHover = times[0] as number;
          ours.ourLaterHovers = percentile(times.slice(1), 95);
        });
        await measure('wake', async () => {
          ours.ourCold = await retried('cold lookup, 3 people', async () => {
            await asker.bringToFront();
            await stopServiceWorker(cdp, session.extensionId);
            return lookupMs(asker, 'github:spacejam');
          });
        });
        // The floors' own time: what they add to a full bench run per run.
        const started = performance.now();
        const floor = await floors.round(PARTS);
        rounds.push({ ...floor, ...ours, floorSeconds: (performance.now() - started) / 1000 });
      }
    } finally {
      await floors.close();
      await session.close();
      await before?.close();
    }
    const of = (key: string) => rounds.map((round) => round[key] as number);
    const line = (ours: string, floor: string) =>
      [...of(ours), ...of(floor)].some((value) => typeof value !== 'number' || Number.isNaN(value))
        ? ''
        : `${ours.padEnd(20)} ${median(of(ours)).toFixed(1).padStart(8)} [${of(ours)
            .map((v) => v.toFixed(0))
            .join(', ')}]  floor ${floor} ${median(of(floor)).toFixed(1)} [${of(floor)
            .map((v) => v.toFixed(0))
            .join(
              ', ',
            )}]  ratio ${(median(of(ours)) / median(of(floor))).toFixed(2)}, run by run ${median(
            of(ours).map((value, run) => value / (of(floor)[run] as number)),
          ).toFixed(2)}`;
    console.log(
      `\nfloors beside ours (${RUNS} runs, interleaved; the floors of ${[...PARTS].join(', ')} took ${median(of('floorSeconds')).toFixed(1)} s a run):\n${[
        line('ourPopup', 'popup'),
        line('beforePopup', 'popup'),
        line('ourPopup', 'beforePopup'),
        line('ourPopupFirstPaint', 'popup'),
        line('ourFirstRows', 'options'),
        line('ourKeys', 'keys'),
        line('ourWrite', 'write'),
        line('ourHover', 'hover'),
        line('ourFirstHover', 'hover'),
        line('ourLaterHovers', 'hover'),
        line('ourCold', 'wake'),
      ]
        .filter(Boolean)
        .join('\n')}`,
    );
  },
  40 * 60_000,
);
