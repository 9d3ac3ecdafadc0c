import { exportDocument } from '../../formats/export';
import {
  applyPreview,
  EXPORT_FORMAT_VERSION,
  leftOutLines,
  MAX_IMPORT_BYTES,
  type Preview,
  previewImport,
  rejectionLines,
} from '../../formats/import';
import { toVCard } from '../../formats/vcard';
import { bundledProfiles } from '../../people/bundled';
import { slugify, uniqueId } from '../../people/ids';
import { type Profile, profileSchema } from '../../people/schema';
import { person } from './fixtures';

const context = (existing: Profile[] = []) => ({ existing, bundled: bundledProfiles });
const ada = {
  id: 'ada',
  name: 'Ada Lovelace',
  headline: 'Analyst',
  bio: 'Wrote the first program.',
  identities: { github: ['ada'] },
};
const json = (value: unknown) => JSON.stringify(value);

function preview(
  text: string | Uint8Array,
  existing: Profile[] = [],
  name = 'people.json',
): Preview {
  const result = previewImport(name, text, context(existing));
  if (!result.ok) throw new Error(result.error);
  return result.preview;
}
function failure(text: string | Uint8Array, name = 'people.json'): string {
  const result = previewImport(name, text, context());
  if (result.ok) throw new Error('expected the file to be refused');
  return result.error;
}
const lines = (p: Preview) => p.rejected.flatMap(rejectionLines);

describe('previewImport: what it keeps is the schema’s output (issue 28)', () => {
  it('keeps each profile as the schema gives it, keys in its order, whatever the file’s order', () => {
    const full = (id: string) => ({ ...person(id), headline: 'Analyst', location: 'London' });
    const { contact: _contact, ...rest } = person('p2');
    const profiles = [
      full('p0'),
      Object.fromEntries(Object.entries(full('p1')).reverse()),
      { contact: { website: 'https://a.example/' }, ...rest },
    ];
    const kept = preview(json(profiles)).added;
    expect(kept.map((profile) => json(profile))).toEqual(
      profiles.map((value) => {
        const { $schema: _hint, ...profile } = profileSchema().parse(value);
        return json(profile);
      }),
    );
    // Not vacuous: the schema reorders the two out of order.
    expect(json(kept[1])).not.toBe(json(profiles[1]));
    expect(json(kept[2])).not.toBe(json(profiles[2]));
  });
});

describe('previewImport: file shapes', () => {
  it.each([
    ['one profile', json(ada)],
    ['a list', json([ada])],
    ['an export', json({ profiles: [ada] })],
    ['an export with its version', json({ version: EXPORT_FORMAT_VERSION, profiles: [ada] })],
    ['a byte-order mark and whitespace', `\uFEFF\n  ${json(ada)}\n`],
  ])('reads %s', (_label, text) => {
    expect(preview(text).added.map((p) => p.id)).toEqual(['ada']);
  });

  it.each([
    ['{ "id": ', 'This is not valid JSON: unexpected end of file at line 1, column 8.'],
    ['[\n  {"id": "a"},\n  oops\n]', 'This is not valid JSON: unexpected "o" at line 3, column 3.'],
    ["{ 'id': 'a' }", 'This is not valid JSON: unexpected "\'" at line 1, column 3.'],
    ['[1, 2,]', 'This is not valid JSON: unexpected "]" at line 1, column 7.'],
    ['42', /this file holds a single value/],
    ['"text"', /this file holds a single value/],
    ['null', /this file holds a single value/],
    [json({ people: [] }), /this object has none of those/],
    [json({ profiles: {} }), /"profiles" must be a list/],
    [json({ profiles: [], extra: 1 }), /Unknown top-level field "extra"/],
    [
      json({ version: 2, profiles: [ada] }),
      /format version 2; this version of Profile Card reads version 1/,
    ],
    [json({ version: '1', profiles: [ada] }), /format version "1"/],
    [json([]), /holds no profiles/],
    ['   ', /is empty/],
  ])('refuses %j', (text, message) => {
    if (typeof message === 'string') expect(failure(text)).toBe(message);
    else expect(failure(text)).toMatch(message);
  });

  it('refuses what is not text', () => {
    expect(
      failure(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'photo.png'),
    ).toBe('"photo.png" is not a text file.');
    // UTF-16 is read now (issue 17, bug 8): these two bytes are "䄀", which is no format.
    expect(failure(new Uint8Array([0xff, 0xfe, 0x00, 0x41]), 'utf16.json')).toMatch(
      /^"utf16\.json" is not a format Profile Card reads: it starts with "䄀"/,
    );
    expect(failure(new TextEncoder().encode('{"id":"a\u0000"}'))).toMatch(/not a text file/);
  });

  it('refuses a file over the size limit before parsing it', () => {
    const parse = vi.spyOn(JSON, 'parse');
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x20);
    expect(failure(big)).toBe('"people.json" is 5.0 MB; the limit is 5.0 MB.');
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
  });
});

describe('previewImport: entries', () => {
  it('names the entry and the field', () => {
    const p = preview(
      json([
        ada,
        { ...ada, id: 'b', identities: {} },
        { ...ada, id: 'c', name: 'Ada', identities: {}, contact: { email: 'nope' } },
      ]),
    );
    // Kept without the email (issue 22), and the preview says so in words.
    expect(lines(p)).toEqual([]);
    expect(p.added.map((x) => x.id)).toEqual(['ada', 'b', 'c']);
    expect(p.leftOut?.flatMap(leftOutLines)).toEqual([
      'profile 3 ("Ada"): Email "nope" is not an email, so it was left out',
    ]);
  });

  it('labels unnamed entries by position only', () => {
    expect(lines(preview(json([42, { id: 'x' }])))).toEqual([
      'profile 1: the profile must be an object',
      'profile 2: Name is required',
      'profile 2: "identities" is required',
    ]);
  });

  it('refuses duplicate ids within the file', () => {
    const p = preview(json([ada, { ...ada, identities: {} }]));
    expect(lines(p)).toEqual([
      'profile 2 ("Ada Lovelace"): id "ada" is already used by profile 1 in this file',
    ]);
  });

  it("refuses a bundled profile's id and identities claimed by someone else", () => {
    const mine = person('mine', { identities: { github: ['taken'], linkedin: [] } });
    const p = preview(
      json([
        { ...ada, id: 'tyler-neely' },
        { ...ada, id: 'copy', identities: { github: ['SpaceJam'] } },
        { ...ada, id: 'other', identities: { github: ['TAKEN'], linkedin: ['denizalti'] } },
        { ...ada, id: 'twin', identities: { github: ['ada'] } },
      ]),
      [mine],
    );
    // Refused entries claim nothing: "twin" may have github:ada.
    expect(p.added.map((x) => x.id)).toEqual(['twin']);
    expect(lines(p)).toEqual([
      'profile 1 ("Ada Lovelace"): id "tyler-neely" belongs to a bundled profile; give this person another id',
      'profile 2 ("Ada Lovelace"): github:spacejam is already Tyler Neely\'s (tyler-neely)',
      'profile 3 ("Ada Lovelace"): github:taken is already Person mine\'s (mine)',
      'profile 3 ("Ada Lovelace"): linkedin:denizalti is already Deniz Altınbüken\'s (deniz-altinbuken)',
    ]);
  });

  it('lets a hidden bundled person, or one the user replaced, own nothing', () => {
    const copy = { ...ada, id: 'copy', identities: { github: ['SpaceJam'] } };
    const hidden = previewImport('people.json', json([copy]), {
      ...context(),
      hidden: ['tyler-neely'],
    });
    if (!hidden.ok) throw new Error(hidden.error);
    expect(hidden.preview.rejected).toEqual([]);
    expect(hidden.preview.added.map((x) => x.id)).toEqual(['copy']);
    // Replaced: the user keeps someone under Tyler Neely's id without his login.
    const replaced = preview(json([copy]), [person('tyler-neely')]);
    expect(replaced.rejected).toEqual([]);
    // Positive control: shown and not replaced, he owns it.
    expect(lines(preview(json([copy])))).toEqual([
      'profile 1 ("Ada Lovelace"): github:spacejam is already Tyler Neely\'s (tyler-neely)',
    ]);
  });

  it('sorts entries into added, updated and unchanged', () => {
    const kept = person('kept');
    const changed = person('changed');
    const p = preview(json([kept, { ...changed, name: 'Changed name' }, person('new')]), [
      kept,
      changed,
    ]);
    expect(p.added.map((x) => x.id)).toEqual(['new']);
    expect(p.updated.map((x) => [x.before.name, x.after.name])).toEqual([
      ['Person changed', 'Changed name'],
    ]);
    expect(p.unchanged.map((x) => x.id)).toEqual(['kept']);
    expect(applyPreview([kept, changed], p).map((x) => x.name)).toEqual([
      'Person kept',
      'Changed name',
      'Person new',
    ]);
  });

  it('round-trips an export losslessly', () => {
    const profiles = [
      person('a', {
        location: 'Ithaca',
        highlights: ['One'],
        projects: [{ name: 'p', description: 'd', repo: 'a/b' }],
        contact: { email: 'a@b.co', links: [{ label: 'Blog', url: 'https://blog.example/' }] },
      }),
      person('b', { identities: { github: [], linkedin: ['michael-rüffer-61125324'] } }),
    ];
    const p = preview(exportDocument(profiles), profiles);
    expect(p.unchanged).toEqual(profiles);
    expect(p.added).toEqual([]);
    expect(p.updated).toEqual([]);
    expect(preview(exportDocument(profiles)).added).toEqual(profiles);
  });

  it('leaves its inputs untouched', () => {
    const existing = [person('a')];
    const before = json(existing);
    preview(json([{ ...person('a'), name: 'Changed' }]), existing);
    expect(json(existing)).toBe(before);
  });
});

describe('previewImport: vCard', () => {
  it('re-imports our own vCard as the same person', () => {
    const profile = person('ada-l', {
      name: 'Ada Lovelace',
      headline: 'Analyst, poet',
      bio: 'First program; notes.\nSecond line.',
      contact: { email: 'ada@example.com', website: 'https://ada.example/' },
      identities: { github: ['ada'], linkedin: ['ada-lovelace'] },
    });
    expect(preview(toVCard(profile), [], 'ada.vcf').added).toEqual([profile]);
    // More in vcard-import.test.ts: every field, merging, 2.1, UTF-16, 5,000 cards.
    expect(preview(toVCard(profile), [profile], 'ada.vcf').unchanged).toEqual([profile]);
  });

  it('reads vCards from other apps: 3.0, several per file, ORG for a headline', () => {
    const file = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Grace Hopper',
      'ORG:US Navy',
      'EMAIL;TYPE=INTERNET:grace@example.com',
      'URL:https://github.com/ghopper',
      'URL:https://de.linkedin.com/in/grace-hopper/',
      'URL:https://example.com/grace',
      'URL:https://blog.example.com/',
      'END:VCARD',
      'BEGIN:VCARD',
      'VERSION:4.0',
      'FN:Jürgen Öz',
      'TITLE:Operator',
      'NOTE:Hello',
      'END:VCARD',
    ].join('\r\n');
    const p = preview(file, [], 'contacts.vcf');
    expect(p.added).toEqual([
      {
        id: 'grace-hopper',
        name: 'Grace Hopper',
        headline: 'US Navy',
        projects: [],
        contact: {
          email: 'grace@example.com',
          website: 'https://example.com/grace',
          links: [{ label: 'blog.example.com', url: 'https://blog.example.com/' }],
        },
        identities: { github: ['ghopper'], linkedin: ['grace-hopper'] },
      },
      {
        id: 'jurgen-oz',
        name: 'Jürgen Öz',
        headline: 'Operator',
        bio: 'Hello',
        projects: [],
        contact: {},
        identities: { github: [], linkedin: [] },
      },
    ]);
  });

  it('names what is wrong in a vCard', () => {
    const p = preview(
      'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:No Title\r\nURL:javascript:alert(1)\r\nEND:VCARD\r\n',
      [],
      'x.vcf',
    );
    expect(lines(p)).toEqual([]);
    expect(p.added).toMatchObject([{ name: 'No Title', contact: {} }]);
    expect(p.leftOut?.flatMap(leftOutLines)).toEqual([
      'vCard 1 ("No Title"): Website "javascript:alert(1)" must be an http(s) URL, so it was left out',
    ]);
    expect(failure('BEGIN:VCARD\r\nFN;broken\r\n', 'x.vcf')).toMatch(/^This is not a valid vCard/);
  });

  it.each([
    ['Deniz Altınbüken', 'deniz-altinbuken'],
    ['  Ada   Lovelace ', 'ada-lovelace'],
    ['李小龙', 'person'],
    ['x'.repeat(80), 'x'.repeat(64)],
  ])('slugify(%j) → %s', (name, slug) => {
    expect(slugify(name)).toBe(slug);
  });

  it.each([
    ['Ada Lovelace', [], 'ada-lovelace'],
    ['Ada Lovelace', ['ada-lovelace'], 'ada-lovelace-2'],
    ['Ada Lovelace', ['ada-lovelace', 'ada-lovelace-2', 'ada-lovelace-3'], 'ada-lovelace-4'],
    ['Ada Lovelace', ['ada-lovelace-2'], 'ada-lovelace'],
    ['Łukasz Żółw', ['lukasz-zolw'], 'lukasz-zolw-2'],
    ['李小龙', ['person'], 'person-2'],
    ['', [], 'person'],
    ['x'.repeat(80), ['x'.repeat(64)], `${'x'.repeat(62)}-2`],
    [`${'a'.repeat(62)} b`, [`${'a'.repeat(62)}-b`], `${'a'.repeat(62)}-2`],
  ])('uniqueId(%j, taken %j) → %s', (name, taken, id) => {
    expect(uniqueId(name, new Set(taken))).toBe(id);
    expect(id.length).toBeLessThanOrEqual(64);
  });
});

describe('previewImport at scale', () => {
  it('handles 10,000 profiles in one file', () => {
    const many = Array.from({ length: 10_000 }, (_, index) => person(`p${index}`));
    const p = preview(exportDocument(many));
    expect(p.added).toHaveLength(10_000);
    expect(p.rejected).toEqual([]);
  });
});
