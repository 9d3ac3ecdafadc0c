/**
 * The people store's import and export figures alone, as bench/measure.ts
 * takes them (the same ./store-figures.ts steps, the same baselines of 3
 * people in the same run), for working on them without the whole bench:
 * printed as medians with their spread and ratio, written nowhere. Run with
 * `npm run build && BENCH=store npx vitest run --config vitest.browser.config.ts --silent=false`.
 * `STORE_RUNS` (default 3) imports of 10,000; `STORE_BIG_RUNS` (default 2)
 * imports, cancels and exports of 100,000.
 *
 * `STORE_ONLY=export BENCH_BEFORE=<another build's chrome-mv3 folder>`: the
 * exports alone, this build's and the other's interleaved run by run, each
 * build with its own baseline of 3 people (100,000 imported once per build).
 * Several builds: `BENCH_BEFORE=main=<folder>,previous=<folder>` (name=folder, comma-separated).
 *
 * `STORE_ONLY=import100k [BENCH_BEFORE=…]`: imports of 100,000 (preview and
 * write) by each build, interleaved run by run, and beside them the same
 * 100,000 records put in ONE transaction in an extension page with nothing
 * of ours (as bench/floors.ts measures 10,000: `floor_idb_write_100k_ms`,
 * kept out of the full bench for its time). `STORE_BIG_RUNS` runs.
 */
import { rmSync } from 'node:fs';
import { recordOf } from '../store/db';
import { launch } from '../tests/browser/harness';
import { bareWrite, standIn } from './floors';
import { generateProfiles } from './generate';
import { patient, retried } from './patience';
import { cancelledImportMs } from './scale-figures';
import { median } from './stats';
import { clearStore, exportThroughOptions, importFresh } from './store-figures';

const RUNS = Number(process.env.STORE_RUNS ?? 3);
const BIG_RUNS = Number(process.env.STORE_BIG_RUNS ?? 2);
const BEFORE = process.env.BENCH_BEFORE;

/** This build (`after`, the .output folder) and each of BENCH_BEFORE's, by name. */
const buildsToCompare = () => [
  { build: 'after', dir: undefined as string | undefined },
  ...(BEFORE?.split(',') ?? []).map((entry) => {
    const [name, dir] = entry.includes('=') ? entry.split('=') : ['before', entry];
    return { build: name as string, dir: dir as string | undefined };
  }),
];

/** Prints each figure's median, runs and (where it has one) its ratio to a baseline. */
function print(title: string, figures: Map<string, number[]>, baselines: Record<string, string>) {
  const lines = [...figures].map(([name, values]) => {
    const base = baselines[name] && figures.get(baselines[name]);
    const ratio = base
      ? ` ratio ${(median(values) / median(base)).toFixed(2)} to ${baselines[name]}`
      : '';
    return `${name.padEnd(36)} median ${median(values).toFixed(1).padStart(9)} [${values.map((v) => v.toFixed(0)).join(', ')}]${ratio}`;
  });
  console.log(`\n${title}:\n${lines.join('\n')}`);
}

it.runIf(process.env.STORE_ONLY === 'export')(
  'measures the export alone, this build beside another',
  async () => {
    const exportOf = (count: number) =>
      Buffer.from(JSON.stringify({ version: 1, profiles: generateProfiles(count) }));
    const files = { three: exportOf(3), big: exportOf(100_000) };
    const figures = new Map<string, number[]>();
    const push = (name: string, value: number) =>
      figures.set(name, [...(figures.get(name) ?? []), value]);
    const builds = buildsToCompare();
    const sessions = [];
    try {
      for (const { build, dir } of builds)
        for (const [label, file] of [
          ['3', files.three],
          ['100k', files.big],
        ] as const) {
          const session = await launch(
            { width: 1440, height: 900 },
            dir ? { extensionDir: dir } : {},
          );
          patient(session.context);
          const page = await session.context.newPage();
          await page.goto(`chrome-extension://${session.extensionId}/options.html`);
          sessions.push({ build, label, session, page });
          await importFresh(session, page, file, `${build}: import of ${label}`);
        }
      for (let run = 0; run < BIG_RUNS; run++)
        for (const { build, label, session, page } of sessions) {
          const result = await retried(`${build}: export of ${label}`, () =>
            exportThroughOptions(session, page, label === '3' ? 3 : 100_000),
          );
          push(`${build}_export_${label}_ms`, result.ms);
          push(`${build}_export_${label}_long_tasks`, result.longTasks);
          push(`${build}_export_${label}_longest_task_ms`, result.longestTask);
        }
    } finally {
      for (const { session } of sessions) await session.close();
    }
    print(
      `export figures (${BIG_RUNS} runs per build, interleaved)`,
      figures,
      Object.fromEntries(
        builds.map(({ build }) => [`${build}_export_100k_ms`, `${build}_export_3_ms`]),
      ),
    );
  },
  40 * 60_000,
);

it.runIf(process.env.STORE_ONLY === 'import100k')(
  'measures imports of 100,000 beside a bare write of the same records',
  async () => {
    const people = generateProfiles(100_000);
    const file = Buffer.from(JSON.stringify({ version: 1, profiles: people }));
    const records = people.map((profile) => recordOf(profile, 1));
    const figures = new Map<string, number[]>();
    const push = (name: string, value: number) =>
      figures.set(name, [...(figures.get(name) ?? []), value]);
    const builds = buildsToCompare();
    const bareDir = standIn();
    const sessions = [];
    const bare = await launch({ width: 1440, height: 900 }, { extensionDir: bareDir });
    try {
      const barePage = await bare.context.newPage();
      for (const { build, dir } of builds) {
        const session = await launch(
          { width: 1440, height: 900 },
          dir ? { extensionDir: dir } : {},
        );
        patient(session.context);
        const page = await session.context.newPage();
        await page.goto(`chrome-extension://${session.extensionId}/options.html`);
        sessions.push({ build, session, page });
      }
      for (let run = 0; run < BIG_RUNS; run++) {
        for (const { build, session, page } of sessions) {
          const result = await importFresh(session, page, file, `${build}: import of 100k`);
          push(`${build}_import_100k_profiles_ms`, result.preview + result.write);
          push(`${build}_import_100k_preview_ms`, result.preview);
          push(`${build}_import_100k_write_ms`, result.write);
        }
        push(
          'floor_idb_write_100k_ms',
          await retried('bare write of 100k', async () => {
            await barePage.goto(`chrome-extension://${bare.extensionId}/blank.html`);
            return barePage.evaluate(bareWrite, records);
          }),
        );
      }
    } finally {
      for (const { session } of sessions) await session.close();
      await bare.close();
      rmSync(bareDir, { recursive: true, force: true });
    }
    print(
      `imports of 100,000 (${BIG_RUNS} runs per build, interleaved) and the bare write`,
      figures,
      Object.fromEntries(
        builds.map(({ build }) => [`${build}_import_100k_write_ms`, 'floor_idb_write_100k_ms']),
      ),
    );
  },
  60 * 60_000,
);

it.skipIf(process.env.STORE_ONLY === 'export' || process.env.STORE_ONLY === 'import100k')(
  'measures import and export',
  async () => {
    const exportOf = (count: number) =>
      Buffer.from(JSON.stringify({ version: 1, profiles: generateProfiles(count) }));
    const files = { three: exportOf(3), tenk: exportOf(10_000), big: exportOf(100_000) };
    const figures = new Map<string, number[]>();
    const push = (name: string, value: number) =>
      figures.set(name, [...(figures.get(name) ?? []), value]);
    const small = await launch({ width: 1440, height: 900 });
    const big = await launch({ width: 1440, height: 900 });
    for (const session of [small, big]) patient(session.context);
    try {
      const options = await small.context.newPage();
      const bigOptions = await big.context.newPage();
      await options.goto(`chrome-extension://${small.extensionId}/options.html`);
      await bigOptions.goto(`chrome-extension://${big.extensionId}/options.html`);
      const fresh = importFresh;
      for (let run = 0; run < RUNS; run++) {
        const three = await fresh(small, options, files.three, 'import of 3');
        push('import_3_profiles_ms', three.preview + three.write);
        push('import_write_3_ms', three.write);
        const tenk = await fresh(small, options, files.tenk, 'import of 10k');
        push('import_10k_profiles_ms', tenk.preview + tenk.write);
        push('import_preview_ms', tenk.preview);
        push('import_write_ms', tenk.write);
        push('import_preview_long_tasks', tenk.longTasks);
      }
      for (let run = 0; run < BIG_RUNS; run++) {
        const result = await fresh(big, bigOptions, files.big, 'import of 100k');
        push('import_100k_profiles_ms', result.preview + result.write);
        push('import_100k_preview_ms', result.preview);
        push('import_100k_write_ms', result.write);
      }
      for (let run = 0; run < BIG_RUNS; run++) {
        await clearStore(options);
        push('import_100k_cancel_ms', await cancelledImportMs(small, options, files.big));
      }
      await fresh(small, options, files.three, 'import of 3');
      for (let run = 0; run < BIG_RUNS; run++) {
        for (const [label, session, page, count] of [
          ['3', small, options, 3],
          ['100k', big, bigOptions, 100_000],
        ] as const) {
          const result = await retried(`export of ${label}`, () =>
            exportThroughOptions(session, page, count),
          );
          push(`export_${label}_ms`, result.ms);
          push(`export_${label}_long_tasks`, result.longTasks);
          push(`export_${label}_longest_task_ms`, result.longestTask);
        }
      }
    } finally {
      await small.close();
      await big.close();
    }
    const baselines: Record<string, string> = {
      import_10k_profiles_ms: 'import_3_profiles_ms',
      import_100k_profiles_ms: 'import_3_profiles_ms',
      import_write_ms: 'import_write_3_ms',
      export_100k_ms: 'export_3_ms',
    };
    print(`store figures (${RUNS} runs of 10k, ${BIG_RUNS} of 100k)`, figures, baselines);
  },
  40 * 60_000,
);
