/**
 * Where the content script's page-load time goes, in Chromium: the bench's
 * pages (./page-load-pages.ts) loaded in the built extension (and, with
 * BENCH_BEFORE=<another build's chrome-mv3 folder>, that build too, run by
 * run interleaved), each load traced (./trace.ts `scriptTime`), and per
 * build and page the median of our script's CPU time, the trace events that
 * make it up (compile, evaluate, each callback), and a V8 CPU profile of our
 * own functions sampled every INTERVAL_US over all loads. What it found is in
 * bench/notes.ts. Run with
 * `npm run build && BENCH=trace-pageload npx vitest run --config vitest.browser.config.ts`.
 */
import type { Page } from 'playwright-core';
import { launch, type Session } from '../tests/browser/harness';
import { PAGE_LOAD_PAGES, servePageLoadPages } from './page-load-pages';
import { patient } from './patience';
import { median } from './stats';
import { type CpuProfile, scriptEvents, scriptTime, tracedGoto } from './trace';

const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 10));
/** The profile's sampling interval (BENCH_INTERVAL_US, 20 unless told): shorter is finer, and costs more. */
const INTERVAL_US = Number(process.env.BENCH_INTERVAL_US ?? 20);
/** The page loads traced before profiling (BENCH_TRACE=0: profile only). */
const TRACE = process.env.BENCH_TRACE !== '0';

/**
 * Sampled time (ms) by our own function: each sample goes to the innermost
 * frame of our script on its stack, with the browser's own function it was
 * in when that is not ours (`main → addEventListener`), so that the DOM and
 * extension APIs we call count as ours.
 */
function ownTimes(profile: CpuProfile, own: string): Map<string, number> {
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const name = (id: number) => {
    const frame = byId.get(id)?.callFrame;
    return frame
      ? `${frame.functionName || '(anonymous)'}:${frame.lineNumber + 1}:${(frame.columnNumber ?? 0) + 1}`
      : '?';
  };
  const out = new Map<string, number>();
  profile.samples.forEach((leaf, index) => {
    for (let at: number | undefined = leaf; at !== undefined; at = parent.get(at)) {
      if (!byId.get(at)?.callFrame.url.startsWith(own)) continue;
      const key =
        at === leaf
          ? name(at)
          : `${name(at)} → ${byId.get(leaf)?.callFrame.functionName || '(native)'}`;
      out.set(key, (out.get(key) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
      break;
    }
  });
  return out;
}

interface Build {
  name: string;
  session: Session;
  tabs: Map<string, Page>;
  ms: Map<string, number[]>;
  events: Map<string, Map<string, number[]>>;
}

it(
  'traces the content script at page load',
  async () => {
    const dirs: [string, string | undefined][] = [
      ['after', undefined],
      ...(process.env.BENCH_BEFORE
        ? [['before', process.env.BENCH_BEFORE] as [string, string]]
        : []),
      // BENCH_VARIANTS=name=dir,name=dir: more builds, interleaved the same way.
      ...(process.env.BENCH_VARIANTS ?? '')
        .split(',')
        .filter(Boolean)
        .map((entry) => entry.split('=') as [string, string]),
    ];
    const builds: Build[] = [];
    try {
      for (const [name, dir] of dirs) {
        const session = await launch(
          { width: 1440, height: 900 },
          dir ? { extensionDir: dir } : {},
        );
        patient(session.context);
        servePageLoadPages(session);
        builds.push({ name, session, tabs: new Map(), ms: new Map(), events: new Map() });
      }
      const load = async (build: Build, url: string) => {
        let page = build.tabs.get(url);
        if (!page) {
          page = await build.session.context.newPage();
          build.tabs.set(url, page);
        }
        const events = await tracedGoto(page, url, 400);
        const own = `chrome-extension://${build.session.extensionId}/`;
        return { events, own };
      };
      for (let run = -2; run < (TRACE ? RUNS : -1); run++) {
        for (const { url } of PAGE_LOAD_PAGES) {
          for (const build of builds) {
            const { events, own } = await load(build, url);
            if (run < 0) continue;
            const ms = build.ms.get(url) ?? [];
            ms.push(scriptTime(events, (at) => at.startsWith(own)).ms);
            build.ms.set(url, ms);
            const byName = build.events.get(url) ?? new Map<string, number[]>();
            for (const [name, eventMs] of scriptEvents(events, (at) => at.startsWith(own))) {
              if (/GC|Job|started|Marking|Clear/.test(name)) continue;
              const list = byName.get(name) ?? [];
              list.push(eventMs);
              byName.set(name, list);
            }
            build.events.set(url, byName);
          }
        }
      }
      for (const { url, label } of PAGE_LOAD_PAGES) {
        for (const build of builds) {
          const ms = build.ms.get(url) ?? [];
          console.log(
            `${label} ${build.name}: median ${median(ms).toFixed(3)} ms (${ms.map((v) => v.toFixed(2)).join(' ')})`,
          );
          for (const [name, list] of build.events.get(url) ?? []) {
            console.log(
              `    ${name}: ${(list.reduce((a, b) => a + b, 0) / RUNS).toFixed(3)} ms a load (${list.length} events)`,
            );
          }
        }
      }
      // A CPU profile of our functions, sampled every INTERVAL_US over RUNS loads of each page.
      for (const build of process.env.BENCH_PROFILE === '0' ? [] : builds) {
        for (const { url, label } of PAGE_LOAD_PAGES) {
          const page = build.tabs.get(url) as Page;
          const cdp = await build.session.context.newCDPSession(page);
          await cdp.send('Profiler.enable');
          await cdp.send('Profiler.setSamplingInterval', { interval: INTERVAL_US });
          const totals = new Map<string, number>();
          for (let run = 0; run < RUNS; run++) {
            await cdp.send('Profiler.start');
            await page.goto(url, { waitUntil: 'load' });
            await page.waitForTimeout(400);
            const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
            const own = `chrome-extension://${build.session.extensionId}/`;
            for (const [key, ms] of ownTimes(profile, own))
              totals.set(key, (totals.get(key) ?? 0) + ms);
          }
          await cdp.detach();
          console.log(`${label} ${build.name}: sampled self time of our functions, a load`);
          for (const [key, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 25))
            console.log(`    ${(ms / RUNS).toFixed(3)} ms  ${key}`);
        }
      }
    } finally {
      for (const build of builds) await build.session.close();
    }
  },
  30 * 60_000,
);
