import { profileSchema } from '../../profiles/schema';
import { validateProfile } from '../../profiles/validate';

const ada = {
  id: 'ada',
  name: 'Ada Lovelace',
  headline: 'Analyst of the Analytical Engine',
  bio: 'Wrote the first program.',
  identities: { github: ['ada'], linkedin: ['ada-lovelace'] },
};

const errorsFor = (document: unknown) => {
  const result = validateProfile(document);
  return result.ok ? [] : result.errors;
};

describe('profile schema', () => {
  it('fills defaults and trims text', () => {
    const result = validateProfile({ ...ada, name: '  Ada Lovelace  ', identities: {} });
    expect(result).toEqual({
      ok: true,
      value: {
        ...ada,
        projects: [],
        contact: {},
        identities: { github: [], linkedin: [] },
      },
    });
  });

  it.each([
    [{ ...ada, emial: 'x' }, 'emial is not a known field'],
    [{ ...ada, contact: { mail: 'a@b.co' } }, 'contact.mail is not a known field'],
    [{ ...ada, name: undefined }, 'name is required'],
    [{ ...ada, name: 42 }, 'name must be a string'],
    [{ ...ada, name: '   ' }, 'name must not be empty'],
    [{ ...ada, name: 'x'.repeat(81) }, 'name must be at most 80 characters'],
    [{ ...ada, bio: 'x'.repeat(1201) }, 'bio must be at most 1,200 characters'],
    [{ ...ada, headline: 'one\ntwo' }, 'headline must be a single line'],
    [
      { ...ada, name: '<script>alert(1)</script>' },
      'name must not contain HTML markup: "<script>"',
    ],
    [
      { ...ada, bio: 'hi <img src=x onerror=alert(1)>' },
      'bio must not contain HTML markup: "<img src=x onerror=alert(1)>"',
    ],
    [{ ...ada, bio: 'a <!-- comment -->' }, 'bio must not contain HTML markup: "<!-- comment -->"'],
    [
      { ...ada, name: 'Ada\u202Eecalevol' },
      'name must not contain text-direction override characters (U+202A–U+202E, U+2066–U+2069)',
    ],
    [{ ...ada, headline: 'bell\u0007' }, 'headline must not contain control characters'],
    [{ ...ada, headline: '' }, 'headline must not be empty'],
    [{ ...ada, contact: { email: 'ada' } }, 'contact.email is not an email'],
    [
      { ...ada, contact: { email: 'ada@example.com\r\nBcc: x@y.z' } },
      'contact.email is not an email',
    ],
    [
      { ...ada, contact: { website: 'javascript:alert(1)' } },
      'contact.website must be an http(s) URL',
    ],
    [
      { ...ada, contact: { website: 'JaVaScRiPt:alert(1)' } },
      'contact.website must be an http(s) URL',
    ],
    [
      { ...ada, contact: { website: 'data:text/html,<b>' } },
      'contact.website must be an http(s) URL',
    ],
    [
      { ...ada, contact: { website: 'file:///etc/passwd' } },
      'contact.website must be an http(s) URL',
    ],
    [{ ...ada, contact: { website: 'https://' } }, 'contact.website must be an http(s) URL'],
    [{ ...ada, contact: { website: '//example.com' } }, 'contact.website must be an http(s) URL'],
    [
      { ...ada, contact: { links: [{ label: 'Blog', url: 'vbscript:x' }] } },
      'contact.links.0.url must be an http(s) URL',
    ],
    [
      { ...ada, projects: [{ name: 'x', description: 'y', url: 'ftp://x.example' }] },
      'projects.0.url must be an http(s) URL',
    ],
    [
      { ...ada, projects: [{ name: 'x', description: 'y', repo: 'https://github.com/a/b' }] },
      'projects.0.repo must be a GitHub repository as "owner/name"',
    ],
    [{ ...ada, projects: [{ name: 'x' }] }, 'projects.0.description is required'],
    [{ ...ada, projects: {} }, 'projects must be a list'],
    [
      { ...ada, highlights: Array.from({ length: 9 }, () => 'x') },
      'highlights must have at most 8 entries',
    ],
    [
      { ...ada, identities: { github: ['has space'] } },
      'identities.github.0 must be a GitHub login (letters, digits, - or _; at most 39)',
    ],
    [
      { ...ada, identities: { linkedin: ['https://www.linkedin.com/in/ada'] } },
      'identities.linkedin.0 must be a LinkedIn profile slug, not a URL',
    ],
    [{ ...ada, identities: undefined }, 'identities is required'],
    [
      { ...ada, id: 'Ada Lovelace' },
      'id must be lowercase letters, digits and hyphens (at most 64), starting with a letter or digit',
    ],
    ['a string', 'the profile must be an object'],
    [null, 'the profile must be an object'],
  ])('%# names the field and the fault', (document, message) => {
    expect(errorsFor(document)).toContain(message);
  });

  it('accepts Unicode names and slugs, and http as well as https', () => {
    const result = profileSchema.safeParse({
      ...ada,
      name: 'Deniz Altınbüken',
      contact: { website: 'http://paxos.systems/' },
      identities: { linkedin: ['michael-rüffer-61125324', 'ACoAABcdEfGhIjKlMnOpQrStUvWxYz01'] },
    });
    expect(result.success).toBe(true);
  });

  it('allows "<" that is not markup', () => {
    expect(validateProfile({ ...ada, bio: 'Latency < 1 ms; 3 <= x' }).ok).toBe(true);
  });

  it('needs no headline or bio: address books rarely have them', () => {
    const { headline: _h, bio: _b, ...bare } = ada;
    expect(validateProfile(bare)).toEqual({
      ok: true,
      value: { ...bare, projects: [], contact: {} },
    });
  });
});
