/**
 * Every language has every message English has, no more, with the same
 * placeholders, and each plural form its rules need (tests/unit/locale-check.ts).
 * The checker is first shown catching planted mistakes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalog } from '../../i18n/catalog';
import { catalogProblems } from './locale-check';

const dir = join(import.meta.dirname, '../../public/_locales');
const languages = readdirSync(dir);
const read = (language: string): Catalog =>
  JSON.parse(readFileSync(join(dir, language, 'messages.json'), 'utf8'));
const en = read('en');

describe('the checker', () => {
  const base: Catalog = {
    hello: { message: 'Hello $NAME$', placeholders: { name: { content: '$1' } } },
    people_one: { message: 'One person' },
    people_other: { message: '$COUNT$ people', placeholders: { count: { content: '$1' } } },
  };
  const copy = (): Catalog => structuredClone(base);
  it('passes a faithful copy', () => {
    expect(catalogProblems(base, copy(), 'de')).toEqual([]);
  });
  it.each<[string, (catalog: Catalog) => void, RegExp]>([
    ['a missing key', (c) => delete c.hello, /lacks "hello"/],
    ['an extra key', (c) => (c.extra = { message: 'x' }), /has "extra"/],
    [
      'a dropped placeholder',
      (c) => ((c.hello as { message: string }).message = 'Hallo'),
      /uses no placeholders/,
    ],
    [
      'a renamed placeholder',
      (c) => (c.hello = { message: 'Hallo $WHO$', placeholders: { who: { content: '$1' } } }),
      /other placeholders/,
    ],
    [
      'an undefined placeholder',
      (c) => ((c.people_one as { message: string }).message = '$X$'),
      /does not define/,
    ],
    ['a missing plural form', (c) => delete c.people_one, /lacks "people_one"/],
    ['an empty message', (c) => ((c.hello as { message: string }).message = ' '), /is empty/],
  ])('finds %s', (_what, plant, problem) => {
    const catalog = copy();
    plant(catalog);
    expect(catalogProblems(base, catalog, 'de').join('\n')).toMatch(problem);
  });
});

describe('public/_locales', () => {
  it('has English, German and Turkish', () => {
    expect(languages).toEqual(expect.arrayContaining(['en', 'de', 'tr']));
  });
  it.each(languages)('%s matches English', (language) => {
    expect(catalogProblems(en, read(language), language)).toEqual([]);
  });
  it.each(languages)('%s says which language it is', (language) => {
    expect(read(language).language?.message).toBe(language);
  });
  it('has key names both browsers accept, unique without case', () => {
    const keys = Object.keys(en);
    for (const key of keys) expect(key).toMatch(/^[a-z0-9_]+$/);
    expect(new Set(keys.map((key) => key.toLowerCase())).size).toBe(keys.length);
  });
});
