/**
 * `npm run bench`: what the extension costs a page, measured in Debian's
 * Chromium with the built extension (the browser tests' harness). Prints a
 * table and writes bench/results.json ({ name, unit, median, min, max, runs }
 * per figure). Every page-load figure is also given as a ratio to a baseline
 * measured in the same run, because this machine is shared and noisy.
 *
 * Browsers (all alive at once, so scenarios interleave run by run):
 *   three   — the extension with its 3 bundled people (every scale figure's baseline)
 *   tenk    — the extension with 10,000 more people in its store
 *   big     — the extension with 100,000 more (the store's and the lists' figures)
 *   (with --quick, 1,000 and 3,000: bench/sizes.ts, which also names the figures)
 *   bare    — the same Chromium without the extension (baseline)
 *
 * The scale issue's figures (issue 12; ./scale-figures.ts): the popup's list
 * and the options page's first rows painted, a keystroke in either search,
 * scrolling the whole options list, an import's long tasks and its cancel,
 * and the first hover and the popup's first card with the service worker
 * stopped (CDP) beside the same with it running. Some of those figures, and
 * the hover's p95 and the cold lookups, are set against a same-run floor, the
 * same measure with none of our code (./floors.ts, its own browser with a
 * stand-in extension).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, launch, type Session, stopServiceWorker } from '../tests/browser/harness';
import { measureFloors } from './floors';
import { generateProfiles, genLogin, hoverPage } from './generate';
import { hoverTimes } from './hover-probe';
import { FEED, ISSUE, LINKS, PULL, SMALL, servePageLoadPages } from './page-load-pages';
import { patient, phase, phases, retried, retryCount } from './patience';
import { availablePeers, peerFigures } from './peer-figures';
import { cancelledImportMs, listsOnce, popupOpenMs, step } from './scale-figures';
import { benchSizes } from './sizes';
import { median, percentile } from './stats';
import {
  clearStore,
  exportThroughOptions,
  importFresh,
  importThroughOptions,
  lookupMs,
  workerHeapBytes,
} from './store-figures';
import { scriptTime, tracedGoto } from './trace';

const QUICK = process.env.BENCH_QUICK === '1';
/**
 * Runs per figure. A full run must fit 20 minutes on this machine (issue 28;
 * 31 min with 10 runs of everything). Page loads keep 10: their growth ratio
 * is the noisiest target (0.68–1.53 run to run). Every other figure takes 6
 * (`BENCH_RUNS`; each figure's spread is printed beside its median), and
 * the 100,000-people imports, cancels and exports 2 (`BENCH_BIG_RUNS`, ~1 min
 * each under load). The page heap differed by under 300 B in 10 runs: 3.
 */
const LOAD_RUNS = QUICK ? 2 : 10;
const RUNS = QUICK ? 2 : Math.max(3, Number(process.env.BENCH_RUNS ?? 6));
const HEAP_RUNS = QUICK ? 2 : 3;
const HOVERS_PER_RUN = QUICK ? 3 : 8;
const SIZES = benchSizes(QUICK);
const DIRECTORY_SIZE = SIZES.directory.count;
/** "10k", or "1k" in a quick run: every figure about the directory says which. */
const LABEL = SIZES.directory.label;
const BIG_SIZE = SIZES.big.count;
const BIG_LABEL = SIZES.big.label;
const OUT = join(import.meta.dirname, '..', QUICK ? '.tmp/bench-quick.json' : 'bench/results.json');

interface Figure {
  name: string;
  unit: 'ms' | 's' | 'bytes' | 'ratio' | 'count';
  median: number;
  min: number;
  max: number;
  runs: number;
  target?: string;
  met?: boolean;
  /** The figure measured in the same run that this one is set against (3 people, no extension). */
  baseline?: string;
  /** median / the baseline's median. */
  ratio?: number;
}
const figures: Figure[] = [];
/** Baselines by figure, filled in once every figure is recorded (`withRatios`). */
const baselines = new Map<string, string>();
/** When `npm run bench` started (bench/run.mjs, before its build), else when this file loaded. */
const runStarted = Number(process.env.BENCH_STARTED ?? Date.now());

/** A new part of the run: its duration is printed when the next begins, and kept. */
const part = (label: string) => {
  phase(label);
  step(label);
};
const round = (value: number, unit: Figure['unit']) =>
  unit === 'bytes'
    ? Math.round(value)
    : unit === 'ratio'
      ? Math.round(value * 1000) / 1000
      : unit === 's'
        ? Math.round(value * 10) / 10
        : Math.round(value * 100) / 100;

function record(
  name: string,
  unit: Figure['unit'],
  samples: number[],
  target?: { max: number } | { min: number },
  baseline?: string,
) {
  // A same-run floor set before the figure (./floors.ts, e.g. the cold lookups') stays its baseline.
  if (baseline && !baselines.has(name)) baselines.set(name, baseline);
  const figure: Figure = {
    name,
    unit,
    median: round(median(samples), unit),
    min: round(Math.min(...samples), unit),
    max: round(Math.max(...samples), unit),
    runs: samples.length,
  };
  if (target && 'max' in target) {
    figure.target = `≤ ${target.max.toLocaleString('en')}`;
    figure.met = figure.median <= target.max;
  } else if (target) {
    figure.target = `≥ ${target.min.toLocaleString('en')}`;
    figure.met = figure.median >= target.min;
  }
  figures.push(figure);
  return figure;
}

/** Sets every figure against its baseline's median (when that is not 0). */
function withRatios() {
  const byName = new Map(figures.map((figure) => [figure.name, figure]));
  for (const figure of figures) {
    const baseline = byName.get(baselines.get(figure.name) ?? '');
    if (!baseline) continue;
    figure.baseline = baseline.name;
    if (baseline.median !== 0) figure.ratio = round(figure.median / baseline.median, 'ratio');
  }
}

async function tracedLoad(session: Session, page: Page, url: string) {
  const events = await tracedGoto(page, url, 400);
  const extension = session.extensionId ? `chrome-extension://${session.extensionId}/` : '\u0000';
  const own = scriptTime(events, (url) => url.startsWith(extension));
  const all = scriptTime(events, () => true);
  return { extensionMs: own.ms, extensionWithGcMs: own.ms + own.gcMs, pageMs: all.ms + all.gcMs };
}

async function heapAfterLoad(session: Session, page: Page, url: string) {
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(400);
  const cdp = await session.context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
  await cdp.detach();
  return usedSize;
}

it(
  'measures the extension',
  async () => {
    // Before this file: the build for both browsers and Firefox's part (bench/run.mjs).
    record('bench_part_build_and_firefox_s', 's', [(Date.now() - runStarted) / 1000]);
    // 1. Content-script size
    const scripts = readdirSync(join(EXTENSION_DIR, 'content-scripts')).filter((file) =>
      file.endsWith('.js'),
    );
    const raw = scripts.map((file) => readFileSync(join(EXTENSION_DIR, 'content-scripts', file)));
    record('content_script_bytes', 'bytes', [raw.reduce((sum, buffer) => sum + buffer.length, 0)], {
      max: 15_000,
    });
    record(
      'content_script_gzip_bytes',
      'bytes',
      [raw.reduce((sum, buffer) => sum + gzipSync(buffer, { level: 9 }).length, 0)],
      { max: 6_500 },
    );
    const ui = readFileSync(join(EXTENSION_DIR, 'card-ui.js'));
    record('card_ui_bytes_injected_on_demand', 'bytes', [ui.length]);

    const three = await launch({ width: 1440, height: 900 });
    const tenk = await launch({ width: 1440, height: 900 });
    const big = await launch({ width: 1440, height: 900 });
    const bare = await launch({ width: 1440, height: 900 }, { extension: false });
    for (const session of [three, tenk, big, bare]) patient(session.context);
    try {
      for (const session of [three, tenk, bare]) servePageLoadPages(session);
      const exportOf = (count: number) =>
        Buffer.from(JSON.stringify({ version: 1, profiles: generateProfiles(count) }));
      const file = exportOf(DIRECTORY_SIZE);
      const bigFile = exportOf(BIG_SIZE);
      // The big store is filled by the 100,000-people imports below (the last
      // one stays): they are needed only from there on, and one 44 MB import
      // less is a minute less.
      part(`seeding ${LABEL} people`);
      const seeding = await tenk.context.newPage();
      await retried('seeding', () => importThroughOptions(tenk, seeding, file), {
        before: () => clearStore(seeding),
      });
      await seeding.close();

      part('page-load cost');
      // 2. Page-load cost, interleaved run by run; two warm-up loads each first.
      // Each scenario keeps its own tab that only reloads its own URL: a
      // cross-site navigation starts a new renderer and would measure a cold
      // compile of the content script instead of the page's effect on it.
      const tabs = new Map<Session, Map<string, Page>>();
      const tab = async (session: Session, key: string) => {
        const own = tabs.get(session) ?? new Map<string, Page>();
        tabs.set(session, own);
        let page = own.get(key);
        if (!page) {
          page = await session.context.newPage();
          own.set(key, page);
        }
        return page;
      };
      const load = async (session: Session, url: string) =>
        tracedLoad(session, await tab(session, url), url);
      for (let warm = 0; warm < 2; warm++) {
        for (const url of [SMALL, LINKS, FEED, ISSUE, PULL]) {
          await load(three, url);
          await load(bare, url);
        }
        await load(tenk, LINKS);
      }
      type Scenario = 'small' | 'links' | 'links10k' | 'feed' | 'issue' | 'pull';
      const scenarios = () => ({
        small: [],
        links: [],
        links10k: [],
        feed: [],
        issue: [],
        pull: [],
      });
      const own: Record<Scenario, number[]> = scenarios();
      const raw: Record<Scenario, number[]> = scenarios();
      const samples = { withTotal: [] as number[], bareTotal: [] as number[] };
      const take = (scenario: Scenario, result: Awaited<ReturnType<typeof load>>) => {
        own[scenario].push(result.extensionMs);
        raw[scenario].push(result.extensionWithGcMs);
        return result;
      };
      for (let run = 0; run < LOAD_RUNS; run++) {
        take('small', await load(three, SMALL));
        samples.withTotal.push(take('links', await load(three, LINKS)).pageMs);
        take('links10k', await load(tenk, LINKS));
        take('feed', await load(three, FEED));
        take('issue', await load(three, ISSUE));
        take('pull', await load(three, PULL));
        samples.bareTotal.push((await load(bare, LINKS)).pageMs);
      }
      // Issue 28: our script ≤ 1 ms on every page (./peer-figures.ts sets it beside the peers).
      const small = record('pageload_small_ms', 'ms', own.small, { max: 1 });
      record('pageload_real_issue_ms', 'ms', own.issue, { max: 1 }, 'pageload_small_ms');
      record('pageload_real_pull_ms', 'ms', own.pull, { max: 1 }, 'pageload_small_ms');
      const growth = [
        record('pageload_2000links_ms', 'ms', own.links, { max: 1 }, 'pageload_small_ms'),
        record(
          `pageload_2000links_${LABEL}_profiles_ms`,
          'ms',
          own.links10k,
          undefined,
          'pageload_small_ms',
        ),
        record('pageload_linkedin_feed_ms', 'ms', own.feed, { max: 1 }, 'pageload_small_ms'),
      ].map((figure) => figure.median / small.median);
      const ratios = [own.links, own.links10k, own.feed].flatMap((list) =>
        list.map((value) => value / small.median),
      );
      figures.push({
        name: 'pageload_growth_ratio',
        unit: 'ratio',
        median: round(Math.max(...growth), 'ratio'),
        min: round(Math.min(...ratios), 'ratio'),
        max: round(Math.max(...ratios), 'ratio'),
        runs: LOAD_RUNS,
        target: '≤ 1.1',
        met: Math.max(...growth) <= 1.1,
      });
      // The same, counting the garbage collection that ran inside our events.
      const rawSmall = median(raw.small);
      const rawGrowth = [raw.links, raw.links10k, raw.feed].map((list) => median(list) / rawSmall);
      const rawRatios = [raw.links, raw.links10k, raw.feed].flatMap((list) =>
        list.map((value) => value / rawSmall),
      );
      figures.push({
        name: 'pageload_growth_ratio_including_gc',
        unit: 'ratio',
        median: round(Math.max(...rawGrowth), 'ratio'),
        min: round(Math.min(...rawRatios), 'ratio'),
        max: round(Math.max(...rawRatios), 'ratio'),
        runs: LOAD_RUNS,
      });
      record('pageload_2000links_page_script_no_extension_ms', 'ms', samples.bareTotal);
      record(
        'pageload_2000links_page_script_ms',
        'ms',
        samples.withTotal,
        undefined,
        'pageload_2000links_page_script_no_extension_ms',
      );

      part('page heap');
      // 6. Memory: the page's JS heap after loading (b), with and without the extension.
      const deltas: number[] = [];
      for (let run = 0; run < HEAP_RUNS; run++) {
        const withExtension = await heapAfterLoad(three, await tab(three, LINKS), LINKS);
        const without = await heapAfterLoad(bare, await tab(bare, LINKS), LINKS);
        deltas.push(withExtension - without);
      }
      record('heap_delta_bytes', 'bytes', deltas);

      part('hover → card');
      // 3. Hover → card, with 3 and with the large directory.
      const hover3: number[] = [];
      const hover10k: number[] = [];
      const hover3p50: number[] = [];
      const frames: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const known = ['spacejam', 'denizalti', 'PATMESH'];
        const url3 = `https://github.com/tikv/tikv/discussions/${run}`;
        three.pages.set(
          url3,
          hoverPage(
            Array.from({ length: HOVERS_PER_RUN }, (_, index) => known[index % 3] as string),
          ),
        );
        const page3 = await tab(three, 'hover');
        const times3 = await retried('hover, 3 people', async () => {
          await page3.goto(url3);
          return hoverTimes(page3, 300);
        });
        frames.push(
          percentile(
            times3.map((time) => time.frames),
            95,
          ),
        );
        hover3.push(
          percentile(
            times3.map((time) => time.ms),
            95,
          ),
        );
        hover3p50.push(
          percentile(
            times3.map((time) => time.ms),
            50,
          ),
        );
        const url10k = `https://github.com/tikv/tikv/discussions/${run}`;
        tenk.pages.set(
          url10k,
          hoverPage(
            Array.from({ length: HOVERS_PER_RUN }, (_, index) =>
              genLogin((run * HOVERS_PER_RUN + index * 37) % DIRECTORY_SIZE),
            ),
          ),
        );
        const page10k = await tab(tenk, 'hover');
        const times10k = await retried(`hover, ${LABEL} people`, async () => {
          await page10k.goto(url10k);
          return hoverTimes(page10k, 300);
        });
        hover10k.push(
          percentile(
            times10k.map((time) => time.ms),
            95,
          ),
        );
        frames.push(
          percentile(
            times10k.map((time) => time.frames),
            95,
          ),
        );
      }
      record('hover_to_card_p50_ms', 'ms', hover3p50);
      record('hover_to_card_p95_ms', 'ms', hover3, { max: 16 });
      record(`hover_to_card_p95_${LABEL}_ms`, 'ms', hover10k, { max: 16 }, 'hover_to_card_p95_ms');
      // The frame count behind the ms: 1 means the first frame after the delay.
      record('hover_to_card_frame_p95', 'count', frames, { max: 1 });

      part('popup → card');
      // 4. Popup: open → card painted (Element Timing in the popup document).
      const popup3: number[] = [];
      const popup10k: number[] = [];
      const firstPaints: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const opened = await retried('popup, 3 people', () =>
          popupOpenMs(three, 'https://github.com/spacejam'),
        );
        popup3.push(opened.card);
        if (Number.isFinite(opened.firstPaint)) firstPaints.push(opened.firstPaint);
        const login = genLogin((run * 101) % DIRECTORY_SIZE);
        popup10k.push(
          (
            await retried(`popup, ${LABEL} people`, () =>
              popupOpenMs(tenk, `https://github.com/${login}`),
            )
          ).card,
        );
      }
      // The popup document's first paint of anything: the floor under popup_open_ms.
      if (firstPaints.length > 0) record('popup_first_paint_ms', 'ms', firstPaints);
      record('popup_open_ms', 'ms', popup3, { max: 50 }, 'popup_first_paint_ms');
      record(`popup_open_${LABEL}_ms`, 'ms', popup10k, { max: 50 }, 'popup_open_ms');

      part('imports');
      // 5. Import through the options page, preview + write, into an empty store.
      const options = await three.context.newPage();
      await options.goto(`chrome-extension://${three.extensionId}/options.html`);
      const threeFile = exportOf(3);
      const imports: number[] = [];
      const previews: number[] = [];
      const writes: number[] = [];
      const imports3: number[] = [];
      const writes3: number[] = [];
      const previewLongest: number[] = [];
      const previewLongTasks: number[] = [];
      const progressSteps: number[] = [];
      const freshImport = (content: Buffer, label: string) =>
        importFresh(three, options, content, label);
      for (let run = 0; run < RUNS; run++) {
        // The baseline: the same import of 3 people, in the same run.
        const baseline = await freshImport(threeFile, 'import of 3 people');
        imports3.push(baseline.preview + baseline.write);
        writes3.push(baseline.write);
        const result = await freshImport(file, `import of ${LABEL} people`);
        imports.push(result.preview + result.write);
        previews.push(result.preview);
        writes.push(result.write);
        previewLongest.push(result.longestTask);
        previewLongTasks.push(result.longTasks);
        progressSteps.push(result.progressSteps);
      }
      const stored = await options.evaluate(async () => (await navigator.storage.estimate()).usage);
      record('import_3_profiles_ms', 'ms', imports3);
      record('import_write_3_ms', 'ms', writes3);
      record(`import_${LABEL}_profiles_ms`, 'ms', imports, { max: 2000 }, 'import_3_profiles_ms');
      record('import_preview_ms', 'ms', previews, { max: 1000 });
      record('import_write_ms', 'ms', writes, { max: 1000 }, 'import_write_3_ms');
      // The page's own thread while the preview is made (the work is in a worker).
      record('import_preview_longest_task_ms', 'ms', previewLongest, { max: 50 });
      record('import_preview_long_tasks', 'count', previewLongTasks, { max: 0 });
      // Distinct progress-bar labels the page showed during the preview.
      record('import_preview_progress_steps', 'count', progressSteps, { min: 2 });
      record('import_file_bytes', 'bytes', [file.length]);
      record('storage_bytes_after_import', 'bytes', [stored ?? 0]);
      const bigImports: number[] = [];
      const bigWrites: number[] = [];
      // Each moves a 44 MB file and writes 100,000 people (~20-60 s here), in
      // the big browser: the last one's people stay, for the figures below.
      const bigRuns = QUICK ? 1 : Number(process.env.BENCH_BIG_RUNS ?? 2);
      const bigOptions = await big.context.newPage();
      await bigOptions.goto(`chrome-extension://${big.extensionId}/options.html`);
      for (let run = 0; run < bigRuns; run++) {
        const { preview, write } = await retried(
          `import of ${BIG_LABEL} people`,
          async () => {
            await clearStore(bigOptions);
            return importThroughOptions(big, bigOptions, bigFile);
          },
          {
            before: async () => {
              await bigOptions.goto(`chrome-extension://${big.extensionId}/options.html`);
            },
          },
        );
        bigImports.push(preview + write);
        bigWrites.push(write);
      }
      record(
        `import_${BIG_LABEL}_profiles_ms`,
        'ms',
        bigImports,
        { max: 10_000 },
        'import_3_profiles_ms',
      );
      // Its write alone (confirm → saved), beside the bare write of the same people (floors).
      record(`import_${BIG_LABEL}_write_ms`, 'ms', bigWrites);
      record(`import_${BIG_LABEL}_file_bytes`, 'bytes', [bigFile.length]);
      part('cancelled imports');
      // Cancel while the 100,000 are being written; the store must be as it was.
      const cancels: number[] = [];
      for (let run = 0; run < bigRuns; run++) {
        cancels.push(
          await retried(
            'cancelled import',
            async () => {
              await clearStore(options);
              return cancelledImportMs(three, options, bigFile);
            },
            {
              before: async () => {
                await options.goto(`chrome-extension://${three.extensionId}/options.html`);
              },
            },
          ),
        );
      }
      record(`import_${BIG_LABEL}_cancel_ms`, 'ms', cancels);

      part('exports');
      // 10. Export all through the options page: 3 people (the baseline, in
      // this browser's store) and the 100,000 of the big one; click to the
      // file handed to the browser, and the page's long tasks meanwhile.
      await freshImport(threeFile, 'import of 3 people');
      const exported = new Map<string, { ms: number[]; longTasks: number[]; longest: number[] }>();
      const exporters = [
        { label: '3', session: three, page: options, count: 3 },
        { label: BIG_LABEL, session: big, page: bigOptions, count: BIG_SIZE },
      ];
      for (let run = 0; run < bigRuns; run++) {
        for (const { label, session, page, count } of exporters) {
          const result = await retried(`export of ${label} people`, () =>
            exportThroughOptions(session, page, count),
          );
          const own = exported.get(label) ?? { ms: [], longTasks: [], longest: [] };
          own.ms.push(result.ms);
          own.longTasks.push(result.longTasks);
          own.longest.push(result.longestTask);
          exported.set(label, own);
        }
      }
      for (const { label, page } of exporters) {
        const own = exported.get(label);
        if (!own) continue;
        const big = label !== '3';
        record(
          `export_${label}_ms`,
          'ms',
          own.ms,
          big ? { max: 2000 } : undefined,
          big ? 'export_3_ms' : undefined,
        );
        record(
          `export_${label}_long_tasks`,
          'count',
          own.longTasks,
          big ? { max: 0 } : undefined,
          big ? 'export_3_long_tasks' : undefined,
        );
        record(`export_${label}_longest_task_ms`, 'ms', own.longest);
        if (page !== options) await page.close();
      }
      await clearStore(options);

      part('lists at scale');
      // 8. The lists at scale: the popup's list (over a page that is
      // nobody's) and the options page's first rows, painted; a keystroke
      // in either search; scrolling the whole options list. 3 people is the
      // baseline, measured in the same runs.
      const sizes = [
        { label: '3', session: three },
        { label: LABEL, session: tenk },
        { label: BIG_LABEL, session: big },
      ];
      const scale = new Map<string, number[]>();
      const push = (name: string, value: number) =>
        scale.set(name, [...(scale.get(name) ?? []), value]);
      const openers = new Map<Session, Page>();
      for (const { session } of sizes) {
        const opener = await session.context.newPage();
        await opener.goto(`chrome-extension://${session.extensionId}/options.html`);
        openers.set(session, opener);
      }
      for (let run = 0; run < RUNS; run++) {
        for (const { label, session } of sizes) {
          step(`lists at scale: run ${run + 1}, ${label} people`);
          await listsOnce(session, label, push, openers.get(session));
        }
      }
      const big10k = LABEL;
      const at = (name: string) => scale.get(name) ?? [];
      const scaleTargets: Record<string, { max: number }> = {
        [`popup_list_open_${big10k}_ms`]: { max: 100 },
        [`options_first_rows_${big10k}_ms`]: { max: 150 },
        [`options_first_rows_${BIG_LABEL}_ms`]: { max: 150 },
        [`options_scroll_long_tasks_${big10k}`]: { max: 0 },
        [`options_scroll_long_tasks_${BIG_LABEL}`]: { max: 0 },
      };
      for (const size of [big10k, BIG_LABEL]) {
        scaleTargets[`popup_keystroke_p95_${size}_ms`] = { max: 16 };
        scaleTargets[`options_keystroke_p95_${size}_ms`] = { max: 16 };
      }
      // Each size is set against the same figure with 3 people; scrolling
      // (not measured with 3: nothing scrolls) against the smaller directory.
      const sizePart = new RegExp(`_(${big10k}|${BIG_LABEL})(_|$)`);
      const scaleBaseline = (name: string) => {
        const size = sizePart.exec(name)?.[1];
        if (!size) return undefined;
        if (name.startsWith('options_scroll_'))
          return size === BIG_LABEL ? name.replace(sizePart, `_${big10k}$2`) : undefined;
        return name.replace(sizePart, '_3$2');
      };
      for (const [name, samples] of scale) {
        const unit = name.endsWith('_ms') ? 'ms' : 'count';
        record(name, unit, samples, scaleTargets[name], scaleBaseline(name));
      }
      // The issue's own ratios: the lists at scale over the lists with 3 people.
      for (const [figure, size, max] of [
        ['popup_list_open', big10k, 1.5],
        ['popup_list_open', BIG_LABEL, 1.2],
        ['options_first_rows', big10k, undefined],
        ['options_first_rows', BIG_LABEL, 1.2],
      ] as const) {
        const three = median(at(`${figure}_3_ms`));
        record(
          `${figure}_${size}_over_3_ratio`,
          'ratio',
          at(`${figure}_${size}_ms`).map((value) => value / three),
          max === undefined ? undefined : { max },
        );
      }

      part('floors');
      // 6b. Same-run floors (./floors.ts): the same measures on a blank extension
      // page, a bare input, a bare IndexedDB write, a bare timer's reveal on the
      // hover page and an empty service worker's wake, each the baseline of the
      // figures it explains (set here, over their own baselines).
      for (const floor of await measureFloors({
        runs: RUNS,
        people: generateProfiles(DIRECTORY_SIZE),
        label: LABEL,
        hovers: HOVERS_PER_RUN,
        big: {
          people: generateProfiles(BIG_SIZE),
          label: BIG_LABEL,
          runs: bigRuns,
        },
      })) {
        record(floor.name, 'ms', floor.samples);
        for (const name of floor.explains) baselines.set(name, floor.name);
      }

      part('cold lookups');
      // 7. The people store, cold: the first lookup after the service worker
      // was stopped, the warm one after it, and the worker's heap — with 3,
      // 10,000 and 100,000 people, run by run in the same run.
      const stores = [
        { label: '3', session: three, key: () => 'github:spacejam' },
        {
          label: LABEL,
          session: tenk,
          key: (run: number) => `github:${genLogin((run * 97) % DIRECTORY_SIZE)}`,
        },
        {
          label: BIG_LABEL,
          session: big,
          key: (run: number) => `github:${genLogin((run * 9973) % BIG_SIZE)}`,
        },
      ];
      const cold = new Map<string, number[]>();
      const warm = new Map<string, number[]>();
      const heap = new Map<string, number[]>();
      const asker = new Map<
        Session,
        { page: Page; cdp: Awaited<ReturnType<Session['context']['newCDPSession']>> }
      >();
      for (const { session } of stores) {
        const page = await session.context.newPage();
        await page.goto(`chrome-extension://${session.extensionId}/manifest.json`);
        asker.set(session, {
          page: await session.context.newPage(),
          cdp: await session.context.newCDPSession(page),
        });
      }
      for (const { session } of stores) {
        const own = asker.get(session);
        if (own) await own.page.goto(`chrome-extension://${session.extensionId}/popup.html`);
      }
      for (let run = 0; run < RUNS; run++) {
        for (const { label, session, key } of stores) {
          const own = asker.get(session);
          if (!own) continue;
          const push = (map: Map<string, number[]>, value: number) =>
            map.set(label, [...(map.get(label) ?? []), value]);
          const measured = await retried(`cold lookup, ${label} people`, async () => {
            await stopServiceWorker(own.cdp, session.extensionId);
            const coldMs = await lookupMs(own.page, key(run));
            const warmMs = await lookupMs(own.page, key(run + 1));
            return { coldMs, warmMs, heap: await workerHeapBytes(own.cdp, session.extensionId) };
          });
          push(cold, measured.coldMs);
          push(warm, measured.warmMs);
          push(heap, measured.heap);
        }
      }
      const warm3 = median(warm.get('3') ?? [0]);
      for (const { label } of stores) {
        const scaled = label !== '3';
        record(
          `cold_lookup_${label}_ms`,
          'ms',
          cold.get(label) ?? [],
          { max: 50 },
          scaled ? 'cold_lookup_3_ms' : undefined,
        );
        record(
          `warm_lookup_${label}_ms`,
          'ms',
          warm.get(label) ?? [],
          undefined,
          scaled ? 'warm_lookup_3_ms' : undefined,
        );
        record(
          `background_heap_${label}_bytes`,
          'bytes',
          heap.get(label) ?? [],
          undefined,
          scaled ? 'background_heap_3_bytes' : undefined,
        );
      }
      const heap3 = median(heap.get('3') ?? [1]);
      record(
        `background_heap_${BIG_LABEL}_over_3_ratio`,
        'ratio',
        (heap.get(BIG_LABEL) ?? []).map((value) => value / heap3),
        { max: 1.5 },
      );
      record(
        `cold_lookup_${BIG_LABEL}_over_warm_3_ratio`,
        'ratio',
        (cold.get(BIG_LABEL) ?? []).map((value) => value / warm3),
      );

      part('first hover and popup card, cold and warm');
      // 9. The first hover on a page, and the popup's first card, with the
      // service worker stopped through CDP (as Chrome stops it after ~30 s
      // idle) beside the same with it running, at 10,000 and 100,000 people.
      // Each sample is a fresh page: the card UI is injected on that hover.
      const firsts = new Map<string, number[]>();
      const note = (name: string, value: number) =>
        firsts.set(name, [...(firsts.get(name) ?? []), value]);
      const coldSizes = [
        { label: LABEL, session: tenk, count: DIRECTORY_SIZE },
        { label: BIG_LABEL, session: big, count: BIG_SIZE },
      ];
      for (let run = 0; run < RUNS; run++) {
        for (const { label, session, count } of coldSizes) {
          const cdp = asker.get(session)?.cdp;
          if (!cdp) continue;
          for (const state of ['warm', 'cold'] as const) {
            const login = genLogin((run * 7919 + (state === 'cold' ? 1 : 0)) % count);
            const url = `https://github.com/tikv/tikv/discussions/first-${state}-${run}`;
            session.pages.set(url, hoverPage([login]));
            const [hover] = await retried(`first hover, ${state}, ${label} people`, async () => {
              const page = await session.context.newPage();
              try {
                await page.goto(url);
                // Loading a page wakes the worker (tabs.onUpdated, for the badge): stop it after.
                await page.waitForTimeout(500);
                if (state === 'cold') await stopServiceWorker(cdp, session.extensionId);
                return await hoverTimes(page, 300);
              } finally {
                await page.close();
              }
            });
            if (hover) note(`hover_first_${state}_${label}_ms`, hover.ms);
            const opened = await retried(`popup card, ${state}, ${label} people`, () =>
              popupOpenMs(session, `https://github.com/${login}`, {
                opener: openers.get(session),
                routed: true,
                beforeOpen:
                  state === 'cold' ? () => stopServiceWorker(cdp, session.extensionId) : undefined,
              }),
            );
            note(`popup_card_${state}_${label}_ms`, opened.card);
          }
        }
      }
      for (const { label } of coldSizes) {
        const warmHover = median(firsts.get(`hover_first_warm_${label}_ms`) ?? [1]);
        record(
          `hover_first_warm_${label}_ms`,
          'ms',
          firsts.get(`hover_first_warm_${label}_ms`) ?? [],
          undefined,
          'hover_to_card_p50_ms',
        );
        record(
          `hover_first_cold_${label}_ms`,
          'ms',
          firsts.get(`hover_first_cold_${label}_ms`) ?? [],
          { max: 50 },
          `hover_first_warm_${label}_ms`,
        );
        record(
          `hover_first_cold_over_warm_${label}_ratio`,
          'ratio',
          (firsts.get(`hover_first_cold_${label}_ms`) ?? []).map((value) => value / warmHover),
          { max: 2 },
        );
        const warmPopup = median(firsts.get(`popup_card_warm_${label}_ms`) ?? [1]);
        record(
          `popup_card_warm_${label}_ms`,
          'ms',
          firsts.get(`popup_card_warm_${label}_ms`) ?? [],
          // No baseline: measured with the harness's route kept (see popupOpenMs), unlike popup_open_ms.
        );
        record(
          `popup_card_cold_${label}_ms`,
          'ms',
          firsts.get(`popup_card_cold_${label}_ms`) ?? [],
          undefined,
          `popup_card_warm_${label}_ms`,
        );
        record(
          `popup_card_cold_over_warm_${label}_ratio`,
          'ratio',
          (firsts.get(`popup_card_cold_${label}_ms`) ?? []).map((value) => value / warmPopup),
          { max: 2 },
        );
      }
    } finally {
      await Promise.all([three.close(), tenk.close(), big.close(), bare.close()]);
    }

    // Beside github-hovercard and refined-github (./peer-figures.ts), when bench/get-peers.sh
    // made them (each missing one is skipped with a note).
    if (availablePeers().length > 0) {
      part('peers');
      for (const peer of await peerFigures(QUICK ? 2 : 6))
        record(peer.name, peer.unit, peer.samples, peer.target, peer.baseline);
    }

    // Firefox's figures, measured just before this (bench/firefox.ts), if this run made them.
    const firefoxFile = join(import.meta.dirname, '..', '.tmp/bench-firefox.json');
    if (existsSync(firefoxFile) && statSync(firefoxFile).mtimeMs >= runStarted) {
      type Measured = { name: string; unit: Figure['unit']; samples: number[] };
      const measured = JSON.parse(readFileSync(firefoxFile, 'utf8')) as (Measured & {
        max?: number;
        baseline?: string;
      })[];
      for (const { name, unit, samples, max, baseline } of measured)
        record(name, unit, samples, max === undefined ? undefined : { max }, baseline);
    } else {
      process.stderr.write('[bench] no Firefox figures from this run (bench/firefox.ts)\n');
    }
    record('bench_retries', 'count', [retryCount()], { max: 0 });
    // How long each part took (its build and the browsers' start are before the first).
    const durations = phases();
    for (const { label, seconds } of durations)
      record(`bench_part_${label.replace(/\W+/g, '_').replace(/^_|_$/g, '')}_s`, 's', [seconds]);
    console.log(
      `\n${durations.map(({ label, seconds }) => `${seconds.toFixed(1).padStart(7)} s  ${label}`).join('\n')}`,
    );
    // The whole run, from `npm run bench` (its build included) to here.
    record('bench_duration_s', 's', [(Date.now() - runStarted) / 1000], {
      max: QUICK ? 300 : 1200,
    });
    withRatios();
    mkdirSync(dirname(OUT), { recursive: true });
    writeFileSync(OUT, `${JSON.stringify(figures, null, 2)}\n`);
    const rows = figures.map((f) => [
      f.name,
      String(f.median),
      String(f.min),
      String(f.max),
      String(f.runs),
      f.unit,
      f.target ? `${f.target} ${f.met ? 'met' : 'MISSED'}` : '',
      f.baseline ? `${f.baseline} ${f.ratio === undefined ? '' : `×${f.ratio}`}` : '',
    ]);
    const header = [
      'figure',
      'median',
      'min',
      'max',
      'runs',
      'unit',
      'target',
      'same-run baseline',
    ];
    const widths = header.map((title, column) =>
      Math.max(title.length, ...rows.map((row) => (row[column] as string).length)),
    );
    const line = (cells: string[]) =>
      cells.map((cell, column) => cell.padEnd(widths[column] as number)).join('  ');
    console.log(
      `\n${[line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n')}\n\nwritten to ${OUT}${QUICK ? ` (quick mode: ${RUNS} runs, ${DIRECTORY_SIZE.toLocaleString('en')} and ${BIG_SIZE.toLocaleString('en')} people)` : ''}`,
    );
    expect(figures.length).toBeGreaterThan(10);
  },
  60 * 60_000,
);
