/**
 * The quick "yes" for stored profiles (people/quick-check.ts) beside the
 * schema it stands in for (issue 28): whatever it accepts, the schema
 * accepts — over a table of damaged profiles of every kind the schema
 * refuses and over generated ones, good and damaged — so the record check
 * (store/db.ts `recordProblem`) gives the verdict, and the words, it gave
 * with the schema alone. And it does say yes to real profiles (the bench's
 * generated people, the bundled ones), or it would save nothing.
 */
import fc from 'fast-check';
import { generateProfiles } from '../../bench/generate';
import { t } from '../../i18n/t';
import { bundledProfiles } from '../../people/bundled';
import { LIMITS } from '../../people/limits';
import { surelyValidProfile } from '../../people/quick-check';
import { validateProfile } from '../../people/validate';
import { recordOf, recordProblem } from '../../store/db';
import { HOSTILE } from './hostile';

/** A profile with every field the schema knows, each valid. */
const full = () => ({
  $schema: './profile.schema.json',
  id: 'ada-99',
  name: 'Ada Lovelace',
  headline: 'Analyst of engines',
  bio: 'Wrote the first program.\nAnd notes on it.',
  highlights: ['Notes on the engine', 'Vec<T> & x<y'],
  projects: [
    { name: 'Engine', description: 'Notes', url: 'https://example.com/a?b#c', repo: 'ada/engine' },
    { name: 'Loom' },
  ],
  contact: {
    email: 'ada.l@bücher.example',
    website: 'http://ada.example/',
    links: [{ label: 'Blog', url: 'https://blog.example/' }],
  },
  identities: { github: ['ada', 'Ada_L-2'], linkedin: ['ada-lovelace', 'michael-rüffer-61125324'] },
  location: 'London',
  mine: { note: 'Met at\tthe\nsociety.', tags: ['team-storage', 'ünï_2'], contacted: '2024-02-29' },
});

type Doc = Record<string, unknown>;

/** The schema's output for `value`, as JSON (so in its keys' order). */
const asParsed = (value: unknown) => {
  const result = validateProfile(value);
  return result.ok ? JSON.stringify(result.value) : 'refused';
};

/** Sets (or, with `undefined`, deletes) the value at a dotted path, if its parent exists. */
function put(document: Doc, path: string, value: unknown): Doc {
  const keys = path.split('.');
  let node: unknown = document;
  for (const key of keys.slice(0, -1))
    node = node && typeof node === 'object' ? (node as Doc)[key] : undefined;
  if (node && typeof node === 'object') {
    const last = keys.at(-1) as string;
    if (value === DELETE) delete (node as Doc)[last];
    else
      Object.defineProperty(node, last, {
        value,
        enumerable: true,
        configurable: true,
        writable: true,
      });
  }
  return document;
}
const DELETE = Symbol('delete');

const TEXT_FIELDS: [string, number][] = [
  ['name', LIMITS.name],
  ['headline', LIMITS.headline],
  ['bio', LIMITS.bio],
  ['highlights.0', LIMITS.highlight],
  ['projects.0.name', LIMITS.projectName],
  ['projects.0.description', LIMITS.projectDescription],
  ['contact.links.0.label', LIMITS.linkLabel],
  ['location', LIMITS.location],
  ['mine.note', LIMITS.note],
];
const URL_FIELDS = ['projects.0.url', 'contact.website', 'contact.links.0.url'];
const OBJECTS = ['', 'projects.0', 'contact', 'contact.links.0', 'identities', 'mine'];
const LISTS: [string, number, unknown][] = [
  ['highlights', LIMITS.highlights, 'A highlight'],
  ['projects', LIMITS.projects, { name: 'P' }],
  ['contact.links', LIMITS.links, { label: 'L', url: 'https://l.example/' }],
  ['identities.github', LIMITS.identities, 'someone'],
  ['identities.linkedin', LIMITS.identities, 'some-one'],
  ['mine.tags', LIMITS.tags, 'tag'],
];

/** [entry, (a hole), entry] */
function holey(entry: unknown): unknown[] {
  const list = new Array(3);
  list[0] = entry;
  list[2] = entry;
  return list;
}

/** Every kind of damage the schema refuses, field by field: [what, path, value]. */
const DAMAGED: [string, string, unknown][] = [
  ...OBJECTS.flatMap((at): [string, string, unknown][] => {
    const key = at ? `${at}.` : '';
    return [
      [`${at || 'profile'}: an unknown key`, `${key}extra`, 1],
      ...(at
        ? ([
            [`${at}: a string`, at, 'x'],
            [`${at}: a list`, at, []],
            [`${at}: null`, at, null],
            [`${at}: a number`, at, 7],
          ] as [string, string, unknown][])
        : []),
    ];
  }),
  ...TEXT_FIELDS.flatMap(([path, max]): [string, string, unknown][] => [
    [`${path}: empty`, path, ''],
    [`${path}: spaces only`, path, '   '],
    [`${path}: one too long`, path, 'x'.repeat(max + 1)],
    [`${path}: a number`, path, 42],
    [`${path}: markup`, path, 'Ada <b>Lovelace</b>'],
    [`${path}: a comment`, path, 'a <!-- b'],
    [`${path}: a control`, path, 'bell\u0007'],
    [`${path}: an override`, path, 'Ada\u202Eecalevol'],
    [`${path}: a lone surrogate`, path, 'lone \uD800 half'],
    [`${path}: a line separator`, path, 'line\u2028separator'],
    ...(['bio', 'mine.note'].includes(path)
      ? []
      : ([
          [`${path}: a newline`, path, 'two\nlines'],
          [`${path}: a tab`, path, 'a\tb'],
        ] as [string, string, unknown][])),
  ]),
  ...URL_FIELDS.flatMap((path): [string, string, unknown][] => [
    [`${path}: javascript:`, path, 'javascript:alert(1)'],
    [`${path}: data:`, path, 'data:text/html,x'],
    [`${path}: no scheme`, path, '//evil.example/'],
    [`${path}: a quote`, path, 'https://evil.example/"x'],
    [`${path}: a backslash`, path, 'https://evil.example\\@good.example/'],
    [`${path}: a space`, path, 'https://a.example/b c'],
    [`${path}: zero width`, path, 'https://exa\u200Bmple.com/'],
    [`${path}: a direction mark`, path, 'https://example.com/\u200Fa'],
    [`${path}: no host`, path, 'https://'],
    [`${path}: a bad port`, path, 'https://a.example:99999/'],
    [`${path}: too long`, path, `https://a.example/${'x'.repeat(LIMITS.url)}`],
    [`${path}: a number`, path, 1],
  ]),
  ...LISTS.flatMap(([path, max, entry]): [string, string, unknown][] => [
    [`${path}: one too many`, path, Array.from({ length: max + 1 }, () => entry)],
    [`${path}: not a list`, path, 'x'],
    [`${path}: a hole`, path, holey(entry)],
    [`${path}: a null entry`, path, [null]],
  ]),
  ['id: upper case', 'id', 'Ada'],
  ['id: a leading hyphen', 'id', '-ada'],
  ['id: too long', 'id', `a${'b'.repeat(LIMITS.id)}`],
  ['id: missing', 'id', DELETE],
  ['name: missing', 'name', DELETE],
  ['identities: missing', 'identities', DELETE],
  ['$schema: a number', '$schema', 3],
  ['projects.0.repo: no slash', 'projects.0.repo', 'ada'],
  ['projects.0.repo: too long', 'projects.0.repo', `ada/${'x'.repeat(140)}`],
  ['projects.0.repo: a number', 'projects.0.repo', 5],
  ['contact.email: no domain', 'contact.email', 'ada@'],
  ['contact.email: two dots', 'contact.email', 'a..b@example.com'],
  ['contact.email: a space', 'contact.email', 'a b@example.com'],
  ['contact.email: too long', 'contact.email', `${'a'.repeat(250)}@example.com`],
  ['contact.email: untrimmed', 'contact.email', ' ada@example.com'],
  ['github: a dot', 'identities.github.0', 'a.b'],
  ['github: too long', 'identities.github.0', 'a'.repeat(40)],
  ['github: empty', 'identities.github.0', ''],
  ['linkedin: too short', 'identities.linkedin.0', 'ab'],
  // Three UTF-16 units, two characters: the schema counts characters.
  ['linkedin: too short in characters', 'identities.linkedin.0', '😀a'],
  ['linkedin: a slash', 'identities.linkedin.0', 'in/ada'],
  ['linkedin: a percent', 'identities.linkedin.0', 'ada%20l'],
  ['linkedin: an override', 'identities.linkedin.0', 'ada\u202Elove'],
  ['linkedin: too long', 'identities.linkedin.0', 'a'.repeat(LIMITS.slug + 1)],
  ['tag: upper case', 'mine.tags.0', 'Team'],
  ['tag: a space', 'mine.tags.0', 'a b'],
  ['tag: too long', 'mine.tags.0', 'a'.repeat(LIMITS.tag + 1)],
  ['contacted: not a day', 'mine.contacted', '2026-02-30'],
  ['contacted: a time', 'mine.contacted', '2026-02-03T10:00'],
  ['contacted: a number', 'mine.contacted', 20260203],
];

/** Values the schema accepts that the quick check leaves to it (a default to fill, a space to trim). */
const ACCEPTED: [string, string, unknown][] = [
  ['everything as it is', 'name', 'Ada Lovelace'],
  ['name: untrimmed', 'name', '  Ada  '],
  ['website: untrimmed', 'contact.website', ' https://a.example/ '],
  ['projects: missing', 'projects', DELETE],
  ['contact: missing', 'contact', DELETE],
  ['optional fields as undefined', 'headline', undefined],
  ['mine: empty', 'mine', {}],
  ['lists at their limit', 'highlights', Array.from({ length: LIMITS.highlights }, () => 'H')],
  ['text at its limit', 'name', 'x'.repeat(LIMITS.name)],
  ['generics', 'headline', 'Map<K, V> and x<y'],
];

/** The record as stored, indexed under no key, so its frame holds unless the damage is to it. */
const recordWith = (path: string, value: unknown) => {
  const profile = put(full(), path, value);
  return { profile, record: { ...recordOf(full() as never, 3), keys: [], profile } };
};

const stringList = (value: unknown) =>
  Array.isArray(value) && value.every((entry) => typeof entry === 'string');
/** Damage the record's frame refuses before the schema is asked (store/db.ts), as before. */
function frameWords(path: string, value: unknown): string | undefined {
  if (path === 'id') return t('store_rec_id_mismatch');
  if (path === 'name' && typeof value !== 'string') return t('store_rec_no_name');
  if (path === 'identities') return t('store_rec_no_identities');
  if (['identities.github', 'identities.linkedin'].includes(path) && !stringList(value))
    return t('store_rec_no_identities');
  return undefined;
}

describe('the record check with the quick yes gives the schema’s verdicts', () => {
  it.each(DAMAGED)('refuses %s, in the schema’s words', (_, path, value) => {
    const { profile, record } = recordWith(path, value);
    const schema = validateProfile(profile);
    expect(schema.ok).toBe(false);
    expect(surelyValidProfile(profile)).toBe(false);
    expect(recordProblem(record)).toBe(
      frameWords(path, value) ??
        t('store_rec_invalid', (schema as { errors: string[] }).errors[0] ?? ''),
    );
  });

  it.each(ACCEPTED)('accepts %s', (_, path, value) => {
    const { profile, record } = recordWith(path, value);
    expect(validateProfile(profile).ok).toBe(true);
    expect(recordProblem(record)).toBeUndefined();
  });

  it('says yes itself to the full profile, the bundled people and the bench’s people', () => {
    expect(surelyValidProfile(full())).toBe(true);
    for (const profile of [...bundledProfiles, ...generateProfiles(200)])
      expect([profile.id, surelyValidProfile(structuredClone(profile))]).toEqual([
        profile.id,
        true,
      ]);
  });

  it('leaves to the schema what needs a default or a trim (the schema accepts them)', () => {
    for (const [, path, value] of ACCEPTED.slice(1, 5))
      expect(surelyValidProfile(put(full(), path, value))).toBe(false);
  });

  it('says yes only where the schema’s output is the value itself, keys in the same order', () => {
    // What an import takes as parsed (formats/import.ts): the stored bytes must not change.
    for (const profile of [full(), ...bundledProfiles, ...generateProfiles(200)])
      expect(asParsed(profile)).toBe(JSON.stringify(profile));
    const reversed = (value: Doc) => Object.fromEntries(Object.entries(value).reverse());
    const shuffled = [
      reversed(full()),
      { ...full(), contact: reversed(full().contact) },
      { ...full(), projects: [reversed(full().projects[0] as Doc)] },
      { ...full(), identities: reversed(full().identities) },
      { ...full(), mine: reversed(full().mine) },
      { ...full(), contact: { links: [reversed(full().contact.links[0] as Doc)] } },
    ];
    for (const profile of shuffled) {
      expect(validateProfile(profile).ok).toBe(true);
      expect(asParsed(profile)).not.toBe(JSON.stringify(profile));
      expect(surelyValidProfile(profile)).toBe(false);
    }
  });

  it('leaves to the schema objects that are not plain and keys on the prototype', () => {
    const inherited = Object.assign(Object.create({ extra: 1 }), full());
    expect(validateProfile(inherited).ok).toBe(false);
    expect(surelyValidProfile(inherited)).toBe(false);
    expect(surelyValidProfile(Object.assign(new (class Profile {})(), full()))).toBe(false);
  });
});

/** Strings near the patterns' edges: markup, spaces, controls, direction, halves, URL syntax. */
const ALPHABET = [
  'a',
  'Z',
  '0',
  '-',
  '_',
  '.',
  '/',
  ':',
  '@',
  '?',
  '#',
  '%',
  '<',
  '>',
  '!',
  '=',
  '"',
  "'",
  '\\',
  ' ',
  '\t',
  '\n',
  '\r',
  '\u0007',
  '\u0085',
  '\u00A0',
  '\u202E',
  '\u2066',
  '\u200B',
  '\u200F',
  '\u2028',
  '\uD800',
  '\uDC00',
  'é',
  'ü',
  'Ж',
  'λ',
  '李',
  '😀',
  'https://',
  'http://',
  'b',
  'img',
  'x ',
];
const tricky = fc.string({ unit: fc.constantFrom(...ALPHABET), maxLength: 14 });
const PATHS = [
  ...TEXT_FIELDS.map(([path]) => path),
  ...URL_FIELDS,
  ...OBJECTS.filter(Boolean),
  ...LISTS.map(([path]) => path),
  'id',
  '$schema',
  'extra',
  '__proto__',
  'projects.0.repo',
  'projects.1',
  'contact.email',
  'identities.github.0',
  'identities.linkedin.0',
  'mine.tags.0',
  'mine.contacted',
];
const value = fc.oneof(
  tricky,
  fc.constantFrom(...HOSTILE.map((s) => s.slice(0, 3000))),
  fc.anything(),
  fc.constantFrom(
    DELETE,
    undefined,
    '2024-02-29',
    '2023-02-29',
    'ada-lovelace',
    'ada@example.com',
    'ada/engine',
    'https://example.com/',
    ...TEXT_FIELDS.flatMap(([, max]) => ['x'.repeat(max), 'x'.repeat(max + 1)]),
  ),
);

/** Hosts around the quick check's plain-host rule (people/quick-check.ts `PLAIN_HOST`). */
const HOST_PARTS = [
  'a',
  'Z',
  '9',
  '0',
  '-',
  '.',
  '..',
  'x',
  'n',
  'xn--',
  '0x',
  ':',
  ':99999',
  '@',
  '_',
  '%',
  '[',
  ']',
  '999',
  'é',
];

describe('whatever the quick check accepts, the schema accepts (generated profiles)', () => {
  it('50,000 websites with generated hosts: a quick yes only where the URL parses', () => {
    let quickYes = 0;
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...HOST_PARTS), { minLength: 1, maxLength: 8 }),
        fc.constantFrom('', '/', '/a?b#c', '?q', '#f', '/ü'),
        fc.constantFrom('https://', 'http://', 'HTTPS://'),
        (host, rest, scheme) => {
          const profile = put(full(), 'contact.website', `${scheme}${host.join('')}${rest}`);
          const quick = surelyValidProfile(profile);
          if (quick) quickYes++;
          if (quick) expect(validateProfile(profile).ok).toBe(true);
        },
      ),
      { numRuns: 50_000 },
    );
    expect(quickYes).toBeGreaterThan(1_000);
  });

  it.each([
    'https://999.1.1.1/',
    'https://1.2.3.4/',
    'https://a.0x10/',
    'https://a.123/',
    'https://xn--zz.example/',
    'https://a.xn--/',
    'https://a.example:99999/',
    'https://@a.example/',
    'https://a..example/',
    'https://.example/',
  ])('leaves %s to the URL parser, whose verdict it then gives', (website) => {
    const profile = put(full(), 'contact.website', website);
    expect(surelyValidProfile(profile)).toBe(validateProfile(profile).ok);
  });

  it('20,000 profiles damaged at one to four places', { timeout: 120_000 }, () => {
    let quickYes = 0;
    let schemaYes = 0;
    fc.assert(
      fc.property(
        fc.array(fc.record({ path: fc.constantFrom(...PATHS), value }), {
          minLength: 1,
          maxLength: 4,
        }),
        (changes) => {
          const profile = full();
          for (const { path, value } of changes) put(profile, path, value);
          const schema = validateProfile(profile).ok;
          const quick = surelyValidProfile(profile);
          if (quick) quickYes++;
          if (schema) schemaYes++;
          // Only ever a yes the schema also gives, and its output is the value as it is.
          if (quick) expect(schema).toBe(true);
          if (quick) expect(asParsed(profile)).toBe(JSON.stringify(profile));
        },
      ),
      { numRuns: 20_000 },
    );
    // Not vacuous: hundreds of the generated profiles are valid, and the quick check takes most of them.
    expect(schemaYes).toBeGreaterThan(500);
    expect(quickYes).toBeGreaterThan(schemaYes / 2);
  });
});
