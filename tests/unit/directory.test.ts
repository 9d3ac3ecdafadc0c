import { bundledProfiles } from '../../people/bundled';
import { buildDirectory } from '../../people/directory';
import type { Profile } from '../../people/schema';

const person = (id: string, github: string[] = [], linkedin: string[] = []): Profile => ({
  id,
  name: id,
  headline: 'h',
  bio: 'b',
  projects: [],
  contact: {},
  identities: { github, linkedin },
});

describe('buildDirectory', () => {
  it('answers identity → profile for bundled people, case-insensitively', () => {
    const directory = buildDirectory({ bundled: bundledProfiles });
    expect(directory.lookup('github:patmesh')?.id).toBe('patmesh');
    expect(directory.lookup('linkedin:patmesh-s')?.id).toBe('patmesh');
    expect(directory.lookup('github:spacejam')?.name).toBe('Tyler Neely');
    expect(directory.lookup('github:nobody')).toBeUndefined();
    expect(directory.byId('deniz-altinbuken')?.identities.linkedin).toEqual(['denizalti']);
    expect(directory.profiles).toHaveLength(3);
  });

  it('reports two profiles claiming one identity and resolves it the same way every time', () => {
    const a = person('alpha', ['Shared'], ['same-slug']);
    const b = person('beta', ['shared']);
    const c = person('gamma', [], ['SAME-SLUG']);
    for (const order of [
      [a, b, c],
      [c, b, a],
      [b, c, a],
    ]) {
      const directory = buildDirectory({ bundled: [], user: order });
      expect(directory.lookup('github:shared')?.id).toBe('alpha');
      expect(directory.lookup('linkedin:same-slug')?.id).toBe('alpha');
      expect(directory.conflicts).toEqual([
        { key: 'github:shared', winner: 'alpha', losers: ['beta'] },
        { key: 'linkedin:same-slug', winner: 'alpha', losers: ['gamma'] },
      ]);
    }
  });

  it('lets user profiles win over bundled ones, and replace a bundled id', () => {
    const claimant = person('zz-user', ['spacejam']);
    const directory = buildDirectory({ bundled: bundledProfiles, user: [claimant] });
    expect(directory.lookup('github:spacejam')?.id).toBe('zz-user');
    expect(directory.conflicts).toEqual([
      { key: 'github:spacejam', winner: 'zz-user', losers: ['tyler-neely'] },
    ]);

    const edited = { ...person('patmesh', ['patmesh']), name: 'Patmesh (edited)' };
    const replaced = buildDirectory({ bundled: bundledProfiles, user: [edited] });
    expect(replaced.byId('patmesh')?.name).toBe('Patmesh (edited)');
    expect(replaced.lookup('linkedin:patmesh-s')).toBeUndefined();
    expect(replaced.conflicts).toEqual([]);
    expect(replaced.profiles.map((profile) => profile.id)).toEqual([
      'patmesh',
      'deniz-altinbuken',
      'tyler-neely',
    ]);
  });

  it('leaves out hidden bundled profiles', () => {
    const directory = buildDirectory({ bundled: bundledProfiles, hidden: ['tyler-neely'] });
    expect(directory.lookup('github:spacejam')).toBeUndefined();
    expect(directory.byId('tyler-neely')).toBeUndefined();
  });

  it('does not count one profile listing a handle twice as a conflict', () => {
    const directory = buildDirectory({ bundled: [], user: [person('x', ['Me', 'me'])] });
    expect(directory.conflicts).toEqual([]);
    expect(directory.lookup('github:me')?.id).toBe('x');
  });

  it('holds thousands of people and answers each identity', () => {
    const many = Array.from({ length: 10_000 }, (_, index) =>
      person(`p${index}`, [`user${index}`], [`slug-${index}`]),
    );
    const directory = buildDirectory({ bundled: bundledProfiles, user: many });
    expect(directory.profiles).toHaveLength(10_003);
    expect(directory.lookup('github:user9999')?.id).toBe('p9999');
    expect(directory.lookup('linkedin:slug-0')?.id).toBe('p0');
    expect(directory.lookup('github:denizalti')?.id).toBe('deniz-altinbuken');
  });
});
