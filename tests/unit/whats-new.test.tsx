/**
 * "What's new" (issue 16): the background only writes down an install or an
 * update — never a tab — and the options page's banner shows the
 * changelog's entries since the version last seen, once, dismissable,
 * nothing on a fresh install. The real browser, with a real update:
 * tests/browser/whats-new.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { WhatsNew } from '../../components/options/WhatsNew';
import { parseChangelog } from '../../components/parts/markdown';
import { startWhatsNew } from '../../entrypoints/background/whats-new';
import {
  compareVersions,
  isVersion,
  LAST_VERSION_SEEN_KEY,
  noteInstall,
  readLastVersionSeen,
  toAnnounce,
} from '../../settings/whats-new';

const root = join(import.meta.dirname, '../..');
const CHANGELOG = `# Changelog

Intro.

## Unreleased

- not yet

## 0.3.0 — 2027-02-01

- Third: \`code\` and **bold**.

## 0.2.0 — 2027-01-01

Second.

## 0.1.0 — 2026-11-21

First release.
`;

const stored = async () =>
  (await fakeBrowser.storage.local.get(LAST_VERSION_SEEN_KEY))[LAST_VERSION_SEEN_KEY];
const settle = async () => {
  for (let i = 0; i < 5; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
};

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('versions', () => {
  it.each([
    ['0.1.0', '0.2.0', -1],
    ['0.10.0', '0.9.9', 1],
    ['1.0', '1.0.0', 0],
    ['1.0.0.1', '1.0.0', 1],
    ['2', '10', -1],
  ])('%s against %s', (a, b, sign) => {
    expect(Math.sign(compareVersions(a, b))).toBe(sign);
  });

  it.each([
    ['0.1.0', true],
    ['1', true],
    ['1.2.3.4', true],
    ['1.2.3.4.5', false],
    ['01.2', false],
    ['1.2-beta', false],
    ['', false],
    [42, false],
    [null, false],
  ])('%j is a version: %s', (value, expected) => {
    expect(isVersion(value)).toBe(expected);
  });
});

describe('what to announce', () => {
  const entries = parseChangelog(CHANGELOG);
  it('reads the versioned entries, skipping "Unreleased"', () => {
    expect(entries.map((entry) => [entry.version, entry.date])).toEqual([
      ['0.3.0', '2027-02-01'],
      ['0.2.0', '2027-01-01'],
      ['0.1.0', '2026-11-21'],
    ]);
  });
  it.each<[string | undefined, string, string[]]>([
    ['0.1.0', '0.2.0', ['0.2.0']],
    ['0.1.0', '0.3.0', ['0.3.0', '0.2.0']], // skipped an update: both
    ['0.2.0', '0.2.0', []],
    ['0.3.0', '0.2.0', []], // a downgrade
    [undefined, '0.3.0', []], // a fresh install, or nothing readable
    ['0.2.0', '0.2.5', []], // a version without an entry
  ])('last seen %s, running %s: %j', (lastSeen, current, versions) => {
    expect(toAnnounce(entries, lastSeen, current).map((entry) => entry.version)).toEqual(versions);
  });
});

describe('the background, on install and update', () => {
  it.each<[string, { reason: string; previousVersion?: string }, unknown, unknown]>([
    ['a fresh install', { reason: 'install' }, undefined, '0.2.0'],
    [
      'an update from 0.1.0 (which wrote no key)',
      { reason: 'update', previousVersion: '0.1.0' },
      undefined,
      '0.1.0',
    ],
    [
      'an update when an older version is still unseen',
      { reason: 'update', previousVersion: '0.1.5' },
      '0.1.0',
      '0.1.0',
    ],
    [
      'an update over an unreadable value',
      { reason: 'update', previousVersion: '0.1.0' },
      { v: 1 },
      '0.1.0',
    ],
    [
      'an update with no usable previous version',
      { reason: 'update', previousVersion: 'x' },
      undefined,
      undefined,
    ],
    ['a browser update', { reason: 'browser_update' }, '0.1.0', '0.1.0'],
  ])('%s', async (_name, details, before, after) => {
    if (before !== undefined)
      await fakeBrowser.storage.local.set({ [LAST_VERSION_SEEN_KEY]: before });
    await noteInstall(details, '0.2.0');
    expect(await stored()).toEqual(after);
  });

  it('writes down the update and opens no tab (a tab it opened would be counted)', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '0.2.0' } as never);
    const openOptionsPage = vi.spyOn(fakeBrowser.runtime, 'openOptionsPage');
    startWhatsNew();
    const before = (await fakeBrowser.tabs.query({})).length;
    await fakeBrowser.runtime.onInstalled.trigger({
      reason: 'update',
      previousVersion: '0.1.0',
    } as never);
    await settle();
    expect(await stored()).toBe('0.1.0');
    expect((await fakeBrowser.tabs.query({})).length).toBe(before);
    expect(openOptionsPage).not.toHaveBeenCalled();
    // Control: the same count does see a tab when one is opened.
    await fakeBrowser.tabs.create({ url: 'https://example.org/' });
    expect((await fakeBrowser.tabs.query({})).length).toBe(before + 1);
  });
});

describe('the banner', () => {
  function mount(props: Parameters<typeof WhatsNew>[0]) {
    const host = document.createElement('div');
    document.body.append(host);
    render(<WhatsNew changelogText={CHANGELOG} {...props} />, host);
    return host;
  }
  afterEach(() => {
    document.body.replaceChildren();
  });

  it('shows the entry for the new version after an update, once, and can be dismissed', async () => {
    await fakeBrowser.storage.local.set({ [LAST_VERSION_SEEN_KEY]: '0.1.0' });
    const first = mount({ version: '0.2.0' });
    await settle();
    expect(first.querySelector('h2')?.textContent).toBe('What’s new in Profile Card 0.2.0');
    expect(first.textContent).toContain('Second.');
    expect(first.textContent).not.toContain('First release.');
    expect(await readLastVersionSeen()).toBe('0.2.0'); // marked as it appears
    const dismiss = [...first.querySelectorAll('button')].find((b) => b.textContent === 'Dismiss');
    await act(() => dismiss?.click());
    expect(first.textContent).toBe('');
    // A second options page, or the same one reloaded, does not show it again.
    const second = mount({ version: '0.2.0' });
    await settle();
    expect(second.textContent).toBe('');
  });

  it('shows every version since the one last seen, and renders code and bold as elements', async () => {
    await fakeBrowser.storage.local.set({ [LAST_VERSION_SEEN_KEY]: '0.1.0' });
    const host = mount({ version: '0.3.0' });
    await settle();
    expect([...host.querySelectorAll('h3')].map((h) => h.textContent)).toEqual([
      '0.3.0 — 2027-02-01',
      '0.2.0 — 2027-01-01',
    ]);
    expect(host.querySelector('li code')?.textContent).toBe('code');
    expect(host.querySelector('li strong')?.textContent).toBe('bold');
  });

  it('shows nothing on a fresh install, and the same setup after an update does (control)', async () => {
    await noteInstall({ reason: 'install' }, '0.2.0');
    const fresh = mount({ version: '0.2.0' });
    await settle();
    expect(fresh.textContent).toBe('');
    await noteInstall({ reason: 'update', previousVersion: '0.2.0' }, '0.3.0');
    // The version last seen is 0.2.0, so the update to 0.3.0 is news.
    const updated = mount({ version: '0.3.0' });
    await settle();
    expect(updated.querySelector('h2')?.textContent).toBe('What’s new in Profile Card 0.3.0');
  });
});

describe('the real CHANGELOG.md', () => {
  const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version as string;
  it("has an entry for package.json's version, with something to say", () => {
    const entry = parseChangelog(readFileSync(join(root, 'CHANGELOG.md'), 'utf8')).find(
      (found) => found.version === version,
    );
    expect(entry?.body.length ?? 0).toBeGreaterThan(0);
  });
});
