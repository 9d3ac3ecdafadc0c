/**
 * The t() layer (i18n/): messages.json read as the browsers read it,
 * plurals by each language's rules, numbers, dates and case in the
 * language shown.
 */

import { initials } from '../../contact/initials';
import { type Catalog, catalogLookup } from '../../i18n/catalog';
import { formatDate, formatNumber, formatRelative, list, upper } from '../../i18n/format';
import { language, locale, setLookup, t, tn } from '../../i18n/t';
import de from '../../public/_locales/de/messages.json';
import en from '../../public/_locales/en/messages.json';
import tr from '../../public/_locales/tr/messages.json';

const use = (catalog: Catalog, ui: string) => setLookup(catalogLookup(catalog), ui);
afterEach(() => use(en, 'en-US'));

describe('catalogLookup', () => {
  const lookup = catalogLookup({
    Greet: { message: 'Hi $WHO$, $1 owes $$5', placeholders: { who: { content: '$2' } } },
    plain: { message: 'Costs $$1 and $1' },
  });
  it.each([
    ['greet', ['Ada', 'Bo'], 'Hi Bo, Ada owes $5'],
    ['GREET', ['x', 'y'], 'Hi y, x owes $5'],
    ['plain', ['9'], 'Costs $1 and 9'],
    ['greet', ['$1', '$WHO$'], 'Hi $WHO$, $1 owes $5'],
    ['missing', [], ''],
  ])('%s %j → %s', (key, subs, expected) => {
    expect(lookup(key, subs)).toBe(expected);
  });
});

describe('t and tn', () => {
  const catalogs: Record<string, Catalog> = { en, de, tr };
  it.each([
    ['en', 'en-US', 1, 'Subscribed to Team: 1 person.'],
    ['en', 'en-US', 1234, 'Subscribed to Team: 1,234 people.'],
    ['de', 'en-US', 1, 'Team abonniert: 1 Person.'],
    // de-AT groups digits with a (narrow) space.
    ['de', 'de-AT', 1234, `Team abonniert: ${(1234).toLocaleString('de-AT')} Personen.`],
    ['de', 'en-US', 1234, 'Team abonniert: 1.234 Personen.'],
    ['tr', 'en-US', 2, 'Team dizinine abone olundu: 2 kişi.'],
  ])('%s messages, UI %s, %s people', (language, ui, count, expected) => {
    use(catalogs[language] as Catalog, ui);
    expect(tn('dir_subscribed', count, 'Team')).toBe(expected);
  });

  it('picks the one and other forms by the language shown', () => {
    use(de, 'en-US');
    expect(tn('keep_changes_to_fit', 1)).toBe('Eine Anpassung');
    expect(tn('keep_changes_to_fit', 0)).toBe('0 Anpassungen');
    use(en, 'en-US');
    expect(tn('keep_changes_to_fit', 1)).toBe('One change to fit');
    expect(tn('keep_changes_to_fit', 2)).toBe('2 changes to fit');
  });

  it('formats in the browser locale only when it speaks the language shown', () => {
    use(de, 'de-CH');
    expect([language(), locale()]).toEqual(['de', 'de-CH']);
    use(de, 'en-US');
    expect([language(), locale()]).toEqual(['de', 'de']);
    use(tr, 'tr-TR');
    expect([language(), locale()]).toEqual(['tr', 'tr-TR']);
  });

  it('fills placeholders and formats numbers', () => {
    use(de, 'de');
    expect(t('settings_hover_delay_hint', 5000)).toContain('(0–5.000)');
    expect(formatNumber(0.5)).toBe('0,5');
  });

  it('says so when a message is missing, instead of showing nothing', () => {
    setLookup(catalogLookup({}), 'en');
    expect(() => t('loading')).toThrow(/loading/);
  });
});

describe('format', () => {
  it('upper-cases Turkish as Turkish', () => {
    use(tr, 'tr');
    expect(upper('istanbul ılık')).toBe('İSTANBUL ILIK');
    use(en, 'en');
    expect(upper('istanbul')).toBe('ISTANBUL');
  });
  it('writes dates, relative times and lists in the language shown', () => {
    const at = Date.UTC(2026, 10, 22, 12, 0);
    use(de, 'de');
    expect(formatDate(at)).toMatch(/22\.11\.2026/);
    expect(formatRelative(at - 3 * 60_000, at)).toBe('vor 3 Minuten');
    expect(list(['a', 'b', 'c'])).toBe('a, b und c');
    use(tr, 'tr');
    expect(formatRelative(at - 3 * 86_400_000, at)).toBe('3 gün önce');
    expect(list(['a', 'b'])).toBe('a ve b');
  });
});

describe('initials in the language shown', () => {
  it('writes a Turkish i as İ for a Turkish reader, as I otherwise', () => {
    use(tr, 'tr');
    expect(initials('ilker ışık')).toBe('İI');
    use(en, 'en-US');
    expect(initials('ilker ışık')).toBe('II');
  });
});
