/**
 * Address books in real Chromium against a real Radicale
 * (./radicale.ts) on 127.0.0.1: connect from the options page (the host
 * permission asked for from the click), discover, read 1,000 contacts, a
 * card on a contact's GitHub page labelled with the book's name, an edit
 * and a deletion "on the phone" (direct requests to Radicale) seen after
 * Refresh now, a kept person linked to a contact by hand (the phone's edit
 * shown for them, then Unlink), a kept person linked to a contact without
 * handles chosen by name (nothing written to the server, the contact's email
 * on their card; the contact deleted on the server takes the link), a refused password and a server that is down (said, and the
 * last good copy kept), and Disconnect (contacts, password and permission
 * gone). Radicale's requests pass through the harness's router untouched
 * (`route.continue`), so the extension talks to the real server.
 *
 * The permission is granted as tests/browser/directories.test.ts explains:
 * the host is recorded as granted by the user before, so the page's real
 * `permissions.request` resolves without a prompt.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { cardShows, cardText, launch, openToolbarPopup, type Session, waitUntil } from './harness';
import { phoneCard, type Radicale, startRadicale } from './radicale';

const PATTERN = 'http://127.0.0.1/*';
const MIRA = 'https://github.com/mirak';
const COUNT = 1000;

let session: Session;
let profileDir: string;
let options: Page;
let radicale: Radicale;
let book: string;
/** Every request the extension made to Radicale: method and path. */
const asked: string[] = [];

const holds = () =>
  session.worker.evaluate(
    (pattern) => chrome.permissions.contains({ origins: [pattern] }),
    PATTERN,
  );

async function openOptions() {
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await options.getByRole('heading', { name: 'Address books (CardDAV)' }).waitFor();
}

const whoIs = (login: string) =>
  options.evaluate(
    async (key) =>
      (
        (await chrome.runtime.sendMessage({ type: 'lookup', key })) as {
          profile: { name: string; directory?: string };
        } | null
      )?.profile ?? null,
    `github:${login}`,
  );

/** Everything the extension's database holds, as text (read in the service worker). */
const stored = () =>
  session.worker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('profile-card');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const parts: string[] = [];
    for (const name of db.objectStoreNames) {
      const all = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(name).objectStore(name).getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      parts.push(JSON.stringify(all));
    }
    db.close();
    return parts.join('\n');
  });

const contact = (n: number, name = `Contact ${n}`) =>
  phoneCard(`c${n}`, name, {
    github: `cdav-c${n}`,
    extra: [`TEL;TYPE=CELL:+49 30 ${1000 + n}`, 'X-PHONE-ONLY:kept as it is'],
  });

beforeAll(async () => {
  radicale = await startRadicale({ password: 'Secr3t-app-pw' });
  book = await radicale.putBook(
    'phone',
    Array.from({ length: COUNT }, (_, n) => contact(n)),
    'Phone',
  );
  // One card Radicale takes but no one can show (its only name is markup): counted, not shown.
  await radicale.put(book, 'unusable.vcf', phoneCard('unusable', '<img src=x onerror=alert(1)>'));
  profileDir = mkdtempSync(join(tmpdir(), 'profile-card-carddav-'));
  const first = await launch({ width: 1280, height: 900 }, { profileDir });
  const id = first.extensionId;
  await first.close();
  const preferences = join(profileDir, 'Default', 'Preferences');
  const prefs = JSON.parse(readFileSync(preferences, 'utf8'));
  prefs.extensions.settings[id].runtime_granted_permissions = { explicit_host: [PATTERN] };
  writeFileSync(preferences, JSON.stringify(prefs));
  session = await launch({ width: 1280, height: 900 }, { profileDir });
  session.pages.set(
    MIRA,
    readFileSync(join(import.meta.dirname, '../unit/fixtures/capture/github-profile.html'), 'utf8'),
  );
  await session.context.route(`${radicale.origin}/**`, (route) => {
    const request = route.request();
    asked.push(`${request.method()} ${new URL(request.url()).pathname}`);
    return route.continue();
  });
  options = await session.context.newPage();
}, 120_000);
afterAll(async () => {
  await session?.close();
  await radicale?.stop();
  rmSync(profileDir, { recursive: true, force: true });
});

describe('an address book', () => {
  it('refuses a wrong app password, naming the server; the right one connects (control)', async () => {
    expect(await holds()).toBe(false);
    await openOptions();
    await options.getByLabel('Server address').fill(`127.0.0.1:${radicale.port}`);
    await options.getByLabel('User name').fill(radicale.user);
    await options.getByLabel('App password').fill('wrong');
    await options.getByRole('button', { name: 'Find address books' }).click();
    await options
      .getByRole('alert')
      .getByText(`127.0.0.1:${radicale.port} refused the user name or app password (401).`, {
        exact: false,
      })
      .waitFor();
    // Nothing connected: the host asked for in that click is given back.
    expect(await holds()).toBe(false);
  });

  it('connects from the options page, discovers, and reads 1,000 contacts', async () => {
    await options.getByLabel('App password').fill(radicale.password);
    await options.getByRole('button', { name: 'Find address books' }).click();
    const found = options.getByTestId('pc-carddav-found');
    await found.getByText('Found 1 address book. Choose which to read:').waitFor();
    expect(await found.getByRole('checkbox', { name: 'Phone' }).isChecked()).toBe(true);
    await options.getByRole('button', { name: 'Connect the chosen address books' }).click();
    await options.getByText('Connected Phone: 1,000 contacts.').waitFor({ timeout: 120_000 });
    expect(await holds()).toBe(true);
    await options
      .getByTestId('pc-carddav-books')
      .getByText(/^1,000 contacts · read /)
      .waitFor();
    await options
      .getByTestId('pc-carddav-books')
      .getByText(/^1 card could not be read: unusable\.vcf: Name /)
      .waitFor();
    // The password never comes back to the page; it is in the background's database only.
    expect(await options.content()).not.toContain(radicale.password);
    expect(await stored()).toContain(radicale.password);
    // Discovery went through the well-known address, then sync-collection and multigets.
    expect(asked).toContain('PROPFIND /.well-known/carddav');
    expect(asked.filter((line) => line === 'REPORT /alice/phone/').length).toBeGreaterThan(10);
  });

  it("shows a contact's card on their GitHub page, labelled with the book's name", async () => {
    const page = await session.context.newPage();
    await page.goto('https://github.com/cdav-c500');
    await cardShows(page, 'Contact 500');
    expect(await cardText(page)).toContain('From Phone');
    await page.close();
  });

  it('sees an edit and a deletion made on the phone after Refresh now', async () => {
    await radicale.put(book, 'c500.vcf', contact(500, 'Contact Five Hundred'));
    await radicale.remove(book, 'c501.vcf');
    const before = asked.length;
    await openOptions();
    await options.getByRole('button', { name: 'Refresh Phone now' }).click();
    await options.getByText('Phone is up to date: 999 contacts.').waitFor({ timeout: 60_000 });
    // Incremental: one sync report and one multiget for the one changed card.
    expect(asked.slice(before).filter((line) => line.startsWith('REPORT'))).toHaveLength(2);
    const page = await session.context.newPage();
    await page.goto('https://github.com/cdav-c500');
    await cardShows(page, 'Contact Five Hundred');
    await page.close();
    expect(await whoIs('cdav-c501')).toBeNull();
    // Control: its neighbour, untouched, still answers.
    expect(await whoIs('cdav-c502')).toEqual(
      expect.objectContaining({ name: 'Contact 502', directory: 'Phone' }),
    );
  });

  it("links a kept person to a contact: the phone's edit shows on their card; Unlink gives theirs back", async () => {
    await openOptions();
    await options.getByRole('button', { name: 'Add a person' }).click();
    await options.getByLabel('Name', { exact: true }).first().fill('Cleo Mine');
    await options.getByLabel('Headline (optional)', { exact: true }).fill('Kept by me');
    await options.getByLabel('GitHub logins').fill('https://github.com/cdav-c600');
    await options.getByRole('button', { name: 'Add person' }).click();
    await options.getByText('Saved Cleo Mine.').waitFor();
    // Control: unlinked, the user's own person wins the handle.
    expect(await whoIs('cdav-c600')).toEqual(expect.objectContaining({ name: 'Cleo Mine' }));
    await options.getByRole('button', { name: 'Link Cleo Mine to Contact 600 in Phone' }).click();
    await options.getByText('Linked Cleo Mine to Contact 600 in Phone.').waitFor();
    await options
      .getByTestId('pc-carddav-links')
      .getByText('Cleo Mine is linked to Contact 600 in Phone', { exact: false })
      .waitFor();

    // "On the phone": the contact renamed; seen after Refresh now, the link held.
    await radicale.put(book, 'c600.vcf', contact(600, 'Cleo from the Phone'));
    await options.getByRole('button', { name: 'Refresh Phone now' }).click();
    await options.getByText('Phone is up to date: 999 contacts.').waitFor({ timeout: 60_000 });
    const page = await session.context.newPage();
    await page.goto('https://github.com/cdav-c600');
    await cardShows(page, 'Cleo from the Phone');
    const text = await cardText(page);
    // The kept person's headline fills what the card lacks; it is theirs, not "From Phone".
    expect(text).toContain('Kept by me');
    expect(text).not.toContain('From Phone');
    await page.close();
    expect(await whoIs('cdav-c600')).not.toHaveProperty('directory');

    await openOptions();
    await options
      .getByRole('button', { name: 'Unlink Cleo Mine from Cleo from the Phone' })
      .click();
    await options
      .getByText('Cleo Mine is no longer linked to Cleo from the Phone', { exact: false })
      .waitFor();
    expect(await whoIs('cdav-c600')).toEqual(expect.objectContaining({ name: 'Cleo Mine' }));
    expect(await options.getByTestId('pc-carddav-links').count()).toBe(0);
  });

  it('links a kept person to a contact chosen by name; the contact deleted on the server takes the link', async () => {
    // "On the phone": a contact with no GitHub or LinkedIn handle at all.
    await radicale.put(
      book,
      'ines.vcf',
      phoneCard('ines', 'Inés Okafor', {
        extra: ['TEL;TYPE=CELL:+234 1 555 0101', 'EMAIL:ines@phone.example'],
      }),
    );
    await openOptions();
    await options.getByRole('button', { name: 'Refresh Phone now' }).click();
    await options.getByText('Phone is up to date: 1,000 contacts.').waitFor({ timeout: 60_000 });
    await options.getByRole('button', { name: 'Add a person' }).click();
    await options.getByLabel('Name', { exact: true }).first().fill('Ines Mine');
    await options.getByLabel('GitHub logins').fill('https://github.com/ines-okafor');
    await options.getByRole('button', { name: 'Add person' }).click();
    await options.getByText('Saved Ines Mine.').waitFor();
    // Write-back on: linking alone must still write nothing to the server.
    const writeBack = options
      .getByTestId('pc-carddav-books')
      .getByRole('checkbox', { name: 'Keep saves new people to this address book' });
    await writeBack.check();
    await waitUntil('write-back to be saved', async () => !(await writeBack.isDisabled()));

    await options.getByRole('button', { name: 'Edit Ines Mine' }).click();
    await options.getByRole('button', { name: 'Link to an address-book contact…' }).click();
    const picker = options.getByTestId('pc-link-contact');
    // Case- and accent-insensitive: "ines oka" finds "Inés Okafor".
    await picker.getByLabel("Contact's name").fill('ines oka');
    const before = asked.length;
    await picker
      .getByRole('button', { name: 'Link Ines Mine to Inés Okafor in Phone' })
      .click({ timeout: 30_000 });
    await options.getByText('Linked Ines Mine to Inés Okafor in Phone.').waitFor();
    // The form shows her as cards now do.
    await waitUntil(
      'the form to show the contact',
      async () =>
        (await options.getByLabel('Name', { exact: true }).first().inputValue()) === 'Inés Okafor',
    );
    await options
      .getByTestId('pc-carddav-links')
      .getByText('Ines Mine is linked to Inés Okafor in Phone', { exact: false })
      .waitFor();
    expect(asked.slice(before).filter((line) => !line.startsWith('REPORT'))).toEqual([]);

    // Another kept person sees the contact as taken, with no Link.
    await options.getByRole('button', { name: 'Edit Cleo Mine' }).click();
    await options.getByRole('button', { name: 'Link to an address-book contact…' }).click();
    await picker.getByLabel("Contact's name").fill('okafor');
    await picker.getByText('linked to Ines Mine').waitFor();
    expect(await picker.getByRole('button', { name: /^Link Cleo Mine to Inés/ }).count()).toBe(0);
    await options.getByRole('button', { name: 'Cancel' }).click();

    // Her card on her GitHub page shows the contact's email.
    const page = await session.context.newPage();
    await page.goto('https://github.com/ines-okafor');
    await cardShows(page, 'Inés Okafor');
    expect(await cardText(page)).toContain('ines@phone.example');
    await page.close();

    // Deleted on the server: after Refresh now the link is gone, the person as kept.
    await radicale.remove(book, 'ines.vcf');
    await openOptions();
    await options.getByRole('button', { name: 'Refresh Phone now' }).click();
    await options.getByText('Phone is up to date: 999 contacts.').waitFor({ timeout: 60_000 });
    expect(await options.getByTestId('pc-carddav-links').count()).toBe(0);
    expect(await whoIs('ines-okafor')).toEqual(expect.objectContaining({ name: 'Ines Mine' }));
    expect(await options.getByRole('button', { name: 'Edit Ines Mine' }).count()).toBe(1);
    // The remaining tests start with write-back off.
    await options
      .getByTestId('pc-carddav-books')
      .getByRole('checkbox', { name: 'Keep saves new people to this address book' })
      .uncheck();
    await waitUntil(
      'write-back to be off',
      async () => !(await writeBack.isChecked()) && !(await writeBack.isDisabled()),
    );
  });

  it('Keep with write-back on puts the person on the server as a vCard', async () => {
    await openOptions();
    const books = options.getByTestId('pc-carddav-books');
    const writeBack = books.getByRole('checkbox', {
      name: 'Keep saves new people to this address book',
    });
    expect(await writeBack.isChecked()).toBe(false);
    await writeBack.check();
    await waitUntil('write-back to be on', () => writeBack.isChecked());
    // Saved in the background: the section is no longer busy.
    await waitUntil('write-back to be saved', async () => !(await writeBack.isDisabled()));

    const page = await session.context.newPage();
    await page.goto(MIRA, { waitUntil: 'load' });
    const popup = await openToolbarPopup(session, page, { click: true });
    const press = (name: string) =>
      waitUntil(`the popup's "${name}" button`, () =>
        popup
          .evaluate<boolean>(`(() => {
            const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === ${JSON.stringify(name)});
            if (!button || button.disabled) return false;
            button.click();
            return true;
          })()`)
          .catch(() => false),
      );
    await press('Keep Mira Kovačević');
    await press('Keep');
    await waitUntil('the popup to say Kept', async () =>
      (await popup.text().catch(() => '')).includes('Kept Mira Kovačević.'),
    );
    await page.close();
    // On the server, as the phone would see it.
    let card = '';
    await waitUntil(
      "Mira's card on the server",
      async () => {
        const listing = await fetch(book, {
          method: 'REPORT',
          headers: { Authorization: radicale.auth, Depth: '1' },
          body: `<?xml version="1.0"?><c:addressbook-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav"><d:prop><c:address-data/></d:prop></c:addressbook-query>`,
        });
        card =
          (await listing.text())
            .split('<response>')
            .find((part) => part.includes('X-PROFILE-CARD-ID:mira')) ?? '';
        return card !== '';
      },
      30_000,
    );
    expect(card).toContain('FN:Mira Kovačević');
    expect(card).toContain('URL:https://github.com/mirak');
    expect(card).toMatch(/UID:[0-9a-f-]{36}/);
    expect(card).toContain('PRODID:-//Profile Card//EN');
  });

  it("shows a conflict when the card changed on the phone meanwhile, and leaves the phone's version", async () => {
    // The book has read Mira's card back (999 contacts before her): the edit below is
    // made on what Profile Card last read, and the phone changes it after that.
    await waitUntil(
      'the book to hold 1,000 contacts',
      async () =>
        (
          await options.evaluate(
            () =>
              chrome.runtime.sendMessage({ type: 'carddav-books' }) as Promise<{ count: number }[]>,
          )
        )[0]?.count === 1000,
      30_000,
    );
    // "On the phone": a note added to Mira's card.
    const listing = await fetch(book, {
      method: 'REPORT',
      headers: { Authorization: radicale.auth, Depth: '1' },
      body: `<?xml version="1.0"?><c:addressbook-query xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav"><d:prop><c:address-data/></d:prop></c:addressbook-query>`,
    });
    const part =
      (await listing.text())
        .split('<response>')
        .find((each) => each.includes('X-PROFILE-CARD-ID:mira')) ?? '';
    const file = /<href>\/alice\/phone\/([^<]+)<\/href>/.exec(part)?.[1] ?? '';
    const onPhone = (await radicale.get(book, file)).body.replace(
      'END:VCARD',
      'NOTE:Met at the meetup\r\nEND:VCARD',
    );
    await radicale.put(book, file, onPhone);
    const phoneVersion = (await radicale.get(book, file)).body;

    await openOptions();
    await options.getByRole('button', { name: 'Edit Mira Kovačević' }).click();
    await options.getByLabel('Headline (optional)', { exact: true }).fill('Maintainer');
    await options.getByRole('button', { name: 'Save changes' }).click();
    await options.getByText('Saved Mira Kovačević.').waitFor();
    await waitUntil(
      'the conflict to be listed',
      async () => {
        await openOptions();
        return (await options.getByTestId('pc-carddav-conflicts').count()) === 1;
      },
      30_000,
    );
    expect(await options.getByTestId('pc-carddav-conflicts').textContent()).toBe(
      'Not written, changed on the server meanwhile: Mira Kovačević',
    );
    // The phone's version is untouched.
    expect((await radicale.get(book, file)).body).toBe(phoneVersion);
  });

  it('keeps the last good copy when the server is down, and says why', async () => {
    const port = radicale.port;
    const down = radicale;
    await down.stop();
    await openOptions();
    await options.getByRole('button', { name: 'Refresh Phone now' }).click();
    const said = options.getByText(/^Phone was not updated: Could not reach 127\.0\.0\.1:/);
    await said.waitFor({ timeout: 60_000 });
    expect(await said.textContent()).toContain(`127.0.0.1:${port}`);
    await options
      .getByTestId('pc-carddav-books')
      .getByRole('alert')
      .getByText(/Showing the copy from/)
      .waitFor();
    expect(await whoIs('cdav-c500')).toEqual(
      expect.objectContaining({ name: 'Contact Five Hundred' }),
    );
  });

  it('disconnects: every contact, the password and the permission go', async () => {
    await openOptions();
    await options.getByRole('button', { name: 'Disconnect Phone' }).click();
    await options
      .getByText(/^Disconnected from http:\/\/127\.0\.0\.1:\d+: its contacts and the app password/)
      .waitFor();
    expect(await whoIs('cdav-c500')).toBeNull();
    expect(await whoIs('cdav-c1')).toBeNull();
    const left = await stored();
    expect(left).not.toContain(radicale.password);
    expect(left).not.toContain('Contact 1');
    expect(await holds()).toBe(false);
    await waitUntil(
      'the list to empty',
      async () => (await options.getByTestId('pc-carddav-books').count()) === 0,
    );
    // Nothing but fixtures, the extension and Radicale was ever asked (the GitHub
    // fixture page's own avatar images are the page's, and the harness refuses them).
    expect(
      session.requests.filter((href) => {
        const url = new URL(href);
        return (
          ![
            'github.com',
            'avatars.githubusercontent.com',
            '127.0.0.1',
            session.extensionId,
          ].includes(url.hostname) && url.protocol !== 'data:'
        );
      }),
    ).toEqual([]);
  });
});
