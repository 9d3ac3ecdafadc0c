/**
 * The user's notes about people (issue 26) in real Chromium: written from a
 * hovercard with the keyboard alone (Alt+↑, N, type, Ctrl+Enter) and from
 * the popup; found again from the popup by a word of the note and by a tag;
 * shown after a reload and in a second tab; a second tab's stale save is
 * refused with the stored note shown; and on a hostile page, a card showing
 * a note leaks none of it (positive control: the user sees it in the card);
 * and the note, tags and day go out through "Export all" as JSON and as
 * vCard and come back whole into a store that had lost them.
 * One browser for the whole file.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import {
  cardShows,
  cardText,
  focusedInCard,
  hovercardGone,
  hovercardShows,
  launch,
  type Session,
  seedUserProfiles,
  storedPeople,
  strayRequests,
  waitUntil,
} from './harness';
import { hostilePage } from './hostile-fixture';

const MIRA = {
  id: 'mira-kovacevic',
  name: 'Mira Kovačević',
  headline: 'Storage engineer',
  projects: [],
  contact: {},
  identities: { github: ['mira-k'], linkedin: [] },
};
const PAGE = 'https://github.com/explore?notes';
const OWN_PAGE = 'https://github.com/mira-k?notes';
/** Words of the note a page must never find. */
const NOTE = 'Met at KubeCon, owes me the Raftsnapshot benchmark';
const SECRETS = ['KubeCon', 'Raftsnapshot', 'kubecon', 'hiring', 'Your note'];

type Attack = {
  link(href: string, hovercard?: string): HTMLAnchorElement;
  read(secrets: string[]): string[];
};

let session: Session;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  session = await launch();
  await seedUserProfiles(session, [MIRA]);
  session.pages.set(PAGE, hostilePage('github', 'A hostile page', session.extensionId));
  session.pages.set(OWN_PAGE, hostilePage('github', 'Mira’s page', session.extensionId));
  page = await session.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
});
afterAll(() => session?.close());

const stored = async () =>
  (
    JSON.parse(await storedPeople(session)) as { people: { id: string; profile: never }[] }
  ).people.find((record) => record.id === MIRA.id)?.profile as
    | { mine?: { note?: string; tags?: string[] } }
    | undefined;

/** A link to Mira on the hostile page, focused. */
async function linkToMira(): Promise<void> {
  await page.evaluate(() => {
    const a = (window as never as { __attack: Attack }).__attack.link(
      '/mira-k',
      '/users/mira-k/hovercard',
    );
    a.id = 'mira';
  });
}

const popupPage = async () => {
  const popup = await session.context.newPage();
  await popup.goto(`chrome-extension://${session.extensionId}/popup.html`);
  return popup;
};

const readPage = (target: Page) =>
  target.evaluate(
    (secrets) => (window as never as { __attack: Attack }).__attack.read(secrets),
    SECRETS,
  );

/** The note window closes itself once saved: the action may not see its own end. */
async function saveAndClose(editor: Page, action: () => Promise<unknown>): Promise<void> {
  const closed = editor.waitForEvent('close');
  await action().catch((error: Error) => {
    if (!editor.isClosed() && !/closed/.test(error.message)) throw error;
  });
  await closed;
}

describe('a note about a person', () => {
  it('is written from the hovercard with the keyboard alone, in a window the page cannot read or hear', async () => {
    await page.goto(PAGE);
    await linkToMira();
    // The page's own key logger, listening before anyone else can.
    await page.evaluate(() => {
      const heard: string[] = [];
      (window as never as { __keys: string[] }).__keys = heard;
      window.addEventListener('keydown', (event) => heard.push(event.key), true);
    });
    await page.focus('#mira');
    await page.keyboard.press('Alt+ArrowUp');
    await hovercardShows(page, MIRA.name);
    await waitUntil('focus in the card', async () => (await focusedInCard(page)) !== null);
    const opening = session.context.waitForEvent('page');
    await page.keyboard.press('n');
    const editor = await opening;
    expect(editor.url()).toBe(
      `chrome-extension://${session.extensionId}/popup.html?note=${MIRA.id}`,
    );
    await editor.locator('textarea').waitFor();
    await waitUntil('the caret in the note', () =>
      editor.evaluate(() => document.activeElement?.localName === 'textarea'),
    );
    await editor.keyboard.type(NOTE);
    await editor.keyboard.press('Tab');
    await editor.keyboard.type('#KubeCon #hiring');
    // While the editor holds the text, the page finds none of it…
    expect(await readPage(page)).toEqual([]);
    await saveAndClose(editor, () => editor.keyboard.press('Control+Enter'));
    expect(await stored()).toMatchObject({ mine: { note: NOTE, tags: ['kubecon', 'hiring'] } });
    // …and heard none of it (positive control: it heard the user's own keys on its page).
    const heard = await page.evaluate(() => (window as never as { __keys: string[] }).__keys);
    expect(heard).toContain('ArrowUp');
    expect(heard.join('')).not.toMatch(/Kube|Raft|hiring/);

    // The card in the page shows the note, marked as the user's…
    // (A change to the people closes an open hovercard: it showed them as they were.)
    await hovercardGone(page);
    await page.focus('#mira');
    await page.keyboard.press('Alt+ArrowUp');
    await cardShows(page, NOTE);
    const text = await cardText(page);
    expect(text).toContain('Your note');
    expect(text).toContain('#kubecon');
    // …which the page finds nowhere it could look.
    expect(await readPage(page)).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('is on the in-page card after a reload and in a second tab, and still unreadable there', async () => {
    await page.goto(OWN_PAGE);
    await cardShows(page, NOTE);
    const second = await session.context.newPage();
    await second.goto(OWN_PAGE);
    await cardShows(second, NOTE);
    expect(
      await second.evaluate(
        (secrets) => (window as never as { __attack: Attack }).__attack.read(secrets),
        SECRETS,
      ),
    ).toEqual([]);
    await second.close();
  });

  it('a second window saving over a note it did not see is refused, with the stored note shown', async () => {
    const noteWindow = async () => {
      const editor = await session.context.newPage();
      await editor.goto(`chrome-extension://${session.extensionId}/popup.html?note=${MIRA.id}`);
      await editor.locator('textarea').waitFor();
      return editor;
    };
    // Both open the editor on the same note…
    const one = await noteWindow();
    const two = await noteWindow();
    // …the first saves…
    await one.bringToFront();
    await one.locator('textarea').fill('Changed in tab one');
    await saveAndClose(one, () => one.keyboard.press('Control+Enter'));
    await waitUntil(
      'the first save',
      async () => (await stored())?.mine?.note === 'Changed in tab one',
    );
    // …then the second, still on the note it opened: refused, both shown, nothing lost.
    await two.bringToFront();
    await two.locator('textarea').fill('Changed in tab two');
    await two.keyboard.press('Control+Enter');
    await two.getByText('was changed in another tab', { exact: false }).waitFor();
    expect(await two.locator('.pc-note-conflict').innerText()).toContain('Changed in tab one');
    expect((await stored())?.mine?.note).toBe('Changed in tab one');
    // The user picks theirs: saved over what they were shown.
    await saveAndClose(two, () => two.getByRole('button', { name: 'Save mine over it' }).click());
    await waitUntil(
      'the second save',
      async () => (await stored())?.mine?.note === 'Changed in tab two',
    );
    for (const editor of [one, two]) if (!editor.isClosed()) await editor.close();
    // The in-page card in an open tab follows.
    await page.goto(OWN_PAGE);
    await cardShows(page, 'Changed in tab two');
    expect(await readPage(page)).toEqual([]);
  });

  it('is found from the popup by a word of it and by its tag, and written from there', async () => {
    const popup = await popupPage();
    const search = popup.locator('input[type="search"]');
    const found = (names: string[]) =>
      waitUntil(`the list to show ${names}`, async () => {
        const shown = await popup.locator('.pc-person-name').allInnerTexts();
        return JSON.stringify(shown) === JSON.stringify(names);
      });
    // Everyone first: the search below is what narrows the list.
    await waitUntil('the list', async () => (await popup.locator('.pc-person-name').count()) > 1);
    await search.fill('chang tab two');
    await found([MIRA.name]);
    await search.fill('#hiring');
    await found([MIRA.name]);
    // Positive control: a word nobody has finds nobody.
    await search.fill('zebra');
    await found([]);

    await search.fill('#hiring');
    await found([MIRA.name]);
    await search.press('Enter');
    await popup.getByRole('heading', { name: MIRA.name }).waitFor();
    // N, once the card has drawn and listens (an N typed into the editor is replaced below).
    await waitUntil('the editor', async () => {
      if (await popup.locator('textarea').count()) return true;
      await popup.keyboard.press('n');
      return false;
    });
    await popup.keyboard.press('Control+A');
    await popup.keyboard.type('Written in the popup');
    await popup.keyboard.press('Control+Enter');
    await popup.getByText('Note saved').waitFor();
    expect((await stored())?.mine?.note).toBe('Written in the popup');
    await popup.close();

    // The hovercard in the open page shows it too.
    await page.bringToFront();
    await cardShows(page, 'Written in the popup');
    expect(strayRequests(session)).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});

describe('a note goes where the person goes', () => {
  const MINE = {
    note: 'Owes me the benchmark link',
    tags: ['kubecon', 'team-storage'],
    contacted: '2026-11-30',
  };

  for (const [label, type] of [
    ['Export all (JSON)', 'application/json'],
    ['Export all (vCard)', 'text/vcard'],
  ] as const) {
    it(`out through "${label}" and back into a store that lost it`, async () => {
      await seedUserProfiles(session, [{ ...MIRA, mine: MINE }]);
      const options = await session.context.newPage();
      await options.goto(`chrome-extension://${session.extensionId}/options.html`);
      await options.getByRole('heading', { name: 'People' }).waitFor();
      const download = options.waitForEvent('download');
      await options.getByRole('button', { name: label }).click();
      const saved = await download;
      const text = readFileSync((await saved.path()) as string, 'utf8');
      // Positive control: the file holds the note before the store loses it.
      expect(text).toContain('Owes me the benchmark link');
      await seedUserProfiles(session, [MIRA]);
      await waitUntil('the note gone', async () => (await stored())?.mine === undefined);
      await options.setInputFiles('input[type="file"]', {
        name: saved.suggestedFilename(),
        mimeType: type,
        buffer: Buffer.from(text),
      });
      await options.getByRole('button', { name: 'Import 1 profile' }).click();
      await waitUntil('the note back', async () => (await stored())?.mine?.note === MINE.note);
      expect((await stored())?.mine).toEqual(MINE);
      await options.close();
    });
  }
});
