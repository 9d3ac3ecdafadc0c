/**
 * `npm run bench -- --quick` measures 1,000 and 3,000 people instead of
 * 10,000 and 100,000; its figures must say so. Every figure name that
 * carries a size takes it from the sizes the run really used
 * (bench/sizes.ts), never from a size written into the name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchSizes, sizeLabel } from '../../bench/sizes';

const measure = readFileSync(join(import.meta.dirname, '../../bench/measure.ts'), 'utf8');

describe('bench figure names', () => {
  it('write no people count into a figure name', () => {
    // String and template literals that look like figure names (snake_case with a unit).
    const names = [...measure.matchAll(/['`]([a-z0-9_${}A-Z.]+_(?:ms|bytes|ratio))['`]/g)].map(
      (match) => match[1] as string,
    );
    expect(names.length).toBeGreaterThan(20);
    expect(names.filter((name) => /(^|_)\d+k(_|$)/.test(name))).toEqual([]);
  });

  it.each([
    [1_000, '1k'],
    [3_000, '3k'],
    [10_000, '10k'],
    [100_000, '100k'],
    [1_500, '1500'],
    [3, '3'],
  ])('label %i people as %s', (count, label) => {
    expect(sizeLabel(count)).toBe(label);
  });

  it.each([
    [false, 10_000, '10k', 100_000, '100k'],
    [true, 1_000, '1k', 3_000, '3k'],
  ])('quick=%s uses %i (%s) and %i (%s) people', (quick, directory, label, big, bigLabel) => {
    expect(benchSizes(quick)).toMatchObject({
      directory: { count: directory, label },
      big: { count: big, label: bigLabel },
    });
  });
});
