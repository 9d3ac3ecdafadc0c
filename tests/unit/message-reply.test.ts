/**
 * The background's answer without a polyfill (messaging/reply.ts). Chrome
 * before 144 keeps a message's channel open only for a listener that
 * returns `true` and answers through `sendResponse`; a returned promise is
 * ignored and the sender gets `undefined`. `oldChromeEvent` delivers a
 * message to a listener by exactly those rules (Chromium 156 on this
 * machine honours promises, so the browser tests cannot show the old rule).
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { send } from '../../messaging/ask';
import type { Sender } from '../../messaging/handler';
import { FAILED, readReply, replyWith } from '../../messaging/reply';

type Listener = (
  message: unknown,
  sender: Sender,
  sendResponse: (answer?: unknown) => void,
) => unknown;

const sender: Sender = { id: 'ours', url: 'https://github.com/spacejam', tab: { id: 1 } };

function oldChromeEvent(listener: Listener) {
  return (message: unknown) =>
    new Promise<unknown>((resolve) => {
      let answered = false;
      const kept = listener(message, sender, (answer) => {
        answered = true;
        resolve(answer);
      });
      // Not `true`: the channel closes now, and the sender gets nothing.
      if (kept !== true && !answered) resolve(undefined);
    });
}

const handle = async (raw: unknown, _sender?: Sender) => {
  await new Promise((resolve) => setTimeout(resolve, 5));
  if (raw === 'refuse') throw new Error('Profile Card: refused a malformed message');
  return { echoed: raw };
};

describe('replyWith', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => vi.restoreAllMocks());

  it('answers on a Chrome that ignores a returned promise (positive control: returning it is lost)', async () => {
    const promised: Listener = (message, from) => handle(message, from);
    expect(await oldChromeEvent(promised)('hello')).toBeUndefined();
    expect(await oldChromeEvent(replyWith(handle))('hello')).toEqual({ echoed: 'hello' });
  });

  it("carries a handler's failure as its sentence, which send() rejects with", async () => {
    const deliver = oldChromeEvent(replyWith(handle));
    const reply = await deliver('refuse');
    expect(reply).toEqual({ [FAILED]: 'Profile Card: refused a malformed message' });
    expect(() => readReply(reply)).toThrow('Profile Card: refused a malformed message');
    // Through the real send(), as a page or the content script asks.
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(() => deliver('refuse'));
    await expect(send({ type: 'list' })).rejects.toThrow(/refused a malformed message/);
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(() => deliver('fine'));
    expect(await send({ type: 'list' })).toEqual({ echoed: 'fine' });
  });

  it('passes every ordinary answer through as it is', () => {
    for (const answer of [undefined, null, true, [], { ok: false, error: 'x' }, { profile: {} }])
      expect(readReply(answer)).toEqual(answer);
  });
});
