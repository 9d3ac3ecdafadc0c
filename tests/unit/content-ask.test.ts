/**
 * The content script's `ask()` (issue 17.7): a failed message must not
 * switch the page's content script off while the extension is alive (a
 * sleeping service worker, a handler error); only an extension that is
 * really gone (reloaded, updated, removed: `runtime.id` undefined) stops it.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ask } from '../../entrypoints/content/ask';
import { ContentScriptContext } from '../../entrypoints/content/context';

describe('ask', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('keeps the context when a message fails but the extension is alive', async () => {
    const ctx = new ContentScriptContext();
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(
      new Error('Could not establish connection. Receiving end does not exist.'),
    );
    expect(await ask(ctx, { type: 'list' })).toBeUndefined();
    expect(ctx.signal.aborted).toBe(false);
    // And the next question goes out as usual.
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue([] as never);
    expect(await ask(ctx, { type: 'list' })).toEqual([]);
  });

  it('stops the context when the extension is gone', async () => {
    const ctx = new ContentScriptContext();
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(
      new Error('Extension context invalidated.'),
    );
    const id = fakeBrowser.runtime.id;
    (fakeBrowser.runtime as { id?: string }).id = undefined;
    try {
      expect(await ask(ctx, { type: 'list' })).toBeUndefined();
      expect(ctx.signal.aborted).toBe(true);
    } finally {
      (fakeBrowser.runtime as { id?: string }).id = id;
    }
  });
});
