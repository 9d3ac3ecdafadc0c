/**
 * The Node this project needs is said in three places — package.json's
 * `engines`, the check and the version .ci/run provisions, and the README —
 * and they must agree: each version below is accepted or refused by both
 * checks alike, the version CI installs is accepted, and the README names
 * its major version. (Why ^22.13 or >= 24: README "Node".)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');
const engines = JSON.parse(read('package.json')).engines.node as string;
const ci = read('.ci/run');

/** npm's range forms this project uses: `^x.y.z`, `>=x[.y[.z]]`, joined by `||`. */
function satisfies(version: string, range: string): boolean {
  const [major = 0, minor = 0, patch = 0] = version.split('.').map(Number);
  const at = (v: number[]) =>
    major * 1e6 + minor * 1e3 + patch - ((v[0] ?? 0) * 1e6 + (v[1] ?? 0) * 1e3 + (v[2] ?? 0));
  return range.split('||').some((part) => {
    const match = /^\s*(\^|>=)\s*(\d+(?:\.\d+){0,2})\s*$/.exec(part);
    if (!match) throw new Error(`a range form this test does not read: "${part}"`);
    const bound = (match[2] as string).split('.').map(Number);
    return match[1] === '^' ? major === bound[0] && at(bound) >= 0 : at(bound) >= 0;
  });
}

/** .ci/run's own check, run on a given version instead of the machine's. */
function ciAccepts(version: string): boolean {
  const body = /node -e '([\s\S]+?)' 2>\/dev\/null/.exec(ci)?.[1];
  if (!body) throw new Error('.ci/run has no `node -e` check');
  const exit = (code: number) => {
    throw code;
  };
  try {
    new Function('process', body)({ versions: { node: version }, exit });
  } catch (code) {
    return code === 0;
  }
  throw new Error('the check did not exit');
}

const provisioned = /^NODE_VERSION=(\S+)$/m.exec(ci)?.[1] as string;

it.each([
  ['18.19.0', false],
  ['20.20.2', false],
  ['22.12.0', false],
  ['22.13.0', true],
  ['22.23.3', true],
  ['23.11.0', false],
  ['24.0.0', true],
  ['26.1.0', true],
])('Node %s: accepted %s by package.json and by .ci/run alike', (version, accepted) => {
  expect(satisfies(version, engines)).toBe(accepted);
  expect(ciAccepts(version)).toBe(accepted);
});

it('.ci/run provisions a Node that package.json accepts, and the README names it', () => {
  expect(provisioned).toMatch(/^\d+\.\d+\.\d+$/);
  expect(satisfies(provisioned, engines)).toBe(true);
  expect(read('README.md')).toContain(`Node ${provisioned.split('.')[0]}`);
});
