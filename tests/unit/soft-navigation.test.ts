/**
 * Soft navigations (issue 10 and issue 17.6): which count as the user's, and
 * following them where the Navigation API is missing (Firefox 140–146).
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { onUrlChange, POLL_MS, type UrlChange } from '../../entrypoints/content/navigation';
import {
  ACTIVATION_WINDOW_MS,
  causedByUser,
  LINK_WINDOW_MS,
} from '../../entrypoints/content/user-input';
import type { IdentityKey } from '../../identity/keys';

const deniz: IdentityKey = 'linkedin:denizalti';
const patmesh: IdentityKey = 'linkedin:patmesh-s';

describe('causedByUser', () => {
  it.each([
    ['no input at all', undefined, 0, 0, false],
    ['a click 200 ms before', { at: 1000, keys: [] }, 1200, 0, true],
    [
      'a click just inside the window',
      { at: 1000, keys: [] },
      1000 + ACTIVATION_WINDOW_MS,
      0,
      true,
    ],
    ['a click just outside it', { at: 1000, keys: [] }, 1001 + ACTIVATION_WINDOW_MS, 0, false],
    [
      '…unless noticed late by polling',
      { at: 1000, keys: [] },
      1001 + ACTIVATION_WINDOW_MS,
      POLL_MS,
      true,
    ],
    ['a click on a link to this person, 5 s before', { at: 1000, keys: [deniz] }, 6000, 0, true],
    [
      'a click on a link to someone else, 5 s before',
      { at: 1000, keys: [patmesh] },
      6000,
      0,
      false,
    ],
    [
      'a click on a link to this person, too long ago',
      { at: 1000, keys: [deniz] },
      1001 + LINK_WINDOW_MS,
      0,
      false,
    ],
    ['an input stamped after the change (clock skew)', { at: 5000, keys: [deniz] }, 4000, 0, false],
  ] as const)('%s → %s', (_what, last, now, late, expected) => {
    expect(causedByUser(last && { at: last.at, keys: [...last.keys] }, [deniz], now, late)).toBe(
      expected,
    );
  });
});

describe('onUrlChange', () => {
  let ctx: ContentScriptContext;
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
    history.replaceState({}, '', '/in/denizalti/');
    ctx = new ContentScriptContext('content');
  });
  afterEach(() => {
    ctx.abort('test over');
    vi.useRealTimers();
    delete (globalThis as { navigation?: unknown }).navigation;
  });

  it('without the Navigation API, notices a pushState by polling (not the user’s traversal)', () => {
    expect((globalThis as { navigation?: unknown }).navigation).toBeUndefined();
    const changes: UrlChange[] = [];
    onUrlChange(ctx, (change) => changes.push(change));
    history.pushState({}, '', '/in/patmesh-s/');
    expect(changes).toEqual([]);
    vi.advanceTimersByTime(POLL_MS);
    expect(changes).toEqual([{ userTraversal: false, lateByMs: POLL_MS }]);
    // Nothing more while the URL stays, and the timer goes with the context.
    vi.advanceTimersByTime(POLL_MS * 4);
    expect(changes).toHaveLength(1);
    ctx.abort('done');
    history.pushState({}, '', '/in/denizalti/');
    vi.advanceTimersByTime(POLL_MS * 4);
    expect(changes).toHaveLength(1);
  });

  it('with the Navigation API, a forged "user-initiated" navigate event is not the user', () => {
    const navigation = new EventTarget();
    (globalThis as { navigation?: unknown }).navigation = navigation;
    const changes: UrlChange[] = [];
    onUrlChange(ctx, (change) => changes.push(change));
    const forged = Object.assign(new Event('navigate'), {
      userInitiated: true,
      destination: { url: new URL('/in/patmesh-s/', location.href).href },
    });
    navigation.dispatchEvent(forged);
    history.pushState({}, '', '/in/patmesh-s/');
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(changes).toEqual([{ userTraversal: false, lateByMs: 0 }]);
    // No polling when the API is there.
    history.pushState({}, '', '/in/denizalti/');
    vi.advanceTimersByTime(POLL_MS * 4);
    expect(changes).toHaveLength(1);
  });
});
