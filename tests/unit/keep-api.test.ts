/**
 * The popup's side of "Keep this person" (entrypoints/popup/keep-api.ts):
 * reading the tab. A page whose main thread never comes back (a script in a
 * loop, a tab still loading forever) must not leave the popup reading
 * forever: the reader gets a few seconds, then the user is told in words.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PageReading } from '../../capture/reading';
import { keep, READ_TIMEOUT_MS } from '../../entrypoints/popup/keep-api';

const reading: PageReading = {
  ok: false,
  reason: 'no-person',
  message: 'This page shows no person.',
};

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([
    { id: 7, url: 'https://hostile.example/', active: true },
  ] as never);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('reading the tab', () => {
  it('answers with what the reader returned (positive control)', async () => {
    fakeBrowser.scripting.executeScript = vi.fn(async () => [
      { frameId: 0, result: reading },
    ]) as never;
    expect(await keep.readTab()).toEqual({ kind: 'read', reading });
  });

  it('gives up on a page that never lets the reader run, and says so', async () => {
    vi.useFakeTimers();
    fakeBrowser.scripting.executeScript = vi.fn(() => new Promise(() => undefined)) as never;
    const answer = keep.readTab();
    await vi.advanceTimersByTimeAsync(READ_TIMEOUT_MS);
    expect(await answer).toEqual({
      kind: 'closed',
      message: expect.stringMatching(/did not answer within \d+ seconds/),
    });
  });
});
