/**
 * The size gate: the startup content script loads on every GitHub and
 * LinkedIn page, so it has a budget (README.md#benchmark). The card's UI is
 * injected only once a known person is matched (card-ui.js) and is not
 * counted here. Gzip at the default level, as `gzip` and most servers
 * compress: stricter than the benchmark's level 9.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const output = join(import.meta.dirname, '../../.output');
const BUDGET = { raw: 30_000, gzip: 12_000 };

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
