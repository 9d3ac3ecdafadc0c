/**
 * Where an import and an export of 100,000 people spend their time (issue
 * 28): one Chromium with the built extension, the options page importing
 * the bench's 100,000 people and then exporting them, with the V8 CPU
 * profiler (CDP `Profiler`, 200 µs samples) running in each job worker
 * (entrypoints/options/jobs-worker.ts) and in the page itself. The page
 * ends a worker as soon as its job answers; here its `terminate` is held
 * until the worker's profile is taken. Printed: each worker's events
 * (progress by phase, with times), its busy time, and the functions with
 * the most self and total time. What it found is in bench/notes.ts. Run
 * with `npm run build && BENCH=trace-store npx vitest run --config vitest.browser.config.ts`
 * (names are readable in an unminified build: `PC_UNMINIFIED=1 npm run build`).
 * `TRACE_PEOPLE` sets how many (default 100,000).
 */
import type { CDPSession, Page } from 'playwright-core';
import { launch } from '../tests/browser/harness';
import { generateProfiles } from './generate';
import { patient } from './patience';
import { exportThroughOptions, importThroughOptions } from './store-figures';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const PEOPLE = Number(process.env.TRACE_PEOPLE ?? 100_000);

/** Self and total ms per function, top `count` of each, idle left out. */
function summarize(profile: CpuProfile, count = 25): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes)
    for (const child of node.children ?? []) parent.set(child, node.id);
  const key = (node: ProfileNode) => {
    const { functionName, url, lineNumber, columnNumber } = node.callFrame;
    return `${functionName || '(anonymous)'} ${url.replace(/^.*\//, '')}:${lineNumber + 1}:${columnNumber + 1}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let busy = 0;
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const node = byId.get(id);
    if (!node || /^\((idle|program)\)/.test(node.callFrame.functionName)) return;
    busy += ms;
    self.set(key(node), (self.get(key(node)) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const here = byId.get(at);
      if (!here) break;
      const name = key(here);
      if (seen.has(name)) continue;
      seen.add(name);
      total.set(name, (total.get(name) ?? 0) + ms);
    }
  });
  const top = (map: Map<string, number>) =>
    [...map]
      .filter(([name]) => !/^\(root\)/.test(name))
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, ms]) => `${ms.toFixed(1).padStart(9)} ms  ${name}`)
      .join('\n');
  return `busy ${busy.toFixed(0)} ms\n  self, top ${count}:\n${top(self)}\n  total, top ${count}:\n${top(total)}`;
}

/**
 * Profiles every worker the page starts from now on, through the page's own
 * CDP session (auto-attach, messages relayed: Playwright's session is not
 * flattened for child targets).
 */
async function profileWorkers(cdp: CDPSession) {
  const workers: { sessionId: string; url: string }[] = [];
  let nextId = 1;
  const call = <T>(sessionId: string, method: string, params: object = {}): Promise<T> => {
    const id = nextId++;
    const reply = new Promise<T>((resolve, reject) => {
      const onMessage = (event: { sessionId: string; message: string }) => {
        const message = JSON.parse(event.message) as { id?: number; result?: T; error?: unknown };
        if (event.sessionId !== sessionId || message.id !== id) return;
        off();
        if (message.error) reject(new Error(JSON.stringify(message.error)));
        else resolve(message.result as T);
      };
      const onDetached = (event: unknown) => {
        if ((event as { sessionId: string }).sessionId !== sessionId) return;
        off();
        reject(new Error(`${method}: the worker is gone`));
      };
      const off = () => {
        cdp.off('Target.receivedMessageFromTarget', onMessage);
        cdp.off('Target.detachedFromTarget', onDetached);
      };
      cdp.on('Target.receivedMessageFromTarget', onMessage);
      cdp.on('Target.detachedFromTarget', onDetached);
    });
    void cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id, method, params }),
    });
    return reply;
  };
  const started: Promise<unknown>[] = [];
  // A worker of a page since navigated away from is gone: it answers nothing.
  cdp.on('Target.detachedFromTarget', (event: unknown) => {
    const { sessionId } = event as { sessionId: string };
    const at = workers.findIndex((worker) => worker.sessionId === sessionId);
    if (at >= 0) workers.splice(at, 1);
  });
  cdp.on('Target.attachedToTarget', (event: unknown) => {
    const { sessionId, targetInfo } = event as {
      sessionId: string;
      targetInfo: { type: string; url: string };
    };
    if (targetInfo.type !== 'worker') return;
    workers.push({ sessionId, url: targetInfo.url });
    started.push(
      (async () => {
        await call(sessionId, 'Profiler.enable');
        await call(sessionId, 'Profiler.setSamplingInterval', { interval: 200 });
        await call(sessionId, 'Profiler.start');
        await call(sessionId, 'Runtime.runIfWaitingForDebugger');
      })().catch(() => undefined),
    );
  });
  await cdp.send('Target.setAutoAttach', {
    autoAttach: true,
    waitForDebuggerOnStart: true,
    flatten: false,
  });
  return {
    workers,
    async stopAll(): Promise<CpuProfile[]> {
      await Promise.allSettled(started);
      const profiles: CpuProfile[] = [];
      for (const { sessionId } of workers)
        profiles.push(
          (
            await call<{ profile: CpuProfile }>(sessionId, 'Profiler.stop').catch(() => ({
              profile: { nodes: [], samples: [], timeDeltas: [] },
            }))
          ).profile,
        );
      workers.length = 0;
      started.length = 0;
      return profiles;
    },
  };
}

/** In the page, before its scripts: each worker's requests and events logged, its end held. */
function holdWorkers() {
  type Entry = {
    at: number;
    worker: number;
    dir: string;
    type: string;
    phase?: string;
    done?: number;
  };
  const log: Entry[] = [];
  const held: Worker[] = [];
  const own = window as never as { __jobs: { log: Entry[]; held: Worker[]; created: number } };
  own.__jobs = { log, held, created: 0 };
  const Original = Worker;
  class Logged extends Original {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      const worker = own.__jobs.created++;
      this.addEventListener('message', (event: MessageEvent) => {
        const { type, phase, done } = event.data ?? {};
        log.push({ at: performance.now(), worker, dir: '◀', type, phase, done });
      });
      const post = this.postMessage.bind(this);
      this.postMessage = (message: { type: string }) => {
        log.push({ at: performance.now(), worker, dir: '▶', type: message?.type });
        post(message as never);
      };
    }
    // Held, not ended: the worker's profile is taken first (`endHeld`).
    override terminate() {
      held.push(this);
    }
  }
  const native = Original.prototype.terminate;
  (own.__jobs as never as { end: () => void }).end = () => {
    for (const worker of held.splice(0)) native.call(worker);
  };
  (window as never as { Worker: typeof Worker }).Worker = Logged;
}

/** The page's log of worker events since `from`, phases condensed: first and last of each. */
async function printLog(page: Page, from: number) {
  const log = await page.evaluate(
    () =>
      (
        window as never as {
          __jobs: {
            log: {
              at: number;
              worker: number;
              dir: string;
              type: string;
              phase?: string;
              done?: number;
            }[];
          };
        }
      ).__jobs.log,
  );
  const lines: string[] = [];
  let previous: (typeof log)[number] | undefined;
  for (const [index, entry] of log.slice(from).entries()) {
    const next = log[from + index + 1];
    const samePhase = (a?: typeof entry) =>
      a && a.type === 'progress' && a.phase === entry.phase && a.worker === entry.worker;
    if (entry.type === 'progress' && samePhase(previous) && samePhase(next)) {
      previous = entry;
      continue;
    }
    lines.push(
      `  ${entry.at.toFixed(0).padStart(8)} ms  worker ${entry.worker} ${entry.dir} ${entry.type}` +
        `${entry.phase ? ` ${entry.phase}` : ''}${entry.done === undefined ? '' : ` ${entry.done}`}`,
    );
    previous = entry;
  }
  console.log(lines.join('\n'));
  return log.length;
}

async function endHeld(page: Page) {
  await page.evaluate(() => (window as never as { __jobs: { end: () => void } }).__jobs.end());
}

it(
  `profiles an import and an export of ${PEOPLE.toLocaleString('en')} people`,
  async () => {
    const session = await launch({ width: 1440, height: 900 });
    patient(session.context);
    try {
      await session.context.addInitScript(holdWorkers);
      const file = Buffer.from(JSON.stringify({ version: 1, profiles: generateProfiles(PEOPLE) }));
      const page = await session.context.newPage();
      await page.goto(`chrome-extension://${session.extensionId}/options.html`);
      const cdp = await session.context.newCDPSession(page);
      const workers = await profileWorkers(cdp);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });

      // The import: preview and write, in one worker.
      await cdp.send('Profiler.start');
      const imported = await importThroughOptions(session, page, file);
      const pageImport = ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile;
      console.log(
        `\n=== import of ${PEOPLE} people: preview ${imported.preview.toFixed(0)} ms, write ${imported.write.toFixed(0)} ms, page long tasks in preview ${imported.longTasks} (longest ${imported.longestTask.toFixed(0)} ms)`,
      );
      let seen = await printLog(page, 0);
      for (const [index, profile] of (await workers.stopAll()).entries())
        console.log(`\n--- import: worker ${index}: ${summarize(profile)}`);
      console.log(`\n--- import: page: ${summarize(pageImport, 12)}`);
      await endHeld(page);

      // The export: reading every record, the file made, handed to the page.
      await cdp.send('Profiler.start');
      const exported = await exportThroughOptions(session, page, PEOPLE);
      const pageExport = ((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile;
      console.log(
        `\n=== export of ${PEOPLE} people: ${exported.ms.toFixed(0)} ms, ${exported.bytes} bytes, page long tasks ${exported.longTasks} (longest ${exported.longestTask.toFixed(0)} ms)`,
      );
      seen = await printLog(page, 0);
      for (const [index, profile] of (await workers.stopAll()).entries())
        console.log(`\n--- export: worker ${index}: ${summarize(profile)}`);
      console.log(`\n--- export: page: ${summarize(pageExport, 15)}`);
      await endHeld(page);
      void seen;
    } finally {
      await session.close();
    }
  },
  20 * 60_000,
);
