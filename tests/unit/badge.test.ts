/**
 * The toolbar badge (issue 17, bug 5): it follows the people store's change
 * feed, so a hide, delete or import re-badges open tabs; the first pass over
 * all tabs runs when the browser starts or the extension is installed, not
 * each time the service worker wakes; and a failing lookup is caught.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startBadges } from '../../entrypoints/background/badge';
import { bundledProfiles } from '../../people/bundled';
import { announcePeopleChange } from '../../store/change-feed';

const tyler = bundledProfiles.find((profile) => profile.id === 'tyler-neely');

function setup(lookup: () => Promise<typeof tyler>) {
  const texts: [number, string][] = [];
  vi.spyOn(fakeBrowser.action, 'setBadgeText').mockImplementation(async (details) => {
    texts.push([details.tabId as number, details.text as string]);
  });
  vi.spyOn(fakeBrowser.action, 'setTitle').mockResolvedValue(undefined);
  vi.spyOn(fakeBrowser.action, 'setBadgeBackgroundColor').mockResolvedValue(undefined);
  const tabs = [{ id: 4, url: 'https://github.com/spacejam' }];
  const query = vi
    .spyOn(fakeBrowser.tabs, 'query')
    .mockImplementation((async () => tabs) as unknown as typeof fakeBrowser.tabs.query);
  startBadges(lookup);
  return { texts, query };
}
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('badges', () => {
  it('pass over all tabs on startup and install only, then on every change of the people', async () => {
    let answer = tyler;
    const { texts, query } = setup(async () => answer);
    await settle();
    expect(query).not.toHaveBeenCalled(); // a waking service worker does nothing
    await fakeBrowser.runtime.onStartup.trigger();
    await settle();
    expect(texts).toEqual([[4, 'TN']]);
    answer = undefined; // Tyler was hidden in the options page
    await announcePeopleChange();
    await settle();
    expect(texts).toEqual([
      [4, 'TN'],
      [4, ''],
    ]);
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update' } as never);
    await settle();
    expect(query).toHaveBeenCalledTimes(3);
  });

  it('catch a failing lookup', async () => {
    const { texts } = setup(async () => {
      throw new Error('the store could not be read');
    });
    await fakeBrowser.runtime.onStartup.trigger();
    await settle();
    expect(texts).toEqual([]);
  });
});
