/**
 * The house's import rules (.dependency-cruiser.cjs, run over the sources by
 * `npm run deps` in `npm run lint`) can fail: run on a small house with an
 * upward import (people/ → store/, type-only) and a circle (formats/one.ts ⇄
 * formats/two.ts, one edge type-only), dependency-cruiser reports exactly
 * those, and nothing in the files that import the way the floors allow.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cruise, type ICruiseResult, type IRuleSetType } from 'dependency-cruiser';

const root = join(import.meta.dirname, '../..');
const house = join(import.meta.dirname, 'fixtures/house');
const config = createRequire(import.meta.url)(join(root, '.dependency-cruiser.cjs')) as {
  forbidden: IRuleSetType['forbidden'];
  options: Record<string, unknown>;
};

async function violations(dirs: string[], baseDir: string) {
  const { output } = await cruise(dirs, {
    ...config.options,
    baseDir,
    validate: true,
    ruleSet: { forbidden: config.forbidden },
  });
  const result = output as ICruiseResult;
  return {
    modules: result.summary.totalCruised,
    found: result.summary.violations
      .map((violation) => `${violation.rule.name}: ${violation.from} → ${violation.to}`)
      .sort(),
  };
}

describe('the import rules', () => {
  it('report an upward import and a circle, type-only edges included (positive control)', async () => {
    const { modules, found } = await violations(['people', 'store', 'formats'], house);
    expect(modules).toBe(4);
    // Each circle once, from its first module.
    expect(found).toEqual([
      'no-circular: formats/one.ts → formats/two.ts',
      'no-circular: people/person.ts → store/stored.ts',
      'no-upward:people: people/person.ts → store/stored.ts',
    ]);
  }, 30_000);
});
