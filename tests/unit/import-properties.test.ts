/**
 * Property-based tests (fast-check): 10,000 random and malformed documents.
 * The importer never throws past its validator, never lets an invalid profile
 * through, and leaves existing data unchanged when it refuses.
 */
import fc from 'fast-check';
import { exportDocument } from '../../formats/export';
import { applyPreview, previewImport } from '../../formats/import';
import { locateJsonError } from '../../formats/json-error';
import { bundledProfiles } from '../../people/bundled';
import type { Profile } from '../../people/schema';
import { validateProfile } from '../../people/validate';
import { person } from './fixtures';
import { HOSTILE } from './hostile';

const existing: Profile[] = [
  person('kept'),
  person('other', { identities: { github: ['mine'], linkedin: ['me-on-li'] } }),
];
const snapshot = JSON.stringify(existing);
const context = { existing, bundled: bundledProfiles };

/** A valid document, then damaged at random. */
const valid = () => ({
  id: 'ada',
  name: 'Ada Lovelace',
  headline: 'Analyst',
  bio: 'Wrote the first program.',
  projects: [
    { name: 'Engine', description: 'Notes', url: 'https://example.com/', repo: 'ada/engine' },
  ],
  contact: {
    email: 'ada@example.com',
    website: 'https://ada.example/',
    links: [{ label: 'Blog', url: 'https://blog.example/' }],
  },
  identities: { github: ['ada'], linkedin: ['ada-lovelace'] },
});
const PATHS = [
  'id',
  'name',
  'headline',
  'bio',
  'location',
  'highlights',
  'projects',
  'projects.0',
  'projects.0.url',
  'contact',
  'contact.email',
  'contact.website',
  'contact.links.0.url',
  'identities',
  'identities.github',
  'identities.github.0',
  'identities.linkedin.0',
  'extra',
  '__proto__',
  'constructor',
];
const mutation = fc.record({
  path: fc.constantFrom(...PATHS),
  value: fc.oneof(
    fc.anything(),
    fc.constantFrom(...HOSTILE.map((s) => s.slice(0, 5000))),
    fc.string(),
    fc.constant(undefined),
  ),
});
const damaged = fc.array(mutation, { minLength: 1, maxLength: 4 }).map((mutations) => {
  const document = valid() as Record<string, unknown>;
  for (const { path, value } of mutations) {
    const keys = path.split('.');
    let node: unknown = document;
    for (const key of keys.slice(0, -1))
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
    if (node && typeof node === 'object') {
      if (value === undefined) delete (node as Record<string, unknown>)[keys.at(-1) as string];
      else
        Object.defineProperty(node, keys.at(-1) as string, {
          value,
          enumerable: true,
          configurable: true,
          writable: true,
        });
    }
  }
  return document;
});

function check(fileName: string, input: string | Uint8Array) {
  const result = previewImport(fileName, input, context);
  expect(JSON.stringify(existing)).toBe(snapshot);
  if (!result.ok) {
    expect(typeof result.error).toBe('string');
    expect(result.error.length).toBeGreaterThan(0);
    return;
  }
  const { preview } = result;
  for (const profile of [
    ...preview.added,
    ...preview.updated.map((u) => u.after),
    ...preview.unchanged,
  ]) {
    expect(validateProfile(profile).ok).toBe(true);
  }
  for (const rejected of preview.rejected) expect(rejected.errors.length).toBeGreaterThan(0);
  const after = applyPreview(existing, preview);
  if (preview.added.length + preview.updated.length === 0)
    expect(JSON.stringify(after)).toBe(snapshot);
  for (const profile of after) expect(validateProfile(profile).ok).toBe(true);
}

const RUNS = 2_500;
// A guard against a hang, not a speed check: the shared test machine runs these slowly.
describe('importer properties (4 × 2,500 = 10,000 documents)', { timeout: 60_000 }, () => {
  it('random JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) =>
        check('random.json', JSON.stringify(value) ?? 'null'),
      ),
      { numRuns: RUNS },
    );
  });

  it('valid profiles damaged at random, alone, in lists and in exports', () => {
    fc.assert(
      fc.property(
        fc.array(damaged, { minLength: 1, maxLength: 5 }),
        fc.constantFrom('one', 'list', 'export'),
        (documents, shape) => {
          const body =
            shape === 'one'
              ? documents[0]
              : shape === 'list'
                ? documents
                : { version: 1, profiles: documents };
          check('damaged.json', JSON.stringify(body));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('random bytes and random text', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.uint8Array({ maxLength: 512 }), fc.string({ unit: 'binary', maxLength: 512 })),
        (input) => check('noise.json', input),
      ),
      { numRuns: RUNS },
    );
  });

  it('truncated and spliced exports, and vCard-shaped noise', () => {
    const text = exportDocument([person('a'), person('b')]);
    fc.assert(
      fc.property(
        fc.nat(text.length),
        fc.string({ maxLength: 20 }),
        fc.boolean(),
        (cut, insert, vcard) => {
          if (vcard)
            check(
              'x.vcf',
              `BEGIN:VCARD\r\nVERSION:4.0\r\nFN:${insert}\r\n${text.slice(0, cut % 200)}`,
            );
          else check('cut.json', text.slice(0, cut) + insert + text.slice(cut));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('locates the error in any text JSON.parse refuses', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        let parses = true;
        try {
          JSON.parse(text);
        } catch {
          parses = false;
        }
        expect(locateJsonError(text) === undefined).toBe(parses);
      }),
      { numRuns: 1_000 },
    );
  });
});
