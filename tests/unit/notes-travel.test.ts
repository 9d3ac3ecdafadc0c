/**
 * Notes go where the person goes on the user's say (issue 26): a JSON
 * export and a vCard export re-import exactly (the note beside the bio,
 * tags as CATEGORIES, the day), an address book's CATEGORIES come in as
 * tags, and a card copied to hand to someone else carries no note.
 */
import fc from 'fast-check';
import { toContactsCsv } from '../../formats/contacts-csv';
import { exportDocument } from '../../formats/export';
import { previewImport } from '../../formats/import';
import { toVCard } from '../../formats/vcard';
import { bundledProfiles } from '../../people/bundled';
import { parseTags } from '../../people/notes';
import type { Profile } from '../../people/schema';
import { person } from './fixtures';
import { addressBookContacts, appleVCards } from './fixtures/address-books';

function preview(name: string, text: string, existing: Profile[] = []) {
  const result = previewImport(name, text, { existing, bundled: bundledProfiles });
  if (!result.ok) throw new Error(result.error);
  return result.preview;
}

const noted = person('ada', {
  name: 'Ada',
  bio: 'Her own words; about herself.',
  mine: {
    note: 'Met at KubeCon 2026, talked about Raft snapshots;\nowes me the benchmark link, really.',
    tags: ['kubecon', 'hiring', 'team-storage'],
    contacted: '2026-05-31',
  },
});

describe('export and import carry the note', () => {
  it('JSON: re-importing the export changes nothing; into an empty store, it comes back whole', () => {
    const json = exportDocument([noted]);
    expect(preview('people.json', json, [noted]).unchanged).toEqual([noted]);
    expect(preview('people.json', json).added).toEqual([noted]);
  });

  it('vCard: the note is a NOTE of its own beside the bio, tags are CATEGORIES', () => {
    const vcard = toVCard(noted, { mine: true });
    expect(vcard).toContain('\r\nNOTE:Her own words\\; about herself.\r\n');
    expect(vcard).toMatch(/\r\nNOTE;X-PROFILE-CARD=mine:Met at KubeCon/);
    expect(vcard).toContain('\r\nCATEGORIES:kubecon,hiring,team-storage\r\n');
    expect(vcard).toContain('\r\nX-PROFILE-CARD-CONTACTED:2026-05-31\r\n');
    expect(preview('ada.vcf', vcard, [noted]).unchanged).toEqual([noted]);
    expect(preview('ada.vcf', vcard).added).toEqual([noted]);
  });

  it('vCard round trip is exact for any note and tags', () => {
    const text = fc
      .string({ minLength: 1, maxLength: 80, unit: 'grapheme' })
      // Notes as the store holds them: no markup, controls or U+2028/U+2029
      // (the schema refuses those; the editor turns them into spaces).
      .map((value) => value.replace(/[<>\p{C}\u2028\u2029]/gu, '').trim())
      .filter((value) => value !== '');
    fc.assert(
      fc.property(text, fc.array(fc.string({ maxLength: 20 }), { maxLength: 6 }), (note, raw) => {
        const tags = parseTags(raw.join(' '));
        const profile = person('p', { mine: { note, ...(tags.length ? { tags } : {}) } });
        const again = preview('p.vcf', toVCard(profile, { mine: true })).added[0];
        expect(again?.mine).toEqual(profile.mine);
      }),
      { numRuns: 150 },
    );
  });

  it('a vCard without the note leaves a kept note alone; only CATEGORIES replaces the tags', () => {
    const cardOnly = toVCard({ ...noted, headline: 'New title' });
    const merged = preview('ada.vcf', cardOnly, [noted]).updated[0]?.after;
    expect(merged?.headline).toBe('New title');
    expect(merged?.mine).toEqual(noted.mine);
    const retag = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Ada',
      'X-PROFILE-CARD-ID:ada',
      'CATEGORIES:Friends',
      'END:VCARD',
      '',
    ].join('\r\n');
    expect(preview('ada.vcf', retag, [noted]).updated[0]?.after.mine).toEqual({
      ...noted.mine,
      tags: ['friends'],
    });
  });

  it("an address book's groups come in as tags", () => {
    const card = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Grace Hopper',
      'CATEGORIES:Navy,Team Storage,VIP\\, old',
      'END:VCARD',
      '',
    ].join('\r\n');
    expect(preview('contacts.vcf', card).added[0]?.mine).toEqual({
      tags: ['navy', 'team-storage', 'vip-old'],
    });
  });

  it('a card copied from a card to hand to someone else carries no note (positive control: the export does)', () => {
    expect(toVCard(noted)).not.toMatch(/KubeCon|CATEGORIES|CONTACTED/);
    expect(toVCard(noted, { mine: true })).toMatch(/KubeCon/);
  });
});

it("a file that does not carry the user's notes never takes them away", () => {
  // An address book's CATEGORIES become tags; its own CSV export has no place for them.
  const first = previewImport('book.vcf', appleVCards(addressBookContacts(20)), {
    existing: [],
    bundled: [],
  });
  if (!first.ok) throw new Error(first.error);
  const kept = first.preview.added;
  // Positive control: the tags came in.
  expect(kept.filter((profile) => profile.mine?.tags?.length)).toHaveLength(20);
  const again = previewImport('book.csv', toContactsCsv(kept), { existing: kept, bundled: [] });
  if (!again.ok) throw new Error(again.error);
  expect(again.preview.updated).toEqual([]);
  expect(again.preview.unchanged).toHaveLength(20);
  expect(again.preview.unchanged.map((profile) => profile.mine)).toEqual(
    kept.map((profile) => profile.mine),
  );
});
