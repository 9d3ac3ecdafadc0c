/**
 * The card follows the page's theme live, and renders again only when the
 * theme it wears actually changes (issue 17.12: a page toggling classes on
 * <html> 850 times a second cost 339 ms of script in 3 s), including the
 * system's forced colours.
 */
import { watchTheme } from '../../entrypoints/card-ui/theme-watch';

/** matchMedia with switchable answers. */
function fakeMedia(initial: Record<string, boolean> = {}) {
  const lists = new Map<string, { matches: boolean; listeners: Set<() => void> }>();
  const list = (query: string) => {
    let entry = lists.get(query);
    if (!entry) {
      entry = { matches: initial[query] ?? false, listeners: new Set() };
      lists.set(query, entry);
    }
    return entry;
  };
  return {
    matchMedia(query: string) {
      const entry = list(query);
      return {
        get matches() {
          return entry.matches;
        },
        addEventListener: (_type: string, listener: () => void) => entry.listeners.add(listener),
        removeEventListener: (_type: string, listener: () => void) =>
          entry.listeners.delete(listener),
      } as unknown as MediaQueryList;
    },
    set(query: string, matches: boolean) {
      const entry = list(query);
      entry.matches = matches;
      for (const listener of entry.listeners) listener();
    },
    listeners: () => [...lists.values()].reduce((sum, entry) => sum + entry.listeners.size, 0),
  };
}

const flush = () => new Promise((done) => setTimeout(done, 0));

describe('watchTheme', () => {
  let root: HTMLElement;
  beforeEach(() => {
    root = document.createElement('html');
    root.setAttribute('data-color-mode', 'light');
    root.setAttribute('data-light-theme', 'light');
    root.setAttribute('data-dark-theme', 'dark');
  });

  it('ignores class churn on <html> that leaves the theme as it was', async () => {
    const media = fakeMedia();
    const calls: unknown[] = [];
    const stop = watchTheme({ root, matchMedia: media.matchMedia }, (theme) => calls.push(theme));
    for (let i = 0; i < 100; i++) {
      root.classList.toggle('is-scrolling');
      await flush();
    }
    expect(calls).toEqual([]);
    // Positive control: a real theme change is reported, once.
    root.setAttribute('data-color-mode', 'dark');
    await flush();
    expect(calls).toEqual([{ scheme: 'dark', contrast: 'normal' }]);
    stop();
  });

  it('follows forced colours (Windows high contrast) live', () => {
    const media = fakeMedia();
    const calls: unknown[] = [];
    const stop = watchTheme({ root, matchMedia: media.matchMedia }, (theme) => calls.push(theme));
    media.set('(forced-colors: active)', true);
    expect(calls).toEqual([{ scheme: 'light', contrast: 'more' }]);
    media.set('(forced-colors: active)', false);
    expect(calls).toEqual([
      { scheme: 'light', contrast: 'more' },
      { scheme: 'light', contrast: 'normal' },
    ]);
    stop();
    expect(media.listeners()).toBe(0);
  });

  it('follows the system scheme under GitHub "auto"', () => {
    root.setAttribute('data-color-mode', 'auto');
    const media = fakeMedia();
    const calls: unknown[] = [];
    const stop = watchTheme({ root, matchMedia: media.matchMedia }, (theme) => calls.push(theme));
    media.set('(prefers-color-scheme: dark)', true);
    media.set('(prefers-color-scheme: dark)', true);
    expect(calls).toEqual([{ scheme: 'dark', contrast: 'normal' }]);
    stop();
  });
});
