/**
 * The collapsed chip's avatar wears the person's colour like the card's:
 * without its hue the avatar's background was invalid (transparent) and the
 * white initials vanished on a white chip.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { InPageCard } from '../../components/card/InPageCard';
import { person } from './fixtures';

it('gives the chip avatar the same hue as the card avatar', () => {
  const root = document.createElement('div');
  const profile = person('ada', { name: 'Ada Lovelace' });
  const theme = { scheme: 'light', contrast: 'normal' } as const;
  act(() =>
    render(
      <InPageCard profile={profile} state="expanded" theme={theme} onState={() => {}} />,
      root,
    ),
  );
  const cardHue = (root.querySelector('.pc-card .pc-avatar') as HTMLElement).style.getPropertyValue(
    '--pc-hue',
  );
  expect(cardHue).not.toBe('');
  act(() =>
    render(
      <InPageCard profile={profile} state="collapsed" theme={theme} onState={() => {}} />,
      root,
    ),
  );
  // A new state prop does not reset the component: collapse it as the user would.
  act(() => (root.querySelector('button[aria-label="Collapse card"]') as HTMLElement).click());
  const chip = root.querySelector('.pc-chip .pc-avatar') as HTMLElement;
  expect(chip.textContent).toBe('AL');
  expect(chip.style.getPropertyValue('--pc-hue')).toBe(cardHue);
});
