/**
 * A person from an address book often has no headline and no bio (issue 17,
 * bug 8 made both optional): the card, its copies and the vCard must read
 * well without them, with no empty paragraphs and no "more" with nothing
 * behind it.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Card } from '../../components/card/Card';
import { toPlainText } from '../../contact/plain-text';
import type { Profile } from '../../people/schema';

const bare: Profile = {
  id: 'grace-hopper',
  name: 'Grace Hopper',
  projects: [],
  contact: { email: 'grace@example.com' },
  identities: { github: [], linkedin: [] },
};

async function card(profile: Profile) {
  const root = document.createElement('div');
  document.body.append(root);
  await act(() => {
    render(<Card profile={profile} idPrefix="t" />, root);
  });
  return root;
}

afterEach(() => document.body.replaceChildren());

describe('a card without headline or bio', () => {
  it('shows the name and contact, and no empty text', async () => {
    const root = await card(bare);
    expect(root.querySelector('.pc-name')?.textContent).toBe('Grace Hopper');
    expect(root.querySelector('.pc-headline')).toBeNull();
    expect(root.querySelector('.pc-bio')).toBeNull();
    expect(root.querySelector('.pc-more')).toBeNull();
    expect(root.textContent).toContain('grace@example.com');
    expect(root.textContent).not.toContain('undefined');
    // Positive control: with them, both are shown.
    const full = await card({ ...bare, headline: 'Rear admiral', bio: 'COBOL.' });
    expect(full.querySelector('.pc-headline')?.textContent).toBe('Rear admiral');
    expect(full.querySelector('.pc-bio')?.textContent).toBe('COBOL.');
  });

  it('keeps highlights behind "more" when there is no bio', async () => {
    const root = await card({ ...bare, highlights: ['First compiler'] });
    const more = root.querySelector<HTMLButtonElement>('.pc-more');
    expect(more?.textContent).toBe('more');
    expect(more?.hasAttribute('aria-controls')).toBe(false);
    await act(() => more?.click());
    expect(root.querySelector('.pc-highlights')?.textContent).toBe('First compiler');
  });

  it('copies as text without a blank headline line', () => {
    expect(toPlainText(bare)).toBe('Grace Hopper\n\nEmail: grace@example.com\n');
  });

  it('shows a project without a description as its name and link alone (issue 24)', async () => {
    const root = await card({
      ...bare,
      projects: [
        { name: 'crdt-playground', repo: 'mirak/crdt-playground' },
        { name: 'tidewater', description: 'A storage engine.' },
      ],
    });
    const [alone, described] = root.querySelectorAll('.pc-project');
    expect(alone?.querySelector('.pc-project-desc')).toBeNull();
    expect(alone?.textContent).toBe('crdt-playground');
    expect(alone?.querySelector('a')?.getAttribute('href')).toBe(
      'https://github.com/mirak/crdt-playground',
    );
    // Positive control: a project with one shows it.
    expect(described?.querySelector('.pc-project-desc')?.textContent).toBe('A storage engine.');
  });
});
