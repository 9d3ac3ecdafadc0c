/**
 * The content script's own context (entrypoints/content/context.ts), in
 * place of WXT's: its signal stops every listener, an interval stops with
 * it, and an orphan (the extension gone: `runtime.id` undefined) stops
 * itself the first time it checks.
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from '../../entrypoints/content/context';

describe('the content script context', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.useFakeTimers();
  });
  afterEach(() => vi.useRealTimers());

  it('runs an interval while the extension is there, and stops it with the script', () => {
    const ctx = new ContentScriptContext();
    const ticks = vi.fn();
    const stopped = vi.fn();
    ctx.onInvalidated(stopped);
    ctx.setInterval(ticks, 100);
    vi.advanceTimersByTime(250);
    expect(ticks).toHaveBeenCalledTimes(2);
    expect(ctx.isInvalid).toBe(false);
    ctx.abort('test over');
    vi.advanceTimersByTime(500);
    expect(ticks).toHaveBeenCalledTimes(2);
    expect(stopped).toHaveBeenCalledTimes(1);
    expect(ctx.signal.aborted).toBe(true);
  });

  it('stops itself once the extension is gone', () => {
    const ctx = new ContentScriptContext();
    const listener = vi.fn();
    document.addEventListener('pointermove', listener, { signal: ctx.signal });
    const id = fakeBrowser.runtime.id;
    (fakeBrowser.runtime as { id?: string }).id = undefined;
    try {
      expect(ctx.isInvalid).toBe(true);
    } finally {
      (fakeBrowser.runtime as { id?: string }).id = id;
    }
    document.dispatchEvent(new Event('pointermove'));
    expect(listener).not.toHaveBeenCalled();
    // Positive control: the same listener on a live context hears the event.
    const live = new ContentScriptContext();
    document.addEventListener('pointermove', listener, { signal: live.signal });
    document.dispatchEvent(new Event('pointermove'));
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
