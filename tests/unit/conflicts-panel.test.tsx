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

describe('ConflictsPanel and address books', () => {
  it("offers to link your person to an address book's contact, not to a team directory's person", () => {
    const root = document.createElement('div');
    const links: string[][] = [];
    render(
      <ConflictsPanel
        conflicts={[]}
        byId={() => undefined}
        onLink={(dir, person, card) => links.push([dir, person, card])}
        directoryClashes={[
          {
            key: 'github:ada-l',
            shown: { id: 'my-ada', name: 'My Ada' },
            hidden: [
              { id: 'card-1', name: 'Ada Lovelace', directory: 'Phone', dir: 'b1', book: true },
              { id: 'ada', name: 'Ada Team', directory: 'Team', dir: 'd1' },
            ],
          },
        ]}
      />,
      root,
    );
    const buttons = [...root.querySelectorAll('button')];
    expect(buttons.map((button) => button.textContent)).toEqual(['Link to Ada Lovelace in Phone']);
    expect(buttons[0]?.getAttribute('aria-label')).toBe('Link My Ada to Ada Lovelace in Phone');
    buttons[0]?.click();
    expect(links).toEqual([['b1', 'my-ada', 'card-1']]);
  });
});
