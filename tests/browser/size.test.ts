/**
 * The size gate: the startup content script loads on every GitHub and
 * LinkedIn page, so it has a budget. Issue 28's target is ≤ 15,000 B raw
 * (bench/README.md); the polyfill's removal reached 14,867 B, and issue 21's
 * visibility checks (entrypoints/content/visible-target.ts) then added ~1.8 KB:
 * 16,677 B raw / 6,694 B gzip, a miss kept open in issue 28. The gate holds the
 * line there, so nothing else grows it unseen.
 * The card's UI is injected only once a known person is matched (card-ui.js)
 * and is not counted here. Gzip at the default level, as `gzip` and most
 * servers compress: stricter than the benchmark's level 9.
 *
 * It carries no webextension-polyfill: Chrome MV3 and Firefox are
 * promise-native for what it calls, so `wxt/browser` is the browser's own
 * `browser`/`chrome` (messaging/reply.ts answers without the polyfill). The
 * budget keeps it out: the polyfill alone is ~11 KB raw.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const output = join(import.meta.dirname, '../../.output');
const BUDGET = { raw: 17_000, gzip: 7_000 };
describe.each(['chrome-mv3', 'firefox-mv2'])('%s', (target) => {
  const dir = join(output, target, 'content-scripts');
  const scripts = readdirSync(dir).filter((file) => file.endsWith('.js'));
  const code = Buffer.concat(scripts.map((file) => readFileSync(join(dir, file))));

  it('builds the startup content script', () => {
    expect(scripts).toContain('content.js');
    // A real script (it knows the hosts it parses), not an empty stub that
    // would pass any budget.
    expect(code.length).toBeGreaterThan(1000);
    expect(code.toString('utf8')).toContain('linkedin.com');
  });

  it(`keeps the content scripts within ${BUDGET.raw} B raw and ${BUDGET.gzip} B gzip`, () => {
    const size = { raw: code.length, gzip: gzipSync(code).length };
    console.log(`${target} content scripts (bytes):`, JSON.stringify(size));
    expect(size.raw).toBeLessThanOrEqual(BUDGET.raw);
    expect(size.gzip).toBeLessThanOrEqual(BUDGET.gzip);
  });
});
