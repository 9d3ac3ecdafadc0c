/**
 * The address-book section by keyboard alone, against a real Radicale
 * (./radicale.ts): when what held the focus goes (the books found, once
 * connected; a book's row, once disconnected), the keyboard goes on from the
 * server field instead of falling to <body> and starting over at the top of
 * the page. The host permission is granted as tests/browser/carddav.test.ts
 * explains. (Import and directories: tests/browser/options.test.ts.)
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launch, type Session } from './harness';
import { phoneCard, type Radicale, startRadicale } from './radicale';

let session: Session;
let profileDir: string;
let options: Page;
let radicale: Radicale;

const focused = () =>
  options.evaluate(() => {
    const element = document.activeElement as HTMLInputElement | null;
    return element === document.body ? 'body' : `${element?.tagName} ${element?.id ?? ''}`;
  });

beforeAll(async () => {
  radicale = await startRadicale();
  await radicale.putBook('keys', [phoneCard('k1', 'Kim Keys', { github: 'kimkeys' })], 'Keys');
  profileDir = mkdtempSync(join(tmpdir(), 'profile-card-keys-'));
  const first = await launch({ width: 1280, height: 900 }, { profileDir });
  const id = first.extensionId;
  await first.close();
  const preferences = join(profileDir, 'Default', 'Preferences');
  const prefs = JSON.parse(readFileSync(preferences, 'utf8'));
  prefs.extensions.settings[id].runtime_granted_permissions = {
    explicit_host: ['http://127.0.0.1/*'],
  };
  writeFileSync(preferences, JSON.stringify(prefs));
  session = await launch({ width: 1280, height: 900 }, { profileDir });
  // The harness answers every request from fixtures; Radicale's pass through to the real server.
  await session.context.route(`${radicale.origin}/**`, (route) => route.continue());
  options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await options.getByRole('heading', { name: 'Address books (CardDAV)' }).waitFor();
}, 120_000);
afterAll(async () => {
  await session?.close();
  await radicale?.stop();
  rmSync(profileDir, { recursive: true, force: true });
});

it('connects and disconnects by keyboard, the focus back on the server field each time', async () => {
  await options.getByLabel('Server address').fill(`127.0.0.1:${radicale.port}`);
  await options.getByLabel('User name').fill(radicale.user);
  await options.getByLabel('App password').fill(radicale.password);
  await options.getByLabel('App password').press('Enter');
  const connect = options.getByRole('button', { name: 'Connect the chosen address books' });
  await connect.focus();
  // Positive control: the keyboard is on the button that then goes.
  expect(await focused()).toBe('BUTTON ');
  await options.keyboard.press('Enter');
  await options.getByText('Connected Keys: 1 contact.').waitFor();
  await connect.waitFor({ state: 'detached' });
  expect(await focused()).toBe('INPUT pc-carddav-server');

  const disconnect = options.getByRole('button', { name: 'Disconnect Keys' });
  await disconnect.focus();
  expect(await focused()).toBe('BUTTON ');
  await options.keyboard.press('Enter');
  await disconnect.waitFor({ state: 'detached' });
  expect(await focused()).toBe('INPUT pc-carddav-server');
});
