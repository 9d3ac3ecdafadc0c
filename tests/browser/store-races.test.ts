/**
 * Two extension pages (two options tabs of one browser) writing at the same
 * moment, and the background writing while a page does: every loss issue 11
 * lists, done as a user would, with what must survive checked through the
 * background's own answers (`list`, `lookup`) rather than storage internals.
 *
 * Each of these lost a change on the one-value `storage.local` store (run
 * against main before the IndexedDB store: the import race lost one import,
 * the delete during an import lost the 3,000 people, the preview-then-edit
 * stored two "twin" rows, settings and card states lost a write).
 */
import type { Page } from 'playwright-core';
import { launch, type Session, waitUntil } from './harness';

let session: Session;
let first: Page;
let second: Page;

const person = (id: string, name: string, github: string[] = []) => ({
  id,
  name,
  headline: 'Engineer',
  bio: 'Builds things.',
  projects: [],
  contact: {},
  identities: { github, linkedin: [] },
});
const file = (name: string, content: unknown) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify(content)),
});

async function openOptions(page: Page) {
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  await page.getByRole('heading', { name: 'People' }).waitFor();
}

/** What the background serves: every visible person's id. */
const listedIds = (page: Page) =>
  page.evaluate(async () =>
    ((await chrome.runtime.sendMessage({ type: 'list' })) as { id: string }[]).map(
      (entry) => entry.id,
    ),
  );
const lookup = (page: Page, key: string) =>
  page.evaluate(
    (key) =>
      chrome.runtime.sendMessage({ type: 'lookup', key }) as Promise<{
        profile: { id: string; name: string };
        settings: { inPage: boolean; hovercards: boolean };
        state?: string;
      } | null>,
    key,
  );

/**
 * Clicks a button (by its accessible name: aria-label, else text) at a moment
 * given in wall-clock ms, from inside the page, so two pages click within a
 * millisecond of each other (Playwright's own clicks are tens of ms apart).
 */
const clickAt = (page: Page, name: string, at: number) =>
  page.evaluate(
    ([name, at]) => {
      const button = [...document.querySelectorAll('button')].find(
        (b) => (b.getAttribute('aria-label') ?? b.textContent?.trim()) === name,
      );
      if (!button) throw new Error(`no button ${name}`);
      setTimeout(() => button.click(), Math.max(0, (at as number) - Date.now()));
    },
    [name, at] as const,
  );
const checkAt = (page: Page, group: string, label: string, checked: boolean, at: number) =>
  page.evaluate(
    ([group, label, checked, at]) => {
      const fieldset = [...document.querySelectorAll('fieldset')].find(
        (f) => f.querySelector('legend')?.textContent === group,
      );
      const input = [...(fieldset?.querySelectorAll('label') ?? [])]
        .find((l) => l.textContent?.trim() === label)
        ?.querySelector('input');
      if (!input) throw new Error(`no ${group} ${label}`);
      setTimeout(
        () => {
          if (input.checked !== checked) input.click();
        },
        Math.max(0, (at as number) - Date.now()),
      );
    },
    [group, label, checked, at] as const,
  );

beforeAll(async () => {
  session = await launch({ width: 1280, height: 900 });
  first = await session.context.newPage();
  second = await session.context.newPage();
  await openOptions(first);
  await openOptions(second);
});
afterAll(() => session?.close());

describe('two options tabs at once', () => {
  it('keeps both imports when both tabs confirm at the same moment', async () => {
    for (let round = 0; round < 3; round++) {
      const a = person(`race-a-${round}`, `Race A ${round}`);
      const b = person(`race-b-${round}`, `Race B ${round}`);
      await first.setInputFiles('input[type="file"]', file('a.json', a));
      await second.setInputFiles('input[type="file"]', file('b.json', b));
      await first.getByRole('button', { name: 'Import 1 profile' }).waitFor();
      await second.getByRole('button', { name: 'Import 1 profile' }).waitFor();
      const at = Date.now() + 300;
      await clickAt(first, 'Import 1 profile', at);
      await clickAt(second, 'Import 1 profile', at);
      await first.getByText('Imported: 1 added, 0 updated.').first().waitFor();
      await second.getByText('Imported: 1 added, 0 updated.').first().waitFor();
      const ids = await listedIds(first);
      expect(ids).toContain(a.id);
      expect(ids).toContain(b.id);
    }
  });

  it('loses neither a 3,000-person import nor a delete confirmed while it is written', async () => {
    await first.setInputFiles(
      'input[type="file"]',
      file('victim.json', person('victim', 'Vic Tim')),
    );
    await first.getByRole('button', { name: 'Import 1 profile' }).click();
    await first.getByText('Imported: 1 added').first().waitFor();
    const many = Array.from({ length: 3000 }, (_, index) =>
      person(`bulk-${index}`, `Bulk Person ${index}`, [`bulk-login-${index}`]),
    );
    await first.setInputFiles('input[type="file"]', file('bulk.json', many));
    await first.getByRole('button', { name: 'Import 3,000 profiles' }).waitFor();
    await first.getByRole('searchbox').fill('Vic Tim');
    await first.getByRole('button', { name: 'Delete Vic Tim' }).click();
    // Import, then confirm the delete at once: both writes are under way together.
    const at = Date.now() + 200;
    await clickAt(first, 'Import 3,000 profiles', at);
    await clickAt(first, 'Delete', at + 50);
    await first
      .getByText(/Imported: 3,?000 added/)
      .first()
      .waitFor({ timeout: 20_000 });
    await first.getByText('Deleted Vic Tim.').first().waitFor({ timeout: 20_000 });
    const ids = new Set(await listedIds(first));
    expect(ids.has('victim')).toBe(false);
    expect(many.filter((entry) => !ids.has(entry.id)).map((entry) => entry.id)).toEqual([]);
    await first.getByRole('searchbox').fill('');
  });

  it('asks again when the same id was typed by hand between the preview and the confirm', async () => {
    await first.setInputFiles(
      'input[type="file"]',
      file('twin.json', person('twin', 'Twin From File', ['twin-file'])),
    );
    await first.getByText('1 to add · 0 to update · 0 unchanged · 0 refused').waitFor();
    // Meanwhile, in the other tab, the same id typed by hand.
    await second.getByRole('button', { name: 'Add a person' }).click();
    // The id is made from the name unless set under "Advanced".
    await second.getByText('Advanced', { exact: true }).click();
    await second.getByLabel('Id', { exact: true }).fill('twin');
    await second.getByLabel('Name', { exact: true }).first().fill('Twin By Hand');
    await second.getByLabel('Headline (optional)', { exact: true }).fill('Typed by hand');
    await second.getByLabel('Short bio (optional)').fill('Kept.');
    await second.getByRole('button', { name: 'Add person' }).click();
    await second.getByText('Saved Twin By Hand.').waitFor();
    await first.getByRole('button', { name: 'Import 1 profile' }).click();
    // Nothing is written over the hand-typed person without asking.
    await first.getByText(/changed since the preview/).waitFor();
    await first.getByText('0 to add · 1 to update · 0 unchanged · 0 refused').waitFor();
    await openOptions(first);
    await first.getByRole('searchbox').fill('twin');
    await waitUntil(
      'the search to apply',
      async () => (await first.locator('.pc-person-row').count()) < 10,
    );
    expect(await first.locator('.pc-person-row').allInnerTexts()).toEqual([
      expect.stringContaining('Twin By Hand'),
    ]);
    expect((await lookup(first, 'github:twin-file'))?.profile.name).toBeUndefined();
    await first.getByRole('searchbox').fill('');
  });

  it('keeps both settings changed in two tabs at the same moment', async () => {
    for (let round = 0; round < 5; round++) {
      const value = round % 2 === 1;
      const at = Date.now() + 300;
      await checkAt(first, 'GitHub', 'Card on their own pages', value, at);
      await checkAt(second, 'LinkedIn', 'Hovercards on links', value, at);
      await waitUntil('both settings to be stored', async () => {
        const [tyler, patmesh] = await Promise.all([
          lookup(first, 'github:spacejam'),
          lookup(first, 'linkedin:patmesh-s'),
        ]);
        return tyler?.settings.inPage === value && patmesh?.settings.hovercards === value;
      });
      // And they stay so once both tabs have heard of each other's change.
      await first.waitForTimeout(300);
      expect((await lookup(first, 'github:spacejam'))?.settings.inPage).toBe(value);
      expect((await lookup(first, 'linkedin:patmesh-s'))?.settings.hovercards).toBe(value);
    }
  });

  it('keeps every card state set from several tabs at the same moment', async () => {
    const people = [
      ['patmesh', 'github:patmesh'],
      ['tyler-neely', 'github:spacejam'],
      ['deniz-altinbuken', 'github:denizalti'],
    ] as const;
    for (const state of ['collapsed', 'dismissed', 'expanded'] as const) {
      await Promise.all(
        people.map(([profileId], index) =>
          (index % 2 ? second : first).evaluate(
            ([profileId, state]) =>
              chrome.runtime.sendMessage({ type: 'card-state', profileId, state }),
            [profileId, state] as const,
          ),
        ),
      );
      for (const [, key] of people) expect((await lookup(first, key))?.state).toBe(state);
    }
  });
});

describe('conflicts are shown, never overwritten', () => {
  it('says what another tab changed, then saves mine over theirs or keeps theirs', async () => {
    await openOptions(first);
    await openOptions(second);
    await first.setInputFiles('input[type="file"]', file('e.json', person('edited', 'Ed Ited')));
    await first.getByRole('button', { name: 'Import 1 profile' }).click();
    await first.getByText('Imported: 1 added').first().waitFor();
    await second.getByRole('searchbox').fill('Ed Ited');
    await first.getByRole('searchbox').fill('Ed Ited');
    // Both tabs open the same person; the second saves first.
    await first.getByRole('button', { name: 'Edit Ed Ited' }).click();
    await second.getByRole('button', { name: 'Edit Ed Ited' }).click();
    await second.getByLabel('Headline (optional)', { exact: true }).fill('Changed in tab two');
    await second.getByRole('button', { name: 'Save changes' }).click();
    await second.getByText('Saved Ed Ited.').waitFor();
    await first.getByLabel('Short bio (optional)').fill('Changed in tab one');
    await first.getByRole('button', { name: 'Save changes' }).click();
    await first
      .getByRole('alert')
      .getByText('Ed Ited was changed in another tab (changed: headline).')
      .waitFor();
    const stored = async () =>
      first.evaluate(async () =>
        chrome.runtime.sendMessage({ type: 'profile', id: 'edited' }),
      ) as Promise<{ headline: string; bio: string }>;
    expect(await stored()).toMatchObject({ headline: 'Changed in tab two', bio: 'Builds things.' });
    await first.getByRole('button', { name: 'Save mine over theirs' }).click();
    await first.getByText('Saved Ed Ited.').waitFor();
    expect(await stored()).toMatchObject({ headline: 'Engineer', bio: 'Changed in tab one' });
    // A delete that meets an edit: shown; "Keep theirs" leaves theirs.
    await openOptions(second);
    await second.getByRole('searchbox').fill('Ed Ited');
    await first.getByRole('button', { name: 'Delete Ed Ited' }).click();
    await second.getByRole('button', { name: 'Edit Ed Ited' }).click();
    await second.getByLabel('Headline (optional)', { exact: true }).fill('Edited again');
    await second.getByRole('button', { name: 'Save changes' }).click();
    await second.getByText('Saved Ed Ited.').waitFor();
    await first.getByRole('button', { name: 'Delete', exact: true }).click();
    await first
      .getByRole('alert')
      .getByText(/Ed Ited was changed in another tab/)
      .waitFor();
    await first.getByRole('button', { name: 'Keep theirs' }).click();
    expect(await stored()).toMatchObject({ headline: 'Edited again' });
    await first.getByRole('searchbox').fill('');
    await second.getByRole('searchbox').fill('');
  });

  it('imports once on a double click, and says so once', async () => {
    await openOptions(first);
    await first.setInputFiles(
      'input[type="file"]',
      file('double.json', [person('double-a', 'Double A'), person('double-b', 'Double B')]),
    );
    await first.getByRole('button', { name: 'Import 2 profiles' }).dblclick();
    await first.getByText('Imported: 2 added, 0 updated.').waitFor();
    await first.waitForTimeout(300);
    expect(await first.getByText(/^Imported:/).count()).toBe(1);
    expect(await first.getByRole('alert').allInnerTexts()).toEqual([]);
  });
});

describe('the toolbar badge follows the store', () => {
  it('clears "TN" on an open tab when Tyler is hidden, and brings it back', async () => {
    const page = await session.context.newPage();
    await page.goto('https://github.com/spacejam');
    const badge = () =>
      session.worker.evaluate(async () => {
        const tabs = await chrome.tabs.query({ url: 'https://github.com/spacejam' });
        return chrome.action.getBadgeText({ tabId: tabs[0]?.id });
      });
    // Positive control: the badge is set for the person first.
    await waitUntil('the badge', async () => (await badge()) === 'TN');
    await first.bringToFront();
    await first.getByRole('searchbox').fill('Tyler Neely');
    await first.getByRole('button', { name: 'Hide Tyler Neely' }).click();
    await waitUntil('the badge to clear', async () => (await badge()) === '');
    await first.getByRole('button', { name: 'Show Tyler Neely' }).click();
    await waitUntil('the badge to return', async () => (await badge()) === 'TN');
    await page.close();
  });
});
