/**
 * The edit form's model, table by table: handles one per line (a comma
 * splits GitHub logins, never a LinkedIn id), and every validation problem
 * said with the field's label and pinned to its control.
 */
import {
  CONTROL,
  draftOf,
  entryOf,
  handleLines,
  shown,
} from '../../components/parts/profile-draft';
import { person } from './fixtures';

describe('handleLines', () => {
  it.each<[string, 'github' | 'linkedin', string[], string[]]>([
    ['spacejam', 'github', ['spacejam'], []],
    ['a, b c\n\n d', 'github', ['a', 'b', 'c', 'd'], []],
    ['https://github.com/SpaceJam?tab=repositories', 'github', ['SpaceJam'], []],
    ['github.com/octo', 'github', ['octo'], []],
    [
      'https://github.com/orgs/x/people',
      'github',
      [],
      ['GitHub logins, line 1: "https://github.com/orgs/x/people" is not a GitHub profile URL'],
    ],
    ['michael-rüffer-61125324', 'linkedin', ['michael-rüffer-61125324'], []],
    [
      'https://www.linkedin.com/in/michael-r%C3%BCffer-61125324/',
      'linkedin',
      ['michael-rüffer-61125324'],
      [],
    ],
    ['https://de.linkedin.com/in/doe,-john/details/', 'linkedin', ['doe,-john'], []],
    ['uk.linkedin.com/in/jane', 'linkedin', ['jane'], []],
    ['a\nb', 'linkedin', ['a', 'b'], []],
    [
      'ada, grace',
      'linkedin',
      [],
      [
        'LinkedIn profiles, line 1: "ada, grace" looks like more than one id. Put one LinkedIn id per line; if it really is one, paste the profile URL instead',
      ],
    ],
    [
      'ok\nada grace',
      'linkedin',
      ['ok'],
      [
        'LinkedIn profiles, line 2: "ada grace" looks like more than one id. Put one LinkedIn id per line; if it really is one, paste the profile URL instead',
      ],
    ],
    [
      'https://www.linkedin.com/company/acme/',
      'linkedin',
      [],
      [
        'LinkedIn profiles, line 1: "https://www.linkedin.com/company/acme/" is not a LinkedIn profile URL',
      ],
    ],
  ])('%j (%s)', (text, site, handles, problems) => {
    expect(handleLines(text, site)).toEqual({ handles, problems });
  });
});

describe("shown: problems in the form's words", () => {
  const draft = {
    ...draftOf(),
    name: 'Ada',
    github: 'ada\nSpaceJam',
    // Row 1 is empty and left out, so entry project 0 is draft row 1… and so on.
    projects: [
      { name: '', description: '', url: '', repo: '' },
      { name: 'P', description: 'd', url: 'x', repo: '' },
    ],
    links: [{ label: 'Blog', url: 'nope' }],
  };
  const made = entryOf(draft, 'ada');
  it.each<[(string | number)[], string, string, string | undefined]>([
    [['name'], 'must not be empty', 'Name must not be empty', CONTROL.name],
    [['bio'], 'must not be empty', 'Short bio must not be empty', CONTROL.bio],
    [['headline'], 'must be a single line', 'Headline must be a single line', CONTROL.headline],
    [['id'], 'is already used', 'Id is already used', CONTROL.id],
    [['location'], 'x', 'Location x', CONTROL.location],
    [['highlights', 2], 'must not be empty', 'Highlight 3 must not be empty', CONTROL.highlights],
    [
      ['highlights'],
      'must have at most 8 entries',
      'Highlights must have at most 8 entries',
      CONTROL.highlights,
    ],
    [['contact', 'email'], 'is not an email', 'Email is not an email', CONTROL.email],
    [
      ['contact', 'website'],
      'must be an http(s) URL',
      'Website must be an http(s) URL',
      CONTROL.website,
    ],
    [
      ['identities', 'github', 1],
      "is already Tyler Neely's (tyler-neely)",
      'GitHub login "SpaceJam" is already Tyler Neely\'s (tyler-neely)',
      CONTROL.github,
    ],
    [
      ['identities', 'linkedin'],
      'must be a list',
      'LinkedIn profiles must be a list',
      CONTROL.linkedin,
    ],
    [
      ['projects', 0, 'url'],
      'must be an http(s) URL',
      'Project 2 URL must be an http(s) URL',
      'pc-f-projects-1-url',
    ],
    [
      ['projects', 0, 'description'],
      'x',
      'Project 2 one-line description x',
      'pc-f-projects-1-description',
    ],
    [
      ['projects'],
      'must have at most 40 entries',
      'Projects must have at most 40 entries',
      undefined,
    ],
    [
      ['contact', 'links', 0, 'url'],
      'must be an http(s) URL',
      'Link 1 URL must be an http(s) URL',
      'pc-f-links-0-url',
    ],
    [
      ['contact', 'links', 0, 'label'],
      'must not be empty',
      'Link 1 label must not be empty',
      'pc-f-links-0-label',
    ],
    [[], 'must be an object', 'the profile must be an object', undefined],
    [['surprise'], 'is not a known field', '"surprise" is not a known field', undefined],
  ])('%j %s', (path, message, text, control) => {
    expect(shown({ path, message }, made)).toEqual(control ? { text, control } : { text });
  });

  it('leaves empty optional fields out of the entry', () => {
    expect(made.entry).toEqual({
      id: 'ada',
      name: 'Ada',
      projects: [{ name: 'P', description: 'd', url: 'x' }],
      contact: { links: [{ label: 'Blog', url: 'nope' }] },
      identities: { github: ['ada', 'SpaceJam'], linkedin: [] },
    });
    expect(made.rows).toEqual({ projects: [1], links: [0] });
  });

  it('leaves out a project description left blank, and keeps the project (issue 24)', () => {
    const blank = entryOf(
      { ...draft, projects: [{ name: 'crdt-playground', description: '  ', url: '', repo: '' }] },
      'ada',
    );
    expect(blank.entry.projects).toEqual([{ name: 'crdt-playground' }]);
    expect(draftOf({ ...person('x'), projects: [{ name: 'crdt-playground' }] }).projects).toEqual([
      { name: 'crdt-playground', description: '', url: '', repo: '' },
    ]);
  });
});
