/**
 * JSON Resume in and out: every export validates against the published
 * schema (resume-schema's own schema.json, with ajv and with the package's
 * own validator) and imports back unchanged; other people's résumés (the
 * package's sample among them) become cards.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import fc from 'fast-check';
import { previewImport } from '../../formats/import';
import {
  isJsonResume,
  META_KEY,
  RESUME_SCHEMA_URL,
  readJsonResume,
  toJsonResume,
} from '../../formats/json-resume';
import { bundledProfiles } from '../../people/bundled';
import type { Profile } from '../../people/schema';
import { validateProfile } from '../../people/validate';

const require = createRequire(import.meta.url);
const schemaPath = require.resolve('resume-schema/schema.json');
const published = JSON.parse(readFileSync(schemaPath, 'utf8'));
const sample = JSON.parse(
  readFileSync(require.resolve('resume-schema/sample.resume.json'), 'utf8'),
);
const { validate: packageValidate } = require('resume-schema') as {
  validate: (resume: unknown, done: (error: unknown, result?: { valid: boolean }) => void) => void;
};

// The schema declares draft-04, which ajv 8 does not load; every keyword it
// uses means the same in draft-07, ajv's default. `additionalItems` beside a
// non-array `items` is a no-op there (and in draft-04), which strict mode
// would reject, so strict is off for this one foreign schema.
const { $schema: _draft04, ...schema } = published;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const validResume = ajv.compile(schema);

function checkAgainstSchema(resume: unknown) {
  expect(validResume(resume), JSON.stringify(validResume.errors)).toBe(true);
}
function packageVerdict(resume: unknown): Promise<boolean> {
  return new Promise((resolve, reject) =>
    packageValidate(resume, (error, result) =>
      error ? reject(error) : resolve(Boolean(result?.valid)),
    ),
  );
}
function reimport(resume: unknown, taken: Set<string> = new Set()): Profile {
  const read = readJsonResume(JSON.parse(JSON.stringify(resume)), { takenIds: taken });
  if (!read.ok) throw new Error(read.error);
  const result = validateProfile(read.profile);
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.value;
}

const everything: Profile = {
  id: 'ada-l',
  name: 'Ada Lovelace',
  headline: 'Analyst & first programmer',
  bio: 'Wrote the first program.\n\nFor the Analytical Engine.',
  highlights: ['Notes, 1843', 'Poetical science'],
  projects: [
    { name: 'Engine', description: 'Notes', url: 'https://example.com/', repo: 'ada/engine' },
    { name: 'Bernoulli', description: 'Numbers', repo: 'ada/bernoulli' },
    { name: 'Letters', description: 'To Babbage', url: 'http://letters.example/x?y=1' },
  ],
  contact: {
    email: 'ada@example.com',
    website: 'https://ada.example/',
    links: [
      { label: 'Blog', url: 'https://blog.example/' },
      { label: 'Mastodon', url: 'https://mastodon.example/@ada' },
    ],
  },
  identities: {
    github: ['ada', 'ada-work'],
    linkedin: ['michael-rüffer-61125324', 'ACoAABx7rQ0BkLmNoPqRsTuVwXyZ12345678'],
  },
  location: 'London, United Kingdom',
};

describe('export', () => {
  it.each([...bundledProfiles, everything].map((p) => [p.id, p] as const))(
    '%s validates against resume-schema and imports back unchanged',
    async (_id, profile) => {
      const resume = toJsonResume(profile);
      checkAgainstSchema(resume);
      expect(await packageVerdict(resume)).toBe(true);
      expect(reimport(resume)).toEqual(profile);
    },
  );

  it('writes the standard fields where JSON Resume readers look', () => {
    expect(toJsonResume(everything)).toMatchObject({
      $schema: RESUME_SCHEMA_URL,
      basics: {
        name: 'Ada Lovelace',
        label: 'Analyst & first programmer',
        email: 'ada@example.com',
        url: 'https://ada.example/',
        summary: 'Wrote the first program.\n\nFor the Analytical Engine.',
        location: { city: 'London, United Kingdom' },
        profiles: [
          { network: 'GitHub', username: 'ada', url: 'https://github.com/ada' },
          { network: 'GitHub', username: 'ada-work', url: 'https://github.com/ada-work' },
          {
            network: 'LinkedIn',
            username: 'michael-rüffer-61125324',
            url: 'https://www.linkedin.com/in/michael-r%C3%BCffer-61125324/',
          },
          {
            network: 'LinkedIn',
            username: 'ACoAABx7rQ0BkLmNoPqRsTuVwXyZ12345678',
            url: 'https://www.linkedin.com/in/ACoAABx7rQ0BkLmNoPqRsTuVwXyZ12345678/',
          },
          { network: 'Blog', url: 'https://blog.example/' },
          { network: 'Mastodon', url: 'https://mastodon.example/@ada' },
        ],
      },
      projects: [
        {
          name: 'Engine',
          description: 'Notes',
          url: 'https://example.com/',
          repository: 'https://github.com/ada/engine',
        },
        {
          name: 'Bernoulli',
          description: 'Numbers',
          repository: 'https://github.com/ada/bernoulli',
        },
        { name: 'Letters', description: 'To Babbage', url: 'http://letters.example/x?y=1' },
      ],
      meta: { [META_KEY]: { id: 'ada-l', highlights: ['Notes, 1843', 'Poetical science'] } },
    });
  });

  it('writes non-ASCII URLs encoded (the schema wants RFC 3986), and they stay so after', () => {
    const profile: Profile = {
      ...everything,
      contact: {
        website: 'https://bücher.example/ü',
        links: [{ label: 'Ü', url: 'https://ü.example/' }],
      },
    };
    const resume = toJsonResume(profile);
    checkAgainstSchema(resume);
    const back = reimport(resume);
    expect(back.contact).toEqual({
      website: 'https://xn--bcher-kva.example/%C3%BC',
      links: [{ label: 'Ü', url: 'https://xn--tda.example/' }],
    });
    expect(reimport(toJsonResume(back))).toEqual(back);
  });

  it('round-trips any valid profile (fast-check)', () => {
    const line = (max: number) =>
      fc
        .string({ minLength: 1, maxLength: max, unit: 'grapheme' })
        .filter((s) => validateProfile({ ...base, name: s }).ok);
    const url = fc.constantFrom(
      'https://a.example/',
      'http://b.example/x?y=1#z',
      'HTTPS://C.example',
      'https://d.example/a,b;c',
    );
    const base = {
      id: 'x',
      name: 'X',
      headline: 'H',
      bio: 'B',
      identities: { github: [], linkedin: [] },
    };
    const arbitrary = fc.record(
      {
        id: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/),
        name: line(80),
        headline: line(160),
        bio: fc.string({ minLength: 1, maxLength: 300, unit: 'grapheme' }),
        highlights: fc.array(line(60), { minLength: 1, maxLength: 3 }),
        projects: fc.array(
          fc.record(
            {
              name: line(40),
              description: line(60),
              url,
              repo: fc.constantFrom('ada/engine', 'o/r.s'),
            },
            { requiredKeys: ['name'] },
          ),
          { maxLength: 3 },
        ),
        contact: fc.record(
          {
            email: fc.constantFrom('ada@example.com', 'x.y+z@sub.example.org'),
            website: url,
            links: fc.array(fc.record({ label: line(20), url }), { minLength: 1, maxLength: 3 }),
          },
          { requiredKeys: [] },
        ),
        identities: fc.record({
          github: fc.uniqueArray(fc.stringMatching(/^[a-z0-9-]{1,12}$/), { maxLength: 2 }),
          linkedin: fc.uniqueArray(fc.stringMatching(/^[a-zü0-9-]{3,12}$/), { maxLength: 2 }),
        }),
        location: line(40),
      },
      { requiredKeys: ['id', 'name', 'headline', 'bio', 'projects', 'contact', 'identities'] },
    );
    fc.assert(
      fc.property(arbitrary, (raw) => {
        const valid = validateProfile(raw);
        fc.pre(valid.ok);
        if (!valid.ok) return;
        const resume = toJsonResume(valid.value);
        checkAgainstSchema(resume);
        expect(reimport(resume)).toEqual(valid.value);
      }),
      { numRuns: 300 },
    );
  });
});

describe('import', () => {
  it("reads resume-schema's own sample résumé", () => {
    expect(isJsonResume(sample)).toBe(true);
    // Its project URL has no scheme ("missdirection.example.com"): read as https, with a note.
    const read = readJsonResume(sample);
    if (!read.ok) throw new Error(read.error);
    expect(read.notes).toEqual([
      {
        field: 'projects.0.url',
        action: 'filled',
        detail:
          '"missdirection.example.com" has no scheme, so it was read as https://missdirection.example.com',
      },
    ]);
    expect(reimport(sample)).toEqual({
      id: 'richard-hendriks',
      name: 'Richard Hendriks',
      headline: 'Programmer',
      bio: sample.basics.summary,
      projects: [
        {
          name: sample.projects[0].name,
          description: sample.projects[0].description,
          url: 'https://missdirection.example.com',
        },
      ],
      contact: {
        email: 'richard.hendriks@mail.com',
        website: 'http://richardhendricks.example.com',
        links: [{ label: 'SoundCloud', url: 'https://soundcloud.example.com/dandymusicnl' }],
      },
      identities: { github: [], linkedin: [] },
      location: 'San Francisco, California, US',
    } satisfies Profile);
  });

  it('says, in words and with counts, what of the sample a card has no place for (issue 22)', () => {
    const result = previewImport('resume.json', JSON.stringify(sample), {
      existing: [],
      bundled: [],
    });
    if (!result.ok) throw new Error(result.error);
    const who = 'résumé ("Richard Hendriks")';
    expect(result.preview.notes).toEqual([
      `${who}: Project 1 URL: "missdirection.example.com" has no scheme, so it was read as https://missdirection.example.com`,
      `${who}: Phone (1 entry) has no place on a card, so it was not imported`,
      `${who}: Work experience (1 entry) has no place on a card, so it was not imported`,
      `${who}: Volunteering (1 entry) has no place on a card, so it was not imported`,
      `${who}: Education (1 entry) has no place on a card, so it was not imported`,
      `${who}: Awards (1 entry) has no place on a card, so it was not imported`,
      `${who}: Publications (1 entry) has no place on a card, so it was not imported`,
      `${who}: Skills (2 entries) has no place on a card, so it was not imported`,
      `${who}: Languages (1 entry) has no place on a card, so it was not imported`,
      `${who}: Interests (1 entry) has no place on a card, so it was not imported`,
      `${who}: References (1 entry) has no place on a card, so it was not imported`,
    ]);
  });

  it('reads back a GitHub login that GitHub reserves for a feature (found by fast-check)', () => {
    const profile: Profile = {
      ...everything,
      identities: { github: ['c', 'settings'], linkedin: [] },
    };
    expect(reimport(toJsonResume(profile))).toEqual(profile);
    // …but only when the URL is exactly that login's profile URL.
    expect(
      reimport({
        basics: {
          name: 'A',
          label: 'B',
          profiles: [{ network: 'GitHub', username: 'c', url: 'https://github.com/c/x' }],
        },
      }).identities.github,
    ).toEqual([]);
  });

  it('trusts the URL over the network name, and uses a username only without a URL', () => {
    const profile = reimport({
      basics: {
        name: 'Ada',
        label: 'Analyst',
        profiles: [
          { network: 'GitHub', username: 'wrong', url: 'https://www.linkedin.com/in/ada-l/' },
          { network: 'github', username: 'ada' },
          { network: 'LINKEDIN', username: 'ada-lovelace' },
          { network: 'Twitter', username: 'ada', url: '' },
          { network: 'Codeberg', url: 'https://codeberg.example/ada' },
          { network: 'LinkedIn', url: 'https://de.linkedin.com/in/ada-l' },
        ],
      },
    });
    expect(profile.identities).toEqual({ github: ['ada'], linkedin: ['ada-l', 'ada-lovelace'] });
    expect(profile.contact.links).toEqual([
      { label: 'Codeberg', url: 'https://codeberg.example/ada' },
    ]);
  });

  it('gives a résumé without our id an unused id from the name', () => {
    const resume = { basics: { name: 'Ada Lovelace', label: 'Analyst' } };
    expect(reimport(resume, new Set(['ada-lovelace'])).id).toBe('ada-lovelace-2');
  });

  it('fills a missing headline from the first job, and says so', () => {
    const read = readJsonResume({
      basics: { name: 'Ada' },
      work: [{ name: 'Babbage & Co', position: 'Analyst' }],
    });
    if (!read.ok) throw new Error(read.error);
    expect(read.profile).toMatchObject({
      headline: 'Analyst at Babbage & Co',
      bio: 'Analyst at Babbage & Co',
    });
    expect(read.notes).toEqual([
      { field: 'headline', action: 'filled', detail: 'the résumé has no basics.label' },
    ]);
  });

  it('cleans what does not fit, keeping the rest, with notes', () => {
    const read = readJsonResume({
      basics: {
        name: '<b>Ada</b> Lovelace',
        label: 'Analyst\u202E',
        summary: 'x '.repeat(1000),
        email: 'not an email',
        url: 'javascript:alert(1)',
        profiles: [{ network: 'Blog', url: 'data:text/html,hi' }],
      },
    });
    if (!read.ok) throw new Error(read.error);
    expect(read.profile).toMatchObject({ name: 'Ada Lovelace', headline: 'Analyst', contact: {} });
    expect(String(read.profile.bio).length).toBeLessThanOrEqual(1200);
    expect(read.notes.find((note) => note.field === 'bio')).toEqual({
      field: 'bio',
      action: 'shortened',
      detail: 'shortened from 1,999 to at most 1,200 characters',
    });
    expect(
      read.notes.filter((note) => note.action === 'dropped').map((note) => note.field),
    ).toEqual(['basics.profiles.0.url', 'contact.website', 'contact.email']);
    expect(validateProfile(read.profile).ok).toBe(true);
  });

  it.each([
    [null, 'This is not a JSON Resume: it has no "basics".'],
    [{ basics: 'x' }, 'This is not a JSON Resume: it has no "basics".'],
    [{ basics: {} }, 'This JSON Resume has no basics.name.'],
    [{ basics: { name: '   ' } }, 'This JSON Resume has no basics.name.'],
  ])('refuses %j', (document, error) => {
    expect(readJsonResume(document)).toEqual({ ok: false, error });
  });

  it('tells a résumé from our own export shapes', () => {
    expect(isJsonResume({ basics: { name: 'A' } })).toBe(true);
    expect(isJsonResume({ version: 1, profiles: [] })).toBe(false);
    expect(isJsonResume({ id: 'a', name: 'A', basics: {} })).toBe(false);
    expect(isJsonResume([])).toBe(false);
  });
});
