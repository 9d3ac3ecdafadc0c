/**
 * The built manifests ask for exactly the permissions docs/design.md#permissions
 * explains, and expose nothing a page could probe. The optional
 * permissions are any https host and this machine's http, never granted at
 * install: a directory's or an address book's one host is asked for from
 * the user's click (directories/url.ts, carddav/url.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MATCH_PATTERNS } from '../../identity/hosts';

const output = join(import.meta.dirname, '../../.output');
const read = (target: string) =>
  JSON.parse(readFileSync(join(output, target, 'manifest.json'), 'utf8'));

const ALLOWED_PERMISSIONS = ['activeTab', 'scripting', 'storage', 'unlimitedStorage'];
/** The one host list (identity/hosts.ts); the forbidden list below keeps it narrow. */
const HOSTS = [...MATCH_PATTERNS].sort();

describe.each(['chrome-mv3', 'firefox-mv2'])('%s manifest', (target) => {
  const manifest = read(target);
  const permissions: string[] = manifest.permissions ?? [];
  const hosts: string[] =
    target === 'chrome-mv3'
      ? manifest.host_permissions
      : permissions.filter((p) => p.includes('://'));

  it('asks for storage, unlimitedStorage, activeTab and scripting only', () => {
    expect(permissions.filter((p) => !p.includes('://')).sort()).toEqual(ALLOWED_PERMISSIONS);
  });

  it('may ask later for one https (or loopback) host at a time, and for nothing else', () => {
    const later = ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'];
    if (target === 'chrome-mv3') {
      expect(manifest.optional_permissions ?? []).toEqual([]);
      expect(manifest.optional_host_permissions).toEqual(later);
    } else {
      expect(manifest.optional_permissions).toEqual(later);
      expect(manifest.optional_host_permissions).toBeUndefined();
    }
  });

  it('has host access to GitHub and LinkedIn only', () => {
    expect([...hosts].sort()).toEqual(HOSTS);
    const {
      optional_host_permissions: _later,
      optional_permissions: _laterMv2,
      ...granted
    } = manifest;
    const everything = JSON.stringify(granted);
    for (const forbidden of [
      '"tabs"',
      'webNavigation',
      '"history"',
      '<all_urls>',
      '*://*/*',
      'https://*/*',
    ]) {
      expect(everything).not.toContain(forbidden);
    }
  });

  it('runs its content script only on GitHub and LinkedIn', () => {
    const matches = manifest.content_scripts.flatMap(
      (script: { matches: string[] }) => script.matches,
    );
    expect([...new Set(matches)].sort()).toEqual(HOSTS);
  });

  it('lists no web-accessible resources', () => {
    expect(manifest.web_accessible_resources).toBeUndefined();
  });

  // MV2 names the toolbar button `browser_action`; Firefox shows a puzzle
  // piece and the add-on's name when its icon and title are missing there.
  it('gives the toolbar button its title and icon', () => {
    const action = target === 'chrome-mv3' ? manifest.action : manifest.browser_action;
    // The title is a message (docs/i18n.md), in the user's language.
    expect(action).toMatchObject({
      default_title: '__MSG_action_title__',
      default_popup: 'popup.html',
    });
    const icons = Object.entries<string>(action.default_icon ?? {});
    expect(icons.map(([size]) => size).sort()).toEqual(['16', '32']);
    for (const [, file] of icons) expect(existsSync(join(output, target, file)), file).toBe(true);
  });
});
