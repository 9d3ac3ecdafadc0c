/**
 * Team directories (directories/): the address check, the one fetch (with
 * `fetch` stubbed: 200, 304, redirects, sign-in, size caps as declared and
 * as streamed, a server that never answers), reading files with the
 * importers, and subscribe / refresh / unsubscribe against a real IndexedDB
 * implementation — lookups answer from the last good copy while a refresh
 * writes, directory people lose to the user's own and are listed when they
 * clash, a broken file keeps the copy and says why, and unsubscribing
 * removes the people and gives the permission back. The same through the
 * real browser: tests/browser/directories.test.ts.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type Fetched, fetchDirectory, readCapped } from '../../directories/fetch';
import { readDirectory } from '../../directories/read';
import { createDirectories, type DirectoryDeps, isDue } from '../../directories/refresh';
import { checkDirectoryUrl } from '../../directories/url';
import { toJsonResume } from '../../formats/json-resume';
import { toVCard } from '../../formats/vcard';
import { createMessageHandler } from '../../messaging/handler';
import type { Profile } from '../../people/schema';
import { DEFAULT_SETTINGS } from '../../settings/defaults';
import { addBooks } from '../../store/carddav';
import { currentPeople } from '../../store/current-directory';
import { closePeopleDb, openPeopleDb } from '../../store/db';
import { addPerson, directoryClashes, lookupKey } from '../../store/store';
import { person } from './fixtures';

const bytes = (text: string) => new TextEncoder().encode(text);
const exportOf = (people: Profile[]) => bytes(JSON.stringify({ version: 1, profiles: people }));

beforeEach(async () => {
  await closePeopleDb();
  globalThis.indexedDB = new IDBFactory();
  fakeBrowser.reset();
});
afterEach(() => vi.unstubAllGlobals());

describe('the address', () => {
  it.each([
    ['https://intranet.example/team.json', { ok: true, pattern: 'https://intranet.example/*' }],
    [
      ' https://example.com:8443/a/b.vcf#top ',
      { ok: true, url: 'https://example.com:8443/a/b.vcf', pattern: 'https://example.com/*' },
    ],
    [
      'https://github.com/team/people/raw/main/people.json',
      { ok: true, alwaysGranted: true, pattern: 'https://github.com/*' },
    ],
    ['http://intranet.example/team.json', { ok: false, error: /https:\/\// }],
    // Loopback hosts are secure contexts: a team tries its directory on a laptop first.
    [
      'http://localhost:8080/team.json',
      { ok: true, origin: 'http://localhost:8080', pattern: 'http://localhost/*' },
    ],
    ['http://127.0.0.1/team.json', { ok: true, pattern: 'http://127.0.0.1/*' }],
    ['http://localhost.example/team.json', { ok: false, error: /https:\/\// }],
    ['http://10.0.0.1/team.json', { ok: false, error: /https:\/\// }],
    ['https://me:secret@intranet.example/team.json', { ok: false, error: /password/ }],
    ['javascript:alert(1)', { ok: false, error: /http\(s\) URL/ }],
    ['https://evil.example\\@good.example/x', { ok: false, error: /backslash/ }],
    ['', { ok: false, error: /Give the address/ }],
  ])('%s', (input, expected) => {
    const { error, ...rest } = expected as { error?: RegExp };
    const checked = checkDirectoryUrl(input);
    expect(checked).toMatchObject(rest);
    if (error) expect(!checked.ok && checked.error).toMatch(error);
  });
});

describe('the one fetch', () => {
  const answer = (response: Response) => vi.fn(async () => response);

  it('asks without credentials, cache or referrer, follows no redirect, and sends the ETag back', async () => {
    const fetch = answer(new Response('[]', { headers: { ETag: '"v1"' } }));
    vi.stubGlobal('fetch', fetch);
    expect(await fetchDirectory('https://d.example/x.json', { etag: '"v0"' })).toMatchObject({
      kind: 'new',
      etag: '"v1"',
    });
    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://d.example/x.json');
    expect(init).toMatchObject({
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'manual',
      referrerPolicy: 'no-referrer',
    });
    expect((init.headers as Record<string, string>)['If-None-Match']).toBe('"v0"');
  });

  it.each([
    [new Response(null, { status: 304 }), { kind: 'same' }],
    [new Response(null, { status: 302, headers: { Location: '/x' } }), /redirect/],
    [new Response('no', { status: 401 }), /sign-in.*no cookies/],
    [new Response('gone', { status: 404, statusText: 'Not Found' }), /answered 404 Not Found/],
    [
      new Response('x', { headers: { 'Content-Length': String(65 * 1024 * 1024) } }),
      /larger than 64 MB/,
    ],
  ])('answer %#', async (response, expected) => {
    vi.stubGlobal('fetch', answer(response));
    const got = await fetchDirectory('https://d.example/x.json', { etag: '"v0"' });
    if (expected instanceof RegExp) expect(got.kind === 'failed' && got.message).toMatch(expected);
    else expect(got).toEqual(expected);
  });

  it('stops reading a body that streams past the cap', async () => {
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1;
        controller.enqueue(new Uint8Array(1000));
      },
    });
    expect(await readCapped(endless, 5000)).toBe('too-big');
    expect(sent).toBeLessThan(10);
    const small = new Response('hello').body;
    expect(new TextDecoder().decode((await readCapped(small, 5000)) as Uint8Array)).toBe('hello');
  });

  it('gives up on a server that never answers, and says so', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        (_url: string, init: RequestInit) =>
          new Promise((_resolve, reject) =>
            init.signal?.addEventListener('abort', () => reject(init.signal?.reason)),
          ),
      ),
    );
    const got = await fetchDirectory('https://slow.example/x.json', { timeoutMs: 5 });
    expect(got).toEqual({
      kind: 'failed',
      message: 'No complete answer from https://slow.example within 0.005 seconds.',
    });
  });

  it('says when the host cannot be reached', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    );
    expect(await fetchDirectory('https://down.example/x.json')).toEqual({
      kind: 'failed',
      message: 'Could not reach https://down.example (Failed to fetch).',
      transient: true,
    });
  });
});

describe('reading a directory file with the importers', () => {
  const ada = person('ada', { name: 'Ada' });
  const bob = person('bob', { name: 'Bob' });

  it.each([
    ['our export', exportOf([ada, bob])],
    ['a list of profiles', bytes(JSON.stringify([ada, bob]))],
    ['a list of JSON Resumes', bytes(JSON.stringify([toJsonResume(ada), toJsonResume(bob)]))],
  ])('reads %s', async (_what, file) => {
    const read = await readDirectory('team', file);
    expect('people' in read && read.people.map((p) => p.name)).toEqual(['Ada', 'Bob']);
  });

  it('reads vCards, with ids made from the names', async () => {
    const read = await readDirectory('team', bytes(toVCard(ada) + toVCard(bob)));
    expect('people' in read && read.people.map((p) => p.id)).toEqual(['ada', 'bob']);
  });

  it('takes the valid people and names the others', async () => {
    const read = await readDirectory(
      'team',
      exportOf([ada, { ...bob, contact: { email: 'nope' } }, { ...ada, name: 'Twin' }]),
    );
    expect(read).toEqual({
      people: [ada],
      refused: {
        count: 2,
        first: [
          'profile 2 ("Bob"): Email is not an email',
          'profile 3 ("Twin"): id "ada" is already used by profile 1',
        ],
      },
    });
  });

  it.each([
    ['not JSON', bytes('{ "profiles": [ }'), /not valid JSON/],
    ['no people at all', bytes('[{}, {}]'), /holds no valid people; the first: profile 1/],
    ['an image', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]), /not a text file/],
    [
      'mostly not people',
      bytes(JSON.stringify([ada, ...Array.from({ length: 200 }, () => ({ name: 'x' }))])),
      /200 of 201 entries are not valid people/,
    ],
  ])('refuses %s as a whole', async (_what, file, error) => {
    const read = await readDirectory('team', file);
    expect('error' in read && read.error).toMatch(error);
  });

  it('pauses for other work while it reads a big file', async () => {
    const many = Array.from({ length: 2600 }, (_, i) => person(`p-${i}`));
    const pause = vi.fn(async () => undefined);
    const read = await readDirectory('team', exportOf(many), pause);
    expect('people' in read && read.people).toHaveLength(2600);
    expect(pause).toHaveBeenCalledTimes(5);
  });
});

describe('subscriptions', () => {
  const URL_ = 'https://directory.example/team.json';
  let served: {
    status: 'new' | 'same' | 'failed';
    file?: Uint8Array;
    etag?: string;
    message?: string;
  };
  let granted: Set<string>;
  let pause: () => Promise<void>;
  const deps = (): DirectoryDeps => ({
    download: vi.fn(async (_url: string, etag: string | undefined): Promise<Fetched> => {
      if (served.status === 'failed') return { kind: 'failed', message: served.message ?? 'down' };
      if (served.status === 'same' || (etag && etag === served.etag)) return { kind: 'same' };
      return {
        kind: 'new',
        bytes: served.file ?? new Uint8Array(),
        ...(served.etag && { etag: served.etag }),
      };
    }),
    allowed: async (pattern) => granted.has(pattern),
    release: vi.fn(async (pattern: string) => {
      granted.delete(pattern);
    }),
    now: () => 1_000_000,
    pause: () => pause(),
  });
  const team = [
    person('ada', { name: 'Ada Team', identities: { github: ['ada'], linkedin: [] } }),
    person('bob', { name: 'Bob Team', identities: { github: ['bob'], linkedin: [] } }),
  ];

  beforeEach(() => {
    served = { status: 'new', file: exportOf(team), etag: '"one"' };
    granted = new Set(['https://directory.example/*']);
    pause = async () => undefined;
  });

  it('subscribes, serves its people labelled, and refreshes with the ETag (304 keeps the copy)', async () => {
    const d = deps();
    const directories = createDirectories(d);
    const result = await directories.subscribe(URL_, 'Team');
    expect(result).toMatchObject({
      ok: true,
      directory: { name: 'Team', count: 2, etag: '"one"' },
    });
    expect(await lookupKey('github:bob')).toMatchObject({ name: 'Bob Team', directory: 'Team' });
    const id = result.ok ? result.directory.id : '';
    await directories.refresh(id);
    expect(d.download).toHaveBeenLastCalledWith(URL_, '"one"', expect.any(AbortSignal));
    expect((await lookupKey('github:bob'))?.name).toBe('Bob Team');
    expect(await directories.subscribe(URL_, 'Again')).toEqual({
      ok: false,
      error: 'You are already subscribed to that address.',
    });
  });

  it("a directory person's card still takes card-state and note-open after the worker restarted", async () => {
    const result = await createDirectories(deps()).subscribe(URL_, 'Team');
    const opened: string[] = [];
    const states: Record<string, string> = {};
    // A handler made now is a worker that woke up: it has answered no lookup yet,
    // while the page still shows the card it was given before.
    const woken = () =>
      createMessageHandler({
        extensionId: 'ours',
        pageOrigin: 'chrome-extension://ours/',
        people: currentPeople,
        settings: async () => DEFAULT_SETTINGS,
        cardState: async () => undefined,
        setCardState: async (id, state) => {
          states[id] = state;
        },
        injectUi: async () => undefined,
        notes: async (id) => {
          opened.push(id);
          return true;
        },
      });
    const page = { id: 'ours', url: 'https://github.com/bob', tab: { id: 1 }, frameId: 0 };
    const handle = woken();
    await handle({ type: 'card-state', profileId: 'bob', state: 'collapsed' }, page);
    expect(await handle({ type: 'note-open', id: 'bob' }, page)).toBe(true);
    expect(states).toEqual({ bob: 'collapsed' });
    expect(opened).toEqual(['bob']);
    // Nobody else: an id no one has, and the directory's people once it is gone.
    await expect(
      handle({ type: 'card-state', profileId: 'carol', state: 'collapsed' }, page),
    ).rejects.toThrow(/nobody it knows/);
    await createDirectories(deps()).unsubscribe(result.ok ? result.directory.id : '');
    await expect(woken()({ type: 'note-open', id: 'bob' }, page)).rejects.toThrow(
      /nobody it knows/,
    );
  });

  it('loses to your own people on a clash, and the clash is listed', async () => {
    await addPerson(
      person('mine', { name: 'My Ada', identities: { github: ['ada'], linkedin: [] } }),
    );
    await createDirectories(deps()).subscribe(URL_, 'Team');
    expect(await lookupKey('github:ada')).toMatchObject({ name: 'My Ada' });
    expect((await lookupKey('github:ada'))?.directory).toBeUndefined();
    const [mine] = (await (await openPeopleDb()).getAll('people')).map((r) => r.profile);
    expect(await directoryClashes([mine as Profile])).toEqual([
      {
        key: 'github:ada',
        shown: { id: 'mine', name: 'My Ada' },
        hidden: [{ id: 'ada', name: 'Ada Team', directory: 'Team', dir: expect.any(String) }],
      },
    ]);
  });

  it('answers from the last good copy while a refresh writes, then swaps at once', async () => {
    const directories = createDirectories(deps());
    const result = await directories.subscribe(URL_, 'Team');
    const id = result.ok ? result.directory.id : '';
    const bigger = [
      ...Array.from({ length: 4500 }, (_, i) => person(`n-${i}`)),
      person('bob', { name: 'Bob Renamed', identities: { github: ['bob'], linkedin: [] } }),
    ];
    served = { status: 'new', file: exportOf(bigger), etag: '"two"' };
    const seen: (string | undefined)[] = [];
    pause = async () => {
      seen.push((await lookupKey('github:bob'))?.name);
    };
    await directories.refresh(id);
    // Every lookup during the read and the batched writes saw the old copy…
    expect(seen.length).toBeGreaterThan(5);
    expect(new Set(seen)).toEqual(new Set(['Bob Team']));
    // …and the one after the swap the new one.
    expect((await lookupKey('github:bob'))?.name).toBe('Bob Renamed');
    expect(await (await openPeopleDb()).count('directoryPeople')).toBe(4501);
  });

  it('keeps the last good copy of a broken file, and says why', async () => {
    const directories = createDirectories(deps());
    const result = await directories.subscribe(URL_, 'Team');
    const id = result.ok ? result.directory.id : '';
    served = { status: 'new', file: bytes('{ broken'), etag: '"bad"' };
    expect(await directories.refresh(id)).toMatchObject({ count: 2, problem: /not valid JSON/ });
    served = { status: 'failed', message: 'https://directory.example answered 500.' };
    expect(await directories.refresh(id)).toMatchObject({ problem: /answered 500/ });
    expect((await lookupKey('github:bob'))?.name).toBe('Bob Team');
    granted.clear();
    expect(await directories.refresh(id)).toMatchObject({ problem: /may no longer read/ });
    expect((await lookupKey('github:bob'))?.name).toBe('Bob Team');
  });

  it('unsubscribes: the people go and the permission is given back', async () => {
    const d = deps();
    const directories = createDirectories(d);
    const result = await directories.subscribe(URL_, 'Team');
    const id = result.ok ? result.directory.id : '';
    expect(await directories.unsubscribe(id)).toBe(true);
    expect(await lookupKey('github:bob')).toBeUndefined();
    expect(await (await openPeopleDb()).count('directoryPeople')).toBe(0);
    expect(d.release).toHaveBeenCalledWith('https://directory.example/*');
  });

  it('keeps the permission of a host an address book on it still reads', async () => {
    const d = deps();
    const directories = createDirectories(d);
    const result = await directories.subscribe(URL_, 'Team');
    const id = result.ok ? result.directory.id : '';
    // An address book connected on the same host (store/carddav.ts records).
    await addBooks([
      {
        id: 'book-1',
        url: 'https://directory.example/dav/alice/contacts/',
        name: 'Phone',
        subscribedAt: 1,
        gen: 0,
        count: 0,
        carddav: {
          account: 'a',
          origin: 'https://directory.example',
          user: 'alice',
          password: 'pw',
          writable: true,
          writeBack: false,
        },
      },
    ]);
    expect(await directories.list()).toHaveLength(1);
    expect(await directories.unsubscribe(id)).toBe(true);
    expect(d.release).not.toHaveBeenCalled();
    // Control: with the book gone, the next unsubscription gives the host back.
    await (await openPeopleDb()).delete('directories', 'book-1');
    const again = await directories.subscribe(URL_, 'Team');
    expect(await directories.unsubscribe(again.ok ? again.directory.id : '')).toBe(true);
    expect(d.release).toHaveBeenCalledWith('https://directory.example/*');
  });

  it('gives the permission back when a subscription it was granted for is refused', async () => {
    // The options page asks for the host before the background checks the name; a name the
    // schema refuses used to leave the site readable with nothing subscribed to it.
    const d = deps();
    const refused = await createDirectories(d).subscribe(URL_, '<b>Team</b>');
    expect(refused).toMatchObject({ ok: false, error: /HTML markup/ });
    expect(d.release).toHaveBeenCalledWith('https://directory.example/*');
    expect(granted.has('https://directory.example/*')).toBe(false);
    // Positive control: a host another subscription still reads is kept.
    granted.add('https://directory.example/*');
    const kept = deps();
    const directories = createDirectories(kept);
    expect(await directories.subscribe(URL_, 'Team')).toMatchObject({ ok: true });
    const again = await directories.subscribe('https://directory.example/other.json', '<i>x</i>');
    expect(again).toMatchObject({ ok: false });
    expect(kept.release).not.toHaveBeenCalled();
    expect(granted.has('https://directory.example/*')).toBe(true);
  });

  it('unsubscribes at once while a slow server is still dripping the file', async () => {
    // A server that sends a byte a second held Unsubscribe (and the permission) until the
    // 90-second timeout; the download is now stopped instead.
    const d = deps();
    const directories = createDirectories(d);
    const result = await directories.subscribe(URL_, 'Team');
    const id = result.ok ? result.directory.id : '';
    let stopped = false;
    let started: () => void = () => undefined;
    const downloading = new Promise<void>((resolve) => {
      started = resolve;
    });
    d.download = vi.fn(
      (_url: string, _etag: string | undefined, signal?: AbortSignal) =>
        new Promise<Fetched>((resolve) => {
          started();
          signal?.addEventListener('abort', () => {
            stopped = true;
            resolve({ kind: 'failed', message: 'Stopped.' });
          });
        }),
    );
    const refreshing = directories.refresh(id);
    await downloading;
    expect(await directories.unsubscribe(id)).toBe(true);
    expect(stopped).toBe(true);
    expect(await refreshing).toBeUndefined();
    expect(await lookupKey('github:bob')).toBeUndefined();
    expect(d.release).toHaveBeenCalledWith('https://directory.example/*');
  });

  it('takes an address with a stray %, named as it reads, and refreshes it', async () => {
    // decodeURIComponent threw on `%ZZ`: the host granted for it was never given back, and
    // every refresh of it threw before noting a problem.
    const stray = 'https://directory.example/team%ZZ.json';
    const d = deps();
    const directories = createDirectories(d);
    const result = await directories.subscribe(stray, '');
    expect(result).toMatchObject({ ok: true, directory: { name: 'team%ZZ', count: 2 } });
    const named = await directories.subscribe('https://directory.example/b%ZZ.json', 'B');
    expect(named).toMatchObject({ ok: true, directory: { name: 'B', count: 2 } });
    const id = named.ok ? named.directory.id : '';
    expect(await directories.refresh(id)).toMatchObject({ count: 2 });
    expect((await directories.refresh(id))?.problem).toBeUndefined();
    expect(await directories.unsubscribe(result.ok ? result.directory.id : '')).toBe(true);
    expect(await directories.unsubscribe(id)).toBe(true);
    expect(d.release).toHaveBeenCalledWith('https://directory.example/*');
  });

  it('gives the permission back when subscribing throws, and notes a refresh that throws', async () => {
    const d = deps();
    d.download = vi.fn(async () => {
      throw new Error('the disk is full');
    });
    const directories = createDirectories(d);
    // The refresh inside subscribe threw: the subscription stands, with the problem noted.
    const result = await directories.subscribe(URL_, 'Team');
    expect(result).toMatchObject({
      ok: true,
      directory: { checkedAt: 1_000_000, problem: /could not be read \(the disk is full\)/ },
    });
    // A second directory after it is still refreshed when both are due.
    const other = await createDirectories(deps()).subscribe(
      'https://directory.example/other.json',
      'Other',
    );
    expect(other).toMatchObject({ ok: true, directory: { count: 2 } });
    const later = createDirectories({ ...deps(), now: () => 1_000_000 + 2 * 24 * 3600_000 });
    const failing = createDirectories({
      ...d,
      now: () => 1_000_000 + 2 * 24 * 3600_000,
    });
    await failing.refreshDue();
    const [first, second] = await later.list();
    expect(first?.checkedAt).toBe(1_000_000 + 2 * 24 * 3600_000);
    expect(first?.problem).toMatch(/the disk is full/);
    // The other one was asked too (its download threw the same, and was noted the same).
    expect(second?.problem).toMatch(/the disk is full/);
    // Not tried again at the next start within the hour.
    const calls = (d.download as ReturnType<typeof vi.fn>).mock.calls.length;
    await failing.refreshDue();
    expect((d.download as ReturnType<typeof vi.fn>).mock.calls.length).toBe(calls);
    // A throw in the subscription's own checks gives the host back.
    const throwing = deps();
    throwing.allowed = async () => {
      throw new Error('no permissions API');
    };
    await expect(
      createDirectories(throwing).subscribe('https://elsewhere.example/x.json', 'X'),
    ).rejects.toThrow('no permissions API');
    expect(throwing.release).toHaveBeenCalledWith('https://elsewhere.example/*');
  });

  it('says a web page is not a directory file, in its own words', async () => {
    const directories = createDirectories(deps());
    served = {
      status: 'new',
      file: bytes('<!DOCTYPE html><html><body>Sign in</body></html>'),
      etag: '"x"',
    };
    const result = await directories.subscribe(URL_, 'Team');
    expect(result.ok && result.directory.problem).toMatch(/answered with a web page \(HTML\)/);
    expect(result.ok && result.directory.problem).not.toMatch(/Import accepts/);
    served = { status: 'new', file: bytes('name,email\nAda,a@x'), etag: '"y"' };
    const id = result.ok ? result.directory.id : '';
    expect((await directories.refresh(id))?.problem).toMatch(
      /not a directory: it starts with "name,email"/,
    );
  });

  it('tries twice more when the server could not be reached at all, then says so', async () => {
    const d = deps();
    const real = d.download;
    const waits: number[] = [];
    let failures = 1;
    d.download = vi.fn(async (url: string, etag: string | undefined) =>
      failures-- > 0
        ? {
            kind: 'failed' as const,
            message: 'Could not reach x (Failed to fetch).',
            transient: true,
          }
        : real(url, etag),
    );
    d.wait = async (ms) => void waits.push(ms);
    const result = await createDirectories(d).subscribe(URL_, 'Team');
    expect(result).toMatchObject({ ok: true, directory: { count: 2 } });
    expect(result.ok && result.directory.problem).toBeUndefined();
    expect(waits).toEqual([1000]);
    // A server that answers (even 500) is not asked again at once; one never reachable gives up.
    failures = 99;
    const id = result.ok ? result.directory.id : '';
    expect(await createDirectories(d).refresh(id)).toMatchObject({ problem: /Could not reach/ });
    expect(waits).toEqual([1000, 1000, 3000]);
  });

  it('asks for nothing it was not allowed, and refreshes about daily', async () => {
    granted.clear();
    expect(await createDirectories(deps()).subscribe(URL_, 'Team')).toEqual({
      ok: false,
      error:
        'Profile Card was not allowed to read https://directory.example, so nothing was fetched.',
    });
    const day = 24 * 60 * 60 * 1000;
    const record = { id: 'x', url: URL_, name: 'T', subscribedAt: 0, gen: 1, count: 1 };
    expect(isDue({ ...record, fetchedAt: 0 }, day - 1)).toBe(false);
    expect(isDue({ ...record, fetchedAt: 0 }, day)).toBe(true);
    expect(isDue({ ...record, fetchedAt: 0, checkedAt: day }, day + 1000)).toBe(false);
  });
});

describe('messages about directories and sync', () => {
  it('are refused from a content script and answered for the options page', async () => {
    const list = vi.fn(async () => []);
    const handle = createMessageHandler({
      extensionId: 'ours',
      pageOrigin: 'chrome-extension://ours/',
      people: {
        lookup: async () => undefined,
        byId: async () => undefined,
        known: async () => false,
        list: async () => [],
      },
      settings: async () => DEFAULT_SETTINGS,
      cardState: async () => undefined,
      setCardState: async () => undefined,
      injectUi: async () => undefined,
      directories: {
        list,
        refreshDue: () => undefined,
        subscribe: vi.fn(),
        refresh: vi.fn(),
        unsubscribe: vi.fn(),
      },
    });
    const page = { id: 'ours', url: 'https://github.com/spacejam', tab: { id: 1 }, frameId: 0 };
    await expect(handle({ type: 'directories' }, page)).rejects.toThrow(/outside its own pages/);
    await expect(
      handle({ type: 'directory-subscribe', url: 'https://evil.example/x', name: 'x' }, page),
    ).rejects.toThrow(/outside its own pages/);
    expect(list).not.toHaveBeenCalled();
    const options = { id: 'ours', url: 'chrome-extension://ours/options.html', tab: { id: 2 } };
    expect(await handle({ type: 'directories' }, options)).toEqual([]);
    expect(list).toHaveBeenCalledTimes(1);
  });
});
