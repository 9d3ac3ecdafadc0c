/**
 * LinkedIn's Connections.csv: a hand-written file with the awkward cases, a
 * generated 3,000-row export, and a second, newer export that must update
 * the people the first one added instead of adding them again.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type ConnectionsPreview,
  endsInsideQuotes,
  isConnectionsCsv,
  mergeConnection,
  previewConnections,
  readConnections,
} from '../../formats/connections-csv';
import { applyPreview, rejectionLines } from '../../formats/import';
import { linkedinKey } from '../../identity/keys';
import { bundledProfiles } from '../../people/bundled';
import type { Profile } from '../../people/schema';
import { validateProfile } from '../../people/validate';
import { generateExport } from './fixtures/connections/generate';

const fixture = readFileSync(
  join(import.meta.dirname, 'fixtures/connections/Connections.csv'),
  'utf8',
);
const HEADER = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On';
const NOTES =
  'Notes:\n"When exporting your connection data, you may notice that some of the email addresses are missing."\n\n';

function preview(text: string, existing: Profile[] = []): ConnectionsPreview {
  const result = previewConnections('Connections.csv', text, {
    existing,
    bundled: bundledProfiles,
  });
  if (!result.ok) throw new Error(result.error);
  for (const profile of [...result.preview.added, ...result.preview.updated.map((u) => u.after)])
    expect(validateProfile(profile).ok).toBe(true);
  return result.preview;
}

describe('Connections.csv, the awkward cases', () => {
  const p = preview(fixture);
  const byName = (name: string) => p.added.find((profile) => profile.name === name);

  it('keeps quoted commas, escaped quotes, line breaks, emoji and accents', () => {
    expect(byName('Jane Doe, PhD')).toEqual({
      id: 'jane-doe-phd',
      name: 'Jane Doe, PhD',
      headline: 'Head of Research at Acme, Inc.',
      bio: 'Head of Research at Acme, Inc.',
      projects: [],
      contact: { email: 'jane@doe.example' },
      identities: { github: [], linkedin: ['jane-doe-phd'] },
    });
    expect(byName('Zoë Ångström 🚀')).toMatchObject({
      id: 'zoe-angstrom',
      headline: 'Engineer, "platform" at Fjord AB',
      contact: {},
      identities: { linkedin: ['zoë-ångström-1a2b3c'] },
    });
    expect(byName('Multi Line Person')?.headline).toBe('Position with a line break');
  });

  it('makes a headline from what the row has', () => {
    expect(byName('Only Company')?.headline).toBe('Lumen Systems');
    expect(byName('Quiet One')?.headline).toBe('LinkedIn connection since 11 Nov 2017');
    expect(byName('Long Headline')?.headline?.length).toBeLessThanOrEqual(160);
    expect(byName('Long Headline')?.headline).toMatch(/^Principal Engineer, .* at Corp$|…$/);
  });

  it('leaves out a bad email, and says so', () => {
    expect(byName('Bad Email')?.contact).toEqual({});
    expect(p.notes).toContain('row 7 ("Bad Email"): Email: "not-an-email" is not an email');
    expect(
      p.notes.some((line) => line.startsWith('row 10 ("Long Headline"): Headline: shortened')),
    ).toBe(true);
  });

  it("takes LinkedIn's own slugs as they are: mixed scripts, percent-encoded (issue 22)", () => {
    const slugs = ['олег-smith-42', 'łukasz-李-0407', 'αλέξης-papadopoulos-7'];
    const rows = slugs.map(
      (slug, index) =>
        `Name${index},Family,https://www.linkedin.com/in/${encodeURIComponent(slug)},,,,01 Jan 2024`,
    );
    const mixed = preview(`${NOTES}${HEADER}\n${rows.join('\n')}\n`, []);
    expect(mixed.rejected).toEqual([]);
    expect(mixed.added.map((profile) => profile.identities.linkedin)).toEqual(
      slugs.map((slug) => [slug]),
    );
  });

  it('refuses rows it cannot keep, with their row number and reason', () => {
    expect(p.rejected.flatMap(rejectionLines)).toEqual([
      'row 1 ("Deniz Altınbüken"): linkedin:denizalti is already Deniz Altınbüken\'s (deniz-altinbuken)',
      'row 5 ("No Url"): it has no profile URL, so it cannot be matched to their LinkedIn page or a later export',
      'row 6: it has no name',
      'row 8 ("Not LinkedIn"): "https://example.com/in/not-linkedin" is not a LinkedIn profile URL',
      'row 9 ("Jane Again"): linkedin:jane-doe-phd is already row 2 in this file',
      'row 13 ("Too Many"): it has 8 fields where the header has 7 (an unquoted comma, or a stray quote?)',
    ]);
    expect(p.added).toHaveLength(7);
  });

  it('takes the row of a bundled person the user hid: a hidden bundled person owns nothing', () => {
    const text = `${NOTES}${HEADER}\nDeniz,Altınbüken,https://www.linkedin.com/in/denizalti,,,,01 Jan 2024\n`;
    // Positive control: shown, Deniz Altınbüken owns the handle.
    expect(preview(text).rejected.flatMap(rejectionLines)).toEqual([
      'row 1 ("Deniz Altınbüken"): linkedin:denizalti is already Deniz Altınbüken\'s (deniz-altinbuken)',
    ]);
    const result = previewConnections('Connections.csv', text, {
      existing: [],
      bundled: bundledProfiles,
      hidden: ['deniz-altinbuken'],
    });
    if (!result.ok) throw new Error(result.error);
    expect(result.preview.rejected).toEqual([]);
    expect(result.preview.added.map((profile) => profile.identities.linkedin)).toEqual([
      ['denizalti'],
    ]);
  });

  it('tells the file apart from other CSV', () => {
    expect(isConnectionsCsv(fixture)).toBe(true);
    expect(isConnectionsCsv(`\uFEFF${HEADER}\n`)).toBe(true);
    expect(isConnectionsCsv('name,email\nAda,ada@example.com\n')).toBe(false);
    expect(readConnections('name,email\nAda,ada@example.com\n')).toEqual({
      ok: false,
      error: `This is not LinkedIn's Connections.csv: no "${HEADER}" header line.`,
    });
  });

  it('refuses a header without the URL column', () => {
    expect(readConnections('First Name,Last Name,Company\nAda,L,X\n')).toEqual({
      ok: false,
      error: 'The header has no "URL" column.',
    });
  });

  it('refuses an unterminated quote rather than guessing', () => {
    const text = `${NOTES}${HEADER}\nAda,Lovelace,https://www.linkedin.com/in/ada,,,,\nBob,"Broken,https://www.linkedin.com/in/bob,,,,\n`;
    const read = readConnections(text);
    if (!read.ok) throw new Error(read.error);
    expect(read.rows.map((row) => row.profile.name)).toEqual(['Ada Lovelace']);
    expect(read.refused.map((row) => row.errors[0])).toEqual([
      expect.stringMatching(/^the CSV is malformed here \(/),
    ]);
  });
});

describe('a newer export', () => {
  const first = preview(fixture);
  const kept = applyPreview([], first);

  it('updates the people the first one added, instead of adding them again', () => {
    const mine = kept.map((profile) =>
      profile.name === 'Jane Doe, PhD'
        ? {
            ...profile,
            bio: 'Met at the 2023 summit.',
            identities: { github: ['janedoe'], linkedin: profile.identities.linkedin },
          }
        : profile,
    );
    const newer = fixture
      .replace('Head of Research', 'Chief Scientist')
      .replace('Quiet,One', 'Quieter,One')
      .replace(/Only,Company.*\n/, '')
      .concat('New,Person,https://www.linkedin.com/in/new-person,,,,01 Jan 2025\n');
    const second = preview(newer, mine);
    expect(second.added.map((profile) => profile.name)).toEqual(['New Person']);
    expect(second.updated.map(({ before, after }) => [before.name, after.name])).toEqual([
      ['Jane Doe, PhD', 'Jane Doe, PhD'],
      ['Quiet One', 'Quieter One'],
    ]);
    const jane = second.updated[0]?.after;
    // LinkedIn's fields are updated; what the user added stays; the id stays.
    expect(jane).toMatchObject({
      id: 'jane-doe-phd',
      headline: 'Chief Scientist at Acme, Inc.',
      bio: 'Met at the 2023 summit.',
      identities: { github: ['janedoe'], linkedin: ['jane-doe-phd'] },
    });
    // "Quiet One" keeps the id made from the old name.
    expect(second.updated[1]?.after.id).toBe('quiet-one');
    // Someone no longer in the export (Only Company) is left as they are, not removed.
    expect(second.unchanged).toHaveLength(4);
    expect(applyPreview(mine, second).some((profile) => profile.name === 'Only Company')).toBe(
      true,
    );
    const after = applyPreview(mine, second);
    expect(after).toHaveLength(mine.length + 1);
    expect(new Set(after.map((profile) => profile.id)).size).toBe(after.length);
  });

  it('re-importing the same export changes nothing', () => {
    const again = preview(fixture, kept);
    expect(again.added).toEqual([]);
    expect(again.updated).toEqual([]);
    expect(again.unchanged).toHaveLength(kept.length);
  });

  it('a bio that was only the headline follows the new headline', () => {
    const before = kept.find((profile) => profile.name === 'Jane Doe, PhD') as Profile;
    const row = { ...before, headline: 'Chief Scientist', bio: 'Chief Scientist' };
    expect(mergeConnection(before, row).bio).toBe('Chief Scientist');
    expect(mergeConnection({ ...before, bio: 'Mine.' }, row).bio).toBe('Mine.');
  });
});

describe('a 3,000-row export', () => {
  const { text, noUrl, slugs } = generateExport(3000);
  const p = preview(text);

  it('keeps every row that has a URL, with its LinkedIn identity', () => {
    expect(p.added).toHaveLength(3000 - noUrl.length);
    expect(p.added.map((profile) => linkedinKey(profile.identities.linkedin[0] ?? ''))).toEqual(
      slugs.map(linkedinKey),
    );
  });

  it('gives everyone a different id, made from their name', () => {
    const ids = p.added.map((profile) => profile.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toContain('ada-lovelace');
    expect(ids).toContain('ada-lovelace-2');
  });

  it('refuses exactly the rows without a URL, by number', () => {
    expect(p.rejected.map((row) => row.index)).toEqual(noUrl);
  });

  it('imports the same export again without a single duplicate', () => {
    const again = preview(text, applyPreview([], p));
    expect([again.added.length, again.updated.length, again.unchanged.length]).toEqual([
      0,
      0,
      p.added.length,
    ]);
  });
});

describe('parsing asks for nothing over the network', () => {
  it('creates no XMLHttpRequest while reading a file', () => {
    const opened: string[] = [];
    const original = globalThis.XMLHttpRequest;
    class Recorder {
      open(_method: string, url: string) {
        opened.push(url);
      }
      send() {}
    }
    globalThis.XMLHttpRequest = Recorder as unknown as typeof XMLHttpRequest;
    try {
      expect(previewConnections('Connections.csv', fixture, { existing: [], bundled: [] }).ok).toBe(
        true,
      );
      expect(opened).toEqual([]);
      // Positive control: a request made while the recorder is in place is seen.
      new XMLHttpRequest().open('GET', 'https://example.com/Connections.csv');
      expect(opened).toEqual(['https://example.com/Connections.csv']);
    } finally {
      globalThis.XMLHttpRequest = original;
    }
  });
});

describe('endsInsideQuotes', () => {
  it.each([
    ['a,b\n', false],
    ['a,"b, c"\n', false],
    ['a,"b ""quoted"""\r\n', false],
    ['a,"line\nbreak"', false],
    ['a,b"c\n', false],
    ['a,"b\n', true],
    ['a,"b""\n', true],
    ['a,"b\r\nc,d\r\n', true],
  ])('%j → %s', (text, expected) => {
    expect(endsInsideQuotes(text)).toBe(expected);
  });

  it('says how much of the file an unclosed quote swallowed', () => {
    const text = `${HEADER}\nBob,"Broken,https://www.linkedin.com/in/bob,,,,\nCarol,C,https://www.linkedin.com/in/carol,,,,\nDan,D,https://www.linkedin.com/in/dan,,,,\n`;
    const read = readConnections(text);
    if (!read.ok) throw new Error(read.error);
    expect(read.rows).toEqual([]);
    expect(read.refused.map((row) => row.errors[0])).toEqual([
      'the CSV is malformed here (a quote opens in this row and never closes, so the 2 lines after it are read as part of it)',
    ]);
  });
});
