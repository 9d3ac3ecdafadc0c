/**
 * Where hover → card's time goes: one Chromium with the built extension and
 * its 3 bundled people, 24 hovers under a CDP trace, and for each the
 * renderer main thread's work between the delay's expiry and the frame that
 * showed the card (./hover-probe.ts), biggest first, then medians (hover →
 * card, the longest task in that span and the style recalculation and
 * layout it forced). With `BENCH_BEFORE=<another build's chrome-mv3 folder>`
 * that build too, in its own Chromium, the two taking turns 6 hovers at a
 * time, so a change is measured before and after under the same load
 * (`BENCH_HOVERS` per build, 24 by default). What it found is in
 * bench/notes.ts. Run with
 * `npm run build && BENCH=trace-hover npx vitest run --config vitest.browser.config.ts --silent=false`.
 */
import type { Page } from 'playwright-core';
import { launch, type Session } from '../tests/browser/harness';
import { buildsToCompare } from './builds';
import { hoverPage } from './generate';
import { type HoverTime, installHoverProbe } from './hover-probe';
import { patient } from './patience';
import { median, percentile } from './stats';
import { traceWhile } from './trace';

/** Links on the page: 12 fit with their card below them, where the probe looks. */
const LINKS = 12;
/** Hovers traced per build: each link twice, after one untraced hover. */
const HOVERS = Number(process.env.BENCH_HOVERS ?? 24);
/** With BENCH_BEFORE, hovers per build per turn. */
const ROUND = 6;

/** Hovers links `from`…`to` (exclusive); a card that does not come within 15 s is said and skipped. */
async function hoverAll(page: Page, from: number, to: number) {
  const links = page.locator('a[data-bench]');
  const shown = () =>
    page.evaluate(
      () => (window as never as { __bench: { results: HoverTime[] } }).__bench.results.length,
    );
  for (let index = from; index < to; index++) {
    await page.mouse.move(1300, 880);
    await page.waitForTimeout(450);
    const box = await links.nth(index % LINKS).boundingBox();
    if (!box) continue;
    const before = await shown();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page
      .waitForFunction(
        (n) =>
          (window as never as { __bench: { results: HoverTime[] } }).__bench.results.length > n,
        before,
        { timeout: 15_000 },
      )
      .catch(() => console.log(`hover ${index + 1}: no card within 15 s`));
  }
}

interface Traced {
  ms: number;
  frames: number;
  /** The longest top-level task between the delay's end and the card's frame. */
  taskMs: number;
  /** Style recalculation and layout inside that task (forced by script). */
  styleMs: number;
  layoutMs: number;
  lines: string;
}

/** Traces `count` hovers from `from` on an open page; what each one ran, by hover. */
async function traceHovers(
  session: Session,
  page: Page,
  from: number,
  count: number,
  byName: Map<string, number>,
): Promise<Traced[]> {
  const bench = () =>
    page.evaluate(() => (window as never as { __bench: { results: HoverTime[] } }).__bench.results);
  const already = (await bench()).length;
  const cdp = await session.context.newCDPSession(page);
  let syncAt = 0;
  const events = await traceWhile(
    cdp,
    async () => {
      syncAt = await page.evaluate(() => {
        console.timeStamp('bench-sync');
        return performance.now();
      });
      await hoverAll(page, from, from + count);
    },
    // BENCH_PROFILE=1: V8's sampling profiler too (see `profileWithin`).
    process.env.BENCH_PROFILE
      ? 'devtools.timeline,v8,disabled-by-default-v8.cpu_profiler,disabled-by-default-v8.cpu_profiler.hires'
      : undefined,
  );
  await cdp.detach();
  const results = (await bench()).slice(already);
  const sync = events.find(
    (event) => event.name === 'TimeStamp' && JSON.stringify(event.args).includes('bench-sync'),
  );
  if (!sync) throw new Error('no sync mark in the trace');
  const toTrace = (ms: number) => sync.ts + (ms - syncAt) * 1000;
  const main = events.filter(
    (event) => event.pid === sync.pid && event.tid === sync.tid && event.ph === 'X',
  );
  const traced: Traced[] = [];
  if (process.env.BENCH_PROFILE)
    profileWithin(
      events,
      sync,
      results.flatMap((hover) =>
        hover.expiry === undefined
          ? []
          : [[toTrace(hover.expiry), toTrace(hover.expiry + hover.ms)] as [number, number]],
      ),
      byName,
    );
  for (const hover of results) {
    if (hover.expiry === undefined) continue;
    const from = toTrace(hover.expiry);
    const to = toTrace(hover.expiry + hover.ms);
    // Top-level work only: events not inside another counted one.
    const inside = main
      .filter((event) => event.ts < to && event.ts + (event.dur ?? 0) > from)
      .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const top: typeof inside = [];
    for (const event of inside) {
      const end = event.ts + (event.dur ?? 0);
      if (top.some((outer) => outer.ts <= event.ts && outer.ts + (outer.dur ?? 0) >= end)) continue;
      top.push(event);
    }
    const label = (event: (typeof top)[number]) => {
      const data = event.args?.data as { url?: string; functionName?: string } | undefined;
      const url = data?.url ? ` ${data.url.replace(/^.*\//, '')}` : '';
      return `${event.name}${url}`;
    };
    const within = (outer: (typeof top)[number], name: RegExp) =>
      main
        .filter(
          (inner) =>
            inner !== outer &&
            name.test(inner.name) &&
            inner.ts >= outer.ts &&
            inner.ts + (inner.dur ?? 0) <= outer.ts + (outer.dur ?? 0),
        )
        .reduce((sum, inner) => sum + (inner.dur ?? 0) / 1000, 0);
    const longest = [...top].sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0))[0];
    const lines = top
      .filter((event) => (event.dur ?? 0) >= 500)
      .map((event) => {
        const name = label(event);
        byName.set(name, (byName.get(name) ?? 0) + (event.dur ?? 0) / 1000);
        // What the task spent its time on: the events inside it of 0.3 ms or more.
        const end = event.ts + (event.dur ?? 0);
        const parts = main
          .filter(
            (inner) =>
              inner !== event &&
              inner.ts >= event.ts &&
              inner.ts + (inner.dur ?? 0) <= end &&
              (inner.dur ?? 0) >= 300,
          )
          .map((inner) => `${label(inner)} ${((inner.dur ?? 0) / 1000).toFixed(1)}`);
        for (const inner of parts) {
          const key = `  in ${name}: ${inner.replace(/ [\d.]+$/, '')}`;
          byName.set(key, (byName.get(key) ?? 0) + Number(inner.split(' ').at(-1)));
        }
        return `${name} ${((event.dur ?? 0) / 1000).toFixed(1)} ms [${parts.join('; ')}]`;
      });
    traced.push({
      ms: hover.ms,
      frames: hover.frames,
      taskMs: (longest?.dur ?? 0) / 1000,
      styleMs: longest ? within(longest, /^UpdateLayoutTree$/) : 0,
      layoutMs: longest ? within(longest, /^Layout$/) : 0,
      lines: lines.join(', ') || 'no main-thread task ≥ 0.5 ms',
    });
  }
  return traced;
}

type TraceEvents = Awaited<ReturnType<typeof traceWhile>>;

/**
 * Self time by function (name and line:column in its script) of the page's
 * main thread in the given spans, from the trace's V8 samples (BENCH_PROFILE),
 * added to `byName` as `  profile: …` rows.
 */
function profileWithin(
  events: TraceEvents,
  thread: TraceEvents[number],
  spans: [number, number][],
  byName: Map<string, number>,
) {
  type Node = {
    id: number;
    callFrame: { functionName?: string; url?: string; lineNumber?: number; columnNumber?: number };
  };
  const profiles = new Set(
    events
      .filter((e) => e.name === 'Profile' && e.pid === thread.pid && e.tid === thread.tid)
      .map((e) => (e as { id?: string }).id),
  );
  const nodes = new Map<string, Node>();
  const clock = new Map<string, number>();
  for (const e of events) {
    const id = (e as { id?: string }).id;
    if (!profiles.has(id) || e.pid !== thread.pid) continue;
    const data = (e.args as { data?: Record<string, unknown> })?.data ?? {};
    if (e.name === 'Profile') clock.set(String(id), Number(data.startTime ?? 0));
    if (e.name !== 'ProfileChunk') continue;
    const profile = data.cpuProfile as { nodes?: Node[]; samples?: number[] } | undefined;
    for (const node of profile?.nodes ?? []) nodes.set(`${id}/${node.id}`, node);
    const deltas = (data.timeDeltas as number[] | undefined) ?? [];
    let at = clock.get(String(id)) ?? 0;
    for (const [index, sample] of (profile?.samples ?? []).entries()) {
      const delta = deltas[index] ?? 0;
      at += delta;
      if (!spans.some(([from, to]) => at >= from && at <= to)) continue;
      const frame = nodes.get(`${id}/${sample}`)?.callFrame;
      if (!frame) continue;
      const key = `  profile: ${frame.functionName || '(anonymous)'} ${(frame.url ?? '').replace(/^.*\//, '')}:${(frame.lineNumber ?? -1) + 1}:${(frame.columnNumber ?? -1) + 1}`;
      byName.set(key, (byName.get(key) ?? 0) + (deltas[index + 1] ?? delta) / 1000);
    }
    clock.set(String(id), at);
  }
}

it(
  'traces hover → card',
  async () => {
    const builds = buildsToCompare();
    const open: { build: string; session: Session; page: Page }[] = [];
    try {
      const known = ['spacejam', 'denizalti', 'PATMESH'];
      const url = 'https://github.com/tikv/tikv/discussions/trace';
      for (const { build, dir } of builds) {
        const session = await launch({ width: 1440, height: 900 }, { extensionDir: dir });
        patient(session.context);
        session.pages.set(
          url,
          hoverPage(Array.from({ length: LINKS }, (_, i) => known[i % 3] as string)),
        );
        const page = await session.context.newPage();
        await page.goto(url);
        await page.evaluate(installHoverProbe, 300);
        // The first hover injects the card's UI (card-ui.js): a cost of its own
        // (hover_first_*), left out of the trace of the steady state.
        await hoverAll(page, 0, 1);
        open.push({ build, session, page });
      }
      // With a second build, the builds take turns, ROUND hovers at a time.
      const round = builds.length > 1 ? ROUND : HOVERS;
      const all = new Map<string, Traced[]>();
      const byName = new Map<string, Map<string, number>>();
      for (let done = 0; done < HOVERS; done += round)
        for (const { build, session, page } of open) {
          const names = byName.get(build) ?? new Map<string, number>();
          byName.set(build, names);
          const traced = await traceHovers(session, page, 1 + done, round, names);
          all.set(build, [...(all.get(build) ?? []), ...traced]);
        }
      for (const { build } of open) {
        const traced = all.get(build) ?? [];
        for (const [index, hover] of traced.entries())
          console.log(
            `${build} hover ${index + 1}: ${hover.ms.toFixed(1)} ms, frame ${hover.frames}: ${hover.lines}`,
          );
        const sorted = [...(byName.get(build) ?? [])].sort((a, b) => b[1] - a[1]);
        console.log(
          `\n${build}: main thread between expiry and card, summed over ${traced.length} hovers:\n${sorted
            .map(([name, ms]) => `${ms.toFixed(1).padStart(8)} ms  ${name}`)
            .join('\n')}`,
        );
        const ms = traced.map((r) => r.ms).sort((a, b) => a - b);
        console.log(`${build} ms sorted: ${ms.map((v) => v.toFixed(1)).join(' ')}`);
      }
      const summary = (build: string) => {
        const traced = all.get(build) ?? [];
        const pick = (f: (t: Traced) => number) => median(traced.map(f)).toFixed(2);
        return `${build}: ${traced.length} hovers, medians: hover → card ${pick((t) => t.ms)} ms, p95 ${percentile(
          traced.map((t) => t.ms),
          95,
        ).toFixed(
          2,
        )} ms, in the first frame ${traced.filter((t) => t.frames === 1).length}; the longest task ${pick((t) => t.taskMs)} ms, of which style ${pick((t) => t.styleMs)} and layout ${pick((t) => t.layoutMs)} ms`;
      };
      console.log(`\n${open.map(({ build }) => summary(build)).join('\n')}`);
    } finally {
      for (const { session } of open) await session.close();
    }
  },
  20 * 60_000,
);
