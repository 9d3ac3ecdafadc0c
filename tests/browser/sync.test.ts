/**
 * Browser sync between two browsers, in real Chromium: two browser profiles
 * (two `launchPersistentContext` user-data directories), each with the
 * extension. There is no sync server here (and `--disable-sync`), so the
 * test plays Chrome Sync: it reads one browser's `storage.sync` through its
 * service worker (`chrome.storage.sync.get(null)`) and writes it into the
 * other's with `set` (and `remove` for what is gone), each item replacing
 * the other browser's copy, the way Chrome Sync's last-writer-wins delivery
 * does. Covered: off until turned on; add; settings; an edit on both sides
 * (the newer shows, the older is kept and restored with one click); a
 * delete (a tombstone) delivered to a stopped service worker, which the
 * storage event wakes; a corrupted item; more people than the quota holds.
 */
import type { Page } from 'playwright-core';
import {
  cardShows,
  launch,
  runningWorkers,
  type Session,
  seedPeople,
  stopServiceWorker,
  waitUntil,
} from './harness';

let a: Session;
let b: Session;
let optionsA: Page;
let optionsB: Page;

const person = (id: string, name: string, github: string, bio?: string) => ({
  id,
  name,
  headline: 'Engineer',
  ...(bio && { bio }),
  projects: [],
  contact: {},
  identities: { github: [github], linkedin: [] },
});

type Items = Record<string, unknown>;
/** Every item in a browser's storage.sync, read in its service worker. */
const syncOf = (session: Session): Promise<Items> =>
  session.worker.evaluate(() => chrome.storage.sync.get(null));
/** The names a person's item holds, newest first (undefined: deleted). */
const namesIn = (items: Items, id: string) =>
  ((items[`p:${id}`] as { x?: { p?: { n: string } }[] } | undefined)?.x ?? []).map(
    (version) => version.p?.n,
  );

/** Browser sync delivering everything `from` holds to `to`: each item replaces `to`'s copy. */
async function carry(from: Session, to: Session | Page, only?: (key: string) => boolean) {
  const all = await syncOf(from);
  const items = only ? Object.fromEntries(Object.entries(all).filter(([key]) => only(key))) : all;
  const deliver = async ([items, removeMissing]: [Items, boolean]) => {
    const gone = removeMissing
      ? Object.keys(await chrome.storage.sync.get(null)).filter((key) => !(key in items))
      : [];
    if (gone.length > 0) await chrome.storage.sync.remove(gone);
    await chrome.storage.sync.set(items);
  };
  const args: [Items, boolean] = [items, !only];
  if ('worker' in to) await to.worker.evaluate(deliver, args);
  else await to.evaluate(deliver, args);
}

/** Whom the background of the page's browser names for a GitHub login. */
const whoIs = (page: Page, login: string) =>
  page.evaluate(
    async (key) =>
      (
        (await chrome.runtime.sendMessage({ type: 'lookup', key })) as {
          profile: { name: string };
        } | null
      )?.profile.name ?? null,
    `github:${login}`,
  );

async function openOptions(session: Session, page: Page) {
  await page.goto(`chrome-extension://${session.extensionId}/options.html`);
  await page.getByRole('heading', { name: 'Sync across your browsers' }).waitFor();
}
const syncSwitch = (page: Page) =>
  page.getByLabel("Sync my people and settings through this browser's sync");

beforeAll(async () => {
  a = await launch({ width: 1280, height: 1000 });
  b = await launch({ width: 1280, height: 1000 });
  optionsA = await a.context.newPage();
  optionsB = await b.context.newPage();
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

describe('two browsers, one person list', () => {
  it('syncs nothing until turned on, then the people and settings go', async () => {
    await seedPeople(a, [person('bob', 'Bob Builder', 'bobthebuilder')]);
    await openOptions(a, optionsA);
    // The switch first; what sync shares one click away.
    await optionsA.getByText('What sync shares, and through whom').click();
    await optionsA.getByText(/the browser maker's servers, not ours/).waitFor();
    expect(await syncSwitch(optionsA).isChecked()).toBe(false);
    // Off: a change here writes nothing to sync.
    await optionsA.getByLabel('Hover delay (milliseconds)').fill('650');
    await optionsA.getByLabel('Hover delay (milliseconds)').press('Tab');
    await optionsA.getByText('Settings saved.').waitFor();
    expect(await syncOf(a)).toEqual({});

    // On (the control): the same people and settings are in sync.
    await syncSwitch(optionsA).check();
    await optionsA.getByText('Sync is on in this browser.').waitFor();
    await waitUntil(
      'Bob in A’s sync',
      async () => namesIn(await syncOf(a), 'bob')[0] === 'Bob Builder',
    );
    const set = (await syncOf(a)).set as Record<string, unknown[]>;
    expect(set['setting.hoverDelayMs']?.[0]).toBe(650);
    await optionsA.getByText(/1 of 1 person in browser sync/).waitFor();

    await openOptions(b, optionsB);
    await syncSwitch(optionsB).check();
    await optionsB.getByText('Sync is on in this browser.').waitFor();
    await carry(a, b);
    await waitUntil(
      'Bob on B',
      async () => (await whoIs(optionsB, 'bobthebuilder')) === 'Bob Builder',
    );
    await openOptions(b, optionsB);
    await expect(optionsB.getByLabel('Hover delay (milliseconds)').inputValue()).resolves.toBe(
      '650',
    );
  });

  it('adds a person added in one browser to the other, card and all', async () => {
    await seedPeople(a, [person('ada', 'Ada Lovelace', 'adalove')]);
    await waitUntil(
      'Ada in A’s sync',
      async () => namesIn(await syncOf(a), 'ada')[0] === 'Ada Lovelace',
    );
    await carry(a, b);
    await waitUntil('Ada on B', async () => (await whoIs(optionsB, 'adalove')) === 'Ada Lovelace');
    const page = await b.context.newPage();
    await page.goto('https://github.com/adalove');
    await cardShows(page, 'Ada Lovelace');
    await page.close();
  });

  it('keeps both edits made on both sides: the newer shows, the older is restored with one click', async () => {
    await seedPeople(a, [person('ada', 'Ada (laptop)', 'adalove')]);
    await waitUntil(
      'A’s edit in A’s sync',
      async () => namesIn(await syncOf(a), 'ada')[0] === 'Ada (laptop)',
    );
    // B edits later, before A's edit reaches it.
    await seedPeople(b, [person('ada', 'Ada (desktop)', 'adalove')]);
    await waitUntil(
      'B’s edit in B’s sync',
      async () => namesIn(await syncOf(b), 'ada')[0] === 'Ada (desktop)',
    );

    // A's item reaches B and replaces B's copy there; B merges and writes both back.
    await carry(a, b);
    await waitUntil(
      'B to keep both',
      async () =>
        JSON.stringify(namesIn(await syncOf(b), 'ada')) ===
        JSON.stringify(['Ada (desktop)', 'Ada (laptop)']),
    );
    expect(await whoIs(optionsB, 'adalove')).toBe('Ada (desktop)');
    await carry(b, a);
    await waitUntil(
      'A to show the newer edit',
      async () => (await whoIs(optionsA, 'adalove')) === 'Ada (desktop)',
    );

    for (const [session, page] of [
      [a, optionsA],
      [b, optionsB],
    ] as const) {
      await openOptions(session, page);
      const conflicts = page.getByTestId('pc-sync-conflicts');
      await conflicts.getByText('Changed in two browsers at once').waitFor();
      await conflicts
        .getByText(/Ada \(desktop\) shows now; kept: the version "Ada \(laptop\)"/)
        .waitFor();
    }
    await optionsA.getByRole('button', { name: /^Restore Ada \(laptop\) from / }).click();
    await optionsA.getByText(/^Restored Ada \(laptop\)/).waitFor();
    expect(await whoIs(optionsA, 'adalove')).toBe('Ada (laptop)');
    await waitUntil(
      'A’s sync to hold only the restored version',
      async () =>
        JSON.stringify(namesIn(await syncOf(a), 'ada')) === JSON.stringify(['Ada (laptop)']),
    );
    await carry(a, b);
    await waitUntil(
      'B to show the restored version',
      async () => (await whoIs(optionsB, 'adalove')) === 'Ada (laptop)',
    );
    await openOptions(b, optionsB);
    await optionsB.getByTestId('pc-sync-status').waitFor();
    expect(await optionsB.getByTestId('pc-sync-conflicts').count()).toBe(0);
  });

  it('carries a delete as a tombstone, and a stopped service worker wakes for it', async () => {
    await openOptions(a, optionsA);
    await optionsA.getByRole('button', { name: 'Delete Ada (laptop)' }).click();
    await optionsA.getByRole('button', { name: 'Delete', exact: true }).click();
    await optionsA.getByText('Deleted Ada (laptop).').waitFor();
    await waitUntil('the tombstone in A’s sync', async () => {
      const names = namesIn(await syncOf(a), 'ada');
      return names.length === 1 && names[0] === undefined;
    });

    // B's service worker is stopped, as Chrome does after ~30 s idle; the
    // delivery (written from B's options page, as sync's own is from
    // outside the worker) must wake it.
    const cdp = await b.context.newCDPSession(optionsB);
    await stopServiceWorker(cdp, b.extensionId);
    await carry(a, optionsB);
    await waitUntil('Ada gone from B', async () => (await whoIs(optionsB, 'adalove')) === null);
    expect(await runningWorkers(cdp, b.extensionId)).toBe(1);
    // The control: the person nobody deleted is still there.
    expect(await whoIs(optionsB, 'bobthebuilder')).toBe('Bob Builder');
  });

  it('reports a corrupted item, skips it, and keeps syncing the rest', async () => {
    await seedPeople(a, [person('carol', 'Carol Shaw', 'carolshaw')]);
    await waitUntil(
      'Carol in A’s sync',
      async () => namesIn(await syncOf(a), 'carol')[0] === 'Carol Shaw',
    );
    await b.worker.evaluate(() =>
      chrome.storage.sync.set({
        'p:zed': {
          x: [{ v: { zzzz: 1 }, c: 5, d: 'zzzz', p: { n: '<img src=x onerror=alert(1)>' } }],
        },
      }),
    );
    await carry(a, b, (key) => key.startsWith('p:carol'));
    await waitUntil(
      'Carol on B',
      async () => (await whoIs(optionsB, 'carolshaw')) === 'Carol Shaw',
    );
    await openOptions(b, optionsB);
    const alert = optionsB.getByRole('alert').filter({ hasText: 'could not be read' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(
      /One item in browser sync could not be read and was skipped/,
    );
    expect(await alert.textContent()).toMatch(/p:zed: Name must not contain HTML markup/);
    // Never applied, never overwritten, and the background still answers.
    expect((await syncOf(b))['p:zed']).toBeDefined();
    expect(await whoIs(optionsB, 'bobthebuilder')).toBe('Bob Builder');
  });

  it('keeps syncing a person here whose item arrives damaged, and does not blame the quota', async () => {
    // Another browser's bug leaves Carol's item unreadable in B's sync.
    await b.worker.evaluate(() =>
      chrome.storage.sync.set({
        'p:carol': { x: [{ v: { zzzz: 9 }, c: 9, d: 'zzzz', p: { n: '<b>Carol</b>' } }] },
      }),
    );
    // B writes its own copy of Carol over it, so she keeps syncing.
    await waitUntil(
      'Carol readable in B’s sync again',
      async () => namesIn(await syncOf(b), 'carol')[0] === 'Carol Shaw',
      20_000,
    );
    await openOptions(b, optionsB);
    const status = optionsB.getByTestId('pc-sync-status');
    await status.waitFor();
    expect(await status.textContent()).not.toMatch(/100 KB/);
    // Positive control: the status is there, and counts every person of B.
    expect(await status.textContent()).toMatch(/(\d+) of \1 people in browser sync/);
  });

  it('says how many people fit when they no longer all do, and stays within the quota', async () => {
    const bio = 'Writes long notes about everything they build. '.repeat(24).trim();
    const many = Array.from({ length: 300 }, (_, index) =>
      person(`many-${String(index).padStart(3, '0')}`, `Many ${index}`, `many${index}`, bio),
    );
    await seedPeople(a, many);
    await openOptions(a, optionsA);
    const fit = optionsA.getByText(/^\d+ of 30\d people sync; the rest stay on this browser\./);
    await fit.waitFor({ timeout: 30_000 });
    const [synced, total] = ((await fit.textContent())?.match(/\d+/g) ?? []).map(Number);
    // Bob, Carol and the 300 (Ada was deleted).
    expect(total).toBe(302);
    expect(synced).toBeGreaterThan(50);
    expect(synced).toBeLessThan(total as number);
    const used = await a.worker.evaluate(() => chrome.storage.sync.getBytesInUse(null));
    expect(used).toBeLessThanOrEqual(102_400);
    await carry(a, b);
    await waitUntil(
      'the synced ones on B',
      async () => {
        const list = (await optionsB.evaluate(() =>
          chrome.runtime.sendMessage({ type: 'list' }),
        )) as { id: string }[];
        return (
          list.filter((entry) => entry.id.startsWith('many-')).length === (synced as number) - 2
        );
      },
      20_000,
    );
  });
});
