/**
 * The card's colours follow the page's theme live (components/parts/page-theme.ts
 * says how it is read): `<html>`'s theme attributes and the system's colour
 * scheme, contrast and forced-colours preferences.
 *
 * Pages toggle classes on `<html>` all the time (scroll state, modals; one
 * measured 850 mutations a second), so the callback runs only when the
 * theme the card wears actually changes, never per mutation.
 */
import { pageTheme, readMediaPreferences, type Theme } from '../../components/parts/page-theme';

export interface ThemeSources {
  root: Element;
  matchMedia(query: string): MediaQueryList;
}

/** Every media query `readMediaPreferences` reads, so each is followed live. */
const QUERIES = [
  '(prefers-color-scheme: dark)',
  '(prefers-contrast: more)',
  '(forced-colors: active)',
];

export function currentTheme(sources: ThemeSources): Theme {
  return pageTheme(sources.root, readMediaPreferences(sources));
}

export function watchTheme(sources: ThemeSources, onTheme: (theme: Theme) => void): () => void {
  let last = currentTheme(sources);
  const check = () => {
    const theme = currentTheme(sources);
    if (theme.scheme === last.scheme && theme.contrast === last.contrast) return;
    last = theme;
    onTheme(theme);
  };
  const observer = new MutationObserver(check);
  observer.observe(sources.root, {
    attributes: true,
    attributeFilter: ['class', 'data-color-mode', 'data-light-theme', 'data-dark-theme'],
  });
  const queries = QUERIES.map((query) => sources.matchMedia(query));
  for (const query of queries) query.addEventListener('change', check);
  return () => {
    observer.disconnect();
    for (const query of queries) query.removeEventListener('change', check);
  };
}
