/**
 * The background tells the open GitHub and LinkedIn tabs only about changes
 * a page can see (entrypoints/background/stored-changes.ts): a setting or the
 * people. The install's own bookkeeping, written while the user's first page
 * may be waiting on a hover, and sync's own keys, tell no tab. The positive
 * control: every key the settings are read from, and the people's version,
 * do.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { forwardStoredChanges, reachesPages } from '../../entrypoints/background/stored-changes';
import { SETTINGS_READ_KEYS } from '../../settings/items';
import { LAST_VERSION_SEEN_KEY } from '../../settings/whats-new';
import { PEOPLE_VERSION_KEY } from '../../store/change-feed';
import { DEVICE_KEY } from '../../sync/engine';
import { SYNC_ON_KEY } from '../../sync/keys';

const UNSEEN = [LAST_VERSION_SEEN_KEY, DEVICE_KEY, SYNC_ON_KEY];
const SEEN = [...SETTINGS_READ_KEYS, PEOPLE_VERSION_KEY];

beforeEach(() => fakeBrowser.reset());

it('knows which keys pages see', () => {
  for (const key of SEEN) expect(reachesPages([key]), key).toBe(true);
  for (const key of UNSEEN) expect(reachesPages([key]), key).toBe(false);
  expect(reachesPages([...UNSEEN, PEOPLE_VERSION_KEY])).toBe(true);
  expect(reachesPages([])).toBe(false);
});

it('asks for the tabs only when a change reaches them', async () => {
  const query = vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async () => []);
  forwardStoredChanges();
  const told = async (key: string) => {
    query.mockClear();
    await fakeBrowser.storage.local.set({ [key]: 'x' });
    await new Promise((done) => setTimeout(done, 0));
    return query.mock.calls.length > 0;
  };
  for (const key of UNSEEN) expect(await told(key), key).toBe(false);
  for (const key of SEEN) expect(await told(key), key).toBe(true);
  // Session storage holds card states the pages wrote themselves.
  query.mockClear();
  await fakeBrowser.storage.session.set({ [PEOPLE_VERSION_KEY]: 'x' });
  expect(query).not.toHaveBeenCalled();
});
