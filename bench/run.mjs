#!/usr/bin/env node
// `npm run bench [-- --quick]`: build, then measure in Chromium (bench/measure.ts,
// run through vitest so it shares the browser tests' TypeScript harness).
// --quick: 2 runs with 1,000 and 3,000 people instead of 10,000 and 100,000,
// written to .tmp/bench-quick.json — checks the harness works without touching
// bench/results.json. Its figures are named for the sizes it used (bench/sizes.ts).
import { spawnSync } from 'node:child_process';

const quick = process.argv.includes('--quick');
const run = (command, args, env = {}) => {
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
run('npx', ['wxt', 'build']);
run('npx', ['vitest', 'run', '--config', 'vitest.browser.config.ts', '--silent=false'], {
  BENCH: '1',
  ...(quick ? { BENCH_QUICK: '1' } : {}),
});
