/**
 * Soft navigations (issue 10 and issue 17.6): which count as the user's, and
 * following them where the Navigation API is missing (Firefox 140–146).
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from '../../entrypoints/content/context';
import { onUrlChange, POLL_MS, type UrlChange } from '../../entrypoints/content/navigation';
import {
  type Activation,
  causedByUser,
  HISTORY_KEY_WINDOW_MS,
  LINK_WINDOW_MS,
} from '../../entrypoints/content/user-input';
import type { IdentityKey } from '../../identity/keys';

const deniz: IdentityKey = 'linkedin:denizalti';
const patmesh: IdentityKey = 'linkedin:patmesh-s';

const link = (at: number, keys: IdentityKey[], used = false): Activation => ({
  at,
  kind: 'link',
  keys,
  used,
});
const historyKey = (at: number, used = false): Activation => ({
  at,
  kind: 'history',
  keys: [],
  used,
});

describe('causedByUser: one activation, one navigation (issue 21)', () => {
  it.each([
    ['no input at all', undefined, 0, 0, false],
    ['a click on a link to this person, 200 ms before', link(1000, [deniz]), 1200, 0, true],
    ['…5 s before (a slow fetch)', link(1000, [deniz]), 6000, 0, true],
    ['…already used by a navigation it explained', link(1000, [deniz], true), 1200, 0, false],
    ['a click on a link to someone else, 200 ms before', link(1000, [patmesh]), 1200, 0, false],
    [
      'a click on a link to this person, too long ago',
      link(1000, [deniz]),
      1001 + LINK_WINDOW_MS,
      0,
      false,
    ],
    ['…unless noticed late by polling', link(1000, [deniz]), 1001 + LINK_WINDOW_MS, POLL_MS, true],
    [
      'a history key just before (polling: any URL)',
      historyKey(1000),
      1000 + HISTORY_KEY_WINDOW_MS,
      0,
      true,
    ],
    ['a history key too long ago', historyKey(1000), 1001 + HISTORY_KEY_WINDOW_MS, 0, false],
    ['a history key already used', historyKey(1000, true), 1200, 0, false],
    ['an input stamped after the change (clock skew)', link(5000, [deniz]), 4000, 0, false],
  ] as const)('%s → %s', (_what, last, now, late, expected) => {
    expect(causedByUser(last, [deniz], now, late)).toBe(expected);
  });
});

describe('onUrlChange', () => {
  let ctx: ContentScriptContext;
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
    history.replaceState({}, '', '/in/denizalti/');
    ctx = new ContentScriptContext();
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
