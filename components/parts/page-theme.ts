/**
 * Which colours the card should wear, read from the page it sits on so it
 * matches what the user chose there:
 * - GitHub: `<html data-color-mode="light|dark|auto" data-light-theme data-dark-theme>`
 *   (`auto` follows the OS; `*_high_contrast` themes ask for more contrast)
 * - LinkedIn: `theme--dark` / `theme--light` classes on `<html>`
 * - anything else, and the popup: `prefers-color-scheme` / `prefers-contrast`.
 */
export interface Theme {
  scheme: 'light' | 'dark';
  contrast: 'normal' | 'more';
}

/** Media queries as booleans, so the function stays pure and testable. */
export interface MediaPreferences {
  dark: boolean;
  moreContrast: boolean;
}

export function readMediaPreferences(view: Pick<Window, 'matchMedia'>): MediaPreferences {
  return {
    dark: view.matchMedia('(prefers-color-scheme: dark)').matches,
    moreContrast:
      view.matchMedia('(prefers-contrast: more)').matches ||
      view.matchMedia('(forced-colors: active)').matches,
  };
}

export function pageTheme(root: Element | null, media: MediaPreferences): Theme {
  let scheme: Theme['scheme'] = media.dark ? 'dark' : 'light';
  let contrast: Theme['contrast'] = media.moreContrast ? 'more' : 'normal';
  if (!root) return { scheme, contrast };

  const mode = root.getAttribute('data-color-mode');
  if (mode === 'light' || mode === 'dark' || mode === 'auto') {
    if (mode !== 'auto') scheme = mode;
    const theme = root.getAttribute(scheme === 'dark' ? 'data-dark-theme' : 'data-light-theme');
    if (theme?.includes('high_contrast')) contrast = 'more';
    return { scheme, contrast };
  }
  if (root.classList.contains('theme--dark')) scheme = 'dark';
  else if (root.classList.contains('theme--light')) scheme = 'light';
  return { scheme, contrast };
}
