#!/usr/bin/env node
// `npm run bench [-- --quick]`: build, then measure in Chromium (bench/measure.ts,
// run through vitest so it shares the browser tests' TypeScript harness).
// --quick: 2 runs and 1,000 profiles, written to .tmp/ — checks the harness works
// without touching bench/results.json.
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
