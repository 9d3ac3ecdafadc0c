/**
 * The four same-run floors (./floors.ts) beside the figures they explain,
 * run by run, without the whole bench: our popup opened over a person's
 * page (popup_open_ms, 3 people), the options page's first rows and its
 * search keystrokes (3 people), and an import's write of 10,000 people,
 * each measured as bench/measure.ts measures it. Printed as medians with
 * ratios, written nowhere. `npm run build && BENCH=floors npx vitest run
 * --config vitest.browser.config.ts --silent=false`; `FLOOR_RUNS` (default 5).
 */
import { launch } from '../tests/browser/harness';
import { type FloorRound, openFloors } from './floors';
import { generateProfiles } from './generate';
import { patient, retried } from './patience';
import { keystrokeTimes, optionsFirstRowsMs, popupOpenMs, step, TYPED } from './scale-figures';
import { median, percentile } from './stats';
import { clearStore, importFresh } from './store-figures';

const RUNS = Number(process.env.FLOOR_RUNS ?? 5);

it(
  'measures the floors beside our figures',
  async () => {
    const people = generateProfiles(10_000);
    const file = Buffer.from(JSON.stringify({ version: 1, profiles: people }));
    const ours = await launch({ width: 1440, height: 900 });
    patient(ours.context);
    const floors = await openFloors(people);
    const rounds: (FloorRound & { [key: string]: number })[] = [];
    try {
      const options = await ours.context.newPage();
      await options.goto(`chrome-extension://${ours.extensionId}/options.html`);
      for (let run = 0; run < RUNS; run++) {
        step(`floors beside ours: run ${run + 1}`);
        const popup = await retried('popup, 3 people', () =>
          popupOpenMs(ours, 'https://github.com/spacejam'),
        );
        const write = (await importFresh(ours, options, file, 'import of 10k')).write;
        // Back to the 3 bundled people for the page's own start and its keys.
        await clearStore(options);
        // In a page of its own, as bench/scale-figures.ts listsOnce measures them.
        const fresh = await ours.context.newPage();
        const firstRows = await optionsFirstRowsMs(ours, fresh);
        await fresh.getByRole('searchbox', { name: 'Search people' }).focus();
        const keys = percentile(
          (await keystrokeTimes(fresh, TYPED)).map((time) => time.ms),
          95,
        );
        await fresh.close();
        rounds.push({
          ...(await floors.round()),
          ourPopup: popup.card,
          ourPopupFirstPaint: popup.firstPaint,
          ourWrite: write,
          ourFirstRows: firstRows,
          ourKeys: keys,
        });
      }
    } finally {
      await floors.close();
      await ours.close();
    }
    const of = (key: string) => rounds.map((round) => round[key] as number);
    const line = (ours: string, floor: string) =>
      `${ours.padEnd(20)} ${median(of(ours)).toFixed(1).padStart(8)} [${of(ours)
        .map((v) => v.toFixed(0))
        .join(', ')}]  floor ${floor} ${median(of(floor)).toFixed(1)} [${of(floor)
        .map((v) => v.toFixed(0))
        .join(', ')}]  ratio ${(median(of(ours)) / median(of(floor))).toFixed(2)}`;
    console.log(
      `\nfloors beside ours (${RUNS} runs, interleaved):\n${[
        line('ourPopup', 'popup'),
        line('ourPopupFirstPaint', 'popup'),
        line('ourFirstRows', 'options'),
        line('ourKeys', 'keys'),
        line('ourWrite', 'write'),
      ].join('\n')}`,
    );
  },
  40 * 60_000,
);
