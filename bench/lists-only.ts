/**
 * `BENCH_ONLY=lists`: the bench's lists at scale alone (./scale-figures.ts
 * `listsOnce`: the popup's list opened, keystrokes in both searches, the
 * options page's first rows, scrolling the whole options list), with 3
 * people (the baseline) and 100,000, run by run in the same run; the 10,000
 * figures are left to the full bench. With `BENCH_BEFORE=<another build's
 * chrome-mv3 folder>` the same figures of that build too, interleaved with
 * this one's, so a change is measured before and after under the same load.
 * Prints medians and the 100k / 3 ratios, and writes .tmp/bench-lists.json
 * (never bench/results.json: that is the full bench's). With
 * `BENCH_LISTS=popup-open`, only the popup list's opening (to its first row,
 * and to its count: the list read whole), so more runs fit; with
 * `BENCH_LISTS=options-keys`, only the options page's first rows and keys.
 * `BENCH_LISTS_SIZES=3,10k,100k` measures 10,000 people too (default 3,100k),
 * and `BENCH_LISTS_FLOOR=1` the keystroke floor (./floors.ts, a bare input in
 * a stand-in extension: `floor_keystroke_p95_ms`) in each run beside them. Run with
 * `npm run build && BENCH=1 BENCH_ONLY=lists npx vitest run --config vitest.browser.config.ts`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, type Session } from '../tests/browser/harness';
import { buildsToCompare } from './builds';
import { openFloors } from './floors';
import { generateProfiles } from './generate';
import { patient } from './patience';
import { listsOnce, step } from './scale-figures';
import { median } from './stats';
import { importThroughOptions } from './store-figures';

const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 4));
const SIZES: Record<string, number> = { '10k': 10_000, '100k': 100_000 };
const LABELS = (process.env.BENCH_LISTS_SIZES ?? '3,100k').split(',');

it(
  'measures the lists at scale',
  async () => {
    const builds = buildsToCompare();
    const runs: { build: string; label: string; session: Session; opener?: Page }[] = [];
    const floors = process.env.BENCH_LISTS_FLOOR ? await openFloors([]) : undefined;
    try {
      const files = new Map<string, Buffer>();
      for (const { build, dir } of builds)
        for (const label of LABELS) {
          const session = await launch({ width: 1440, height: 900 }, { extensionDir: dir });
          patient(session.context);
          runs.push({ build, label, session });
          const size = SIZES[label];
          if (size) {
            step(`lists: seeding ${size} people, ${build}`);
            if (!files.has(label))
              files.set(
                label,
                Buffer.from(JSON.stringify({ version: 1, profiles: generateProfiles(size) })),
              );
            const seeding = await session.context.newPage();
            await importThroughOptions(session, seeding, files.get(label) as Buffer);
            await seeding.close();
          }
          const opener = await session.context.newPage();
          await opener.goto(`chrome-extension://${session.extensionId}/options.html`);
          (runs.at(-1) as (typeof runs)[number]).opener = opener;
        }
      const samples = new Map<string, number[]>();
      for (let run = 0; run < RUNS; run++) {
        if (floors) {
          step(`lists: run ${run + 1}, keystroke floor`);
          const { keys } = await floors.round(new Set(['keys']));
          samples.set('floor_keystroke_p95_ms', [
            ...(samples.get('floor_keystroke_p95_ms') ?? []),
            keys,
          ]);
        }
        for (const { build, label, session, opener } of runs) {
          step(`lists: run ${run + 1}, ${build}, ${label} people`);
          await listsOnce(
            session,
            label,
            (name, value) => {
              const key = `${build} ${name}`;
              samples.set(key, [...(samples.get(key) ?? []), value]);
            },
            opener,
          );
        }
      }
      const figures: { name: string; median: number; samples: number[] }[] = [];
      for (const [name, values] of samples)
        figures.push({ name, median: Math.round(median(values) * 100) / 100, samples: values });
      for (const { build } of builds)
        for (const figure of ['popup_list_open', 'options_first_rows']) {
          const three = median(samples.get(`${build} ${figure}_3_ms`) ?? []);
          const values = (samples.get(`${build} ${figure}_100k_ms`) ?? []).map((v) => v / three);
          figures.push({
            name: `${build} ${figure}_100k_over_3_ratio`,
            median: Math.round(median(values) * 1000) / 1000,
            samples: values,
          });
        }
      figures.sort((a, b) => a.name.localeCompare(b.name));
      console.log(
        `lists at scale, ${RUNS} runs, medians:\n${figures
          .map(
            (f) =>
              `${f.name.padEnd(52)} ${String(f.median).padStart(9)}   [${f.samples.map((v) => Math.round(v * 100) / 100).join(', ')}]`,
          )
          .join('\n')}`,
      );
      const out = join(import.meta.dirname, '..', '.tmp/bench-lists.json');
      mkdirSync(join(import.meta.dirname, '..', '.tmp'), { recursive: true });
      writeFileSync(out, `${JSON.stringify(figures, null, 2)}\n`);
      expect(figures.length).toBeGreaterThan(10);
    } finally {
      await Promise.all(runs.map(({ session }) => session.close()));
      await floors?.close();
    }
  },
  60 * 60_000,
);
