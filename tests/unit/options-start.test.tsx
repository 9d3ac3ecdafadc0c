/**
 * The options page's start (issue 28): the first rows come before what is
 * not needed for them. Traced, the page spent its first frames with the
 * people also scanned in a worker (started in the same task that handed the
 * rows to the list) and every section drawn, laid out and painted with the
 * list; and it asked for the people only after its first render's effects,
 * a frame after its script ran. Here the real Options component over an
 * OptionsApi whose load is answered by the test (the store is not what is
 * tested): at the first render with people, the list is there and neither
 * the scan nor the sections below the list are; after the next frame both
 * are (the positive control: the same checks, once they are due).
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { Options } from '../../components/options/Options';
import type { Loaded, OptionsApi, Scan } from '../../components/options/options-api';
import {
  afterInputQuiet,
  afterNextPaint,
  loadingEarly,
  QUIET_MS,
  whenInputQuiet,
} from '../../components/options/start-up';
import { buildRoster } from '../../jobs/roster';
import { DEFAULT_SETTINGS } from '../../settings/defaults';
import { recordOf } from '../../store/db';
import { rowOf } from '../../store/people-rows';
import { person, storedOf } from './fixtures';

const rows = ['ada', 'bob', 'cy'].map((id) => rowOf(recordOf(person(id), 1)));
const loaded: Loaded = {
  roster: buildRoster(storedOf(rows, 1), [], 'all'),
  migration: { kind: 'none' },
  settings: DEFAULT_SETTINGS,
};
const NOTHING: Scan = { damaged: [], conflicts: [], names: {}, directoryClashes: [] };
const frame = () => new Promise<void>((resolve) => setTimeout(resolve, 300));

afterEach(() => {
  document.body.innerHTML = '';
});

function pageApi() {
  let answer: (value: Loaded) => void = () => undefined;
  let early: ((value: Loaded) => void) | undefined;
  const calls = { load: 0, scan: 0, usage: 0 };
  const api = {
    load: (_progress?: unknown, first?: (value: Loaded) => void) => {
      calls.load++;
      early = first;
      return new Promise<Loaded>((resolve) => {
        answer = resolve;
      });
    },
    scan: async () => {
      calls.scan++;
      return NOTHING;
    },
    usage: async () => {
      calls.usage++;
      return {};
    },
    onChange: () => () => undefined,
    startImport: () => {
      throw new Error('not in this test');
    },
    saveSetting: async () => undefined,
  } as unknown as OptionsApi;
  return {
    api,
    calls,
    answer: (value: Loaded) => answer(value),
    first: (value: Loaded) => early?.(value),
  };
}

/** Ten people, the first three of them read first (the store's head, store/people-rows.ts). */
const ten = Array.from({ length: 10 }, (_, at) => rowOf(recordOf(person(`p${at}`), 1)));
const whole: Loaded = { ...loaded, roster: buildRoster(storedOf(ten, 2), [], 'all') };
const firstRows: Loaded = {
  ...loaded,
  roster: buildRoster(storedOf(ten.slice(0, 3), 2), [], 'all', false),
};

describe('options page start', () => {
  it('draws the first rows before the scan and the sections below the list', async () => {
    const { api, calls, answer } = pageApi();
    const root = document.createElement('div');
    document.body.append(root);
    await act(async () => render(<Options api={api} bundled={[]} theme={{} as never} />, root));
    expect(calls.load).toBe(1);
    await act(async () => answer(loaded));

    // The first render with people: the list, and nothing that waits.
    expect(root.querySelector('[elementtiming="people-table"]')).not.toBeNull();
    expect(root.textContent).toContain('Person ada');
    expect(calls.scan).toBe(0);
    expect(calls.usage).toBe(0);
    expect(root.querySelector('#pc-import-title')).toBeNull();
    expect(root.querySelector('#pc-settings-title')).toBeNull();
    // The jump links to every section are there from the start.
    expect(root.querySelector('a[href="#pc-import-title"]')).not.toBeNull();
    // The steps the bench prints (bench/trace-lists.ts), each marked once.
    const marks = () =>
      performance
        .getEntriesByType('mark')
        .map((mark) => mark.name)
        .filter((name) => name.startsWith('pc-options:'));
    expect(marks()).toEqual(['pc-options:drawn']);

    // After the next frame: the scan, the storage estimate and the other sections.
    await act(frame);
    expect(calls.scan).toBe(1);
    expect(calls.usage).toBe(1);
    expect(root.querySelector('#pc-import-title')).not.toBeNull();
    expect(root.querySelector('#pc-settings-title')).not.toBeNull();
    expect(marks()).toEqual(['pc-options:drawn', 'pc-options:scan', 'pc-options:below']);
    // The list was drawn once, not again from scratch.
    expect(root.querySelectorAll('[elementtiming="people-table"]').length).toBe(1);
  });
});

describe('options page start with many people', () => {
  it('draws the first rows read before the whole, without a count; the count and the scan once whole', async () => {
    const { api, calls, answer, first } = pageApi();
    const root = document.createElement('div');
    document.body.append(root);
    await act(async () => render(<Options api={api} bundled={[]} theme={{} as never} />, root));
    await act(async () => first(firstRows));
    const summary = () => root.querySelector('.pc-panel > p.pc-muted')?.textContent ?? '';
    expect(root.querySelector('[elementtiming="people-table"]')).not.toBeNull();
    expect(root.textContent).toContain('Person p0');
    expect(root.textContent).not.toContain('Person p3');
    // No count until the whole is read (3 would be wrong).
    expect(summary()).toBe('');
    expect(root.querySelector('ul.pc-people')?.getAttribute('aria-label')).toBe('People');
    await act(frame);
    // The scan waits for the whole too.
    expect(calls.scan).toBe(0);

    await act(async () => answer(whole));
    expect(root.textContent).toContain('Person p9');
    expect(summary()).toContain('10 yours');
    await act(frame);
    expect(calls.scan).toBe(1);
    // A later reading never shows its first rows alone once the whole was shown.
    await act(async () => first(firstRows));
    expect(root.textContent).toContain('Person p9');
    expect(summary()).toContain('10 yours');
  });
});

describe('loadingEarly', () => {
  it('hands the early load’s first rows to the first caller, before or after they come', async () => {
    const firsts: ((value: Loaded) => void)[] = [];
    const load = loadingEarly((_progress, first) => {
      if (first) firsts.push(first);
      return new Promise<Loaded>(() => undefined);
    });
    firsts[0]?.(firstRows);
    const heard: Loaded[] = [];
    void load(undefined, (value) => heard.push(value));
    expect(heard).toEqual([firstRows]);
    firsts[0]?.(loaded);
    expect(heard).toEqual([firstRows, loaded]);
  });

  it('starts the first load at once and hands it to the first caller, with its progress', async () => {
    const started: ((read: number) => void)[] = [];
    const answers: ((value: Loaded) => void)[] = [];
    const load = loadingEarly((onProgress) => {
      if (onProgress) started.push(onProgress);
      return new Promise<Loaded>((resolve) => answers.push(resolve));
    });
    // Begun before anyone asked.
    expect(started.length).toBe(1);
    started[0]?.(500);
    const heard: number[] = [];
    const first = load((read) => heard.push(read));
    started[0]?.(1000);
    expect(heard).toEqual([500, 1000]);
    answers[0]?.(loaded);
    await expect(first).resolves.toBe(loaded);
    // A later call loads afresh.
    const second = load();
    expect(answers.length).toBe(2);
    answers[1]?.({ ...loaded, settingsProblem: 'again' });
    await expect(second).resolves.toMatchObject({ settingsProblem: 'again' });
  });

  it('hands a failure of the early load to the first caller', async () => {
    const load = loadingEarly(() => Promise.reject(new Error('no database')));
    await new Promise((resolve) => setTimeout(resolve, 0));
    await expect(load()).rejects.toThrow('no database');
  });
});

describe('afterNextPaint', () => {
  it('runs once after a frame, and not at all when cancelled', async () => {
    let runs = 0;
    afterNextPaint(() => runs++);
    const cancel = afterNextPaint(() => runs++);
    cancel();
    expect(runs).toBe(0);
    await frame();
    expect(runs).toBe(1);
  });
});

describe('the scan waits while the user types', () => {
  const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  it('starts the scan only once the search box has had no key for a while', async () => {
    const { api, calls, answer } = pageApi();
    const root = document.createElement('div');
    document.body.append(root);
    await act(async () => render(<Options api={api} bundled={[]} theme={{} as never} />, root));
    await act(async () => answer(loaded));
    const box = root.querySelector('input[type="search"]') as HTMLInputElement;
    // Keys typed as the list comes (at 100,000 people the scan's worker
    // slowed each of them: issue 28), past the frame the scan waited for.
    for (const letter of ['a', 'd', 'a', 'x']) {
      box.dispatchEvent(new KeyboardEvent('keydown', { key: letter, bubbles: true }));
      box.value += letter;
      await act(async () => {
        box.dispatchEvent(new Event('input', { bubbles: true }));
      });
      await act(() => wait(250));
    }
    expect(calls.usage).toBe(1);
    expect(calls.scan).toBe(0);
    // Positive control: once the keys stop, the scan starts.
    await act(() => wait(QUIET_MS + 100));
    expect(calls.scan).toBe(1);
  });
});

describe('the scan stops when the user types', () => {
  const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  it('aborts a scan under way at a key and starts it again once the keys stop', async () => {
    const { api, answer } = pageApi();
    // Each scan runs until the test ends it, or until its signal aborts it.
    const scans: { signal: AbortSignal | undefined; end: (scan: Scan) => void }[] = [];
    api.scan = (signal?: AbortSignal) =>
      new Promise<Scan>((resolve, reject) => {
        scans.push({ signal, end: resolve });
        signal?.addEventListener('abort', () => reject(signal.reason));
      });
    const root = document.createElement('div');
    document.body.append(root);
    await act(async () => render(<Options api={api} bundled={[]} theme={{} as never} />, root));
    await act(async () => answer(loaded));
    // No key yet: the scan starts after the first rows' frame (QUIET_MS after the last test's keys).
    await act(() => wait(QUIET_MS + 100));
    expect(scans.length).toBe(1);
    expect(scans[0]?.signal?.aborted).toBe(false);
    // Positive control for the abort check: with no key, it runs on.
    await act(() => wait(100));
    expect(scans[0]?.signal?.aborted).toBe(false);
    const box = root.querySelector('input[type="search"]') as HTMLInputElement;
    await act(async () => {
      box.dispatchEvent(new KeyboardEvent('keydown', { key: 'a', bubbles: true }));
    });
    expect(scans[0]?.signal?.aborted).toBe(true);
    await act(() => wait(QUIET_MS / 2));
    expect(scans.length).toBe(1);
    await act(() => wait(QUIET_MS));
    expect(scans.length).toBe(2);
    // The second runs to its end, and the page shows what it found.
    await act(async () =>
      scans[1]?.end({
        damaged: [],
        conflicts: [],
        names: {},
        directoryClashes: [],
        notes: { ada: { tags: ['met'] } },
      }),
    );
    await act(() => wait(10));
    expect(root.querySelector('.pc-tag-filter')).not.toBeNull();
  });
});

describe('afterInputQuiet', () => {
  const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  const key = () => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
  it('runs once the page has had no input for the quiet time, or at the latest time', async () => {
    let runs = 0;
    key();
    afterInputQuiet(() => runs++, 100, 10_000);
    await wait(50);
    expect(runs).toBe(0);
    key();
    await wait(70);
    expect(runs).toBe(0);
    await wait(80);
    expect(runs).toBe(1);
    // Input that never stops: at the latest time all the same.
    let late = 0;
    afterInputQuiet(() => late++, 100, 250);
    for (let at = 0; at < 8; at++) {
      key();
      await wait(50);
    }
    expect(late).toBe(1);
    // Cancelled while it waits: never.
    let cancelled = 0;
    key();
    afterInputQuiet(() => cancelled++, 50, 100)();
    await wait(150);
    expect(cancelled).toBe(0);
  });
});

describe('whenInputQuiet', () => {
  const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  const key = () => document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
  it('runs the work again after input aborted it, and no longer aborts it after the latest time', async () => {
    const signals: AbortSignal[] = [];
    const work = (signal: AbortSignal) =>
      new Promise<number>((resolve, reject) => {
        signals.push(signal);
        signal.addEventListener('abort', () => reject(signal.reason));
        setTimeout(() => resolve(signals.length), 150);
      });
    await wait(60);
    const done = whenInputQuiet(work, 50, 400);
    expect(signals.length).toBe(1);
    await wait(20);
    key();
    expect(signals[0]?.aborted).toBe(true);
    await wait(80);
    expect(signals.length).toBe(2);
    await expect(done).resolves.toBe(2);
    // Past the latest time input no longer aborts it.
    const late = whenInputQuiet(work, 50, 0);
    key();
    expect(signals.at(-1)?.aborted).toBe(false);
    await expect(late).resolves.toBe(3);
    // A failure not caused by input is the caller's.
    await wait(60);
    await expect(
      whenInputQuiet(() => Promise.reject(new Error('no database')), 50),
    ).rejects.toThrow('no database');
  });
});
