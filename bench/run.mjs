#!/usr/bin/env node
// `npm run bench [-- --quick]`: build for both browsers, measure hover → card in
// Firefox (bench/firefox.ts), then everything in Chromium (bench/measure.ts,
// which adds Firefox's figures to its own), each run through vitest so it shares
// the tests' TypeScript harnesses, then write bench/README.md from
// bench/results.json (bench/readme.ts). Each part's duration is printed.
// --quick: 2 runs with 1,000 and 3,000 people instead of 10,000 and 100,000,
// written to .tmp/bench-quick.json and .tmp/bench-quick.md — checks the harness
// works without touching bench/results.json. Its figures are named for the sizes
// it used (bench/sizes.ts).
import { spawnSync } from 'node:child_process';

const quick = process.argv.includes('--quick');
const started = Date.now();
const run = (command, args, env = {}) => {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
const env = { BENCH: '1', BENCH_STARTED: String(started), ...(quick ? { BENCH_QUICK: '1' } : {}) };
const timed = (label, ...args) => {
  const from = Date.now();
  run(...args);
  console.error(`[bench] ${label}: ${((Date.now() - from) / 1000).toFixed(1)} s`);
};
timed('build', 'npm', ['run', 'build']);
timed('Firefox', 'npx', ['vitest', 'run', '--config', 'vitest.firefox.config.ts'], env);
timed(
  'Chromium',
  'npx',
  ['vitest', 'run', '--config', 'vitest.browser.config.ts', '--silent=false'],
  env,
);
run('node', [
  '--import',
  './build/resolve-ts.mjs',
  'bench/readme.ts',
  ...(quick ? ['.tmp/bench-quick.json', '.tmp/bench-quick.md'] : []),
]);
const minutes = ((Date.now() - started) / 60_000).toFixed(1);
console.log(`npm run bench${quick ? ' -- --quick' : ''}: ${minutes} min`);
