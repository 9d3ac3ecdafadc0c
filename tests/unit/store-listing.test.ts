// @vitest-environment node
/**
 * The store listings (docs/store/) stay true to the manifest: every
 * permission the manifest asks for — granted or optional, in either build —
 * has its one-line justification in chrome.md, as the Chrome Web Store form
 * asks; the summaries fit the stores' limits; and the privacy policy is
 * linked from the README and both listings. The manifest is the one
 * wxt.config.ts makes (the built manifests are checked against the same
 * permissions by tests/browser/manifest.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import config from '../../wxt.config';

const root = join(import.meta.dirname, '../..');
const read = (file: string) => readFileSync(join(root, file), 'utf8');

type Manifest = Record<string, unknown> & {
  description: string;
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
};
const makeManifest = config.manifest as unknown as (env: {
  browser: string;
  manifestVersion: 2 | 3;
}) => Manifest;
const manifests = [
  makeManifest({ browser: 'chrome', manifestVersion: 3 }),
  makeManifest({ browser: 'firefox', manifestVersion: 2 }),
];
const asked = [
  ...new Set(
    manifests.flatMap((manifest) => [
      ...(manifest.permissions ?? []),
      ...(manifest.host_permissions ?? []),
      ...(manifest.optional_permissions ?? []),
      ...(manifest.optional_host_permissions ?? []),
    ]),
  ),
];

/** The bullets under "Permission justifications", continuation lines joined. */
function justifications(markdown: string): string[] {
  const section = /^### Permission justifications\n([\s\S]*?)(?=\n#{1,3} )/m.exec(markdown)?.[1];
  if (!section) throw new Error('docs/store/chrome.md has no "Permission justifications" section');
  return section
    .split(/\n(?=- )/)
    .filter((item) => item.startsWith('- '))
    .map((item) => item.replace(/\s*\n\s*/g, ' ').trim());
}

describe('docs/store/chrome.md', () => {
  const lines = justifications(read('docs/store/chrome.md'));

  it('finds the permissions and the justifications', () => {
    expect(asked).toEqual(expect.arrayContaining(['storage', 'https://github.com/*']));
    expect(lines.length).toBeGreaterThanOrEqual(5);
  });

  it.each(asked)('justifies %s in one line of its own words', (permission) => {
    const line = lines.find((item) => item.includes(`\`${permission}\``));
    expect(line, `no justification line names \`${permission}\``).toBeDefined();
    const reason = line?.slice(line.indexOf(':') + 1).trim() ?? '';
    expect(reason.length).toBeGreaterThan(60);
  });

  it("the summary (the manifest's description) fits the Chrome Web Store's 132 characters", () => {
    for (const manifest of manifests) expect(manifest.description.length).toBeLessThanOrEqual(132);
  });
});

describe('docs/store/firefox.md', () => {
  const text = read('docs/store/firefox.md');
  it("has a summary within AMO's 250 characters", () => {
    const summary = /\*\*Summary\*\*[^:]*:([\s\S]*?)\n- \*\*/.exec(text)?.[1];
    expect(summary).toBeDefined();
    expect(summary?.replace(/\s+/g, ' ').trim().length).toBeLessThanOrEqual(250);
  });
  it('tells reviewers how to rebuild: the sources zip, the Node version, the commands', () => {
    expect(text).toContain('sources.zip');
    expect(text).toMatch(/Node 22\.\d+\.\d+/);
    expect(text).toContain('npm ci && npm run build');
  });
});

it.each(['README.md', 'docs/store/chrome.md', 'docs/store/firefox.md'])(
  '%s links the privacy policy',
  (file) => {
    expect(read(file)).toMatch(/\]\((\.\.\/)*PRIVACY\.md\)/);
  },
);
