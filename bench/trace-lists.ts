/**
 * Where the lists' time goes with 100,000 people (issue 28): one Chromium
 * with the built extension, traced first with its 3 bundled people (the
 * baseline) and then with 100,000 imported as a user does, for
 *   (a) the popup's list opening (reload of popup.html to the first row painted),
 *   (b) the options page's first rows (reload of options.html to the first row painted),
 *   (c) scrolling the whole options list (./scale-figures.ts `scrollWholeList`),
 *   (d) the bench's keys typed into the options search (and the popup's).
 * The options page's reloads also say when each step of its start came
 * (components/options/start-up.ts marks: script run, settings and migration
 * check back, rows read, drawn; the scan and the other sections after the paint).
 * Each under the V8 CPU profiler (100 µs samples: functions by self time)
 * and a Chrome trace (the renderer main thread's work by event: script,
 * style, layout, paint, GC; and its tasks over 50 ms). What it found is in
 * bench/notes.ts. With BENCH_BEFORE=<another build's chrome-mv3 folder>, that
 * build is traced too, at 100,000 people. Run with
 * `npm run build && BENCH=trace-lists npx vitest run --config vitest.browser.config.ts`.
 */
import type { CDPSession, Page } from 'playwright-core';
import { launch } from '../tests/browser/harness';
import { buildsToCompare } from './builds';
import { generateProfiles } from './generate';
import { patient } from './patience';
import {
  elementPaint,
  keystrokeTimes,
  LIST_WHOLE,
  OPTIONS_WHOLE,
  scrollWholeList,
  TYPED,
} from './scale-figures';
import { importThroughOptions } from './store-figures';
import { type CpuProfile, selfTimes, traceWhile } from './trace';

/** The trace events summed, by name (their own nesting left as it is). */
const TIMELINE = [
  'RunTask',
  'FunctionCall',
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'RunMicrotasks',
  'TimerFire',
  'EventDispatch',
  'UpdateLayoutTree',
  'Layout',
  'PrePaint',
  'Paint',
  'Layerize',
  'HitTest',
  'ParseHTML',
  'MinorGC',
  'MajorGC',
  'V8.GC_SCAVENGER',
  'V8.GC_MARK_COMPACTOR',
  'V8.GCFinalizeMC',
];

interface Event {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { data?: { frame?: string } };
}

/** The main thread: the one that ran the most `Layout` / `FunctionCall` time. */
function summarize(events: Event[]): string {
  const busy = new Map<string, number>();
  for (const event of events)
    if (event.ph === 'X' && (event.name === 'FunctionCall' || event.name === 'UpdateLayoutTree')) {
      const key = `${event.pid}:${event.tid}`;
      busy.set(key, (busy.get(key) ?? 0) + (event.dur ?? 0));
    }
  const main = [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
  const own = events.filter((event) => `${event.pid}:${event.tid}` === main && event.ph === 'X');
  const byName = new Map<string, { ms: number; n: number }>();
  for (const event of own) {
    if (!TIMELINE.includes(event.name)) continue;
    const now = byName.get(event.name) ?? { ms: 0, n: 0 };
    now.ms += (event.dur ?? 0) / 1000;
    now.n++;
    byName.set(event.name, now);
  }
  const long = own
    .filter((event) => event.name === 'RunTask' && (event.dur ?? 0) > 50_000)
    .map((event) => ((event.dur ?? 0) / 1000).toFixed(0));
  return `  main thread, by event (total ms, count):\n${[...byName]
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(
      ([name, { ms, n }]) => `${ms.toFixed(1).padStart(9)} ms ${String(n).padStart(6)}×  ${name}`,
    )
    .join('\n')}\n  tasks over 50 ms: ${long.length} [${long.join(', ')}]`;
}

/**
 * The options page's start, ms from navigation (components/options/start-up.ts
 * marks; a build without them says only when its HTML was parsed): script =
 * its modules fetched, compiled and run; asked = the migration check and the
 * settings back; rows = the list's rows read; drawn = the first render with
 * them committed; then, after their paint, scan (the worker started) and below
 * (the other sections drawn).
 */
async function startSteps(page: Page): Promise<string> {
  await page
    .waitForFunction(() => performance.getEntriesByName('pc-options:below').length > 0, null, {
      timeout: 2000,
    })
    .catch(() => undefined);
  return page.evaluate(() => {
    const [nav] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
    const marks = performance
      .getEntriesByType('mark')
      .filter((mark) => mark.name.startsWith('pc-options:'))
      .map((mark) => `${mark.name.slice('pc-options:'.length)} ${mark.startTime.toFixed(0)}`);
    return [`html parsed ${nav?.domInteractive.toFixed(0)}`, ...marks].join(', ');
  });
}

/** Runs `action` under the CPU profiler and a trace; prints both. */
async function traced(label: string, cdp: CDPSession, action: () => Promise<string>) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  let said = '';
  // A step that fails for the machine's load alone (a paint not within 20 s) is said, not fatal.
  const events = (await traceWhile(cdp, async () => {
    said = await action().catch((error: Error) => `failed: ${error.message.split('\n')[0]}`);
  })) as unknown as Event[];
  const { profile } = (await cdp.send('Profiler.stop')) as {
    profile: CpuProfile;
  };
  const total = selfTimes(profile);
  const busy = total.reduce((sum, [, ms]) => sum + ms, 0);
  console.log(
    `=== ${label}: ${said}\n  sampled busy ${busy.toFixed(1)} ms; self time, top 20:\n${total
      .slice(0, 20)
      .map(([key, ms]) => `${ms.toFixed(1).padStart(9)} ms  ${key}`)
      .join('\n')}\n${summarize(events)}`,
  );
}

async function traceAll(page: Page, popup: Page, extensionId: string, people: string) {
  // Extension pages share one renderer: one page at a time, the other blank.
  await page.goto('about:blank');
  const popupCdp = await page.context().newCDPSession(popup);
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  await popup.locator('[elementtiming="people-list"]').waitFor();
  for (let run = 1; run <= 2; run++)
    await traced(`(a) popup list open, ${people}, run ${run}`, popupCdp, async () => {
      await popup.reload();
      return `first row painted at ${((await popup.evaluate(elementPaint('people-list'))) as number).toFixed(0)} ms`;
    });
  await popup.evaluate(LIST_WHOLE);
  await popup.getByRole('searchbox').focus();
  await traced(`(d') popup keystrokes, ${people}`, popupCdp, async () => {
    const times = await keystrokeTimes(popup, TYPED);
    return times.map((time, i) => `${TYPED[i]} ${time.ms.toFixed(0)}`).join(', ');
  });

  // BENCH_TRACE=popup: the popup's parts alone.
  if (process.env.BENCH_TRACE === 'popup') return;
  await popup.goto('about:blank');
  const cdp = await page.context().newCDPSession(page);
  await page.goto(`chrome-extension://${extensionId}/options.html`);
  await page.locator('[elementtiming="people-table"]').waitFor();
  for (let run = 1; run <= 2; run++)
    await traced(`(b) options first rows, ${people}, run ${run}`, cdp, async () => {
      await page.reload();
      const painted = (await page.evaluate(elementPaint('people-table'))) as number;
      return `first rows painted at ${painted.toFixed(0)} ms; ${await startSteps(page)}`;
    });
  await page.evaluate(OPTIONS_WHOLE);
  await page.waitForTimeout(2000);
  if (people !== '3 people')
    await traced(`(c) options scroll, ${people}`, cdp, async () => {
      const cost = await scrollWholeList(page, 200);
      return `long tasks ${cost.longTasks}, longest ${cost.longestTaskMs.toFixed(0)} ms, longest frame ${cost.longestFrameMs.toFixed(0)} ms, last ${cost.last}`;
    });
  await page.getByRole('searchbox', { name: 'Search people' }).focus();
  await traced(`(d) options keystrokes, ${people}`, cdp, async () => {
    const times = await keystrokeTimes(page, TYPED);
    return times.map((time, i) => `${TYPED[i]} ${time.ms.toFixed(0)}`).join(', ');
  });
}

it(
  'traces the lists at 3 and 100,000 people',
  async () => {
    // BENCH_BEFORE=<another build's chrome-mv3 folder>: that build traced too,
    // at 100,000 people only (before and after a change, under the same load).
    const builds = buildsToCompare();
    const file = Buffer.from(JSON.stringify({ version: 1, profiles: generateProfiles(100_000) }));
    for (const { build, dir } of builds) {
      const session = await launch({ width: 1440, height: 900 }, { extensionDir: dir });
      patient(session.context);
      try {
        const options = await session.context.newPage();
        const popup = await session.context.newPage();
        await popup.setViewportSize({ width: 360, height: 600 });
        if (builds.length === 1) await traceAll(options, popup, session.extensionId, '3 people');
        await importThroughOptions(session, options, file);
        await traceAll(options, popup, session.extensionId, `100,000 people, ${build}`);
      } finally {
        await session.close();
      }
    }
  },
  20 * 60_000,
);
