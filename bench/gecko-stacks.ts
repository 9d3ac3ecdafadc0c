/**
 * What a Gecko profile's samples under our content script are (issue 28):
 * reads the profiles bench/firefox-pageload.ts keeps (BENCH_GECKO_PROFILES)
 * and prints, per build, the functions our samples were in: inclusive (any
 * frame of the stack) and self (the innermost frame), in ms of samples, and
 * the sampling intervals actually seen in the load windows.
 *
 *   node --import ./build/resolve-ts.mjs bench/gecko-stacks.ts <dir> [build…]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type GeckoProfile, OUR_SCRIPT } from './gecko-profile';

function report(dir: string, build: string, top: number) {
  const profile = JSON.parse(readFileSync(join(dir, `${build}.json`), 'utf8')) as GeckoProfile;
  const windows = Object.values(
    JSON.parse(readFileSync(join(dir, `${build}.windows.json`), 'utf8')) as Record<
      string,
      { from: number; to: number }[]
    >,
  ).flat();
  const inclusive = new Map<string, number>();
  const self = new Map<string, number>();
  const below = new Map<string, number>();
  const gaps: number[] = [];
  const kinds = new Map<string, number>();
  let total = 0;
  const visit = (part: GeckoProfile) => {
    for (const thread of part.threads) {
      if (thread.name !== 'GeckoMain' || !/^(tab|web)/.test(thread.processType ?? '')) continue;
      const { stackTable, frameTable, stringTable, samples } = thread;
      const frames = (stack: number | null): string[] => {
        const out: string[] = [];
        for (let at = stack; at !== null && at !== undefined; ) {
          const row = stackTable.data[at] as (number | null)[];
          const frame = frameTable.data[row[stackTable.schema.frame as number] as number];
          out.push(stringTable[frame?.[frameTable.schema.location as number] as number] ?? '?');
          at = row[stackTable.schema.prefix as number] ?? null;
        }
        return out; // innermost first
      };
      let previous: number | undefined;
      for (const sample of samples.data) {
        const time = part.meta.startTime + (sample[samples.schema.time as number] as number);
        const interval = previous === undefined ? part.meta.interval : Math.min(time - previous, 1);
        previous = time;
        if (!windows.some((w) => time >= w.from && time <= w.to)) continue;
        const stack = frames(sample[samples.schema.stack as number] as number | null);
        const outer = stack.findLastIndex((frame) => OUR_SCRIPT.test(frame));
        if (outer < 0) continue;
        total += interval;
        gaps.push(interval);
        const short = (frame: string) =>
          frame.replace(/moz-extension:\/\/[^/]+\//, '').slice(0, 140);
        for (const name of new Set(stack.map(short)))
          inclusive.set(name, (inclusive.get(name) ?? 0) + interval);
        const leaf = short(stack[0] ?? '?');
        self.set(leaf, (self.get(leaf) ?? 0) + interval);
        // The outermost stretch of our stack: what our top-level code called, 3 deep.
        const ourInnermost = short(
          stack.find((frame) => /content-scripts\/content\.js:/.test(frame)) ?? '-',
        );
        const api = stack.some((frame) =>
          /Schemas|ExtensionChild|ExtensionCommon|ExtensionContent.sys.mjs:1[12]/.test(frame),
        );
        const remote = stack.some(
          (frame) => frame.startsWith('chrome://remote/') || / \(chrome:\/\/remote\//.test(frame),
        );
        const kind = `${remote ? 'webdriver-bidi' : api ? 'webextension API' : 'other'} | ${ourInnermost}`;
        kinds.set(kind, (kinds.get(kind) ?? 0) + interval);
        const path = stack
          .slice(Math.max(0, outer - 3), outer + 1)
          .reverse()
          .map(short)
          .join(' > ');
        below.set(path, (below.get(path) ?? 0) + interval);
      }
    }
    for (const child of part.processes ?? []) visit(child);
  };
  visit(profile);
  const print = (title: string, map: Map<string, number>) => {
    console.log(`  ${title}:`);
    for (const [name, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`    ${ms.toFixed(1).padStart(7)} ms  ${name}`);
  };
  gaps.sort((a, b) => a - b);
  console.log(
    `${build}: ${total.toFixed(1)} ms in ${windows.length} loads, ${gaps.length} samples, interval median ${gaps[gaps.length >> 1]?.toFixed(3)} ms, p90 ${gaps[Math.floor(gaps.length * 0.9)]?.toFixed(3)}`,
  );
  print('inclusive', inclusive);
  print('self', self);
  print('from our outermost frame', below);
  print('by kind | our innermost frame', kinds);
}

const [dir = '.tmp/gecko', ...builds] = process.argv.slice(2);
for (const build of builds.length ? builds : ['ours'])
  report(dir, build, Number(process.env.TOP ?? 40));
