/**
 * The lists' table of people (jobs/roster.ts) and the form's claimants
 * (jobs/roster-claims.ts), from the stored summary: the popup sees who
 * pages see (hidden and replaced bundled people left out), the options page
 * sees every bundled person marked; search runs over both; a form entry is
 * checked against exactly the people it could clash with.
 */

import { buildRoster, bundledRoster } from '../../jobs/roster';
import { claimantsOf, identitiesOfHandles } from '../../jobs/roster-claims';
import { bundledProfiles } from '../../people/bundled';
import type { Profile } from '../../people/schema';
import type { StoredRows } from '../../store/people-rows';
import { rowOf } from '../../store/people-rows';
import { person, storedOf } from './fixtures';

function stored(profiles: Profile[], hidden: string[] = [], rev = 7): StoredRows {
  const rows = profiles.map((profile) => rowOf({ id: profile.id, rev: 1, profile, keys: [] }));
  // Chunks of two rows, so a list reads across chunks as it does at 100,000.
  return storedOf(rows, rev, hidden, 2);
}
const ids = (roster: ReturnType<typeof buildRoster>, rows: ArrayLike<number>) =>
  Array.from(rows, (row) => roster.id(row));

describe('buildRoster', () => {
  const user = [
    person('ada', { name: 'Ada Łukasz', identities: { github: ['AdaL'], linkedin: ['ada-l'] } }),
    // The user's own copy of a bundled person replaces them on pages.
    person('patmesh', { name: 'Patmesh Mine' }),
  ];

  it('lists who pages see in the popup', () => {
    const roster = buildRoster(stored(user, ['tyler-neely'], 1), bundledProfiles, 'visible');
    expect(ids(roster, roster.search(''))).toEqual(['ada', 'patmesh', 'deniz-altinbuken']);
    expect(roster).toMatchObject({ storeRev: 1, size: 3, userCount: 2, hiddenCount: 1 });
    expect(roster.handles(0)).toEqual(['@AdaL', 'in/ada-l']);
    expect(roster.bundled(2)).toBe(true);
  });

  it('lists every bundled person, marked, on the options page', () => {
    const roster = buildRoster(stored(user, ['tyler-neely'], 2), bundledProfiles, 'all');
    expect(ids(roster, roster.search(''))).toEqual([
      'ada',
      'patmesh',
      'deniz-altinbuken',
      'patmesh',
      'tyler-neely',
    ]);
    expect([roster.hidden(4), roster.hidden(3), roster.rev(0), roster.rev(4)]).toEqual([
      true,
      false,
      1,
      0,
    ]);
  });

  it('searches the user’s people and the bundled ones alike', () => {
    const roster = buildRoster(stored(user, [], 3), bundledProfiles, 'visible');
    expect(ids(roster, roster.search('lukasz'))).toEqual(['ada']);
    expect(ids(roster, roster.search('@spacejam'))).toEqual(['tyler-neely']);
    expect(ids(roster, roster.search('altinbu'))).toEqual(['deniz-altinbuken']);
  });

  it('falls back to the bundled people alone', () => {
    const roster = bundledRoster(bundledProfiles, 'visible');
    expect(roster.size).toBe(3);
    expect(roster.userCount).toBe(0);
  });
});

describe('claimantsOf', () => {
  const user = [
    person('a', { identities: { github: ['Shared'], linkedin: [] } }),
    person('b', { identities: { github: [], linkedin: ['b-slug'] } }),
    person('c'),
  ];
  const roster = buildRoster(stored(user, [], 9), bundledProfiles, 'all');

  it.each([
    ['a shared GitHub login, any case', { id: 'new', identities: { github: ['shared'] } }, ['a']],
    ['a LinkedIn slug', { id: 'new', identities: { linkedin: ['B-SLUG'] } }, ['b']],
    ['the same id', { id: 'c', identities: {} }, ['c']],
    ['nobody', { id: 'z', identities: { github: ['zed'] } }, []],
    ['not an object at all', 'garbage', []],
  ])('%s', (_label, entry, expected) => {
    expect(claimantsOf(roster, entry).map((profile) => profile.id)).toEqual(expected);
  });

  it('leaves out the person being edited', () => {
    expect(claimantsOf(roster, { id: 'a', identities: { github: ['shared'] } }, 'a')).toEqual([]);
  });

  it('gives back what the checks read: id, name, identities', () => {
    expect(claimantsOf(roster, { id: 'x', identities: { github: ['shared'] } })).toEqual([
      {
        id: 'a',
        name: 'Person a',
        projects: [],
        contact: {},
        identities: { github: ['Shared'], linkedin: [] },
      },
    ]);
    expect(identitiesOfHandles(['@x', 'in/y-z', 'other'])).toEqual({
      github: ['x'],
      linkedin: ['y-z'],
    });
  });
});
