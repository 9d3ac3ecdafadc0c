/**
 * Page-load cost in Firefox (issue 28): the content script's CPU time on the
 * bench's pages (./page-load-pages.ts), from the Gecko profiler. Firefox has
 * no trace over WebDriver BiDi, but its profiler starts with the browser from
 * the environment and writes its profile at shutdown:
 *
 *   MOZ_PROFILER_STARTUP=1            profile from startup, child processes too
 *   MOZ_PROFILER_STARTUP_INTERVAL     the sampling interval in ms (0.2 here)
 *   MOZ_PROFILER_STARTUP_FEATURES=js  with JS frames (their script URLs)
 *   MOZ_PROFILER_STARTUP_FILTERS      the threads sampled (GeckoMain: every process's main thread)
 *   MOZ_PROFILER_STARTUP_ENTRIES      the buffer, large enough for every load
 *   MOZ_PROFILER_SHUTDOWN=<file>      where the profile goes when Firefox quits
 *
 * Two Firefoxes run at once, each with its own profile: one with the built
 * add-on, one with the same add-on whose content script is empty (the
 * same-run baseline: what Firefox itself spends injecting a content script
 * into a page, a sandbox and its wrappers, which the profiler labels with the
 * script's URL too). Each page is loaded LOADS times (after two warm-ups),
 * the two browsers' loads interleaved; each load's window (wall clock, from
 * before `goto` to 400 ms after `load`) is kept. In a profile, every sample of
 * a content process's main thread in a window counts its interval (at most
 * 1 ms) to the add-on when a frame of its stack is in the content script
 * (moz-extension://…/content-scripts/), and to the page when one is in the
 * page's own scripts. Ours over the empty script's is what our code adds. A
 * sample is an interval's worth of time, so a figure is exact only on
 * average: many loads, a short interval.
 *
 * BENCH_FIREFOX_BEFORE=<another build's firefox-mv2 folder> adds a Firefox
 * with that build (before/after in one run); BENCH_FIREFOX_API_FLOOR=1 one
 * whose content script only adds a message listener and asks one message
 * (the browser APIs' floor);
 * BENCH_GECKO_PROFILES=<dir> keeps the profiles, and ./gecko-stacks.ts says
 * which functions the samples under our script were in.
 */
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXTENSION_DIR, launch, newTab } from '../tests/firefox/harness';
import { type GeckoProfile, OUR_SCRIPT } from './gecko-profile';
import { PAGE_LOAD_PAGES, servePageLoadPages } from './page-load-pages';
import { median } from './stats';

const INTERVAL_MS = 0.2;
/** Process types whose main thread runs web pages (and so our content script). */
const WEB_PROCESS = /^(tab|web)/;
/** A gap between samples longer than this is the thread not sampled, not time spent. */
const MAX_GAP_MS = 1;

export interface FirefoxLoadFigure {
  name: string;
  unit: 'ms';
  samples: number[];
  max?: number;
  baseline?: string;
}

/** Per load window: ms of samples in our scripts and in the page's own. */
function attribute(profile: GeckoProfile, windows: { from: number; to: number }[]) {
  const ours = windows.map(() => 0);
  const page = windows.map(() => 0);
  const visit = (part: GeckoProfile) => {
    for (const thread of part.threads) {
      // Web content processes only: the add-on's background page runs in its own process.
      if (thread.name !== 'GeckoMain' || !WEB_PROCESS.test(thread.processType ?? '')) continue;
      const { stackTable, frameTable, stringTable, samples } = thread;
      const prefixAt = stackTable.schema.prefix as number;
      const frameAt = stackTable.schema.frame as number;
      const locationAt = frameTable.schema.location as number;
      // What each stack holds, memoised: 1 = our script, 2 = the page's, 0 = neither.
      const kind = new Map<number, number>();
      const kindOf = (stack: number | null): number => {
        if (stack === null) return 0;
        const known = kind.get(stack);
        if (known !== undefined) return known;
        const row = stackTable.data[stack] as (number | null)[];
        const location =
          stringTable[frameTable.data[row[frameAt] as number]?.[locationAt] as number] ?? '';
        const parent = kindOf(row[prefixAt] ?? null);
        const result =
          OUR_SCRIPT.test(location) || parent === 1
            ? 1
            : /https:\/\/(github\.com|[a-z.]*linkedin\.com)\//.test(location)
              ? 2
              : parent;
        kind.set(stack, result);
        return result;
      };
      const stackAt = samples.schema.stack as number;
      const timeAt = samples.schema.time as number;
      let previous: number | undefined;
      for (const sample of samples.data) {
        const time = part.meta.startTime + (sample[timeAt] as number);
        const interval =
          previous === undefined ? part.meta.interval : Math.min(time - previous, MAX_GAP_MS);
        previous = time;
        const index = windows.findIndex((window) => time >= window.from && time <= window.to);
        if (index < 0) continue;
        const which = kindOf(sample[stackAt] as number | null);
        if (which === 1) ours[index] = (ours[index] ?? 0) + interval;
        else if (which === 2) page[index] = (page[index] ?? 0) + interval;
      }
    }
    for (const child of part.processes ?? []) visit(child);
  };
  visit(profile);
  if (process.env.BENCH_DEBUG) {
    const seen = (part: GeckoProfile): string[] => [
      ...part.threads.map((thread) => `${thread.processType}/${thread.name}`),
      ...(part.processes ?? []).flatMap(seen),
    ];
    console.log('threads:', seen(profile).join(' '));
  }
  return { ours, page };
}

/** A Firefox with the profiler on from startup, writing to `file` when it quits. */
function profiled(file: string, extensionDir: string) {
  rmSync(file, { force: true });
  return launch({
    extensionDir,
    extraEnv: {
      MOZ_PROFILER_STARTUP: '1',
      MOZ_PROFILER_STARTUP_INTERVAL: String(INTERVAL_MS),
      MOZ_PROFILER_STARTUP_FEATURES: 'js',
      MOZ_PROFILER_STARTUP_FILTERS: 'GeckoMain',
      MOZ_PROFILER_STARTUP_ENTRIES: String(32 * 1024 * 1024),
      MOZ_PROFILER_SHUTDOWN: file,
    },
  });
}

/**
 * Quits Firefox and waits for it to exit: it writes the profile while it
 * shuts down, and puppeteer's close() kills the process once Firefox has
 * answered `browser.close`, which on a loaded machine cut profiles short.
 */
async function quitWritingProfile(session: Awaited<ReturnType<typeof launch>>) {
  const child = session.browser.process();
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await session.bidi.send('browser.close', {}).catch(() => undefined);
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 180_000))]);
  }
  await session.close().catch(() => undefined);
}

/** A build of the add-on a run loads; a baseline's figures are `firefox_pageload_<page>_<key>_script_ms`. */
export interface FirefoxBuild {
  key: string;
  dir: string;
  /** Replaces the built content script (a baseline's own script), in a copy of `dir`. */
  contentScript?: string;
}

/**
 * The browser APIs' own floor: one message listener added (what a page that
 * asks needs to hear of stored changes, entrypoints/content/stored-changes.ts),
 * one message asked, nothing else.
 */
export const API_FLOOR_SCRIPT =
  '(function(){browser.runtime.onMessage.addListener(function(){});' +
  'browser.runtime.sendMessage({type:"lookup",key:"github:x"}).catch(function(){});})();\n';

/**
 * Loads each page `loads` times in firefox-esr, one Firefox per build, their
 * loads interleaved; the figures. The first build is ours; by default the
 * same add-on with an empty content script is its baseline.
 * BENCH_GECKO_PROFILES=<dir> keeps each build's profile there (<key>.json,
 * with <key>.windows.json: each page's load windows) for bench/gecko-stacks.ts.
 */
export async function firefoxPageLoadFigures(
  loads: number,
  builds: FirefoxBuild[] = [
    { key: 'ours', dir: EXTENSION_DIR },
    { key: 'empty', dir: EXTENSION_DIR, contentScript: '(function(){})();\n' },
    // BENCH_FIREFOX_BEFORE=<another build's firefox-mv2 folder>: that build too.
    ...(process.env.BENCH_FIREFOX_BEFORE
      ? [{ key: 'before', dir: process.env.BENCH_FIREFOX_BEFORE }]
      : []),
    // BENCH_FIREFOX_API_FLOOR=1: one more Firefox, the browser APIs' own floor.
    ...(process.env.BENCH_FIREFOX_API_FLOOR === '1'
      ? [{ key: 'apifloor', dir: EXTENSION_DIR, contentScript: API_FLOOR_SCRIPT }]
      : []),
  ],
): Promise<FirefoxLoadFigure[]> {
  const copies: string[] = [];
  const runs = builds.map((build) => {
    let dir = build.dir;
    if (build.contentScript !== undefined) {
      dir = join(tmpdir(), `profile-card-${build.key}-script-${process.pid}`);
      rmSync(dir, { recursive: true, force: true });
      cpSync(build.dir, dir, { recursive: true });
      writeFileSync(join(dir, 'content-scripts/content.js'), build.contentScript);
      copies.push(dir);
    }
    return {
      key: build.key,
      dir,
      file: join(tmpdir(), `profile-card-gecko-${process.pid}-${build.key}.json`),
    };
  });
  const windows = new Map<string, { from: number; to: number }[]>();
  const sessions: Awaited<ReturnType<typeof launch>>[] = [];
  try {
    for (const run of runs) sessions.push(await profiled(run.file, run.dir));
    const tabs = [];
    for (const session of sessions) {
      servePageLoadPages(session);
      tabs.push(await newTab(session));
    }
    for (let run = -2; run < loads; run++) {
      for (const { key, url } of PAGE_LOAD_PAGES) {
        for (const [index, tab] of tabs.entries()) {
          const from = Date.now();
          await tab.goto(url, { waitUntil: 'load' });
          await new Promise((resolve) => setTimeout(resolve, 400));
          const at = `${runs[index]?.key} ${key}`;
          if (run >= 0) windows.set(at, [...(windows.get(at) ?? []), { from, to: Date.now() }]);
        }
      }
    }
  } finally {
    for (const session of sessions) await quitWritingProfile(session);
    for (const copy of copies) rmSync(copy, { recursive: true, force: true });
  }
  const keep = process.env.BENCH_GECKO_PROFILES;
  const profiles = runs.map((run) => {
    const profile = JSON.parse(readFileSync(run.file, 'utf8')) as GeckoProfile;
    if (keep) {
      mkdirSync(keep, { recursive: true });
      cpSync(run.file, join(keep, `${run.key}.json`));
      const own = Object.fromEntries(
        PAGE_LOAD_PAGES.map(({ key }) => [key, windows.get(`${run.key} ${key}`) ?? []]),
      );
      writeFileSync(join(keep, `${run.key}.windows.json`), JSON.stringify(own));
    }
    rmSync(run.file, { force: true });
    return profile;
  });
  const figures: FirefoxLoadFigure[] = [];
  const [first] = runs;
  for (const { key } of PAGE_LOAD_PAGES) {
    const counted = runs.map((run, index) =>
      attribute(profiles[index] as GeckoProfile, windows.get(`${run.key} ${key}`) ?? []),
    );
    const ours = counted[0];
    if (!first || !ours) continue;
    const baselines = runs.slice(1).map((run, index) => {
      const name = `firefox_pageload_${key}_${run.key}_script_ms`;
      figures.push({ name, unit: 'ms', samples: counted[index + 1]?.ours ?? [] });
      return name;
    });
    figures.push(
      {
        name: `firefox_pageload_${key}_ms`,
        unit: 'ms',
        samples: ours.ours,
        baseline: baselines[0],
      },
      { name: `firefox_pageload_${key}_page_script_ms`, unit: 'ms', samples: ours.page },
    );
    const others = runs
      .slice(1)
      .map((run, index) => `${run.key} ${median(counted[index + 1]?.ours ?? []).toFixed(2)} ms`)
      .join(', ');
    console.log(
      `Firefox ${key}: ${first.key} ${median(ours.ours).toFixed(2)} ms, ${others}, page ${median(ours.page).toFixed(2)} ms (${ours.ours.length} loads)`,
    );
  }
  return figures;
}
