/**
 * A project without a description (issue 24: a pinned repository often has
 * none). It is kept as none, with no words made up, through every file the
 * extension writes and reads: our JSON export, vCard, JSON Resume and the
 * Google Contacts CSV; a file from elsewhere whose project has no
 * description is read whole, nothing filled in and nothing left out. The
 * vCard carries "none" so that builds before issue 24 (which require a
 * description) read it too: a card in a CardDAV book is read by every
 * browser the user has.
 */
import { z } from 'zod';
import { toContactsCsv } from '../../formats/contacts-csv';
import { exportDocument } from '../../formats/export';
import { type Preview, previewImport } from '../../formats/import';
import { previewFile } from '../../formats/import-backup';
import { readJsonResume, toJsonResume } from '../../formats/json-resume';
import { toVCard, toVCards } from '../../formats/vcard';
import { unescapeText } from '../../formats/vcard-read';
import { GITHUB_REPO } from '../../identity/rules';
import { bundledProfiles } from '../../people/bundled';
import { httpUrl, NO_DESCRIPTION, type Profile } from '../../people/schema';
import { TEXT_CHARACTERS } from '../../text/characters';
import { NO_MARKUP } from '../../text/markup';
import { person } from './fixtures';

function preview(name: string, input: string, existing: Profile[] = []): Preview {
  const result = previewFile(name, input, { existing, bundled: bundledProfiles });
  if (!result.ok) throw new Error(result.error);
  return result.preview;
}

const mira = person('mira', {
  name: 'Mira Kovačević',
  projects: [
    {
      name: 'crdt-playground',
      url: 'https://github.com/mirak/crdt-playground',
      repo: 'mirak/crdt-playground',
    },
    { name: 'tidewater', description: 'A storage engine.', repo: 'mirak/tidewater' },
    { name: 'Side thing' },
  ],
});

describe('a project without a description, in files', () => {
  it.each([
    ['profiles.json', () => exportDocument([mira])],
    ['mira.vcf', () => toVCards([mira])],
    ['resume.json', () => JSON.stringify(toJsonResume(mira))],
    ['contacts.csv', () => toContactsCsv([mira])],
  ])('%s re-imports unchanged, nothing left out', (name, write) => {
    const again = preview(name, write(), [mira]);
    expect(again.leftOut).toBeUndefined();
    expect(again.rejected).toEqual([]);
    expect(again.unchanged.map((p) => p.projects)).toEqual([mira.projects]);
    // And into an empty store, the same projects.
    expect(preview(name, write()).added.map((p) => p.projects)).toEqual([mira.projects]);
  });

  it('writes no description in JSON, JSON Resume or the CSV, and no made-up words anywhere', () => {
    const json = JSON.parse(exportDocument([mira])).profiles[0].projects;
    expect(json[0]).toEqual(mira.projects[0]);
    const resume = toJsonResume(mira) as { projects: unknown[] };
    expect(resume.projects[0]).toEqual({
      name: 'crdt-playground',
      url: 'https://github.com/mirak/crdt-playground',
      repository: 'https://github.com/mirak/crdt-playground',
    });
    for (const text of [exportDocument([mira]), toContactsCsv([mira]), toVCard(mira)])
      expect(text).not.toMatch(/on GitHub|undefined/);
  });

  it('reads a JSON file whose project has no description whole', () => {
    const file = JSON.stringify([
      { id: 'ines', name: 'Ines', identities: {}, projects: [{ name: 'tiny-lisp' }] },
    ]);
    const read = preview('people.json', file);
    expect(read.leftOut).toBeUndefined();
    expect(read.added.map((p) => p.projects)).toEqual([[{ name: 'tiny-lisp' }]]);
  });

  it('keeps a project whose description cannot be used, and says only that', () => {
    const file = JSON.stringify([
      {
        id: 'ines',
        name: 'Ines',
        identities: {},
        projects: [
          { name: 'tiny-lisp', description: '<script>x</script>', repo: 'ines/tiny-lisp' },
        ],
      },
    ]);
    const read = preview('people.json', file);
    expect(read.added.map((p) => p.projects)).toEqual([
      [{ name: 'tiny-lisp', repo: 'ines/tiny-lisp' }],
    ]);
    expect(read.leftOut?.flatMap((left) => left.fields)).toEqual([
      expect.stringMatching(/^Project 1 one-line description .*left out/),
    ]);
  });

  it('reads a vCard project with an empty description as none', () => {
    const card = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Ines',
      'X-PROFILE-CARD-PROJECT:tiny-lisp;;https://ines.example/lisp;ines/tiny-lisp',
      'X-PROFILE-CARD-PROJECT:notes',
      'END:VCARD',
      '',
    ].join('\r\n');
    const read = previewImport('ines.vcf', card, { existing: [], bundled: bundledProfiles });
    if (!read.ok) throw new Error(read.error);
    expect(read.preview.leftOut).toBeUndefined();
    expect(read.preview.added.map((p) => p.projects)).toEqual([
      [
        { name: 'tiny-lisp', url: 'https://ines.example/lisp', repo: 'ines/tiny-lisp' },
        { name: 'notes' },
      ],
    ]);
  });

  it('reads a JSON Resume project without a description as none, not its name', () => {
    const read = readJsonResume({
      basics: { name: 'Ines' },
      projects: [{ name: 'tiny-lisp', url: 'https://ines.example/lisp' }],
    });
    if (!read.ok) throw new Error(read.error);
    expect(read.profile.projects).toEqual([
      { name: 'tiny-lisp', url: 'https://ines.example/lisp' },
    ]);
    expect(read.notes.filter((note) => note.field.startsWith('projects'))).toEqual([]);
  });

  it('writes a vCard project that a build before issue 24 reads (the previous reader, as a fixture)', () => {
    // Copied from formats/vcard-read.ts and people/schema.ts as they were:
    // the parts split on unescaped ";", each trimmed; a description required.
    const oldText = (max: number) =>
      z
        .string()
        .trim()
        .min(1)
        .max(max)
        .regex(TEXT_CHARACTERS.pattern)
        .regex(NO_MARKUP)
        .regex(/^[^\n\r\t]*$/);
    const oldProject = z.strictObject({
      name: oldText(80),
      description: oldText(240),
      url: httpUrl().optional(),
      repo: z.string().max(140).regex(GITHUB_REPO).optional(),
    });
    const oldRead = (value: string) => {
      const [name = '', description = '', url = '', repo = ''] = value
        .split(/(?<!\\);/)
        .map((part) => unescapeText(part).trim());
      return oldProject.safeParse({
        name,
        description,
        ...(url && { url }),
        ...(repo && { repo }),
      });
    };
    const values = toVCard(mira)
      .split('\r\n')
      .filter((line) => line.startsWith('X-PROFILE-CARD-PROJECT:'))
      .map((line) => line.slice('X-PROFILE-CARD-PROJECT:'.length));
    const read = values.map(oldRead);
    expect(read.map((r) => r.error?.issues)).toEqual([undefined, undefined, undefined]);
    expect(read.map((r) => r.data?.description)).toEqual([
      NO_DESCRIPTION,
      'A storage engine.',
      NO_DESCRIPTION,
    ]);
    // Positive control: the previous reader refuses an empty description.
    expect(oldRead('crdt-playground;;;mirak/crdt-playground').success).toBe(false);
  });
});
