/**
 * "Keep anyone you meet" end to end, in real Chromium with the built
 * extension: the REAL toolbar popup, opened the way a user's click opens it
 * (openToolbarPopup `click`, which grants activeTab), over the capture
 * fixtures served at their own URLs. Keep from a GitHub profile (then the
 * card follows them to GitHub and LinkedIn), from a LinkedIn profile and
 * from personal sites; update with a diff; refuse an organisation, a page
 * with no person, and a draft that claims a bundled person. The reader
 * leaves the page's DOM as it was and nothing is requested. Then the options
 * page: a 3,000-row Connections.csv and a newer one, and a JSON Resume round
 * trip.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import axe from 'axe-core';
import { csvFormatRows, csvParseRows } from 'd3-dsv';
import type { Page } from 'playwright-core';
import { generateExport } from '../unit/fixtures/connections/generate';
import {
  cardShows,
  clearPeople,
  inCard,
  launch,
  openToolbarPopup,
  RENDERED_TEXT,
  type Session,
  seedPeople,
  storedPeople,
  waitUntil,
} from './harness';

const dir = join(import.meta.dirname, '../unit/fixtures/capture');
const fixture = (file: string) => readFileSync(join(dir, file), 'utf8');
const about = (file: string) =>
  readFileSync(join(import.meta.dirname, 'fixtures/about', file), 'utf8');
const INES = 'https://ines.example/about/';
const TEAM = 'https://northwind.example/people/';
/** Someone's name and GitHub login with a Cyrillic е and a zero-width space: Ines Duarte's look-alike. */
const INES_LOOKALIKE = 'https://not-ines.example/';
const HUGE = 'https://huge.example/about';
const MIRA_SLUG = 'mira-kovačević-4821';
const GITHUB = 'https://github.com/mirak';
const LINKEDIN = 'https://www.linkedin.com/in/mira-kova%C4%8Devi%C4%87-4821/';
const PAGES: [string, string][] = [
  [GITHUB, 'github-profile.html'],
  ['https://github.com/ferrous-labs', 'github-organisation.html'],
  [LINKEDIN, 'linkedin-signed-in.html'],
  ['https://jonas.example/about/', 'about-h-card.html'],
  ['https://priya.example/about', 'about-json-ld.html'],
  ['https://sam.example/', 'about-rel-me.html'],
];

let session: Session;
beforeAll(async () => {
  session = await launch();
  for (const [url, file] of PAGES) session.pages.set(url, fixture(file));
  session.pages.set(
    'https://recipes.example/',
    '<!doctype html><title>Soup of the day</title><h1>Leek soup</h1><p>Leeks, potatoes.</p>',
  );
  session.pages.set(INES, about('hugo-about.html'));
  session.pages.set(TEAM, about('team.html'));
  session.pages.set(
    INES_LOOKALIKE,
    `<!doctype html><meta charset="utf-8"><title>Inеs Duarte</title><main><h1>Inеs Du\u200Barte</h1>
     <p>Compiler engineer.</p><a href="mailto:ines@not-ines.example">mail</a>
     <a href="https://github.com/in%D0%B5sd">GitHub</a></main>`,
  );
  session.pages.set(
    HUGE,
    `<!doctype html><title>Huge Person</title><h1>Huge Person</h1><script type="application/ld+json">${JSON.stringify(
      { '@type': 'Person', name: 'Huge Person', description: 'x'.repeat(10_000_000) },
    )}</script><p>Hello.</p>`,
  );
  session.pages.set(
    'https://not-tyler.example/',
    `<!doctype html><title>About</title>
     <div class="h-card"><span class="p-name">Not Tyler</span>
     <a class="u-url" rel="me" href="https://github.com/spacejam">GitHub</a></div>`,
  );
});
afterAll(() => session?.close());

interface Stored {
  id: string;
  rev: number;
  profile: {
    id: string;
    name: string;
    headline?: string;
    bio?: string;
    location?: string;
    projects: { name: string }[];
    contact: { email?: string; website?: string };
    identities: { github: string[]; linkedin: string[] };
  };
}
const people = async (): Promise<Stored[]> => JSON.parse(await storedPeople(session)).people;

type Popup = Awaited<ReturnType<typeof openToolbarPopup>>;

interface ProjectRow {
  name: string;
  description: string | null;
  /** The name's max-width as laid out: the whole row when there is no description. */
  room: string;
  cut: boolean;
}
/** Each project row of the card in `root` as the browser lays it out (source, run in the page). */
const projectRows = `(root, textOf = (node) => node.textContent) =>
  [...root.querySelectorAll('.pc-project')].map((row) => {
    const name = row.querySelector('.pc-project-name');
    const description = row.querySelector('.pc-project-desc');
    return {
      name: textOf(name),
      description: description && textOf(description),
      room: getComputedStyle(name).maxWidth,
      cut: name.scrollWidth > name.clientWidth + 1,
    };
  })`;
/**
 * Mira's pinned items on a card: three with their description, one without.
 * Every card (popup, in-page, hovercard) gives a name the whole row and moves
 * a description under a long one (components/card/card.css).
 */
const room = '100%';
const miraRows = (): ProjectRow[] => [
  {
    name: 'tidewater',
    description: 'A log-structured storage engine with crash-consistent snapshots.',
    room,
    cut: false,
  },
  { name: 'sable', description: 'Raft, but boring on purpose.', room, cut: false },
  { name: 'crdt-playground', description: null, room: '100%', cut: false },
  {
    name: 'fsync-notes.md',
    description: 'What fsync does and does not promise, per file system.',
    room,
    cut: false,
  },
];

/** Clicks the popup's button named `name` (its text or aria-label), once it is there and enabled. */
const click = (popup: Popup, name: string) =>
  waitUntil(`the popup's "${name}" button`, () =>
    popup
      .evaluate<boolean>(`(() => {
        const button = [...document.querySelectorAll('button')].find(
          (b) => b.textContent.trim() === ${JSON.stringify(name)} || b.getAttribute('aria-label') === ${JSON.stringify(name)});
        if (!button || button.disabled) return false;
        button.click();
        return true;
      })()`)
      .catch(() => false),
  );

/** Types into the popup's field labelled `label`, as the user does. */
const fill = (popup: Popup, label: string, value: string) =>
  popup.evaluate<boolean>(`(() => {
    const field = [...document.querySelectorAll('label')].find((l) => l.textContent.trim() === ${JSON.stringify(label)})?.control;
    if (!field) throw new Error('no field ' + ${JSON.stringify(label)});
    field.value = ${JSON.stringify(value)};
    field.dispatchEvent(new Event('input', { bubbles: true }));
    return true;
  })()`);

/** axe-core's violations in the popup as it is now. */
const violations = (popup: Popup) =>
  popup.evaluate<string[]>(`(async () => {
    ${axe.source};
    const result = await axe.run(document);
    return result.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', '));
  })()`);

/** Waits for the popup to show `needle`; on failure, says what it showed instead. */
async function see(popup: Popup, needle: string): Promise<void> {
  try {
    // The popup's document may not be there yet: a failed read is "not yet".
    await waitUntil(`the popup to show "${needle}"`, async () =>
      (await popup.text().catch(() => '')).includes(needle),
    );
  } catch (error) {
    throw new Error(
      `${(error as Error).message}; it shows: ${await popup.evaluate<string>('document.documentElement.outerHTML').catch(() => '?')}`,
    );
  }
}

/** Pages a test opened, closed after it whatever happened. */
const opened: Page[] = [];
afterEach(async () => {
  for (const page of opened.splice(0)) await page.close().catch(() => undefined);
});

const track = (page: Page) => {
  opened.push(page);
  return page;
};

/** Opens a tab at `url`, waits for it to load, and watches its DOM from the page's own world. */
async function openTab(url: string): Promise<Page> {
  const page = track(await session.context.newPage());
  await page.goto(url, { waitUntil: 'load' });
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as never as { __mutations: string[] }).__mutations = seen;
    new MutationObserver((records) => {
      for (const record of records) seen.push(`${record.type}:${record.target.nodeName}`);
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
  return page;
}
const mutations = (page: Page) =>
  page.evaluate(() => (window as never as { __mutations: string[] }).__mutations);

/** Requests made since `mark` that are not the extension's own files. */
const requestsSince = (mark: number) =>
  session.requests
    .slice(mark)
    .filter((url) => !url.startsWith(`chrome-extension://${session.extensionId}/`));

describe('keep from the popup', () => {
  beforeEach(() => clearPeople(session));

  it('keeps someone from their GitHub profile: fields, identities, sources; the page untouched; no request', async () => {
    const page = await openTab(GITHUB);
    const mark = session.requests.length;
    const popup = await openToolbarPopup(session, page, { click: true });
    await see(popup, 'Keep Mira Kovačević');
    await click(popup, 'Keep Mira Kovačević');
    await see(popup, 'from the profile’s microdata');
    const form = await popup.text();
    expect(form).toContain('Projects (from the pinned items): tidewater, sable');
    expect(await violations(popup)).toEqual([]);
    // Reading changed nothing in the page and asked for nothing.
    expect(await mutations(page)).toEqual([]);
    expect(requestsSince(mark)).toEqual([]);

    await click(popup, 'Keep');
    await see(popup, 'Kept Mira Kovačević.');
    await see(popup, 'Copy vCard');
    // A pinned repository without a description (crdt-playground) shows its
    // name and link alone: no words made up, no empty line (issue 24).
    expect(await popup.evaluate<ProjectRow[]>(`(${projectRows})(document)`)).toEqual(miraRows());
    const [mira] = await people();
    expect(mira?.rev).toBe(1);
    expect(mira?.profile).toMatchObject({
      id: 'mira-kovacevic',
      name: 'Mira Kovačević',
      identities: { github: ['mirak'], linkedin: [MIRA_SLUG] },
    });
    expect(mira?.profile.projects.map((project) => project.name)).toEqual([
      'tidewater',
      'sable',
      'crdt-playground',
      'fsync-notes.md',
    ]);
    expect(mira?.profile.projects[2]).toEqual({
      name: 'crdt-playground',
      url: 'https://github.com/mirak/crdt-playground',
      repo: 'mirak/crdt-playground',
    });
    expect(requestsSince(mark)).toEqual([]);
    await popup.close();

    // Positive controls: the same watchers see a change made in the page by
    // an extension script, and a request made from the page.
    await session.worker.evaluate(async (url) => {
      const [tab] = await chrome.tabs.query({ url });
      await chrome.scripting.executeScript({
        target: { tabId: tab?.id as number },
        func: () => document.body.setAttribute('data-probe', '1'),
      });
    }, GITHUB);
    await waitUntil('the observer to see the probe', async () =>
      (await mutations(page)).includes('attributes:BODY'),
    );
    const before = session.requests.length;
    await page.evaluate(() => {
      new Image().src = 'https://github.com/probe.png';
    });
    await waitUntil('the probe request', async () => requestsSince(before).length === 1);
    expect(requestsSince(before)).toEqual(['https://github.com/probe.png']);
    await page.close();

    // Their card now follows them: on GitHub and on LinkedIn.
    for (const url of [
      'https://github.com/mirak?tab=repositories',
      'https://www.linkedin.com/in/mira-kova%C4%8Devi%C4%87-4821/details/experience/',
    ]) {
      const visit = track(await session.context.newPage());
      await visit.goto(url);
      await cardShows(visit, 'Mira Kovačević');
      // The in-page card lays the project out the same way.
      expect(
        await inCard<ProjectRow[]>(
          visit,
          `function () { ${RENDERED_TEXT}; return (${projectRows})(this, renderedText); }`,
        ),
      ).toEqual(miraRows());
      await visit.close();
    }
  });

  it('keeps someone from their LinkedIn profile, then updates them from GitHub with a diff', async () => {
    const linkedin = await openTab(LINKEDIN);
    let popup = await openToolbarPopup(session, linkedin, { click: true });
    await see(popup, 'Keep Mira Kovačević');
    await click(popup, 'Keep Mira Kovačević');
    await see(popup, 'LinkedIn profiles');
    await click(popup, 'Keep');
    await see(popup, 'Kept Mira Kovačević.');
    await popup.close();
    await linkedin.close();
    const [kept] = await people();
    expect(kept?.profile.identities.github).toEqual([]);
    expect(kept?.profile.identities.linkedin[0]).toBe(MIRA_SLUG);
    expect(kept?.profile.identities.linkedin[1]).toMatch(/^ACoAA/);

    // Her GitHub profile links her LinkedIn: the popup offers an update, not a second person.
    const github = await openTab(GITHUB);
    popup = await openToolbarPopup(session, github, { click: true });
    await see(popup, 'Update Mira Kovačević from page');
    await click(popup, 'Update Mira Kovačević from page');
    await see(popup, 'fields change');
    const diff = await popup.text();
    expect(diff).toContain('GitHub\t—\t@mirak');
    expect(diff).toMatch(/Projects\t—\ttidewater, sable/);
    expect(await violations(popup)).toEqual([]);
    await click(popup, 'Save changes');
    await see(popup, 'Updated Mira Kovačević from the page.');
    await popup.close();
    await github.close();
    const after = await people();
    expect(after).toHaveLength(1);
    expect(after[0]?.rev).toBe(2);
    expect(after[0]?.profile.identities).toEqual({
      github: ['mirak'],
      linkedin: kept?.profile.identities.linkedin,
    });
  });

  it('an update that meets a change made in another tab says so and lets the user choose', async () => {
    await seedPeople(session, [
      {
        id: 'mira-kovacevic',
        name: 'Mira Kovačević',
        headline: 'Old headline',
        bio: 'Old bio.',
        projects: [],
        contact: {},
        identities: { github: ['mirak'], linkedin: [] },
      },
    ]);
    const page = await openTab(GITHUB);
    const popup = await openToolbarPopup(session, page, { click: true });
    await see(popup, 'Update from page');
    await click(popup, 'Update from page');
    await see(popup, 'fields change');
    // Another context edits her meanwhile (opening a tab would close the
    // popup, as any focus change does): the record's next version, as the
    // store writes it, from the service worker.
    await session.worker.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.open('profile-card');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const db = request.result;
            const tx = db.transaction(['people', 'meta'], 'readwrite');
            const people = tx.objectStore('people');
            const get = people.get('mira-kovacevic');
            get.onsuccess = () => {
              const record = get.result;
              people.put({
                ...record,
                rev: record.rev + 1,
                profile: { ...record.profile, location: 'Zagreb' },
              });
              const meta = tx.objectStore('meta');
              const rev = meta.get('rev');
              rev.onsuccess = () => meta.put((rev.result ?? 0) + 1, 'rev');
            };
            tx.oncomplete = () => {
              db.close();
              void chrome.storage.local
                .set({ peopleVersion: crypto.randomUUID() })
                .then(() => resolve());
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    await click(popup, 'Save changes');
    await see(popup, 'changed in another tab');
    expect((await people())[0]?.profile.location).toBe('Zagreb');
    await click(popup, 'Keep theirs');
    await see(popup, 'as changed in the other tab');
    expect((await people())[0]?.rev).toBe(2);
    await popup.close();
    await page.close();
  });

  it.each([
    ['https://jonas.example/about/', 'Jonas Lindqvist', ['jlindqvist'], ['jonas-lindqvist-se']],
    ['https://priya.example/about', 'Priya Raman', ['priyaraman'], ['priya-raman-compilers']],
    ['https://sam.example/', 'Sam Rivera', ['samrivera'], ['sam-rivera-📊']],
  ])('keeps someone from their own site: %s', async (url, name, github, linkedin) => {
    const page = await openTab(url);
    const mark = session.requests.length;
    const popup = await openToolbarPopup(session, page, { click: true });
    await see(popup, `Keep ${name}`);
    await click(popup, `Keep ${name}`);
    await see(popup, 'GitHub logins');
    await click(popup, 'Keep');
    await see(popup, `Kept ${name}.`);
    expect(await mutations(page)).toEqual([]);
    expect(requestsSince(mark)).toEqual([]);
    const [person] = await people();
    expect(person?.profile).toMatchObject({ name, identities: { github, linkedin } });
    expect(person?.profile.contact.website).toMatch(/^https:\/\/\w+\.example\//);
    await popup.close();
    await page.close();
  });

  it.each([
    [
      'an organisation',
      'https://github.com/ferrous-labs',
      'github.com/ferrous-labs is an organisation, not a person; only people can be kept.',
    ],
  ])('refuses %s in words, and offers nothing to keep', async (_what, url, message) => {
    const page = await openTab(url);
    const popup = await openToolbarPopup(session, page, { click: true });
    await see(popup, message);
    expect(await popup.text()).not.toMatch(/\bKeep\b/);
    await see(popup, '3 people');
    await popup.close();
    await page.close();
  });

  it('keeps someone from a plain Hugo about page in one click and a review; their card then follows them to GitHub and LinkedIn', async () => {
    const page = await openTab(INES);
    const mark = session.requests.length;
    const popup = await openToolbarPopup(session, page, { click: true });
    await see(popup, 'Keep Ines Duarte');
    await click(popup, 'Keep Ines Duarte');
    await see(popup, 'from the text under their name');
    const form = await popup.text();
    expect(form).toContain('from the page title');
    expect(form).toContain('from links on the page');
    expect(form).toContain(
      'Other links (from links on the page): @ines@hachyderm.io, @ines.bsky.social',
    );
    expect(await violations(popup)).toEqual([]);
    await click(popup, 'Keep');
    await see(popup, 'Kept Ines Duarte.');
    expect(await mutations(page)).toEqual([]);
    expect(requestsSince(mark)).toEqual([]);
    const [ines] = await people();
    expect(ines?.profile).toMatchObject({
      name: 'Ines Duarte',
      headline: 'Compiler engineer at Lumen Labs, Lisbon.',
      contact: { email: 'ines@ines.example', website: INES },
      identities: { github: ['inesd'], linkedin: ['ines-duarte-pt'] },
    });
    await popup.close();
    await page.close();
    for (const url of ['https://github.com/inesd', 'https://www.linkedin.com/in/ines-duarte-pt/']) {
      const visit = track(await session.context.newPage());
      await visit.goto(url);
      await cardShows(visit, 'Ines Duarte');
      await visit.close();
    }
  });

  it.each([
    [
      'a page that names no one',
      'https://recipes.example/',
      'Profile Card found no one’s name on this page, so it can’t fill in a card by itself.',
      'https://recipes.example/',
    ],
    [
      'a team page',
      TEAM,
      'This page shows several people (Hana Sato, Luis Ortega, Greta Nilsson and 1 more)',
      TEAM,
    ],
    [
      'a page whose JSON-LD is 10 MB',
      HUGE,
      'This page’s structured data is too large to read (9.5 MB; Profile Card reads up to 0.5 MB)',
      HUGE,
    ],
  ])(
    'says what %s is, and adds a person by hand in one click',
    async (_what, url, message, website) => {
      const page = await openTab(url);
      const popup = await openToolbarPopup(session, page, { click: true });
      await see(popup, message);
      expect(await popup.text()).not.toMatch(/\bKeep [A-Z]/);
      await click(popup, 'Add this person by hand, with this page as their website');
      await see(popup, 'Add a person by hand');
      expect(await popup.evaluate<string>(`document.getElementById('pc-f-website').value`)).toBe(
        website,
      );
      expect(await violations(popup)).toEqual([]);
      await fill(popup, 'Name', 'Luis Ortega');
      await click(popup, 'Keep');
      await see(popup, 'Kept Luis Ortega.');
      expect((await people()).map((person) => person.profile)).toMatchObject([
        { name: 'Luis Ortega', contact: { website } },
      ]);
      await popup.close();
      await page.close();
    },
  );

  it('names a look-alike of someone kept before Keep, and keeps a separate person only when asked', async () => {
    await seedPeople(session, [
      {
        id: 'ines-duarte',
        name: 'Ines Duarte',
        headline: 'Compiler engineer',
        projects: [],
        contact: { email: 'ines@ines.example' },
        identities: { github: ['inesd'], linkedin: [] },
      },
    ]);
    const page = await openTab(INES_LOOKALIKE);
    const popup = await openToolbarPopup(session, page, { click: true });
    await see(
      popup,
      'looks like Ines Duarte, who is already in your people. The two are written with different characters.',
    );
    expect(await violations(popup)).toEqual([]);
    expect(await popup.text()).toContain('Update Ines Duarte from page');
    expect(await people()).toHaveLength(1);
    await click(popup, 'Keep as a separate person');
    await click(popup, 'Keep');
    await see(popup, 'Kept Inеs Duarte.');
    const stored = await people();
    expect(stored).toHaveLength(2);
    // The zero-width space never reached the stored name.
    expect(stored.map((person) => person.profile.name).sort()).toEqual([
      'Ines Duarte',
      'Inеs Duarte',
    ]);
    await popup.close();
    await page.close();
  });

  it("refuses a draft that claims a bundled person's identity, until the claim is removed", async () => {
    const page = await openTab('https://not-tyler.example/');
    const popup = await openToolbarPopup(session, page, { click: true });
    await see(popup, 'Keep Not Tyler');
    await click(popup, 'Keep Not Tyler');
    await see(popup, 'GitHub logins');
    await click(popup, 'Keep');
    await see(popup, 'GitHub login "spacejam" is already Tyler Neely\'s (tyler-neely)');
    expect(await people()).toEqual([]);
    // Positive control: without the claim, the same draft is kept.
    await fill(popup, 'GitHub logins', '');
    await click(popup, 'Keep');
    await see(popup, 'Kept Not Tyler.');
    expect((await people()).map((person) => person.profile.identities)).toEqual([
      { github: [], linkedin: [] },
    ]);
    await popup.close();
    await page.close();
  });

  it('keeps a handle of a bundled person the user hid: a hidden bundled person owns nothing', async () => {
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.getByRole('button', { name: 'Hide Tyler Neely' }).click();
    await options.getByRole('button', { name: 'Show Tyler Neely' }).waitFor();
    const page = await openTab('https://not-tyler.example/');
    const popup = await openToolbarPopup(session, page, { click: true });
    await see(popup, 'Keep Not Tyler');
    await click(popup, 'Keep Not Tyler');
    await see(popup, 'GitHub logins');
    await click(popup, 'Keep');
    await see(popup, 'Kept Not Tyler.');
    expect((await people()).map((person) => person.profile.identities)).toEqual([
      { github: ['spacejam'], linkedin: [] },
    ]);
    await popup.close();
    await page.close();
    // Shown again for the tests after this one.
    await options.getByRole('button', { name: 'Show Tyler Neely' }).click();
    await options.getByRole('button', { name: 'Hide Tyler Neely' }).waitFor();
    await options.close();
  });

  it('says plainly that a browser page cannot be read', async () => {
    const page = track(await session.context.newPage());
    await page.goto('chrome://version/');
    const popup = await openToolbarPopup(session, page, { click: true });
    await see(popup, 'Profile Card can’t read this tab');
    await popup.close();
    await page.close();
  });
});

describe('imports on the options page', () => {
  beforeEach(() => clearPeople(session));

  const importFile = async (options: Page, name: string, text: string) => {
    await options.setInputFiles('input[type="file"]', {
      name,
      mimeType: 'text/csv',
      buffer: Buffer.from(text),
    });
    await options.locator('.pc-preview').waitFor();
  };

  it('imports a 3,000-row Connections.csv, shows refusals and notes, and a newer one updates', async () => {
    const { text, noUrl, slugs } = generateExport(3000);
    const options = track(await session.context.newPage());
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    await options.getByRole('heading', { name: 'People' }).waitFor();
    await importFile(options, 'Connections.csv', text);
    const kept = 3000 - noUrl.length;
    await options
      .getByText(
        `${kept.toLocaleString('en')} to add · 0 to update · 0 unchanged · ${noUrl.length} refused`,
      )
      .waitFor();
    await options.getByText(`row ${noUrl[0]} (`).first().waitFor();
    await options
      .getByRole('button', { name: `Import ${kept.toLocaleString('en')} profiles` })
      .click();
    await options.getByText(`Imported: ${kept.toLocaleString('en')} added, 0 updated.`).waitFor({
      timeout: 60_000,
    });
    expect(await people()).toHaveLength(kept);

    // A newer export: one person changed jobs, one is new; nobody is added twice.
    const rows = csvParseRows(text);
    const first = rows.findIndex((cells) => cells[0] === 'First Name') + 1;
    const changed = rows[first] as string[];
    rows[first] = [...changed.slice(0, 4), 'Analytical Engines', 'Analyst', '01 Jan 2025'];
    rows.push([
      'New',
      'Person',
      'https://www.linkedin.com/in/new-person',
      '',
      '',
      '',
      '02 Jan 2025',
    ]);
    await importFile(options, 'Connections (1).csv', csvFormatRows(rows));
    await options.getByText('1 to add · 1 to update').waitFor();
    await options.getByRole('button', { name: 'Import 2 profiles' }).click();
    await options.getByText('Imported: 1 added, 1 updated.').waitFor();
    const stored = await people();
    expect(stored).toHaveLength(kept + 1);
    expect(
      stored.find((person) => person.profile.identities.linkedin[0] === slugs[0])?.profile.headline,
    ).toBe('Analyst at Analytical Engines');
    await options.close();

    // And a connection's card shows on their LinkedIn page.
    const slug = slugs[1234] as string;
    const person = stored.find((p) => p.profile.identities.linkedin[0] === slug);
    const page = track(await session.context.newPage());
    await page.goto(`https://www.linkedin.com/in/${encodeURIComponent(slug)}/`);
    await cardShows(page, person?.profile.name as string);
    await page.close();
  });

  it('exports a JSON Resume and imports it back unchanged', async () => {
    const ada = {
      id: 'ada-l',
      name: 'Ada Lovelace',
      headline: 'Analyst',
      bio: 'Wrote the first program.',
      highlights: ['Notes, 1843'],
      projects: [{ name: 'Engine', description: 'Notes', repo: 'ada/engine' }],
      contact: { email: 'ada@example.com', website: 'https://ada.example/' },
      identities: { github: ['ada'], linkedin: ['ada-lovelace'] },
      location: 'London',
    };
    await seedPeople(session, [ada]);
    const options = track(await session.context.newPage());
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: 'Export Ada Lovelace as a JSON Resume' }).click();
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('ada-l.resume.json');
    const text = readFileSync((await saved.path()) as string, 'utf8');
    expect(JSON.parse(text)).toMatchObject({
      basics: { name: 'Ada Lovelace', label: 'Analyst', email: 'ada@example.com' },
    });

    await clearPeople(session);
    await options.reload();
    await importFile(options, 'ada-l.resume.json', text);
    await options.getByText('1 to add').waitFor();
    await options.getByRole('button', { name: 'Import 1 profile' }).click();
    await options.getByText('Imported: 1 added, 0 updated.').waitFor();
    expect((await people()).map((person) => person.profile)).toEqual([ada]);
    // Again: the same file changes nothing.
    await importFile(options, 'ada-l.resume.json', text);
    await options.getByText('0 to add · 0 to update · 1 unchanged · 0 refused').waitFor();
    await options.close();
  });
});
