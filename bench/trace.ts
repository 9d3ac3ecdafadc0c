/**
 * CPU time from a Chrome trace (CDP `Tracing`): the top-level script events
 * (`EvaluateScript`, `FunctionCall`, `v8.compile`, `v8.run`) on the page's
 * renderer, counted once each (events nested in another counted event are
 * skipped) and summed as thread time (`tdur`), which a busy neighbour on the
 * machine disturbs less than wall time; garbage collection that ran inside
 * them is reported apart (see `scriptTime`).
 */
import type { CDPSession, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  tid: number;
  pid: number;
  args?: {
    data?: { url?: string; functionName?: string; lineNumber?: number; columnNumber?: number };
    fileName?: string;
  };
}

const SCRIPT_EVENTS = new Set(['EvaluateScript', 'FunctionCall', 'v8.compile', 'v8.run']);

export async function traceWhile(
  cdp: CDPSession,
  action: () => Promise<void>,
  categories = 'devtools.timeline,v8',
): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const collect = (batch: { value: unknown[] }) => {
    events.push(...(batch.value as TraceEvent[]));
  };
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    categories,
    transferMode: 'ReportEvents',
  });
  await action();
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  return events;
}

/**
 * Loads `url` in `page` (a tab the caller keeps warm, so its renderer is not
 * started anew) while tracing, and waits `settleMs` after `load`: the content
 * script runs at document_idle and asks the background once.
 */
export async function tracedGoto(page: Page, url: string, settleMs: number): Promise<TraceEvent[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return await traceWhile(cdp, async () => {
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForTimeout(settleMs);
    });
  } finally {
    await cdp.detach();
  }
}

const urlOf = (event: TraceEvent) => event.args?.data?.url ?? event.args?.fileName ?? '';

/** Garbage-collection events (V8's and the page's heap alike). */
const isGc = (event: TraceEvent) =>
  /^(MajorGC|MinorGC|V8\.GC)/.test(event.name) && event.ph === 'X';

export interface ScriptTime {
  /** Thread time in matching script events, less garbage collection that ran inside them. */
  ms: number;
  /** The garbage collection left out of `ms`: the heap's work, whoever's turn it was. */
  gcMs: number;
}

/**
 * Thread time spent in script events that `match`. V8 collects the whole
 * isolate's garbage (the page's heap included) whenever allocation asks for
 * it, and the trace bills that to whichever script is running: on big pages a
 * major GC can land inside the content script's few milliseconds. It is
 * reported apart (`gcMs`) rather than counted as the script's own work.
 */
export function scriptTime(events: TraceEvent[], match: (url: string) => boolean): ScriptTime {
  const counted = events
    .filter((event) => event.ph === 'X' && SCRIPT_EVENTS.has(event.name) && match(urlOf(event)))
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
  const gcs = events.filter(isGc).sort((a, b) => a.ts - b.ts);
  let total = 0;
  let gcTotal = 0;
  const open: { end: number; tid: number }[] = [];
  for (const event of counted) {
    const end = event.ts + (event.dur ?? 0);
    if (open.some((outer) => outer.tid === event.tid && outer.end >= end)) continue; // nested
    open.push({ end, tid: event.tid });
    // Union of the GC intervals inside this event, on its thread.
    let gc = 0;
    let reached = event.ts;
    for (const collection of gcs) {
      if (collection.tid !== event.tid || collection.ts < event.ts) continue;
      const collectionEnd = Math.min(collection.ts + (collection.dur ?? 0), end);
      if (collection.ts >= end) break;
      const from = Math.max(collection.ts, reached);
      if (collectionEnd > from) {
        gc += collectionEnd - from;
        reached = collectionEnd;
      }
    }
    const own = event.tdur ?? event.dur ?? 0;
    total += Math.max(0, own - gc);
    gcTotal += Math.min(gc, own);
  }
  return { ms: total / 1000, gcMs: gcTotal / 1000 };
}

/**
 * The top-level script events that `scriptTime` counts, each with the
 * events nested in it on its thread, as [name, ms] (thread time where the
 * trace gives it): what bench/trace-pageload.ts prints per page. A
 * `FunctionCall` is named by its function and line; nested events are
 * prefixed with `>`.
 */
export function scriptEvents(
  events: TraceEvent[],
  match: (url: string) => boolean,
): [string, number][] {
  const named = (event: TraceEvent) => {
    const data = event.args?.data;
    if (event.name !== 'FunctionCall' || !data) return event.name;
    return `FunctionCall ${data.functionName || '(anonymous)'}:${(data.lineNumber ?? 0) + 1}:${(data.columnNumber ?? 0) + 1}`;
  };
  const complete = events.filter((event) => event.ph === 'X').sort((a, b) => a.ts - b.ts);
  const out: [string, number][] = [];
  let openEnd = -1;
  let openTid = -1;
  for (const event of complete) {
    if (!SCRIPT_EVENTS.has(event.name) || !match(urlOf(event))) continue;
    const end = event.ts + (event.dur ?? 0);
    if (event.tid === openTid && end <= openEnd) continue;
    openEnd = end;
    openTid = event.tid;
    out.push([named(event), (event.tdur ?? event.dur ?? 0) / 1000]);
    for (const inner of complete) {
      if (inner === event || inner.tid !== event.tid || inner.ts < event.ts) continue;
      if (inner.ts >= end) break;
      if (inner.ts + (inner.dur ?? 0) > end) continue;
      out.push([`> ${named(inner)}`, (inner.tdur ?? inner.dur ?? 0) / 1000]);
    }
  }
  return out;
}

/** A V8 CPU profile as CDP's `Profiler.stop` gives it. */
export interface CpuProfile {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number };
    children?: number[];
  }[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Sampled self time (ms) by function (`name file:line`), idle and (program)
 * left out, largest first: what bench/trace-lists.ts and
 * bench/profile-keystrokes.ts print.
 */
export function selfTimes(profile: CpuProfile): [string, number][] {
  const byNode = new Map<number, number>();
  profile.samples.forEach((id, index) => {
    byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
  });
  const bySelf = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.replace(/^.*\//, '')}:${lineNumber + 1}`;
    bySelf.set(key, (bySelf.get(key) ?? 0) + (byNode.get(node.id) ?? 0));
  }
  return [...bySelf]
    .filter(([key]) => !/^\((idle|program)\)/.test(key))
    .sort((a, b) => b[1] - a[1]);
}
