/**
 * Settings and card states one key per value: reads validate each value and
 * fall back per field (to 0.1.0's `settings` object, then the defaults);
 * two writes at the same moment to different fields or people both stay.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS } from '../../settings/defaults';
import {
  readCardState,
  readSettings,
  saveSetting,
  settingsFrom,
  writeCardState,
} from '../../settings/items';

beforeEach(() => fakeBrowser.reset());

describe('settingsFrom', () => {
  it.each([
    ['nothing stored', {}, DEFAULT_SETTINGS, undefined],
    [
      "0.1.0's object",
      { settings: { ...DEFAULT_SETTINGS, hoverDelayMs: 900 } },
      { ...DEFAULT_SETTINGS, hoverDelayMs: 900 },
      undefined,
    ],
    [
      'a field over the old object',
      {
        settings: { ...DEFAULT_SETTINGS, hoverDelayMs: 900 },
        'setting.hoverDelayMs': 100,
        'setting.linkedin.inPage': false,
      },
      {
        sites: {
          ...DEFAULT_SETTINGS.sites,
          linkedin: { inPage: false, hovercards: true, notes: true },
        },
        hoverDelayMs: 100,
      },
      undefined,
    ],
    [
      'a corrupted field',
      { 'setting.hoverDelayMs': 2 ** 53, 'setting.github.hovercards': 'yes' },
      DEFAULT_SETTINGS,
      'Some stored settings are unreadable (setting.hoverDelayMs, setting.github.hovercards); using defaults for them until you change them.',
    ],
    [
      'a corrupted old object',
      { settings: 'garbage{' },
      DEFAULT_SETTINGS,
      'Some stored settings are unreadable (settings); using defaults for them until you change them.',
    ],
  ])('%s', (_label, stored, value, problem) => {
    expect(settingsFrom(stored)).toEqual(problem ? { value, problem } : { value });
  });
});

describe('writes', () => {
  it('keep both of two settings saved at the same moment', async () => {
    await Promise.all([
      saveSetting({ site: 'github', key: 'inPage', value: false }),
      saveSetting({ site: 'linkedin', key: 'hovercards', value: false }),
    ]);
    const { value } = await readSettings();
    expect(value.sites.github.inPage).toBe(false);
    expect(value.sites.linkedin.hovercards).toBe(false);
    await expect(saveSetting({ key: 'hoverDelayMs', value: -1 })).rejects.toThrow(/out of range/);
  });

  it('keep both of two card states set at the same moment', async () => {
    await Promise.all([writeCardState('a', 'collapsed'), writeCardState('b', 'dismissed')]);
    expect([await readCardState('a'), await readCardState('b')]).toEqual([
      'collapsed',
      'dismissed',
    ]);
    await fakeBrowser.storage.session.set({ 'cardState:c': 'exploded' });
    expect(await readCardState('c')).toBeUndefined();
  });
});
