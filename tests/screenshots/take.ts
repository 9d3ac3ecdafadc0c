/**
 * `npm run screenshots`: renders the pictures of the README and
 * docs/guide.md into docs/ from the built extension in real Chromium — the
 * popup (card and list), the
 * in-page card on GitHub and LinkedIn fixtures, and keeping someone from
 * their GitHub profile in the real toolbar popup (the draft, then the update
 * diff), and the options page with a team directory subscribed and sync
 * on, light and dark.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  cardShows,
  clearPeople,
  hovercardShows,
  launch,
  openToolbarPopup,
  type Session,
  seedPeople,
  waitUntil,
} from '../browser/harness';

const docs = join(import.meta.dirname, '../../docs');
let session: Session;
beforeAll(async () => {
  session = await launch({ width: 1280, height: 760 });
});
afterAll(() => session?.close());

describe.each(['light', 'dark'] as const)('%s', (scheme) => {
  it('keep flow in the toolbar popup', async () => {
    const mira = 'https://github.com/mirak';
    session.pages.set(
      mira,
      readFileSync(
        join(import.meta.dirname, '../unit/fixtures/capture/github-profile.html'),
        'utf8',
      ),
    );
    const shoot = async (name: string, click: string, ready: string) => {
      await clearPeople(session);
      if (name === 'keep-update')
        await seedPeople(session, [
          {
            id: 'mira-kovacevic',
            name: 'Mira Kovačević',
            headline: 'Met at RustConf',
            bio: 'Storage engines.',
            identities: { github: [], linkedin: ['mira-kovačević-4821'] },
          },
        ]);
      const page = await session.context.newPage();
      await page.goto(mira, { waitUntil: 'load' });
      const popup = await openToolbarPopup(session, page, { click: true });
      await popup.colorScheme(scheme);
      const clickIt = () =>
        popup
          .evaluate<boolean>(
            `(() => { const b = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(click)}); if (!b) return false; b.click(); return true; })()`,
          )
          .catch(() => false);
      await waitUntil(`"${click}"`, clickIt);
      await waitUntil(`"${ready}"`, async () =>
        (await popup.text().catch(() => '')).includes(ready),
      );
      await popup.evaluate(
        'new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))',
      );
      writeFileSync(join(docs, `${name}-${scheme}.png`), await popup.screenshot());
      await popup.close();
      await page.close();
    };
    await shoot('keep-draft', 'Keep Mira Kovačević', 'from the profile’s microdata');
    await shoot('keep-update', 'Update Mira Kovačević from page', 'fields change');
    await clearPeople(session);
  });

  it('popup: card and list', async () => {
    const popup = await session.context.newPage();
    await popup.setViewportSize({ width: 360, height: 560 });
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
    await popup.getByText('3 people').waitFor();
    // A real popup is as tall as its content: picture <main>, not the viewport.
    const main = popup.locator('main');
    await main.screenshot({ path: join(docs, `popup-list-${scheme}.png`), animations: 'disabled' });
    await popup.getByRole('option', { name: /Deniz/ }).click();
    await popup.getByRole('heading', { name: 'Deniz Altınbüken' }).waitFor();
    await main.screenshot({ path: join(docs, `popup-card-${scheme}.png`), animations: 'disabled' });
    await popup.close();
  });

  it.each([
    ['github', 'https://github.com/spacejam', 'Tyler Neely'],
    ['linkedin', 'https://www.linkedin.com/in/denizalti/', 'Deniz Altınbüken'],
  ])('in-page card on %s', async (site, url, name) => {
    session.fixture = scheme === 'dark' ? { colorMode: 'dark', linkedinTheme: 'dark' } : {};
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(url);
    await cardShows(page, name);
    // Playwright can't switch off animations inside a closed shadow root: let the fade-in end.
    await page.waitForTimeout(400);
    await page.screenshot({
      path: join(docs, `in-page-${site}-${scheme}.png`),
      animations: 'disabled',
    });
    await page.close();
  });

  it.each([
    ['github', 'https://github.com/tikv/tikv/pull/1', 'review-author', 'Deniz'],
    ['linkedin', 'https://www.linkedin.com/feed/', 'comment-author', 'Patmesh'],
  ])('hovercard on %s', async (site, url, target, name) => {
    session.fixture = scheme === 'dark' ? { colorMode: 'dark', linkedinTheme: 'dark' } : {};
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(url);
    await page.hover(`[data-test="${target}"]`);
    await hovercardShows(page, name);
    await page.waitForTimeout(200);
    await page.screenshot({
      path: join(docs, `hovercard-${site}-${scheme}.png`),
      clip: { x: 0, y: 0, width: 900, height: 620 },
    });
    await page.close();
  });

  it('options page', async () => {
    const page = await session.context.newPage();
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(`chrome-extension://${session.extensionId}/options.html`);
    await page.getByRole('heading', { name: 'People' }).waitFor();
    // A team directory (served from a GitHub address, a host the extension always holds).
    const directory = 'https://github.com/example-team/people/raw/main/team.json';
    session.pages.set(
      directory,
      JSON.stringify([
        {
          id: 'ines-okafor',
          name: 'Ines Okafor',
          headline: 'Site reliability',
          identities: { github: ['inesokafor'] },
        },
        {
          id: 'marek-nowak',
          name: 'Marek Nowak',
          headline: 'Storage',
          identities: { github: ['mareknowak'] },
        },
      ]),
    );
    const list = page.getByTestId('pc-directories');
    if ((await list.count()) === 0) {
      await page.getByLabel('Directory address').fill(directory);
      await page.getByLabel('Name on cards (optional)').fill('Platform team');
      await page.getByRole('button', { name: 'Subscribe to a directory' }).click();
    }
    await list.getByText(/2 people · fetched/).waitFor();
    const sync = page.getByLabel("Sync my people and settings through this browser's sync");
    if (!(await sync.isChecked())) await sync.check();
    await page.getByTestId('pc-sync-status').waitFor();
    await page.setInputFiles('input[type="file"]', {
      name: 'team.json',
      mimeType: 'application/json',
      buffer: Buffer.from(
        JSON.stringify([
          {
            id: 'ada-lovelace',
            name: 'Ada Lovelace',
            headline: 'Analyst of the Analytical Engine',
            bio: 'Wrote the first published program.',
            identities: { github: ['adalovelace'] },
          },
          {
            id: 'grace',
            name: 'Grace Hopper',
            headline: 'Compilers',
            bio: 'COBOL.',
            contact: { email: 'not-an-email' },
            identities: {},
          },
        ]),
      ),
    });
    // Grace's unusable email is left out, and she is kept (issue 22).
    await page.getByText(/2 to add/).waitFor();
    // Two frames, as a user's eyes get: rows drawn in the frame before the capture
    // are painted once the browser has decided they are in view (content-visibility).
    await page.evaluate(
      () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
    );
    await page.screenshot({
      path: join(docs, `options-${scheme}.png`),
      fullPage: true,
      animations: 'disabled',
    });
    await page.close();
  });
});
