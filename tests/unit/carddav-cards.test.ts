/**
 * One address-book card → a person (carddav/cards.ts): the importer's vCard
 * reader, with GitHub and LinkedIn found in URL, X-SOCIALPROFILE, Apple's
 * labelled items and IMPP; a field the schema refuses is left out and the
 * person kept; a card that is not a vCard, or has no usable name, is
 * refused with a sentence; the id is stable per href.
 */
import { cardId, readCard } from '../../carddav/cards';

const card = (...lines: string[]) =>
  ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD', ''].join('\r\n');

describe('an address-book card', () => {
  it('becomes a person, with handles from every place phones keep them', () => {
    const read = readCard(
      card(
        'FN:Ada Lovelace',
        'TITLE:Analyst',
        'item1.URL:https://github.com/ada-l',
        'item1.X-ABLABEL:GitHub',
        'X-SOCIALPROFILE;TYPE=linkedin:https://www.linkedin.com/in/ada-lovelace/',
        'IMPP:https://github.com/ada-second',
        'TEL:+44 20 7946 0000',
      ),
      'https://dav.example/a/ada.vcf',
    );
    expect(read).toMatchObject({
      ok: true,
      profile: {
        id: cardId('https://dav.example/a/ada.vcf'),
        name: 'Ada Lovelace',
        headline: 'Analyst',
        identities: { github: ['ada-l', 'ada-second'], linkedin: ['ada-lovelace'] },
      },
      dropped: [],
    });
  });

  it('leaves out a field the schema refuses, not the person', () => {
    const read = readCard(
      card(
        'FN:Bob',
        'EMAIL:not an email',
        `NOTE:${'x'.repeat(5000)}`,
        'URL:https://github.com/bob-b',
      ),
      'https://dav.example/a/bob.vcf',
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.profile.contact.email).toBeUndefined();
    expect(read.profile.bio).toBeUndefined();
    expect(read.profile.identities.github).toEqual(['bob-b']);
    expect(read.dropped).toHaveLength(2);
  });

  it.each([
    ['not a vCard at all', 'hello, world'],
    ['a card whose only name is markup', card('FN:<script>x</script>')],
    ['a card with no name', card('TEL:+1 555 0100')],
  ])('refuses %s with a sentence', (_, text) => {
    const read = readCard(text, 'https://dav.example/a/x.vcf');
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error.length).toBeGreaterThan(10);
  });

  it('keeps the id of a card across edits, and tells two cards apart', () => {
    const href = 'https://dav.example/alice/contacts/0F1E-ab.vcf';
    expect(cardId(href)).toMatch(/^card-[0-9a-z]{8,14}$/);
    expect(cardId(href)).toBe(cardId(href));
    expect(cardId(href)).not.toBe(cardId(`${href}x`));
    const ids = new Set(Array.from({ length: 20000 }, (_, n) => cardId(`https://d/${n}.vcf`)));
    expect(ids.size).toBe(20000);
  });

  it('knows the kept person a card was written for', () => {
    const read = readCard(card('FN:Kim', 'X-PROFILE-CARD-ID:kim-kay'), 'https://d/k.vcf');
    expect(read).toMatchObject({
      ok: true,
      ownId: 'kim-kay',
      profile: { id: cardId('https://d/k.vcf') },
    });
  });
});
