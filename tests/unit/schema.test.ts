import { profileSchema } from '../../people/schema';
import { validateProfile } from '../../people/validate';

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
    [{ ...ada, emial: 'x' }, '"emial" is not a known field'],
    [{ ...ada, contact: { mail: 'a@b.co' } }, '"contact.mail" is not a known field'],
    [{ ...ada, name: undefined }, 'Name is required'],
    [{ ...ada, name: 42 }, 'Name must be a string'],
    [{ ...ada, name: '   ' }, 'Name must not be empty'],
    [{ ...ada, name: 'x'.repeat(81) }, 'Name must be at most 80 characters'],
    [{ ...ada, bio: 'x'.repeat(1201) }, 'Short bio must be at most 1,200 characters'],
    [{ ...ada, headline: 'one\ntwo' }, 'Headline must be a single line'],
    [
      { ...ada, name: '<script>alert(1)</script>' },
      'Name must not contain HTML markup: "<script>"',
    ],
    [
      { ...ada, bio: 'hi <img src=x onerror=alert(1)>' },
      'Short bio must not contain HTML markup: "<img src=x onerror=alert(1)>"',
    ],
    [
      { ...ada, bio: 'a <!-- comment -->' },
      'Short bio must not contain HTML markup: "<!-- comment -->"',
    ],
    [
      { ...ada, name: 'Ada\u202Eecalevol' },
      'Name must not contain text-direction override characters (U+202A–U+202E, U+2066–U+2069)',
    ],
    [{ ...ada, headline: 'bell\u0007' }, 'Headline must not contain control characters'],
    [{ ...ada, headline: '' }, 'Headline must not be empty'],
    [{ ...ada, contact: { email: 'ada' } }, 'Email is not an email'],
    [{ ...ada, contact: { email: 'ada@example.com\r\nBcc: x@y.z' } }, 'Email is not an email'],
    [{ ...ada, contact: { website: 'javascript:alert(1)' } }, 'Website must be an http(s) URL'],
    [{ ...ada, contact: { website: 'JaVaScRiPt:alert(1)' } }, 'Website must be an http(s) URL'],
    [{ ...ada, contact: { website: 'data:text/html,<b>' } }, 'Website must be an http(s) URL'],
    [{ ...ada, contact: { website: 'file:///etc/passwd' } }, 'Website must be an http(s) URL'],
    [{ ...ada, contact: { website: 'https://' } }, 'Website must be an http(s) URL'],
    [{ ...ada, contact: { website: '//example.com' } }, 'Website must be an http(s) URL'],
    [
      { ...ada, contact: { links: [{ label: 'Blog', url: 'vbscript:x' }] } },
      'Link 1 URL must be an http(s) URL',
    ],
    [
      { ...ada, projects: [{ name: 'x', description: 'y', url: 'ftp://x.example' }] },
      'Project 1 URL must be an http(s) URL',
    ],
    [
      { ...ada, projects: [{ name: 'x', description: 'y', repo: 'https://github.com/a/b' }] },
      'Project 1 GitHub repo must be a GitHub repository as "owner/name"',
    ],
    [
      { ...ada, projects: [{ name: 'x', description: ' ' }] },
      'Project 1 one-line description must not be empty',
    ],
    [{ ...ada, projects: [{ description: 'y' }] }, 'Project 1 name is required'],
    [{ ...ada, projects: {} }, 'Projects must be a list'],
    [
      { ...ada, highlights: Array.from({ length: 9 }, () => 'x') },
      'Highlights must have at most 8 entries',
    ],
    [
      { ...ada, identities: { github: ['has space'] } },
      'GitHub login "has space" must be a GitHub login (letters, digits, - or _; at most 39)',
    ],
    [
      { ...ada, identities: { linkedin: ['https://www.linkedin.com/in/ada'] } },
      'LinkedIn profile "https://www.linkedin.com/in/ada" must be a LinkedIn profile slug, not a URL',
    ],
    [{ ...ada, identities: undefined }, '"identities" is required'],
    [
      { ...ada, id: 'Ada Lovelace' },
      'Id must be lowercase letters, digits and hyphens (at most 64), starting with a letter or digit',
    ],
    ['a string', 'the profile must be an object'],
    [null, 'the profile must be an object'],
  ])('%# names the field and the fault', (document, message) => {
    expect(errorsFor(document)).toContain(message);
  });

  it('accepts Unicode names and slugs, and http as well as https', () => {
    const result = profileSchema().safeParse({
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

  it('needs no project description: a pinned repository often has none (issue 24)', () => {
    const projects = [{ name: 'crdt-playground', repo: 'mirak/crdt-playground' }];
    expect(validateProfile({ ...ada, projects })).toEqual({
      ok: true,
      value: { ...ada, projects, contact: {}, identities: ada.identities },
    });
  });
});
