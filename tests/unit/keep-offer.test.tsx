/**
 * What the popup offers for the tab it was opened on (components/popup/KeepPerson.tsx
 * KeepOffer), with the tab reading and the lookups faked: keep someone new,
 * update someone the user keeps (found by an identity the page names), never
 * "update" a bundled person, and say in words why there is nothing to keep.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import type { PageReading, PersonReading } from '../../capture/reading';
import {
  type KeepApi,
  KeepOffer,
  type KeepTask,
  type TabReading,
} from '../../components/popup/KeepPerson';
import type { IdentityKey } from '../../identity/keys';
import { bundledProfiles } from '../../people/bundled';
import type { Profile } from '../../people/schema';
import { person } from './fixtures';

const reading = (over: Partial<PersonReading> = {}): PageReading => ({
  ok: true,
  person: {
    page: 'personal-site',
    url: 'https://ada.example/',
    name: { value: 'Ada Lovelace', source: 'h-card' },
    identities: [],
    links: [],
    projects: [],
    ...over,
  },
});

function fakeApi(tab: TabReading, known: Record<string, Profile> = {}): KeepApi {
  return {
    readTab: async () => tab,
    lookup: async (key) => known[key] ?? null,
    snapshot: async () => ({ rev: 0, people: [], damaged: [], hidden: [] }),
    bundled: bundledProfiles,
    add: async () => {
      throw new Error('not in this test');
    },
    update: async () => {
      throw new Error('not in this test');
    },
  };
}

async function offer(api: KeepApi): Promise<{ text: string; opened: KeepTask[] }> {
  const root = document.createElement('div');
  const opened: KeepTask[] = [];
  await act(async () => {
    render(<KeepOffer api={api} onOpen={(task) => opened.push(task)} />, root);
  });
  // Let the reading and lookups settle.
  for (let i = 0; i < 5; i++) await act(async () => undefined);
  root.querySelector('button')?.click();
  return { text: root.textContent ?? '', opened };
}

describe('KeepOffer', () => {
  it('offers to keep someone nobody keeps', async () => {
    const { text, opened } = await offer(fakeApi({ kind: 'read', reading: reading() }));
    expect(text).toBe('Keep Ada Lovelace');
    expect(opened.map((task) => [task.kind, task.capture.draft.name])).toEqual([
      ['add', 'Ada Lovelace'],
    ]);
  });

  it('offers to update someone the user keeps under an identity the page names', async () => {
    const kept = person('ada-l', { name: 'Ada L.', identities: { github: ['ada'], linkedin: [] } });
    const api = fakeApi(
      {
        kind: 'read',
        reading: reading({ identities: [{ site: 'github', handle: 'ada', source: 'rel-me' }] }),
      },
      { 'github:ada': kept },
    );
    const { text, opened } = await offer(api);
    expect(text).toBe('Update Ada L. from page');
    expect(opened[0]).toMatchObject({ kind: 'update', person: kept });
  });

  it('never offers to update a bundled person: the claim goes to the checked form', async () => {
    const tyler = bundledProfiles.find((profile) => profile.id === 'tyler-neely') as Profile;
    const api = fakeApi(
      {
        kind: 'read',
        reading: reading({
          identities: [{ site: 'github', handle: 'spacejam', source: 'rel-me' }],
        }),
      },
      { 'github:spacejam': tyler },
    );
    expect((await offer(api)).text).toBe('Keep Ada Lovelace');
  });

  it('says nothing when the popup is open in a tab of its own', async () => {
    expect(await offer(fakeApi({ kind: 'own-page' }))).toEqual({ text: '', opened: [] });
  });

  it.each<[string, TabReading, string]>([
    [
      'a closed tab',
      { kind: 'closed', message: 'Profile Card can’t read this tab.' },
      'Profile Card can’t read this tab.',
    ],
    [
      'an organisation',
      { kind: 'read', reading: { ok: false, reason: 'organisation', message: 'An organisation.' } },
      'An organisation.',
    ],
  ])('says why there is nothing to keep: %s', async (_what, tab, message) => {
    const { text, opened } = await offer(fakeApi(tab));
    expect(text).toBe(message);
    expect(opened).toEqual([]);
  });

  it.each<[string, TabReading, string, object]>([
    [
      'a page without a name',
      { kind: 'read', reading: reading({ name: undefined }) },
      'This page does not say the person’s name.Add this person by hand, with this page as their website',
      { name: '', contact: { website: 'https://ada.example/' } },
    ],
    [
      'a page that names no one',
      {
        kind: 'read',
        reading: {
          ok: false,
          reason: 'no-person',
          message: 'No one here.',
          byHand: { website: 'https://ada.example/about' },
        },
      },
      'No one here.Add this person by hand, with this page as their website',
      { name: '', contact: { website: 'https://ada.example/about' } },
    ],
    [
      'a post by someone',
      {
        kind: 'read',
        reading: {
          ok: false,
          reason: 'article',
          message: 'A post by Kai Berg.',
          byHand: { name: 'Kai Berg' },
        },
      },
      'A post by Kai Berg.Add Kai Berg by hand',
      { name: 'Kai Berg', contact: {} },
    ],
  ])('offers to add someone by hand, in one click: %s', async (_what, tab, message, draft) => {
    const { text, opened } = await offer(fakeApi(tab));
    expect(text).toBe(message);
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ kind: 'add', byHand: true, capture: { draft } });
  });

  it('names a look-alike before Keep, and offers to update them or keep a separate person', async () => {
    const kept = person('tyler-n', {
      name: 'Tyler Neely',
      identities: { github: ['tneely'], linkedin: [] },
    });
    const api = {
      ...fakeApi({
        kind: 'read',
        reading: reading({ name: { value: 'Tylеr Ne\u200Bely', source: 'h1' } }),
      }),
      snapshot: async () => ({
        rev: 1,
        people: [{ id: kept.id, rev: 1, profile: kept, keys: ['github:tneely' as IdentityKey] }],
        damaged: [],
        hidden: [],
      }),
    } satisfies KeepApi;
    const root = document.createElement('div');
    const opened: KeepTask[] = [];
    await act(async () => {
      render(<KeepOffer api={api} onOpen={(task) => opened.push(task)} />, root);
    });
    for (let i = 0; i < 5; i++) await act(async () => undefined);
    expect(root.textContent).toBe(
      '“Tylеr Neely” on this page looks like Tyler Neely, who is already in your people.' +
        ' The two are written with different characters.' +
        'Update Tyler Neely from pageKeep as a separate person',
    );
    const [update, separate] = root.querySelectorAll('button');
    update?.click();
    separate?.click();
    expect(opened.map((task) => task.kind)).toEqual(['update', 'add']);
    expect(opened[0]).toMatchObject({ person: kept });
    // The zero-width space never reaches the draft's name.
    expect(opened[1]?.capture.draft.name).toBe('Tylеr Neely');
  });

  it('names a look-alike GitHub account by its handle', async () => {
    const kept = person('tyler-n', {
      name: 'Tyler Neely',
      identities: { github: ['spacejam'], linkedin: [] },
    });
    const api = {
      ...fakeApi({
        kind: 'read',
        reading: reading({
          name: { value: 'Not Tyler', source: 'h1' },
          links: [{ url: 'https://github.com/sp%D0%B0cejam', source: 'page-link' }],
        }),
      }),
      snapshot: async () => ({
        rev: 1,
        people: [{ id: kept.id, rev: 1, profile: kept, keys: ['github:spacejam' as IdentityKey] }],
        damaged: [],
        hidden: [],
      }),
    } satisfies KeepApi;
    const { text } = await offer(api);
    expect(text).toContain(
      'The GitHub account “spаcejam” on this page looks like Tyler Neely’s, who is already in your people.',
    );
  });
});
