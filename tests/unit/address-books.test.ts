/**
 * Address books come in whole (issue 22): every contact of an Apple/Google
 * vCard 3.0 export and of Outlook's vCard 2.1 becomes a person; a field that
 * cannot be used (an email that is no address, a `javascript:` URL) is left
 * out of that person alone, and the preview says which, per person, in words.
 * Internationalised emails (RFC 6531 local parts, IDN domains) are emails.
 */
import ICAL from 'ical.js';
import { leftOutLines, type Preview, previewImport } from '../../formats/import';
import { slugify } from '../../people/ids';
import type { Profile } from '../../people/schema';
import { contactSchema } from '../../people/schema';
import { person } from './fixtures';
import {
  type AddressBookContact,
  addressBookContacts,
  appleVCards,
  outlookVCard21,
} from './fixtures/address-books';

function preview(text: string, existing: Profile[] = []): Preview {
  const result = previewImport('contacts.vcf', text, { existing, bundled: [] });
  if (!result.ok) throw new Error(result.error);
  return result.preview;
}
const left = (p: Preview) => (p.leftOut ?? []).flatMap(leftOutLines);

describe('internationalised emails are emails (RFC 6531)', () => {
  it.each([
    'søren.4@example.org',
    'zoë.7@example.org',
    '李.雷@example.cn',
    'ana@bücher.example',
    'jürgen.groß@müller-söhne.example',
    'user@xn--bcher-kva.example',
    "o'brien+tag@example.ie",
    'ada@example.com',
  ])('%s', (email) => {
    expect(contactSchema().shape.email.safeParse(email).success).toBe(true);
  });
  it.each([
    'not an email',
    'ada',
    'ada@',
    '@example.com',
    'ada@example',
    'ada..lovelace@example.com',
    '.ada@example.com',
    'ada@-example.com',
    'ada@example.com\r\nBcc: x@y.z',
    'a"b@example.com',
    'ada@exa mple.com',
    // What hides or reorders text stays out, in any script.
    'ada\u202E@example.com',
    'a\u00A0b@example.com',
    'a\u200Bb@example.com',
    'ada@exa\u3000mple.com',
  ])('refuses %j', (email) => {
    expect(contactSchema().shape.email.safeParse(email).success).toBe(false);
  });
});

describe('an Apple / Google Contacts export of 50 (vCard 3.0)', () => {
  const contacts = addressBookContacts(50);
  const text = appleVCards(contacts);

  it('is a real vCard 3.0 file (ical.js reads every card)', () => {
    const cards = ICAL.parse(text) as unknown[];
    expect(cards).toHaveLength(50);
    // The awkward shapes are all in it.
    expect(text).toMatch(/\r\n [^\r\n]/); // folded lines
    expect(text).toContain('item1.URL:');
    expect(text).toContain('item1.X-ABLabel:Blog\\, old');
    expect(text).toContain('PHOTO;ENCODING=b;TYPE=PNG:');
    expect(text).toContain('CATEGORIES:Friends,Work');
    expect(text).toMatch(/TEL;[^\r\n]+\r\nTEL;/);
  });

  it('keeps every contact, each with what it carries', () => {
    const p = preview(text);
    expect(p.rejected).toEqual([]);
    expect(p.added).toHaveLength(50);
    for (const [index, contact] of contacts.entries()) {
      const card = p.added[index] as Profile;
      expect(card.name).toBe(contact.name);
      expect(card.contact.email).toBe(contact.emailUsable ? contact.email : undefined);
      expect(card.identities.github).toEqual(contact.github ? [contact.github] : []);
      expect(card.identities.linkedin).toEqual(contact.linkedin ? [contact.linkedin] : []);
      if (contact.note) expect(card.bio).toBe(contact.note);
      if (contact.title) expect(card.headline).toBe(contact.title);
      if (contact.locality) expect(card.location).toBe(`${contact.locality}, ${contact.country}`);
      const urls = [card.contact.website, ...(card.contact.links ?? []).map((link) => link.url)];
      if (contact.websiteUsable) expect(urls).toContain(`https://${contact.website}`);
      if (contact.link) expect(card.contact.links).toContainEqual(contact.link);
    }
  });

  it('leaves out only the unusable field, and says which, per person, in words', () => {
    const p = preview(text);
    const badEmail = contacts[16] as AddressBookContact;
    const badUrl = contacts[20] as AddressBookContact;
    expect(left(p)).toEqual([
      `vCard 17 ("${badEmail.name}"): Email "not an email" is not an email, so it was left out`,
      `vCard 21 ("${badUrl.name}"): Link 1 "javascript:alert(1)" must be an http(s) URL, so it was left out`,
    ]);
    expect(p.added[16]).toMatchObject({ name: badEmail.name, headline: badEmail.title });
    expect(p.added[20]).toMatchObject({ name: badUrl.name, contact: { email: badUrl.email } });
  });

  it('an unusable email never replaces the one a kept person has', () => {
    const name = (contacts[16] as AddressBookContact).name;
    const kept = person(slugify(name), {
      name,
      contact: { email: 'kept@example.com' },
      identities: { github: [], linkedin: [] },
    });
    const p = preview(text, [kept]);
    const update = p.updated.find(({ before }) => before.id === kept.id);
    expect(update?.after.contact.email).toBe('kept@example.com');
    expect(update?.after.headline).toBe(contacts[16]?.title);
  });
});

describe("Outlook's vCard 2.1", () => {
  it('decodes quoted-printable and keeps both people, IDN email and all', () => {
    const p = preview(outlookVCard21());
    expect(p.rejected).toEqual([]);
    expect(p.added).toMatchObject([
      {
        name: 'Jürgen Groß',
        headline: 'Leiter Einkauf',
        bio: 'Kennengelernt in Zürich; spricht Deutsch, Türkçe und ein wenig 日本語.\nZweite Zeile mit Ümlauten, die lang genug ist, um umzubrechen.',
        location: 'München, Bayern, Deutschland',
        contact: {
          email: 'jürgen.groß@müller-söhne.example',
          website: 'http://www.mueller-soehne.example/',
        },
      },
      {
        name: 'Ayşe Yılmaz',
        contact: { email: 'ayse@example.com.tr' },
        identities: { linkedin: ['ayşe-yılmaz-0a1b2c'] },
      },
    ]);
  });

  it('leaves out a property it cannot decode, and keeps the person', () => {
    const text = outlookVCard21().replace(
      'TITLE:Leiter Einkauf',
      'TITLE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Leiter =C3Einkauf',
    );
    const p = preview(text);
    expect(p.rejected).toEqual([]);
    expect(p.added.map((x) => x.name)).toEqual(['Jürgen Groß', 'Ayşe Yılmaz']);
    expect(left(p)).toEqual([
      'vCard 1 ("Jürgen Groß"): TITLE is not valid quoted-printable UTF-8 text, so it was left out',
    ]);
  });
});

describe('what is left out leaves no trace', () => {
  it('a person whose only link was unusable has no links, not an empty list', () => {
    const text = [
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Only Link',
      'item1.URL:javascript:alert(1)',
      'item1.X-ABLabel:Blog',
      'END:VCARD',
      '',
    ].join('\r\n');
    const [added] = preview(text).added;
    expect(added?.contact).toEqual({});
  });
});

/**
 * Why the hand-written reader (formats/vcard-lines.ts, vcard-read.ts) reads
 * vCards and ical.js stays a test oracle (docs/imports.md): these are the two
 * things it gets wrong on real address books; if a later ical.js reads them,
 * these fail and the choice can be made again.
 */
describe('ical.js on real address books (the reason it is only an oracle)', () => {
  it("cannot read Outlook's vCard 2.1: a quoted-printable soft break is no line to it", () => {
    expect(() => ICAL.parse(outlookVCard21())).toThrow(/invalid line/);
    // Positive control: the same file is read whole by ours (above), and ical.js reads 3.0.
    expect(ICAL.parse(appleVCards(addressBookContacts(2)))).toHaveLength(2);
  });

  it('leaves an escaped semicolon escaped in a NOTE', () => {
    const [, properties] = ICAL.parse(
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nNOTE:tea\\; and cake\r\nEND:VCARD\r\n',
    ) as [string, [string, object, string, string][]];
    expect(properties.find(([name]) => name === 'note')?.[3]).toBe('tea\\; and cake');
    const [ours] = preview(
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nNOTE:tea\\; and cake\r\nEND:VCARD\r\n',
    ).added;
    expect(ours?.bio).toBe('tea; and cake');
  });
});
