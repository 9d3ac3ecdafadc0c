/**
 * Real address books through the real options page (issue 22): LinkedIn's
 * Connections.csv (Notes preamble, percent-encoded and mixed-script slugs, a
 * formula for a name), then a 50-contact Apple/Google vCard 3.0 export, then
 * Outlook's vCard 2.1 and the JSON Resume schema's own sample. Checked on the
 * cards people get on GitHub and LinkedIn pages: nobody refused for one
 * field, no two people merged. Then "Export all" as vCard and as CSV, each
 * read back unchanged, and no CSV cell a spreadsheet would run.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { csvParseRows } from 'd3-dsv';
import type { Page } from 'playwright-core';
import type { Profile } from '../../people/schema';
import { addressBookContacts, appleVCards, outlookVCard21 } from '../unit/fixtures/address-books';
import { HEADER, NOTES } from '../unit/fixtures/connections/generate';
import { cardShows, cardText, launch, type Session, storedPeople, waitUntil } from './harness';

let session: Session;
let options: Page;

const file = (name: string, content: string, mimeType: string) => ({
  name,
  mimeType,
  buffer: Buffer.from(content),
});
const importFile = (upload: ReturnType<typeof file>) =>
  options.setInputFiles('input[type="file"]', upload);
const alerts = () => options.getByRole('alert').allInnerTexts();
const stored = async (): Promise<Profile[]> =>
  (JSON.parse(await storedPeople(session)).people as { profile: Profile }[]).map(
    (record) => record.profile,
  );
const confirmImport = async (count: number) => {
  await options
    .getByRole('button', { name: count === 1 ? 'Import 1 profile' : `Import ${count} profiles` })
    .click();
  await options
    .getByText(/^Imported: /)
    .first()
    .waitFor();
};
const cancelPreview = () =>
  options.locator('.pc-preview').getByRole('button', { name: 'Cancel' }).click();

const lukaszCsv = 'łukasz-李-0407';
const mixed = 'олег-smith-42';
const formula = '=HYPERLINK("https://evil.example/","x")';
const connections = `${NOTES}${HEADER}\n${[
  `Łukasz,李,https://www.linkedin.com/in/${encodeURIComponent(lukaszCsv)},,Fjord AB,Head of Research,05 Jan 2024`,
  `Олег,Smith,https://www.linkedin.com/in/${encodeURIComponent(mixed)}/,,,Engineer,06 Jan 2024`,
  `"${formula.replace(/"/g, '""')}",Evil,https://www.linkedin.com/in/evil-formula,,,,07 Jan 2024`,
].join('\n')}\n`;
const contacts = addressBookContacts(50);

beforeAll(async () => {
  session = await launch({ width: 1280, height: 1000 });
  options = await session.context.newPage();
  await options.goto(`chrome-extension://${session.extensionId}/options.html`);
  await options.getByRole('heading', { name: 'People' }).waitFor();
});
afterAll(() => session?.close());

describe('address books come in whole', () => {
  it("LinkedIn's Connections.csv: every row, slugs as LinkedIn wrote them", async () => {
    await importFile(file('Connections.csv', connections, 'text/csv'));
    await options.getByText('3 to add · 0 to update · 0 unchanged · 0 refused').waitFor();
    await confirmImport(3);
    const people = await stored();
    expect(people.map((person) => person.identities.linkedin).sort()).toEqual(
      [['evil-formula'], [lukaszCsv], [mixed]].sort(),
    );
  });

  it('an Apple / Google vCard export of 50: nobody refused, nobody merged', async () => {
    await importFile(file('contacts.vcf', appleVCards(contacts), 'text/vcard'));
    await options.getByText('50 to add · 0 to update · 0 unchanged · 0 refused').waitFor();
    // The two unusable fields, per person, in words.
    const said = (await alerts()).join('\n');
    expect(said).toContain(
      `vCard 17 ("${contacts[16]?.name}"): Email "not an email" is not an email, so it was left out`,
    );
    expect(said).toContain(
      `vCard 21 ("${contacts[20]?.name}"): Link 1 "javascript:alert(1)" must be an http(s) URL, so it was left out`,
    );
    await confirmImport(50);
    const people = await stored();
    expect(people).toHaveLength(53);
    // Two people named Łukasz 李, with their own LinkedIn profiles, never one.
    const lukasz = people.filter((person) => person.name === 'Łukasz 李');
    expect(lukasz.map((person) => person.identities.linkedin).sort()).toEqual(
      [[lukaszCsv], ['vcard-person-32'], ['vcard-person-8']].sort(),
    );
    // Internationalised emails are kept.
    expect(people.find((person) => person.name === contacts[0]?.name)?.contact.email).toBe(
      'zoë.1@example.org',
    );
  });

  it('each Łukasz 李 gets their own card on their own LinkedIn page', async () => {
    const page = await session.context.newPage();
    await page.goto('https://www.linkedin.com/in/vcard-person-8/');
    await cardShows(page, 'Łukasz 李');
    await cardShows(page, 'Engineer, team 8');
    await page.goto(`https://www.linkedin.com/in/${encodeURIComponent(lukaszCsv)}/`);
    await cardShows(page, 'Head of Research');
    expect(await cardText(page)).not.toContain('Engineer, team 8');
    await page.goto(`https://www.linkedin.com/in/${encodeURIComponent(mixed)}/`);
    await cardShows(page, 'Олег Smith');
    await page.goto(`https://github.com/${contacts[0]?.github}`);
    await cardShows(page, contacts[0]?.name as string);
    await page.close();
  });

  it('an update opens to what it changes, field by field', async () => {
    const zoe = contacts[0];
    await importFile(
      file(
        'zoe.vcf',
        `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${zoe?.name}\r\nTITLE:Chief Engineer\r\nURL:https://github.com/${zoe?.github}\r\nEND:VCARD\r\n`,
        'text/vcard',
      ),
    );
    await options.getByText('0 to add · 1 to update · 0 unchanged · 0 refused').waitFor();
    await options.locator('.pc-preview summary', { hasText: 'Will be updated' }).click();
    await options.locator('.pc-update summary', { hasText: zoe?.name as string }).click();
    const row = options.locator('.pc-update .pc-diff tbody tr', { hasText: 'Headline' });
    await row.waitFor();
    expect(await row.locator('td').allInnerTexts()).toEqual([zoe?.title, 'Chief Engineer']);
    await cancelPreview();
  });

  it("Outlook's vCard 2.1, quoted-printable and all", async () => {
    await importFile(file('outlook.vcf', outlookVCard21(), 'text/vcard'));
    await options.getByText('2 to add · 0 to update · 0 unchanged · 0 refused').waitFor();
    await options.getByText('Jürgen Groß').first().waitFor({ state: 'attached' });
    await cancelPreview();
  });

  it('a JSON Resume says what it did not keep, with counts', async () => {
    const sample = readFileSync(
      createRequire(import.meta.url).resolve('resume-schema/sample.resume.json'),
      'utf8',
    );
    await importFile(file('resume.json', sample, 'application/json'));
    await options.getByText('1 to add · 0 to update · 0 unchanged · 0 refused').waitFor();
    const notes = options.locator('.pc-notes');
    await notes.getByText('Work experience (1 entry) has no place on a card').waitFor();
    await notes.getByText('Skills (2 entries) has no place on a card').waitFor();
    await notes.getByText('was read as https://missdirection.example.com').waitFor();
    await cancelPreview();
  });
});

describe('"Export all" reads back as the same people', () => {
  const exportAll = async (label: string) => {
    const download = options.waitForEvent('download');
    await options.getByRole('button', { name: label }).click();
    const saved = await download;
    return {
      name: saved.suggestedFilename(),
      text: readFileSync((await saved.path()) as string, 'utf8'),
    };
  };

  it('as one vCard 3.0 file', async () => {
    const { name, text } = await exportAll('Export all (vCard)');
    expect(name).toMatch(/\.vcf$/);
    expect(text.match(/^BEGIN:VCARD\r$/gm)).toHaveLength(53);
    expect(text.match(/^VERSION:3\.0\r$/gm)).toHaveLength(53);
    const before = await storedPeople(session);
    await importFile(file(name, text, 'text/vcard'));
    await options.getByText('0 to add · 0 to update · 53 unchanged · 0 refused').waitFor();
    await cancelPreview();
    expect(await storedPeople(session)).toBe(before);
  });

  it('as a CSV with no cell a spreadsheet would run', async () => {
    const { name, text } = await exportAll('Export all (CSV)');
    expect(name).toMatch(/\.csv$/);
    const rows = csvParseRows(text.replace(/^\uFEFF/, ''));
    expect(rows).toHaveLength(54);
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    // Positive control: the formula was there, and is written as text.
    expect(rows.flat()).toContain(`'${formula}`);
    await importFile(file(name, text, 'text/csv'));
    await options.getByText('0 to add · 0 to update · 53 unchanged · 0 refused').waitFor();
    await cancelPreview();
  });

  it('asked nothing of the network', async () => {
    await waitUntil('no stray request', async () => session.unexpected.length === 0);
  });
});
