/**
 * LinkedIn's Connections.csv and JSON Resume through the file importer
 * (formats/import.ts → read-entries.ts READERS): recognised by content,
 * previewed like any file, with refused rows and the reader's notes; a
 * newer Connections.csv updates the people an older one added; a JSON
 * Resume we exported re-imports unchanged, and someone's own résumé merges
 * into the person they are.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { previewConnections } from '../../formats/connections-csv';
import { applyPreview, type Preview, previewImport, rejectionLines } from '../../formats/import';
import { previewFile } from '../../formats/import-backup';
import { toJsonResume } from '../../formats/json-resume';
import { bundledProfiles } from '../../people/bundled';
import type { Profile } from '../../people/schema';

const csv = readFileSync(join(import.meta.dirname, 'fixtures/connections/Connections.csv'), 'utf8');

function preview(name: string, input: string | Uint8Array, existing: Profile[] = []): Preview {
  const result = previewFile(name, input, { existing, bundled: bundledProfiles });
  if (!result.ok) throw new Error(result.error);
  return result.preview;
}

describe('Connections.csv through the importer', () => {
  it('is recognised by its content, whatever the file is called', () => {
    const direct = previewConnections('Connections.csv', csv, {
      existing: [],
      bundled: bundledProfiles,
    });
    if (!direct.ok) throw new Error(direct.error);
    const viaImporter = preview('export.txt', csv);
    expect(viaImporter).toEqual(direct.preview);
    expect(viaImporter.added).toHaveLength(7);
    expect(viaImporter.rejected.flatMap(rejectionLines)).toContain(
      'row 5 ("No Url"): it has no profile URL, so it cannot be matched to their LinkedIn page or a later export',
    );
    expect(viaImporter.notes).toContain(
      'row 7 ("Bad Email"): Email: "not-an-email" is not an email',
    );
  });

  it('reads a UTF-16 file (Windows "Unicode") like a UTF-8 one', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(csv, 'utf16le'))]);
    expect(preview('Connections.csv', utf16).added.map((p) => p.name)).toEqual(
      preview('Connections.csv', csv).added.map((p) => p.name),
    );
  });

  it('a newer export updates, by LinkedIn identity, and adds only who is new', () => {
    const kept = applyPreview([], preview('Connections.csv', csv));
    const newer = csv
      .replace('Head of Research', 'Chief Scientist')
      .concat('New,Person,https://www.linkedin.com/in/new-person,,,,01 Jan 2025\n');
    const second = preview('Connections (1).csv', newer, kept);
    expect(second.added.map((p) => p.name)).toEqual(['New Person']);
    expect(second.updated.map(({ after }) => [after.id, after.headline])).toEqual([
      ['jane-doe-phd', 'Chief Scientist at Acme, Inc.'],
    ]);
  });

  it('a different person with the same name is someone new, not merged by name', () => {
    const kept = applyPreview([], preview('Connections.csv', csv));
    const other = `First Name,Last Name,URL,Email Address,Company,Position,Connected On\nBad,Email,https://www.linkedin.com/in/another-bad-email,,,,01 Jan 2025\n`;
    const next = preview('Connections.csv', other, kept);
    expect(next.updated).toEqual([]);
    expect(next.added.map((p) => [p.id, p.identities.linkedin])).toEqual([
      ['bad-email-2', ['another-bad-email']],
    ]);
  });
});

const ada: Profile = {
  id: 'ada-l',
  name: 'Ada Lovelace',
  headline: 'Analyst',
  bio: 'Wrote the first program.',
  highlights: ['Notes, 1843'],
  projects: [{ name: 'Engine', description: 'Notes', repo: 'ada/engine' }],
  contact: { email: 'ada@example.com', links: [{ label: 'Blog', url: 'https://blog.example/' }] },
  identities: { github: ['ada'], linkedin: ['ada-lovelace'] },
  location: 'London',
};

describe('JSON Resume through the importer', () => {
  it('our own export re-imports unchanged', () => {
    const text = JSON.stringify(toJsonResume(ada), null, 2);
    expect(preview('ada-l.resume.json', text)).toMatchObject({ added: [ada], rejected: [] });
    expect(preview('ada-l.resume.json', text, [ada])).toMatchObject({
      added: [],
      updated: [],
      unchanged: [ada],
    });
  });

  it("someone's own résumé merges into the person kept under their GitHub login", () => {
    const resume = {
      basics: {
        name: 'Ada Lovelace',
        label: 'Countess and analyst',
        profiles: [{ network: 'GitHub', url: 'https://github.com/ada' }],
      },
    };
    const result = preview('resume.json', JSON.stringify(resume), [ada]);
    expect(result.added).toEqual([]);
    expect(result.updated.map(({ after }) => after)).toEqual([
      { ...ada, headline: 'Countess and analyst', bio: 'Countess and analyst', projects: [] },
    ]);
  });

  it('a new person gets an id made from the name; notes say what was cleaned', () => {
    const resume = {
      basics: { name: 'Grace Hopper', url: 'javascript:alert(1)' },
    };
    const result = preview('resume.json', JSON.stringify(resume), [ada]);
    expect(result.added.map((p) => p.id)).toEqual(['grace-hopper']);
    expect(result.notes).toEqual([
      'résumé ("Grace Hopper"): Website: "javascript:alert(1)" is not an http(s) URL',
      'résumé ("Grace Hopper"): Headline: the résumé has no basics.label',
    ]);
  });

  it("refuses a résumé that claims a bundled person's GitHub login", () => {
    const resume = {
      basics: { name: 'Not Tyler', profiles: [{ network: 'GitHub', username: 'spacejam' }] },
    };
    const result = previewImport('resume.json', JSON.stringify(resume), {
      existing: [],
      bundled: bundledProfiles,
    });
    if (!result.ok) throw new Error(result.error);
    expect(result.preview.rejected.flatMap(rejectionLines)).toEqual([
      'résumé 1 ("Not Tyler"): github:spacejam is already Tyler Neely\'s (tyler-neely)',
    ]);
  });
});
