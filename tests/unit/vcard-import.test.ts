/**
 * vCard import (issue 17, bug 8): our own export re-imports as "unchanged";
 * a card merges into the person it matches instead of replacing what it
 * does not carry; address books as they really are (vCard 2.1
 * quoted-printable, UTF-16 files, no TITLE or ORG, thousands of cards) come
 * in whole.
 */

import { type Preview, previewImport, rejectionLines } from '../../formats/import';
import { toVCard } from '../../formats/vcard';
import { unescapeText } from '../../formats/vcard-read';
import { bundledProfiles } from '../../people/bundled';
import type { Profile } from '../../people/schema';
import { person } from './fixtures';

function preview(text: string | Uint8Array, existing: Profile[] = [], bundled = bundledProfiles) {
  const result = previewImport('contacts.vcf', text, { existing, bundled });
  if (!result.ok) throw new Error(result.error);
  return result.preview;
}
const lines = (p: Preview) => p.rejected.flatMap(rejectionLines);
const card = (...properties: string[]) =>
  ['BEGIN:VCARD', 'VERSION:3.0', ...properties, 'END:VCARD', ''].join('\r\n');

/** Everything a profile can hold, with the characters vCard escapes. */
const full: Profile = {
  id: 'ada-l',
  name: 'Ada; Countess, of Lovelace\\',
  headline: 'Analyst, poet; "enchantress of numbers"',
  bio: 'First program; notes, and more.\n\nSecond paragraph with \\n literally.',
  location: 'London, UK; Marylebone',
  highlights: ['Note G; the first algorithm', 'Bernoulli, numbers'],
  projects: [
    {
      name: 'Notes; G',
      description: 'Sketch, of the engine\\',
      url: 'https://example.org/a,b;c',
      repo: 'ada/engine',
    },
    { name: 'Poetical science', description: 'Imagination.' },
    { name: 'Flyology', description: 'Wings.', repo: 'ada/fly' },
  ],
  contact: {
    email: 'ada@example.com',
    // A website that is a GitHub profile stays the website.
    website: 'https://github.com/ada-site',
    links: [
      { label: 'Company', url: 'https://github.com/analytical' },
      { label: 'Blog; old', url: 'https://blog.example/ü?x=1,2' },
    ],
  },
  identities: {
    github: ['ada', 'AdaAlt', 'features'],
    linkedin: ['ada-lovelace', 'michael-rüffer-61125324', 'ACoAABcdEfGhIjKlMnOpQrStUvWxYz01'],
  },
};

describe('our own vCard re-imports unchanged', () => {
  const bare = person('bare', { headline: undefined, bio: undefined });
  delete bare.headline;
  delete bare.bio;
  it.each([full, bare, ...bundledProfiles])('$id', (profile) => {
    const text = toVCard(profile);
    const again = preview(text, [profile], []);
    expect(again.rejected).toEqual([]);
    expect(again.updated).toEqual([]);
    expect(again.unchanged).toEqual([profile]);
    // Into an empty directory it is the same person, field for field.
    expect(preview(text, [], []).added).toEqual([profile]);
  });
});

describe('a vCard merges into the person it matches', () => {
  const kept = person('ada', {
    name: 'Ada Lovelace',
    headline: 'Analyst',
    bio: 'Wrote the first program.',
    location: 'London',
    highlights: ['Note G'],
    projects: [{ name: 'Engine', description: 'Notes' }],
    contact: { email: 'ada@example.com', links: [{ label: 'Blog', url: 'https://blog.example/' }] },
    identities: { github: ['ada'], linkedin: [] },
  });

  it('by identity: updates what the card carries, keeps the rest, adds identities', () => {
    const p = preview(
      card(
        'FN:Ada King',
        'TITLE:Countess',
        'URL:https://github.com/ADA',
        'URL:https://www.linkedin.com/in/ada-king/',
      ),
      [kept],
    );
    expect(p.updated).toHaveLength(1);
    expect(p.updated[0]?.after).toEqual({
      ...kept,
      name: 'Ada King',
      headline: 'Countess',
      identities: { github: ['ada'], linkedin: ['ada-king'] },
    });
  });

  it('by our id, by email, and by name', () => {
    const byId = preview(card('FN:Ada Lovelace', 'X-PROFILE-CARD-ID:ada', 'NOTE:New bio'), [kept]);
    expect(byId.updated[0]?.after).toEqual({ ...kept, bio: 'New bio' });
    const byEmail = preview(card('FN:A. Lovelace', 'EMAIL:ADA@example.com'), [kept]);
    expect(byEmail.updated[0]?.after).toEqual({
      ...kept,
      name: 'A. Lovelace',
      contact: { ...kept.contact, email: 'ADA@example.com' },
    });
    // The same name under the id made from it (what an earlier import of the same book gave).
    const named = { ...kept, id: 'ada-lovelace', contact: {} };
    const byName = preview(card('FN:Ada Lovelace', 'ORG:Analytical Engine Co.'), [named]);
    expect(byName.updated[0]?.after).toEqual({ ...named, headline: 'Analytical Engine Co.' });
  });

  it('gives someone new a fresh id instead of replacing a namesake', () => {
    const namesake = person('ada-lovelace', { name: 'Someone Else' });
    const p = preview(card('FN:Ada Lovelace'), [namesake]);
    expect(p.added.map((x) => x.id)).toEqual(['ada-lovelace-2']);
    expect(p.updated).toEqual([]);
  });

  it('says so when one card matches two people', () => {
    const grace = person('grace', { identities: { github: [], linkedin: ['grace-h'] } });
    const p = preview(
      card('FN:Who', 'URL:https://github.com/ada', 'URL:https://www.linkedin.com/in/grace-h/'),
      [kept, grace],
    );
    expect(lines(p)).toEqual([
      'vCard 1 ("Who"): matches two people you keep: Ada Lovelace (ada) by github:ada and Person grace (grace) by linkedin:grace-h',
    ]);
  });

  it('refuses a second card for the same person in one file', () => {
    const p = preview(
      card('FN:Ada', 'URL:https://github.com/ada') + card('FN:Ada', 'URL:https://github.com/ada'),
      [kept],
    );
    expect(lines(p)).toEqual(['vCard 2 ("Ada"): is the same person as vCard 1 in this file (ada)']);
  });
});

describe('address books as they are', () => {
  it('accepts a card without TITLE, ORG or NOTE', () => {
    const p = preview(card('FN:Grace Hopper', 'TEL;TYPE=cell:+1 555 0100'));
    expect(p.added).toEqual([
      {
        id: 'grace-hopper',
        name: 'Grace Hopper',
        projects: [],
        contact: {},
        identities: { github: [], linkedin: [] },
      },
    ]);
  });

  it('decodes vCard 2.1 quoted-printable, soft line breaks and bare parameters', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=B6rg;;;',
      'FN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:J=C3=B6rg',
      'TEL;WORK;VOICE:+49 30 1234',
      'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Erste Zeile=0D=0AZweite Zeile, sehr l=',
      'ange=',
      ' Zeile',
      'TITLE;QUOTED-PRINTABLE;CHARSET=ISO-8859-1:Gesch=E4ftsf=FChrer',
      'END:VCARD',
      '',
    ].join('\r\n');
    const [jorg] = preview(text).added;
    expect(jorg).toMatchObject({
      id: 'jorg',
      name: 'Jörg',
      headline: 'Geschäftsführer',
      // Line ends arrive as CRLF (=0D=0A) and are kept as the schema's "\n".
      bio: 'Erste Zeile\nZweite Zeile, sehr lange Zeile',
    });
  });

  it('names the card whose quoted-printable bytes are not text, and imports the others', () => {
    const p = preview(
      card('FN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:J=C3rg') +
        card('FN;ENCODING=QUOTED-PRINTABLE;CHARSET=X-NONE:Jo') +
        card('FN:Fine'),
    );
    expect(lines(p)).toEqual([
      'vCard 1: FN is not valid quoted-printable UTF-8 text',
      'vCard 2: FN uses a character set Profile Card does not know ("X-NONE")',
    ]);
    expect(p.added.map((x) => x.name)).toEqual(['Fine']);
  });

  it.each([
    ['UTF-16 LE with a byte-order mark', 'utf16le', true],
    ['UTF-16 BE with a byte-order mark', 'utf16be', true],
    ['UTF-16 LE without one', 'utf16le', false],
  ])('reads %s', (_label, encoding, bom) => {
    const text = card('FN:Jürgen Öz', 'NOTE:Grüße 🚀');
    const units = Buffer.from(text, 'utf16le');
    if (encoding === 'utf16be') units.swap16();
    const mark = encoding === 'utf16le' ? Buffer.from([0xff, 0xfe]) : Buffer.from([0xfe, 0xff]);
    const bytes = new Uint8Array(bom ? Buffer.concat([mark, units]) : units);
    expect(preview(bytes).added).toMatchObject([{ name: 'Jürgen Öz', bio: 'Grüße 🚀' }]);
  });

  it('reads Apple labels and social profiles, and a website without a scheme', () => {
    const p = preview(
      card(
        'FN:Tim',
        'item1.URL;type=pref:www.example.com/tim',
        'item1.X-ABLabel:_$!<HomePage>!$_',
        'item2.URL:https://github.com/timc',
        'item2.X-ABLabel:GitHub',
        'X-SOCIALPROFILE;type=linkedin:https://www.linkedin.com/in/tim-c',
        'X-SOCIALPROFILE;type=mastodon:https://mastodon.example/@tim',
        'URL:https://tim.example/',
      ),
    );
    expect(p.added[0]).toMatchObject({
      contact: {
        website: 'https://tim.example/',
        links: [
          { label: 'HomePage', url: 'https://www.example.com/tim' },
          { label: 'Mastodon', url: 'https://mastodon.example/@tim' },
        ],
      },
      identities: { github: ['timc'], linkedin: ['tim-c'] },
    });
  });

  it('refuses a card cut short, and keeps the cards before it', () => {
    const p = preview(`${card('FN:Whole')}BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cut`);
    expect(p.added.map((x) => x.name)).toEqual(['Whole']);
    expect(lines(p)).toEqual([
      'vCard 2 ("Cut"): has no END:VCARD after line 5; the file may be cut short',
    ]);
  });

  it('imports a 5,000-card address book whole, and a second time changes nothing', () => {
    const first = ['Maria', 'José', 'Łukasz', 'Anne', 'Wei', 'Ólafur', 'Priya', 'John'];
    const last = ['García', 'Smith', 'Nowak', 'Müller', 'Chen', 'Jónsson', 'Patel', 'Doe'];
    const cards = Array.from({ length: 5000 }, (_, i) => {
      const given = first[i % first.length] as string;
      const family = last[Math.floor(i / first.length) % last.length] as string;
      const lines = [
        `N:${family};${given};;;`,
        `FN:${given} ${family}`,
        `TEL;TYPE=CELL:+1 555 ${String(i).padStart(4, '0')}`,
      ];
      if (i % 3 === 0) lines.push(`EMAIL;TYPE=INTERNET:person${i}@example.com`);
      if (i % 5 === 0) lines.push(`ORG:Company ${i % 50};Team`);
      if (i % 7 === 0) lines.push('ADR;TYPE=HOME:;;1 Main St\\nApt 2;Springfield;IL;62701;USA');
      if (i % 11 === 0) lines.push(`NOTE:Met at conference ${i}\\, row ${i % 9}`);
      if (i % 13 === 0) lines.push('PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQ');
      if (i % 17 === 0) lines.push(`URL:https://github.com/user${i}`);
      return card(...lines);
    }).join('');
    const p = preview(cards);
    expect(lines(p)).toEqual([]);
    expect(p.added).toHaveLength(5000);
    expect(new Set(p.added.map((x) => x.id)).size).toBe(5000);
    expect(p.added[7]).toMatchObject({ name: 'John García', id: 'john-garcia' });
    expect(p.added.find((x) => x.location)?.location).toBe('Springfield, IL, USA');
    const again = preview(cards, p.added);
    expect(again.unchanged).toHaveLength(5000);
    expect(again.added.length + again.updated.length + again.rejected.length).toBe(0);
  });
});

describe('unescapeText (RFC 6350 §3.4)', () => {
  it.each([
    ['a\\;b', 'a;b'],
    ['a\\,b', 'a,b'],
    ['a\\\\b', 'a\\b'],
    ['a\\nb\\Nc', 'a\nb\nc'],
    ['C:\\Users', 'C:\\Users'],
    ['\\\\n', '\\n'],
  ])('%j → %j', (input, output) => {
    expect(unescapeText(input)).toBe(output);
  });
});
