/**
 * Matching never merges strangers (issue 22): an incoming person updates a
 * kept one only when an identity matches (GitHub login, LinkedIn slug,
 * email). A name alone merges only an entry that carries no identity at all
 * (the same plain address book imported twice); a namesake with another
 * identity is someone new. Every update can be opened to a per-field diff.
 */
import { previewConnections } from '../../formats/connections-csv';
import { previewImport } from '../../formats/import';
import { viewOf } from '../../jobs/jobs';
import type { Profile } from '../../people/schema';
import { person } from './fixtures';
import { HEADER, NOTES } from './fixtures/connections/generate';

const card = (...properties: string[]) =>
  ['BEGIN:VCARD', 'VERSION:3.0', ...properties, 'END:VCARD', ''].join('\r\n');

function vcf(text: string, existing: Profile[]) {
  const result = previewImport('contacts.vcf', text, { existing, bundled: [] });
  if (!result.ok) throw new Error(result.error);
  return result.preview;
}

describe('two people who share a name stay two people', () => {
  // LinkedIn's Connections.csv first: "Łukasz 李", LinkedIn łukasz-李-0407.
  const csv = `${NOTES}${HEADER}\nŁukasz,李,https://www.linkedin.com/in/${encodeURIComponent('łukasz-李-0407')},,Fjord AB,Head of Research,05 Jan 2024\n`;
  const fromCsv = (() => {
    const result = previewConnections('Connections.csv', csv, { existing: [], bundled: [] });
    if (!result.ok) throw new Error(result.error);
    return result.preview.added;
  })();

  it('the CSV gives one Łukasz 李', () => {
    expect(fromCsv).toMatchObject([
      { name: 'Łukasz 李', identities: { linkedin: ['łukasz-李-0407'] } },
    ]);
  });

  it("the vCard's Łukasz 李 (LinkedIn vcard-person-8) is someone new", () => {
    const p = vcf(
      card(
        'FN:Łukasz 李',
        'TITLE:Analyst',
        'NOTE:Met in Kraków.',
        'item1.URL:https://www.linkedin.com/in/vcard-person-8',
        'item1.X-ABLabel:LinkedIn',
      ),
      fromCsv,
    );
    expect(p.updated).toEqual([]);
    expect(p.added).toHaveLength(1);
    const added = p.added[0] as Profile;
    expect(added.id).not.toBe(fromCsv[0]?.id);
    expect(added).toMatchObject({
      name: 'Łukasz 李',
      headline: 'Analyst',
      bio: 'Met in Kraków.',
      identities: { linkedin: ['vcard-person-8'] },
    });
  });

  it.each([
    ['a GitHub login', 'URL:https://github.com/someone-else', { github: ['ada'], linkedin: [] }],
    ['an email', 'EMAIL:other@example.com', { github: [], linkedin: [] }],
  ])('a namesake with %s the kept person does not have is someone new', (_what, line, ids) => {
    const kept = person('ada-lovelace', {
      name: 'Ada Lovelace',
      contact: { email: 'ada@example.com' },
      identities: ids,
    });
    const p = vcf(card('FN:Ada Lovelace', line), [kept]);
    expect(p.updated).toEqual([]);
    expect(p.added.map((x) => x.id)).toEqual(['ada-lovelace-2']);
  });

  it('an identity that matches updates, whatever the name', () => {
    const kept = person('ada', {
      name: 'Ada Lovelace',
      identities: { github: ['ada'], linkedin: [] },
    });
    const p = vcf(card('FN:A. L.', 'URL:https://github.com/ADA', 'TITLE:Countess'), [kept]);
    expect(p.added).toEqual([]);
    expect(p.updated.map(({ after }) => after.id)).toEqual(['ada']);
  });

  it('a card with no identity and no email still finds the person it was (a second import)', () => {
    const kept = person('ada-lovelace', {
      name: 'Ada Lovelace',
      identities: { github: ['ada'], linkedin: [] },
    });
    const p = vcf(card('FN:Ada Lovelace', 'TITLE:Countess'), [kept]);
    expect(p.added).toEqual([]);
    expect(p.updated[0]?.after).toMatchObject({ id: 'ada-lovelace', headline: 'Countess' });
  });
});

describe('every update can be opened to a per-field diff', () => {
  it('names each changed field in words, with the kept and the incoming value', () => {
    const kept = person('ada', {
      name: 'Ada Lovelace',
      headline: 'Analyst',
      contact: { email: 'ada@example.com' },
      identities: { github: ['ada'], linkedin: [] },
    });
    const p = vcf(
      card(
        'FN:Ada Lovelace',
        'TITLE:Countess',
        'EMAIL:ada@example.com',
        'URL:https://github.com/ada',
        'URL:https://www.linkedin.com/in/ada-l',
      ),
      [kept],
    );
    const view = viewOf('contacts.vcf', p);
    expect(view.updatedDiffs).toEqual([
      {
        name: 'Ada Lovelace',
        changes: [
          { field: 'Headline', before: 'Analyst', after: 'Countess' },
          { field: 'LinkedIn profiles', before: '—', after: 'in/ada-l' },
        ],
      },
    ]);
  });
});
