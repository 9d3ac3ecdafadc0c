/**
 * The options page says which handles two people claim and whose card wins
 * (the directory computes it; before, nothing showed it).
 */
import { render } from 'preact';
import { ConflictsPanel } from '../../components/options/ConflictsPanel';
import { bundledProfiles } from '../../people/bundled';
import { buildDirectory } from '../../people/directory';
import type { Profile } from '../../people/schema';

const tyler = bundledProfiles.find((profile) => profile.id === 'tyler-neely') as Profile;
const impostor: Profile = {
  ...tyler,
  id: 'another-tyler',
  name: 'Another Tyler',
  projects: [],
};

function shown(user: Profile[]): string {
  const directory = buildDirectory({ bundled: bundledProfiles, user });
  const root = document.createElement('div');
  render(<ConflictsPanel conflicts={directory.conflicts} byId={directory.byId} />, root);
  return root.textContent ?? '';
}

describe('ConflictsPanel', () => {
  it('names the handle, whose card shows, and who loses', () => {
    const text = shown([impostor]);
    expect(text).toContain('One handle belongs to two people');
    expect(text).toContain('github:spacejam');
    expect(text).toContain('cards show Another Tyler, not Tyler Neely');
  });

  it('shows nothing when every handle has one owner', () => {
    expect(shown([])).toBe('');
  });
});
