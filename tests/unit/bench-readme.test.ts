/**
 * bench/README.md is written from bench/results.json (bench/readme.ts) and
 * must never drift from it: the committed README is exactly what the
 * generator makes of the committed results. A miss always carries its
 * reason, or says that none was recorded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchReadme, type Figure } from '../../bench/readme';

const bench = join(import.meta.dirname, '../../bench');

describe('bench/README.md', () => {
  it('is what bench/readme.ts makes of bench/results.json', () => {
    const figures = JSON.parse(readFileSync(join(bench, 'results.json'), 'utf8')) as Figure[];
    expect(readFileSync(join(bench, 'README.md'), 'utf8')).toBe(benchReadme(figures));
  });

  const figures: Figure[] = [
    { name: 'a_ms', unit: 'ms', median: 20, min: 10, max: 30, runs: 3, target: '≤ 16', met: false },
    { name: 'b_ms', unit: 'ms', median: 5, min: 5, max: 5, runs: 1, target: '≤ 16', met: true },
    { name: 'a_3_ms', unit: 'ms', median: 10, min: 9, max: 11, runs: 3 },
    {
      name: 'c_ms',
      unit: 'ms',
      median: 30,
      min: 20,
      max: 40,
      runs: 3,
      target: '≤ 16',
      met: false,
      baseline: 'a_3_ms',
      ratio: 3,
    },
  ];

  it('lists every target with its figure, whether met, and its same-run baseline', () => {
    const text = benchReadme(figures, {});
    expect(text).toContain('## Targets: 1 of 3 met');
    expect(text).toContain('| `a_ms` | 20 ms (10–30, 3 runs) | ≤ 16 | **missed** |  |');
    expect(text).toContain('| `b_ms` | 5 ms | ≤ 16 | met |  |');
    expect(text).toContain(
      '| `c_ms` | 30 ms (20–40, 3 runs) | ≤ 16 | **missed** | `a_3_ms` 10 ms → ×3 |',
    );
    // Figures without a target are in the second table, not the first.
    expect(text).toMatch(/## Every other figure[\s\S]*\| `a_3_ms` \| 10 ms \(9–11, 3 runs\) \|/);
  });

  it('gives each miss its reason, or says none was recorded', () => {
    const text = benchReadme(figures, { c_ms: 'Layout of the rows dominates.' });
    expect(text).toContain(
      '- **`c_ms`**: 30 ms (20–40, 3 runs) against ≤ 16. Layout of the rows dominates.',
    );
    expect(text).toContain(
      '- **`a_ms`**: 20 ms (10–30, 3 runs) against ≤ 16. _No reason recorded yet',
    );
    expect(text).not.toMatch(/- \*\*`b_ms`\*\*/);
  });

  it('writes a reason shared by several misses once, after all of them', () => {
    const shared = 'The frame’s own wait dominates.';
    const text = benchReadme(figures, { a_ms: shared, c_ms: shared });
    expect(text).toContain(
      '- **`a_ms`**: 20 ms (10–30, 3 runs) against ≤ 16; **`c_ms`**: 30 ms (20–40, 3 runs) against ≤ 16. The frame’s own wait dominates.',
    );
    expect(text.split(shared)).toHaveLength(2);
  });
});
