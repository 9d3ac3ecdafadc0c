/**
 * `BENCH=cold-lookup`: the first lookup after the service worker was stopped
 * (./store-figures.ts, as `npm run bench` measures `cold_lookup_3_ms`) alone,
 * with the 3 bundled people. With `BENCH_BEFORE=<another build's chrome-mv3
 * folder>` that build too, one Chromium each, runs interleaved, so a change
 * is measured before and after under the same load. Each run also takes one
 * more cold lookup under a Chrome trace for the worker's evaluation of
 * background.js as thread time, and the garbage collection inside it, which
 * a loaded machine disturbs less than the lookup's wall time. With
 * `BENCH_TRACE=<n>`, n more traced cold starts per build with V8's sampling
 * profiler: the worker thread's time by function (inclusive and self, by
 * line and column in the bundle; `PC_UNMINIFIED=1 npx wxt build` for names)
 * and its top-level events (wall and thread time). `BENCH_TRACE_CATEGORIES`
 * replaces the trace categories (`devtools.timeline,v8` for the split of
 * compile and run without the sampler's cost), `BENCH_TRACE_DEPTH` the levels
 * of events shown (1: the task and what it ran), `BENCH_TRACE_TOP` the
 * functions listed (40). Prints; writes nothing. Run with
 * `npx wxt build && BENCH=cold-lookup npx vitest run --config vitest.browser.config.ts --silent=false`.
 */
import type { CDPSession, Page } from 'playwright-core';
import { launch, type Session, stopServiceWorker } from '../tests/browser/harness';
import { buildsToCompare } from './builds';
import { patient } from './patience';
import { median } from './stats';
import { lookupMs } from './store-figures';
import { type CpuProfile, traceWhile } from './trace';

const RUNS = Math.max(3, Number(process.env.BENCH_RUNS ?? 12));

interface Build {
  build: string;
  session: Session;
  page: Page;
  cdp: CDPSession;
}

/** The worker thread's top-level events of 0.3 ms or more during one cold lookup. */
async function traceCold({ build, page, cdp, session }: Build) {
  let ms = 0;
  // BENCH_TRACE=<n>: n traced cold starts, their samples pooled.
  const events: Awaited<ReturnType<typeof traceWhile>> = [];
  for (let start = 0; start < Math.max(1, Number(process.env.BENCH_TRACE) || 1); start++) {
    await stopServiceWorker(cdp, session.extensionId);
    events.push(
      ...(await traceWhile(
        cdp,
        async () => {
          ms = await lookupMs(page, 'github:spacejam');
        },
        process.env.BENCH_TRACE_CATEGORIES ??
          'devtools.timeline,v8,disabled-by-default-v8.cpu_profiler,disabled-by-default-v8.cpu_profiler.hires',
      )),
    );
  }
  const names = new Map<string, string>();
  for (const event of events)
    if (event.name === 'thread_name')
      names.set(`${event.pid}:${event.tid}`, String((event.args as { name?: string })?.name));
  const workerThreads = new Set(
    [...names].filter(([, name]) => /ServiceWorker/i.test(name)).map(([id]) => id),
  );
  const top = events
    .filter(
      (event) =>
        event.ph === 'X' &&
        workerThreads.has(`${event.pid}:${event.tid}`) &&
        (event.dur ?? 0) >= 300,
    )
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const kept: typeof top = [];
  for (const event of top) {
    const end = event.ts + (event.dur ?? 0);
    const outer = kept.filter((k) => k.ts <= event.ts && k.ts + (k.dur ?? 0) >= end).length;
    if (outer > Number(process.env.BENCH_TRACE_DEPTH ?? 1)) continue; // by default the task and what it ran
    kept.push(event);
  }
  // The worker's sampled profile: chunks come from the sampler's thread, tied
  // to the worker's `Profile` event by id; node ids are per profile.
  type Node = CpuProfile['nodes'][number] & { parent?: number };
  const byId = new Map<string, Node>();
  const samples: string[] = [];
  const timeDeltas: number[] = [];
  const ids = new Set(
    events
      .filter((e) => e.name === 'Profile' && workerThreads.has(`${e.pid}:${e.tid}`))
      .map((e) => `${e.pid}:${(e as { id?: string }).id}`),
  );
  for (const event of events) {
    const profile = `${event.pid}:${(event as { id?: string }).id}`;
    if (event.name !== 'ProfileChunk' || !ids.has(profile)) continue;
    const data = (
      event.args as {
        data?: {
          cpuProfile?: { nodes?: Node[]; samples?: number[] };
          timeDeltas?: number[];
        };
      }
    ).data;
    for (const node of data?.cpuProfile?.nodes ?? []) byId.set(`${profile}/${node.id}`, node);
    for (const id of data?.cpuProfile?.samples ?? []) samples.push(`${profile}/${id}`);
    timeDeltas.push(...(data?.timeDeltas ?? []));
  }
  const parentOf = (key: string, node: Node) =>
    node.parent === undefined
      ? undefined
      : byId.get(`${key.slice(0, key.lastIndexOf('/'))}/${node.parent}`);
  const label = (node: Node) => {
    const frame = node.callFrame as typeof node.callFrame & { columnNumber?: number };
    return `${frame.functionName || '(anonymous)'} ${(frame.url ?? '').replace(/^.*\//, '')}:${(frame.lineNumber ?? -1) + 1}:${(frame.columnNumber ?? -1) + 1}`;
  };
  const inclusive = new Map<string, number>();
  const selfMs = new Map<string, number>();
  samples.forEach((id, index) => {
    const ms = (timeDeltas[index] ?? 0) / 1000;
    const seen = new Set<string>();
    let node = byId.get(id);
    if (node) selfMs.set(label(node), (selfMs.get(label(node)) ?? 0) + ms);
    while (node) {
      const key = label(node);
      if (!seen.has(key)) inclusive.set(key, (inclusive.get(key) ?? 0) + ms);
      seen.add(key);
      node = parentOf(id, node);
    }
  });
  const largest = (map: Map<string, number>) =>
    [...map]
      .filter(([key]) => !/^\((idle|program|root)\)/.test(key))
      .sort((a, b) => b[1] - a[1])
      .slice(0, Number(process.env.BENCH_TRACE_TOP ?? 40))
      .map(([name, ms]) => `${ms.toFixed(2).padStart(8)} ms  ${name}`)
      .join('\n');
  console.log(
    `${build}: worker profile, ${samples.length} samples; inclusive:\n${largest(inclusive)}\nself:\n${largest(selfMs)}`,
  );
  const first = kept[0]?.ts ?? 0;
  console.log(
    `${build}: traced cold lookup ${ms.toFixed(1)} ms; worker thread:\n${kept
      .map((event) => {
        const data = event.args?.data as { url?: string } | undefined;
        const url = data?.url ? ` ${data.url.replace(/^.*\//, '')}` : '';
        return `  +${((event.ts - first) / 1000).toFixed(1)} ${event.name}${url} ${((event.dur ?? 0) / 1000).toFixed(1)} ms (thread ${((event.tdur ?? 0) / 1000).toFixed(1)})`;
      })
      .join('\n')}`,
  );
}

it(
  'measures the cold lookup',
  async () => {
    const dirs = buildsToCompare();
    const builds: Build[] = [];
    try {
      for (const { build, dir } of dirs) {
        const session = await launch({ width: 1440, height: 900 }, { extensionDir: dir });
        patient(session.context);
        const page = await session.context.newPage();
        await page.goto(`chrome-extension://${session.extensionId}/popup.html`);
        builds.push({ build, session, page, cdp: await session.context.newCDPSession(page) });
      }
      const cold = new Map<string, number[]>();
      const warm = new Map<string, number[]>();
      const push = (map: Map<string, number[]>, key: string, value: number) =>
        map.set(key, [...(map.get(key) ?? []), value]);
      const evaluate = new Map<string, number[]>();
      const collect = new Map<string, number[]>();
      for (let run = 0; run < RUNS; run++)
        for (const { build, session, page, cdp } of builds) {
          await stopServiceWorker(cdp, session.extensionId);
          push(cold, build, await lookupMs(page, 'github:spacejam'));
          push(warm, build, await lookupMs(page, 'github:denizalti'));
          // Then once more under a trace: the worker's evaluation of background.js
          // as thread time, which a busy neighbour disturbs less than wall time.
          await stopServiceWorker(cdp, session.extensionId);
          const events = await traceWhile(cdp, async () => {
            await lookupMs(page, 'github:spacejam');
          });
          const script = events.find(
            (event) =>
              event.name === 'EvaluateScript' &&
              event.ph === 'X' &&
              (event.args?.data?.url ?? '').endsWith('/background.js'),
          );
          if (script) {
            push(evaluate, build, (script.tdur ?? script.dur ?? 0) / 1000);
            // Garbage collection on the worker's thread meanwhile.
            const end = script.ts + (script.dur ?? 0);
            const gc = events.filter(
              (event) =>
                event.ph === 'X' &&
                event.tid === script.tid &&
                event.pid === script.pid &&
                /^(MinorGC|MajorGC)$/.test(event.name) &&
                event.ts >= script.ts &&
                event.ts <= end,
            );
            push(collect, build, gc.reduce((sum, event) => sum + (event.dur ?? 0), 0) / 1000);
          }
        }
      const line = (values: number[]) =>
        `${median(values).toFixed(1)} ms (${values.map((v) => v.toFixed(1)).join(' ')})`;
      for (const { build } of dirs)
        console.log(
          `${build}: cold lookup ${line(cold.get(build) ?? [])}, warm ${median(warm.get(build) ?? []).toFixed(1)} ms; background.js evaluation (thread time) ${line(evaluate.get(build) ?? [])}, GC in it ${line(collect.get(build) ?? [])}; ${RUNS} runs`,
        );
      if (process.env.BENCH_TRACE) for (const build of builds) await traceCold(build);
    } finally {
      for (const { session } of builds) await session.close();
    }
  },
  10 * 60_000,
);
