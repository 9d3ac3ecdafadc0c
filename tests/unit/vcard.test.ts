import ICAL from 'ical.js';
import { escapeText, foldLine, toVCard, vcardFileName } from '../../formats/vcard';
import { bundledProfiles } from '../../people/bundled';
import type { Profile } from '../../people/schema';

const octets = (line: string) => new TextEncoder().encode(line).length;
const deniz = bundledProfiles.find((profile) => profile.id === 'deniz-altinbuken') as Profile;

const tricky: Profile = {
  id: 'tricky',
  name: 'Ünïcödé, Person; Jr\\',
  headline: 'Builds things, breaks things; fixes them',
  bio: `Line one, with a comma.\nLine two; with a semicolon.\r\nBackslash \\ and emoji 🚀 ${'Altınbüken '.repeat(20)}`,
  projects: [],
  contact: {
    email: 'tricky@example.com',
    website: 'https://example.com/a,b;c',
    links: [{ label: 'Blog', url: 'https://blog.example/ü' }],
  },
  identities: { github: ['tricky'], linkedin: ['michael-rüffer-61125324'] },
};

/**
 * ical.js is the independent parser that checks the writer's syntax. It
 * unescapes `\\`, `\,` and `\n` in text but leaves `\;` escaped (its
 * FROM_VCARD_NEWLINE), although RFC 6350 §3.4 says an escaped semicolon is
 * never a separator. So that quirk is what it is expected to return; what our
 * own importer makes of the card is asserted in vcard-import.test.ts, and it
 * is "unchanged", with nothing stripped.
 */
const asIcalReads = (text: string) => text.replace(/;/g, '\\;');

/** Unfold per RFC 6350 §3.2: CRLF followed by one space or tab is removed. */
const unfold = (card: string) => card.replace(/\r\n[ \t]/g, '');

describe('toVCard (RFC 6350)', () => {
  it.each([deniz, tricky, ...bundledProfiles])(
    '$id: BEGIN, VERSION:4.0 next, FN, END',
    (profile) => {
      const lines = unfold(toVCard(profile)).split('\r\n');
      expect(lines[0]).toBe('BEGIN:VCARD');
      expect(lines[1]).toBe('VERSION:4.0');
      expect(lines.filter((line) => line.startsWith('FN:'))).toHaveLength(1);
      expect(lines.at(-2)).toBe('END:VCARD');
      expect(lines.at(-1)).toBe('');
    },
  );

  it.each([deniz, tricky])('$id: CRLF only, and no line over 75 octets', (profile) => {
    const card = toVCard(profile);
    expect(card.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of card.split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75);
  });

  it('folds by octets, never inside a UTF-8 character', () => {
    const line = `NOTE:${'ı'.repeat(100)}`; // ı is two octets
    const folded = foldLine(line).split('\r\n');
    expect(folded.length).toBeGreaterThan(2);
    for (const [index, part] of folded.entries()) {
      expect(octets(part)).toBeLessThanOrEqual(75);
      if (index > 0) expect(part.startsWith(' ')).toBe(true);
      // Each part is whole characters: encoding and decoding it changes nothing.
      expect(new TextDecoder().decode(new TextEncoder().encode(part))).toBe(part);
    }
    expect(folded.map((part, index) => (index ? part.slice(1) : part)).join('')).toBe(line);
    // Four-octet characters (emoji) stay whole as well.
    const emoji = foldLine(`NOTE:${'🚀'.repeat(40)}`).split('\r\n');
    for (const part of emoji) expect(part.replace(/^ /, '')).toMatch(/^(NOTE:)?(🚀)+$/u);
  });

  it('leaves short lines alone and folds "Altınbüken" cleanly at the boundary', () => {
    expect(foldLine('FN:Deniz Altınbüken')).toBe('FN:Deniz Altınbüken');
    for (let pad = 50; pad < 80; pad++) {
      const line = `NOTE:${'x'.repeat(pad)}Altınbüken`;
      const parts = foldLine(line).split('\r\n');
      for (const part of parts) expect(octets(part)).toBeLessThanOrEqual(75);
      expect(parts.map((part, index) => (index ? part.slice(1) : part)).join('')).toBe(line);
    }
  });

  it('escapes backslash, comma, semicolon and newlines in text', () => {
    expect(escapeText('a\\b,c;d\ne\r\nf\rg')).toBe('a\\\\b\\,c\\;d\\ne\\nf\\ng');
    const card = unfold(toVCard(tricky));
    expect(card).toContain('FN:Ünïcödé\\, Person\\; Jr\\\\\r\n');
    expect(card).toContain('TITLE:Builds things\\, breaks things\\; fixes them\r\n');
    expect(card).toContain(
      'NOTE:Line one\\, with a comma.\\nLine two\\; with a semicolon.\\nBackslash',
    );
  });

  it('has EMAIL, TITLE, NOTE, the website, a URL per identity, and our extension properties', () => {
    const card = unfold(toVCard(deniz));
    expect(card).toContain('EMAIL:hello@denizaltinbuken.com\r\n');
    expect(card).toContain(
      'TITLE:Software Engineer and Tech Lead in the Infrastructure team at Google\r\n',
    );
    expect(card).toContain('URL;PREF=1:https://denizaltinbuken.com\r\n');
    expect(card).toContain('URL:https://github.com/denizalti\r\n');
    expect(card).toContain('URL:https://www.linkedin.com/in/denizalti/\r\n');
    expect(card).toContain(
      'X-PROFILE-CARD-PROJECT:Paxos Made Moderately Complex;Consensus protocols.;http://paxos.systems/;denizalti/paxosmmc\r\n',
    );
    expect(card).toContain('X-PROFILE-CARD-PROJECT:Chain Replication;Consensus protocols.;;\r\n');
    expect(card).toContain('X-PROFILE-CARD-HIGHLIGHT:As a Tech Lead\\, I focus');
  });

  it('labels other links the way Apple and Google Contacts do, and escapes project parts', () => {
    const card = unfold(toVCard(tricky));
    expect(card).toContain('item1.URL:https://blog.example/ü\r\nitem1.X-ABLABEL:Blog\r\n');
    // Commas and semicolons are part of a URI value: written as they are.
    expect(card).toContain('URL;PREF=1:https://example.com/a,b;c\r\n');
    const withProject = unfold(
      toVCard({
        ...tricky,
        location: 'Ithaca, NY',
        projects: [{ name: 'a;b', description: 'c, d\\e' }],
      }),
    );
    expect(withProject).toContain('X-PROFILE-CARD-PROJECT:a\\;b;c\\, d\\\\e;;\r\n');
    expect(withProject).toContain('ADR:;;;Ithaca\\, NY;;;\r\n');
  });

  it('leaves out TITLE and NOTE when there is no headline or bio', () => {
    const { headline: _h, bio: _b, ...bare } = tricky;
    const card = toVCard(bare);
    expect(card).not.toMatch(/^(TITLE|NOTE)[:;]/m);
    expect(card).toContain('FN:');
  });

  it.each([deniz, tricky, ...bundledProfiles])('$id: round-trips through ical.js', (profile) => {
    const card = new ICAL.Component(ICAL.parse(toVCard(profile)));
    expect(card.name).toBe('vcard');
    expect(card.getFirstPropertyValue('version')).toBe('4.0');
    expect(card.getFirstPropertyValue('fn')).toBe(asIcalReads(profile.name));
    expect(card.getFirstPropertyValue('title')).toBe(asIcalReads(profile.headline ?? ''));
    expect(card.getFirstPropertyValue('note')).toBe(
      asIcalReads((profile.bio ?? '').replace(/\r\n|\r/g, '\n')),
    );
    expect(card.getFirstPropertyValue('email') ?? undefined).toBe(profile.contact.email);
    const urls = card.getAllProperties('url').map((property) => property.getFirstValue());
    // The website comes first, marked preferred, exactly as stored.
    if (profile.contact.website) expect(urls[0]).toBe(profile.contact.website);
    expect(urls.length).toBe(
      (profile.contact.website ? 1 : 0) +
        profile.identities.github.length +
        profile.identities.linkedin.length +
        (profile.contact.links?.length ?? 0),
    );
    expect(card.getAllProperties('x-ablabel').map((p) => p.getFirstValue())).toEqual(
      (profile.contact.links ?? []).map((link) => asIcalReads(link.label)),
    );
    expect(card.getAllProperties('x-profile-card-project')).toHaveLength(profile.projects.length);
  });

  it('names the download after the profile', () => {
    expect(vcardFileName(deniz)).toBe('deniz-altinbuken.vcf');
  });
});
