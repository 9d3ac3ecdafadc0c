import { pageTheme } from '../../components/parts/page-theme';
import { initials } from '../../contact/initials';
import { badgeFor, noBadge } from '../../entrypoints/background/badge';
import { bundledProfiles } from '../../people/bundled';
import { matchesQuery } from '../../people/search';
import { fold } from '../../text/fold';

describe('initials', () => {
  it.each([
    ['Deniz Altınbüken', 'DA'],
    ['Patmesh S', 'PS'],
    ['Tyler Neely', 'TN'],
    ['ada', 'A'],
    ['Jean-Luc Picard', 'JP'],
    ['  Ørjan   Ødegård ', 'ØØ'],
    ['李 小龙', '李小'],
    ['👩🏽‍💻 Dev', '👩🏽‍💻D'],
    ['ǆemal bey', 'ǄB'],
    ['---', '?'],
    ['{{constructor.constructor("alert(1)")()}}', 'CC'],
    ['(Ada) Lovelace', 'AL'],
  ])('%s → %s', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});

describe('pageTheme', () => {
  const html = (attributes: Record<string, string>) => {
    const element = document.createElement('html');
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    return element;
  };
  const light = { dark: false, moreContrast: false };
  const dark = { dark: true, moreContrast: false };

  it.each([
    [
      'GitHub light',
      html({ 'data-color-mode': 'light' }),
      dark,
      { scheme: 'light', contrast: 'normal' },
    ],
    [
      'GitHub dark',
      html({ 'data-color-mode': 'dark' }),
      light,
      { scheme: 'dark', contrast: 'normal' },
    ],
    [
      'GitHub auto, OS dark',
      html({ 'data-color-mode': 'auto' }),
      dark,
      { scheme: 'dark', contrast: 'normal' },
    ],
    [
      'GitHub auto, OS light',
      html({ 'data-color-mode': 'auto' }),
      light,
      { scheme: 'light', contrast: 'normal' },
    ],
    [
      'GitHub dark high contrast',
      html({ 'data-color-mode': 'dark', 'data-dark-theme': 'dark_high_contrast' }),
      light,
      { scheme: 'dark', contrast: 'more' },
    ],
    [
      'GitHub auto uses the light theme in light',
      html({
        'data-color-mode': 'auto',
        'data-light-theme': 'light_high_contrast',
        'data-dark-theme': 'dark',
      }),
      light,
      { scheme: 'light', contrast: 'more' },
    ],
    [
      'LinkedIn dark',
      html({ class: 'theme theme--dark' }),
      light,
      { scheme: 'dark', contrast: 'normal' },
    ],
    [
      'LinkedIn light',
      html({ class: 'theme theme--light' }),
      dark,
      { scheme: 'light', contrast: 'normal' },
    ],
    ['unknown page follows the OS', html({}), dark, { scheme: 'dark', contrast: 'normal' }],
    [
      'no page (popup)',
      null,
      { dark: false, moreContrast: true },
      { scheme: 'light', contrast: 'more' },
    ],
  ])('%s', (_label, root, media, expected) => {
    expect(pageTheme(root, media)).toEqual(expected);
  });
});

describe('search', () => {
  it('folds case and accents, including the dotless ı', () => {
    expect(fold('Deniz Altınbüken')).toBe('deniz altinbuken');
    expect(fold('ØRJAN Straße')).toBe('orjan strasse');
  });
  it.each([
    ['Deniz Altınbüken Google @denizalti', 'altinbuken', true],
    ['Deniz Altınbüken Google @denizalti', 'deniz google', true],
    ['Deniz Altınbüken Google @denizalti', 'google tikv', false],
    ['Tyler Neely @spacejam', '', true],
    ['Tyler Neely @spacejam', 'SPACE', true],
  ])('%s ~ %j → %s', (haystack, query, expected) => {
    expect(matchesQuery(haystack, query)).toBe(expected);
  });
});

describe('badgeFor', () => {
  it('shows initials and the name, or nothing', () => {
    const deniz = bundledProfiles.find((profile) => profile.id === 'deniz-altinbuken');
    expect(badgeFor(deniz)).toEqual({ text: 'DA', title: 'Profile Card: Deniz Altınbüken' });
    expect(badgeFor(undefined)).toEqual(noBadge());
  });
});
