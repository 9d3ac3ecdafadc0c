import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { profileJsonSchema } from '../../formats/json-schema';
import { profileSchema } from '../../people/schema';

const dataDir = join(import.meta.dirname, '../../data');

describe('profile.schema.json', () => {
  it('is what the zod schema generates (run `npm run schema` after changing people/schema.ts)', async () => {
    await expect(`${JSON.stringify(profileJsonSchema(), null, 2)}\n`).toMatchFileSnapshot(
      join(dataDir, 'profile.schema.json'),
    );
  });

  const ajv = new Ajv2020({ allErrors: true, strict: true });
  addFormats.default(ajv);
  // The committed file equals this (first test), so either can be compiled.
  const validate = ajv.compile(profileJsonSchema());

  it.each(readdirSync(join(dataDir, 'profiles')))('accepts the bundled %s', (file) => {
    const document = JSON.parse(readFileSync(join(dataDir, 'profiles', file), 'utf8'));
    expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
  });

  const base = {
    id: 'ada',
    name: 'Ada Lovelace',
    headline: 'Analyst',
    bio: 'Wrote the first program.\nFor the Analytical Engine.',
    identities: { github: ['ada'] },
  };
  // An editor and the extension must give the same verdict on a file.
  it.each([
    ['minimal', base, true],
    [
      'with everything',
      {
        ...base,
        highlights: ['x'],
        location: 'London',
        projects: [{ name: 'n', description: 'd', url: 'https://a.example/', repo: 'ada/engine' }],
        contact: {
          email: 'ada@example.com',
          website: 'HTTPS://ada.example',
          links: [{ label: 'Blog', url: 'http://blog.example/x' }],
        },
      },
      true,
    ],
    ['unknown top-level key', { ...base, emial: 'x' }, false],
    ['unknown nested key', { ...base, contact: { mail: 'ada@example.com' } }, false],
    ['missing name', { ...base, name: undefined }, false],
    ['javascript: website', { ...base, contact: { website: 'javascript:alert(1)' } }, false],
    [
      'data: project URL',
      { ...base, projects: [{ name: 'n', description: 'd', url: 'data:text/html,x' }] },
      false,
    ],
    [
      'file: link',
      { ...base, contact: { links: [{ label: 'x', url: 'file:///etc/passwd' }] } },
      false,
    ],
    ['bad email', { ...base, contact: { email: 'not-an-email' } }, false],
    ['markup in the name', { ...base, name: '<img src=x onerror=alert(1)>' }, false],
    ['RTL override in the headline', { ...base, headline: 'evil\u202Egnp.exe' }, false],
    ['newline in the name', { ...base, name: 'Ada\nLovelace' }, false],
    ['name too long', { ...base, name: 'a'.repeat(81) }, false],
    ['bad login', { ...base, identities: { github: ['ada lovelace'] } }, false],
    [
      'LinkedIn URL instead of slug',
      { ...base, identities: { linkedin: ['https://linkedin.com/in/ada'] } },
      false,
    ],
    ['upper-case id', { ...base, id: 'Ada' }, false],
    ['generics in the bio', { ...base, bio: 'Vec<T>, List<Integer>, x<y' }, true],
    ['a tag in the bio', { ...base, bio: 'Vec<Option>' }, false],
    ['an end tag', { ...base, headline: 'a </p> b' }, false],
    ['an attribute on an unknown tag', { ...base, name: '<x onclick=alert(1)>' }, false],
    ['U+2028 in the bio', { ...base, bio: 'one\u2028two' }, false],
    ['a lone surrogate', { ...base, name: 'Ada \uD800' }, false],
    [
      'a zero-width space in a URL',
      { ...base, contact: { website: 'https://a\u200Bb.example/' } },
      false,
    ],
    [
      'a backslash in a URL',
      { ...base, contact: { website: 'https://a.example\\@b.example/' } },
      false,
    ],
    [
      // LinkedIn writes such slugs itself; only a typed one is warned about (issue 22).
      'Latin and Cyrillic in a LinkedIn id',
      { ...base, identities: { linkedin: ['аda-l'] } },
      true,
    ],
    ['an all-Cyrillic LinkedIn id', { ...base, identities: { linkedin: ['михаил-петров'] } }, true],
    ['an internationalised email', { ...base, contact: { email: 'søren.4@bücher.example' } }, true],
    ['an email with a space', { ...base, contact: { email: 'not an email' } }, false],
  ])('agrees with zod on: %s', (_label, document, valid) => {
    const clean = JSON.parse(JSON.stringify(document));
    expect(profileSchema().safeParse(clean).success).toBe(valid);
    expect(validate(clean)).toBe(valid);
  });
});
