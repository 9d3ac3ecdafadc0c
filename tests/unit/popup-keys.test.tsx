/**
 * The popup's keyboard at the speed of a person who knows it: Esc pressed
 * the moment a card shows (before the browser's next frame) still goes back
 * to the list. A listener attached after paint would miss it: the CI run of
 * 2026-12-07 pressed Enter, then Esc, and stayed on the card.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Popup, type PopupApi } from '../../components/popup/Popup';
import { bundledRoster } from '../../jobs/roster';
import { bundledProfiles } from '../../people/bundled';

const tyler = bundledProfiles.find((profile) => profile.name === 'Tyler Neely');
if (!tyler) throw new Error('the bundled Tyler Neely is missing');

const api: PopupApi = {
  activeTabProfile: async () => null,
  people: async () => bundledRoster(bundledProfiles, 'visible'),
  profile: async (id) => bundledProfiles.find((profile) => profile.id === id) ?? null,
};
const theme = { scheme: 'light', contrast: 'normal' } as const;
const pressEscape = () =>
  document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
const onCard = (root: HTMLElement) => root.querySelector('.pc-back') !== null;

describe('Esc on the popup’s card', () => {
  it('goes back to the list when pressed in the same frame the card appeared', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    // Synchronous render: layout effects have run, passive ones (after paint) have not.
    render(<Popup api={api} theme={theme} initial={tyler} />, root);
    expect(onCard(root)).toBe(true);
    pressEscape();
    await act(async () => undefined);
    expect(onCard(root)).toBe(false);
    render(null, root);
    root.remove();
  });

  it('leaves the card alone for any other key (control)', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    await act(async () => {
      render(<Popup api={api} theme={theme} initial={tyler} />, root);
    });
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    await act(async () => undefined);
    expect(onCard(root)).toBe(true);
    pressEscape();
    await act(async () => undefined);
    expect(onCard(root)).toBe(false);
    render(null, root);
    root.remove();
  });
});
