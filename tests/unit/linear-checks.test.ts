/**
 * Freezes on hostile input (issue 17, bug 10): the URL check used to cost
 * the square of the URL's length (a 391 KB import froze the options page for
 * 73 s). Time is not asserted here (the machine is shared); the structure is:
 * an over-long value is refused by its length before any pattern sees it, and
 * the patterns that do run are the linear ones in text/ and people/schema.ts.
 * `npm run bench` is not needed for this: the worst cases are measured by
 * bench/hostile.ts and reported in docs/guide.md.
 */

import { fieldWords } from '../../people/field-words';
import { LIMITS } from '../../people/schema';
import { validateProfile } from '../../people/validate';

const MEGABYTE = 1024 * 1024;
const base = () => ({
  id: 'ada',
  name: 'Ada',
  headline: 'Analyst',
  bio: 'Wrote the first program.',
  identities: { github: ['ada'], linkedin: ['ada-lovelace'] } as Record<string, string[]>,
  projects: [{ name: 'p', description: 'd' }] as Record<string, string>[],
  contact: { links: [{ label: 'l', url: 'https://example.com/' }] } as Record<string, unknown>,
});

type Field = [path: string, set: (document: ReturnType<typeof base>, value: string) => void];
const FIELDS: Field[] = [
  ['id', (d, v) => Object.assign(d, { id: v })],
  ['name', (d, v) => Object.assign(d, { name: v })],
  ['headline', (d, v) => Object.assign(d, { headline: v })],
  ['bio', (d, v) => Object.assign(d, { bio: v })],
  ['location', (d, v) => Object.assign(d, { location: v })],
  ['highlights.0', (d, v) => Object.assign(d, { highlights: [v] })],
  ['projects.0.name', (d, v) => Object.assign(d.projects[0] as object, { name: v })],
  ['projects.0.url', (d, v) => Object.assign(d.projects[0] as object, { url: v })],
  ['projects.0.repo', (d, v) => Object.assign(d.projects[0] as object, { repo: v })],
  ['contact.email', (d, v) => Object.assign(d.contact, { email: v })],
  ['contact.website', (d, v) => Object.assign(d.contact, { website: v })],
  ['contact.links.0.url', (d, v) => Object.assign(d.contact, { links: [{ label: 'l', url: v }] })],
  ['identities.linkedin.0', (d, v) => Object.assign(d.identities, { linkedin: [v] })],
  ['identities.github.0', (d, v) => Object.assign(d.identities, { github: [v] })],
];

/** Values that made backtracking patterns slow: long runs that fail at the end. */
const megabyte = (path: string) =>
  path.endsWith('url') || path === 'contact.website'
    ? `https://${'a'.repeat(MEGABYTE)}<`
    : path === 'contact.email'
      ? `${'a.'.repeat(MEGABYTE / 2)}@`
      : `<a${'-a'.repeat(MEGABYTE / 2)}<`;

describe('over-long values are refused by length before any pattern', () => {
  let seen: number[] = [];
  const test = RegExp.prototype.test;
  const exec = RegExp.prototype.exec;
  /**
   * Patterns that repeat something. zod measures length in code points with a
   * one-character probe (`/[\uD800-\uDBFF]/`), which cannot backtrack; only
   * patterns with a quantifier are counted.
   */
  const record = (pattern: RegExp, input: unknown) => {
    if (['*', '+', '?', '{'].some((quantifier) => pattern.source.includes(quantifier)))
      seen.push(String(input).length);
  };
  beforeEach(() => {
    seen = [];
    vi.spyOn(RegExp.prototype, 'test').mockImplementation(function (this: RegExp, input) {
      record(this, input);
      return test.call(this, input);
    });
    vi.spyOn(RegExp.prototype, 'exec').mockImplementation(function (this: RegExp, input) {
      record(this, input);
      return exec.call(this, input);
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it.each(FIELDS)('%s: a 1 MB value gets one message, and no pattern reads it', (path, set) => {
    const document = base();
    set(document, megabyte(path));
    const result = validateProfile(document);
    expect(result.ok).toBe(false);
    const errors = result.ok ? [] : result.errors;
    expect(errors).toHaveLength(1);
    // Named as the form names the field (issue 22), e.g. "Project 1 URL".
    const words = fieldWords(
      path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
      document,
    );
    expect(errors[0]?.startsWith(`${words} `)).toBe(true);
    expect(errors[0]).toMatch(/at most|not an email|must be a (GitHub|LinkedIn)/);
    // Patterns may run on the rest of the profile, never on the megabyte.
    expect(Math.max(0, ...seen)).toBeLessThan(LIMITS.url + 100);
  });

  it('positive control: a value within the limit does reach the patterns', () => {
    const document = base();
    const website = `https://${'a'.repeat(1000)}/`;
    document.contact.website = website;
    expect(validateProfile(document).ok).toBe(true);
    expect(seen).toContain(website.length);
  });
});
