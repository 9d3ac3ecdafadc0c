import { createMessageHandler, type HandlerDeps } from '../../messaging/handler';
import type { CardState } from '../../messaging/messages';
import { bundledProfiles } from '../../people/bundled';
import { buildDirectory } from '../../people/directory';
import type { Profile } from '../../people/schema';
import { DEFAULT_SETTINGS } from '../../settings/defaults';

function setup(overrides: Partial<HandlerDeps> = {}) {
  const states: Record<string, CardState> = {};
  const injected: [number, number][] = [];
  const directory = buildDirectory({ bundled: bundledProfiles });
  const handle = createMessageHandler({
    extensionId: 'ours',
    pageOrigin: 'chrome-extension://ours/',
    people: {
      lookup: async (key) => directory.lookup(key),
      byId: async (id) => directory.byId(id),
      known: async (id) => directory.byId(id) !== undefined,
      list: async () => [...directory.profiles],
    },
    settings: async () => DEFAULT_SETTINGS,
    cardState: async (id) => states[id],
    setCardState: async (id, state) => {
      states[id] = state;
    },
    injectUi: async (tabId, frameId) => {
      injected.push([tabId, frameId]);
    },
    ...overrides,
  });
  return { handle, states, injected };
}

const fromPage = { id: 'ours', url: 'https://github.com/spacejam', tab: { id: 7 }, frameId: 0 };
const fromPopup = { id: 'ours', url: 'chrome-extension://ours/popup.html' };

describe('message handler', () => {
  it('answers a lookup with the profile, the site settings and the session state', async () => {
    const { handle, states } = setup();
    states['tyler-neely'] = 'collapsed';
    const answer = await handle({ type: 'lookup', key: 'github:spacejam' }, fromPage);
    expect(answer).toMatchObject({
      profile: { id: 'tyler-neely' },
      site: 'github',
      settings: { inPage: true, hovercards: true, notes: true },
      state: 'collapsed',
    });
    expect(await handle({ type: 'lookup', key: 'linkedin:nobody-here' }, fromPage)).toBeNull();
  });

  it('ignores other extensions and refuses malformed messages', async () => {
    const { handle } = setup();
    expect(
      await handle({ type: 'lookup', key: 'github:spacejam' }, { ...fromPage, id: 'theirs' }),
    ).toBeUndefined();
    await expect(handle({ type: 'lookup', key: 'gitlab:x' }, fromPage)).rejects.toThrow(
      /malformed/,
    );
    await expect(
      handle({ type: 'lookup', key: 'github:spacejam', extra: 1 }, fromPage),
    ).rejects.toThrow(/malformed/);
    await expect(handle({ type: 'format-disk' }, fromPage)).rejects.toThrow(/malformed/);
    await expect(handle('lookup', fromPage)).rejects.toThrow(/malformed/);
  });

  it('injects the UI only into GitHub and LinkedIn frames of a tab', async () => {
    const { handle, injected } = setup();
    expect(await handle({ type: 'mount-ui' }, { ...fromPage, frameId: 3 })).toBe(true);
    expect(await handle({ type: 'mount-ui' }, { ...fromPage, url: 'https://evil.example/' })).toBe(
      false,
    );
    expect(
      await handle({ type: 'mount-ui' }, { ...fromPage, url: 'https://github.com.evil.example/' }),
    ).toBe(false);
    expect(await handle({ type: 'mount-ui' }, { id: 'ours', url: 'https://github.com/x' })).toBe(
      false,
    );
    expect(injected).toEqual([[7, 3]]);
  });

  it('remembers card states, and lists everyone to its own pages', async () => {
    const { handle, states } = setup();
    await handle({ type: 'card-state', profileId: 'patmesh', state: 'dismissed' }, fromPage);
    expect(states).toEqual({ patmesh: 'dismissed' });
    const list = (await handle({ type: 'list' }, fromPopup)) as {
      id: string;
      handles: string[];
    }[];
    expect(list.map((entry) => entry.id)).toEqual(['deniz-altinbuken', 'patmesh', 'tyler-neely']);
    expect(list[1]?.handles).toEqual(['@PATMESH', 'in/patmesh-s']);
    expect(await handle({ type: 'profile', id: 'patmesh' }, fromPopup)).toMatchObject({
      name: 'Patmesh S',
    });
    expect(await handle({ type: 'profile', id: 'nobody' }, fromPopup)).toBeNull();
  });

  it('least privilege (issue 21): a content script gets one identity at a time, never the list, a profile by id, or a write', async () => {
    const { handle } = setup();
    for (const message of [
      { type: 'list' },
      { type: 'profile', id: 'patmesh' },
      { type: 'directories' },
      { type: 'directory-subscribe', url: 'https://evil.example/people.json', name: 'x' },
      { type: 'sync', action: 'erase' },
    ]) {
      await expect(handle(message, fromPage), message.type).rejects.toThrow(
        /refused "[a-z-]+" from outside its own pages/,
      );
      // Not from a page of another extension either, nor with no URL.
      await expect(
        handle(message, { ...fromPage, url: 'chrome-extension://theirs/popup.html' }),
      ).rejects.toThrow(/refused/);
      await expect(handle(message, { id: 'ours' })).rejects.toThrow(/refused/);
    }
    // Positive control: the same questions from the popup are answered.
    expect(await handle({ type: 'list' }, fromPopup)).toHaveLength(3);
    expect(await handle({ type: 'profile', id: 'patmesh' }, fromPopup)).toMatchObject({
      id: 'patmesh',
    });
    // What a content script needs still works.
    expect(await handle({ type: 'lookup', key: 'github:spacejam' }, fromPage)).toMatchObject({
      profile: { id: 'tyler-neely' },
    });
  });

  it('card-state only for someone a lookup could answer: no key per made-up id', async () => {
    const directoryPerson = { ...(bundledProfiles[0] as Profile), id: 'from-a-directory' };
    const { handle, states } = setup({
      people: {
        lookup: async (key) => (key === 'github:dir-person' ? directoryPerson : undefined),
        byId: async (id) => bundledProfiles.find((profile) => profile.id === id),
        known: async (id) =>
          id === 'from-a-directory' || bundledProfiles.some((profile) => profile.id === id),
        list: async () => [...bundledProfiles],
      },
    });
    for (let i = 0; i < 50; i++) {
      await expect(
        handle({ type: 'card-state', profileId: `made-up-${i}`, state: 'collapsed' }, fromPage),
      ).rejects.toThrow(/nobody it knows/);
    }
    expect(states).toEqual({});
    // Positive controls: a bundled person, and a directory's person with no lookup
    // asked of this handler (a worker that just woke: tests/unit/directories.test.ts
    // checks the store's side of `known`).
    await handle({ type: 'card-state', profileId: 'patmesh', state: 'collapsed' }, fromPage);
    await handle(
      { type: 'card-state', profileId: 'from-a-directory', state: 'dismissed' },
      fromPage,
    );
    expect(states).toEqual({ patmesh: 'collapsed', 'from-a-directory': 'dismissed' });
  });

  it('injects the UI with the answer to a lookup of a known person, once per document', async () => {
    const { handle, injected } = setup();
    // Unknown person: no UI, whatever the frame asked.
    expect(await handle({ type: 'lookup', key: 'github:nobody', ui: true }, fromPage)).toBeNull();
    expect(injected).toEqual([]);
    // A frame that already has the UI says so: nothing to inject.
    await handle({ type: 'lookup', key: 'github:spacejam', ui: false }, fromPage);
    expect(injected).toEqual([]);
    // Two lookups at once from a frame without it: one injection, both answered.
    const answers = await Promise.all([
      handle({ type: 'lookup', key: 'github:spacejam', ui: true }, fromPage),
      handle({ type: 'lookup', key: 'github:denizalti', ui: true }, fromPage),
    ]);
    expect(answers.map((answer) => (answer as { profile: { id: string } }).profile.id)).toEqual([
      'tyler-neely',
      'deniz-altinbuken',
    ]);
    expect(injected).toEqual([[7, 0]]);
    // Never into a page that is not GitHub or LinkedIn.
    await handle(
      { type: 'lookup', key: 'github:spacejam', ui: true },
      { ...fromPage, url: 'https://evil.example/', frameId: 2 },
    );
    expect(injected).toEqual([[7, 0]]);
  });

  it('still answers a lookup when the injection fails', async () => {
    const { handle } = setup({
      injectUi: async () => {
        throw new Error('Cannot access contents of the page');
      },
    });
    expect(
      await handle({ type: 'lookup', key: 'github:spacejam', ui: true }, fromPage),
    ).toMatchObject({ profile: { id: 'tyler-neely' } });
    expect(await handle({ type: 'mount-ui' }, fromPage)).toBe(false);
  });
});
