/**
 * `BENCH=popup-start`: what the popup does before its first paint (issue 28,
 * popup_open_ms). popup.html is loaded in a tab (3 bundled people) under a
 * Chrome trace, `TRACE_RUNS` times (default 5); per run, the main thread's
 * top-level events from navigation start to the first paint are summed by
 * kind (script compile, module evaluation, other script, style/layout/paint,
 * idle: waiting on IndexedDB, the tab query or the network), and the chunks'
 * compile and evaluation are listed. With `BENCH_BEFORE=<another build's
 * chrome-mv3 folder>` that build too, run by run with this one. Printed as
 * medians, written nowhere. `npm run build && BENCH=popup-start npx vitest
 * run --config vitest.browser.config.ts --silent=false`. `TRACE_CARD=1`: as
 * popup_open_ms opens it instead, the toolbar popup over a known person's
 * page (its card), under a trace of the whole browser.
 */
import { rmSync } from 'node:fs';
import { launch, openToolbarPopup, type Session } from '../tests/browser/harness';
import { buildsToCompare } from './builds';
import { standIn } from './floors';
import { patient } from './patience';
import { elementPaint } from './scale-figures';
import { median } from './stats';
import { type CpuProfile, traceWhile } from './trace';

interface Event {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  pid: number;
  args?: { data?: { url?: string; frame?: string }; fileName?: string };
}

const RUNS = Number(process.env.TRACE_RUNS ?? 5);
const CARD = process.env.TRACE_CARD === '1';
const urlOf = (event: Event) => event.args?.data?.url ?? event.args?.fileName ?? '';
const chunk = (url: string) => url.replace(/^.*\/(chunks\/)?/, '').replace(/-[\w-]{8}\.js$/, '');

/** Kind of a top-level main-thread event. */
function kindOf(event: Event): string {
  if (/compile/i.test(event.name)) return 'compile';
  if (/evaluateModule|EvaluateScript/.test(event.name)) return 'evaluate';
  if (
    /FunctionCall|v8\.run|RunMicrotasks|TimerFire|EventDispatch|FireAnimationFrame/.test(event.name)
  )
    return 'script';
  if (/Layout|Paint|Layerize|UpdateLayoutTree|PrePaint|Commit/.test(event.name)) return 'render';
  if (/ParseHTML|ParseAuthorStyleSheet/.test(event.name)) return 'parse';
  if (/GC/.test(event.name)) return 'gc';
  return 'other';
}

function analyse(events: Event[]) {
  const start = events.find((event) => event.name === 'navigationStart');
  const paint = events.find(
    (event) => event.name === 'firstPaint' || event.name === 'firstContentfulPaint',
  );
  if (!start || !paint) throw new Error('no navigationStart / firstPaint in the trace');
  const main = events.filter(
    (event) => event.pid === paint.pid && event.tid === paint.tid && event.ph === 'X',
  );
  const window = main
    .filter((event) => event.ts >= start.ts && event.ts < paint.ts && event.name !== 'RunTask')
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const kinds = new Map<string, number>();
  const chunks = new Map<string, number>();
  let openEnd = -1;
  let busy = 0;
  for (const event of window) {
    const end = event.ts + (event.dur ?? 0);
    const kind = kindOf(event);
    if (kind === 'compile' || kind === 'evaluate') {
      const key = `${kind} ${chunk(urlOf(event))}`;
      chunks.set(key, (chunks.get(key) ?? 0) + (event.dur ?? 0) / 1000);
    }
    if (end <= openEnd) continue; // nested in a counted event
    openEnd = end;
    if (kind === 'other')
      chunks.set(
        `other: ${event.name}`,
        (chunks.get(`other: ${event.name}`) ?? 0) + (event.dur ?? 0) / 1000,
      );
    kinds.set(kind, (kinds.get(kind) ?? 0) + (event.dur ?? 0) / 1000);
    busy += (event.dur ?? 0) / 1000;
  }
  const evaluations = window.filter((event) => kindOf(event) === 'evaluate');
  const first = evaluations[0];
  const last = evaluations.at(-1);
  if (first && last) {
    kinds.set('mark: navigation start → first module evaluated', (first.ts - start.ts) / 1000);
    kinds.set(
      'mark: last module evaluated → first paint',
      (paint.ts - last.ts - (last.dur ?? 0)) / 1000,
    );
  }
  const total = (paint.ts - start.ts) / 1000;
  kinds.set('idle (waiting)', total - busy);
  // TRACE_TIMELINE=1: the main thread's events of ≥ 0.3 ms, in order, from navigation start.
  if (process.env.TRACE_TIMELINE === '1') {
    // Nested events indented under the one they ran in (three levels).
    const open: number[] = [];
    const lines = window.flatMap((event) => {
      const end = event.ts + (event.dur ?? 0);
      while (open.length > 0 && (open.at(-1) as number) <= event.ts) open.pop();
      const depth = open.length;
      open.push(end);
      if ((event.dur ?? 0) < 300 || depth > 3) return [];
      const at = ((event.ts - start.ts) / 1000).toFixed(1).padStart(6);
      const what = urlOf(event) ? `${event.name} ${chunk(urlOf(event))}` : event.name;
      return [`${at} ${'  '.repeat(depth)}+${((event.dur ?? 0) / 1000).toFixed(1)}  ${what}`];
    });
    console.log(
      `timeline (ms from navigation start; first paint at ${total.toFixed(1)}):\n${lines.join('\n')}`,
    );
  }
  kinds.set('navigation start → first paint', total);
  return { kinds, chunks };
}

/** Sampled self time (ms) by chunk, zod's module apart (its source names it). */
function selfByChunk(profile: CpuProfile): Map<string, number> {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const out = new Map<string, number>();
  profile.samples.forEach((id, index) => {
    const frame = nodes.get(id)?.callFrame;
    if (!frame?.url) return;
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const key = chunk(frame.url);
    out.set(key, (out.get(key) ?? 0) + ms);
    // The shared chunk that holds zod and the schemas: by function too.
    if (key === 'handles') {
      const inner = `handles: ${frame.functionName || '(top level)'}:${frame.lineNumber + 1}:${(frame.columnNumber ?? 0) + 1}`;
      out.set(inner, (out.get(inner) ?? 0) + ms);
    }
  });
  return out;
}

/**
 * The toolbar popup opened over a person's page (unrouted, as popup_open_ms),
 * once unmeasured (code cache warm), then traced across the whole browser.
 */
async function tracedToolbarPopup(session: Session, element: string) {
  const tab = await session.context.newPage();
  try {
    await tab.goto('https://github.com/spacejam');
    const browser = session.context.browser();
    if (!browser) throw new Error('no browser to trace');
    const open = async () => {
      const popup = await openToolbarPopup(session, tab);
      try {
        return await popup.evaluate<number>(elementPaint(element));
      } finally {
        await popup.close();
      }
    };
    await session.unrouted(open);
    const cdp = await browser.newBrowserCDPSession();
    let paint = Number.NaN;
    const events = (await session.unrouted(() =>
      traceWhile(
        cdp as never,
        async () => {
          paint = await open();
        },
        'devtools.timeline,v8,v8.execute,blink.user_timing,loading',
      ),
    )) as unknown as Event[];
    await cdp.detach();
    const { kinds, chunks } = analyse(
      events.filter((event) => !/background|worker/.test(urlOf(event))),
    );
    return [
      ['card/list element paint (ms)', paint] as const,
      ...kinds,
      ...[...chunks].map(([name, ms]) => [`  ${name}`, ms] as const),
    ];
  } finally {
    await tab.close();
  }
}

it(
  'traces the popup to its first paint',
  async () => {
    const runs: { build: string; session: Session; page: string; element: string }[] = [];
    const samples = new Map<string, number[]>();
    const push = (key: string, value: number) =>
      samples.set(key, [...(samples.get(key) ?? []), value]);
    let blankDir: string | undefined;
    try {
      for (const { build, dir } of buildsToCompare()) {
        const session = await launch({ width: 1440, height: 900 }, { extensionDir: dir });
        patient(session.context);
        runs.push({
          build,
          session,
          page: 'popup.html',
          element: CARD ? 'profile-card' : 'people-list',
        });
      }
      // The floor: the stand-in extension's blank page (bench/floors.ts), loaded the same way.
      blankDir = standIn();
      const session = await launch({ width: 1440, height: 900 }, { extensionDir: blankDir });
      runs.push({ build: 'blank', session, page: 'popup.html', element: 'floor' });
      for (let run = 0; run < RUNS; run++)
        for (const { build, session, page: path, element } of runs) {
          if (CARD) {
            for (const [kind, ms] of await tracedToolbarPopup(session, element))
              push(`${build} ${kind}`, ms);
            continue;
          }
          const page = await session.context.newPage();
          await page.setViewportSize({ width: 360, height: 600 });
          const cdp = await page.context().newCDPSession(page);
          const url = `chrome-extension://${session.extensionId}/${path}`;
          // Once unmeasured: the chunks in the code cache, as a popup opened again has them.
          await page.goto(url);
          await page.evaluate(elementPaint(element));
          // TRACE_PROFILE=1: sampled self time by chunk too (the profiler's own start costs ~15 ms).
          const sampled = process.env.TRACE_PROFILE === '1';
          if (sampled) {
            await cdp.send('Profiler.enable');
            await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
            await cdp.send('Profiler.start');
          }
          // Unrouted, as the bench's popup figures are (tests/browser/harness.ts).
          const events = (await session.unrouted(() =>
            traceWhile(
              cdp,
              async () => {
                await page.reload();
                push(
                  `${build} card/list element paint (ms)`,
                  await page.evaluate<number>(elementPaint(element)),
                );
              },
              'devtools.timeline,v8,v8.execute,blink.user_timing,loading',
            ),
          )) as unknown as Event[];
          if (sampled) {
            const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
            for (const [name, ms] of selfByChunk(profile))
              push(`${build}   sampled self ${name}`, ms);
          }
          const { kinds, chunks } = analyse(events);
          for (const [kind, ms] of kinds) push(`${build} ${kind}`, ms);
          for (const [name, ms] of chunks) push(`${build}   ${name}`, ms);
          await cdp.detach();
          await page.close();
        }
    } finally {
      for (const { session } of runs) await session.close();
      if (blankDir) rmSync(blankDir, { recursive: true, force: true });
    }
    console.log(
      `\npopup to first paint (${RUNS} runs, medians, ms):\n${[...samples]
        .sort((a, b) => a[0].localeCompare(b[0]))
        .map(
          ([key, values]) =>
            `${median(values).toFixed(1).padStart(8)}  ${key}  [${values.map((v) => v.toFixed(0)).join(', ')}]`,
        )
        .join('\n')}`,
    );
  },
  20 * 60_000,
);
