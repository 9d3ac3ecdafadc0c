/**
 * Browser sync on the options page: what it means in plain words, the
 * switch (off until the user turns it on, per browser), how much of the
 * user's people fit, what could not be read or put here, and the people
 * two browsers changed at once, each with Restore and Dismiss. The work is
 * the background's (sync/engine.ts); this only asks and shows.
 */
import { useEffect, useState } from 'preact/hooks';
import type { SyncAction } from '../messaging/messages';
import type { SyncStatus } from '../sync/engine';

export interface SyncApi {
  act(action: SyncAction): Promise<{ on: boolean; status: SyncStatus | null }>;
  resolve(id: string, stamp: string, action: 'restore' | 'dismiss'): Promise<string>;
  /** Calls back when the background records a new status; returns an unsubscribe. */
  onStatus(callback: () => void): () => void;
}

const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const when = (ms: number) => new Date(ms).toLocaleString();

export function SyncPanel({
  api,
  say,
}: {
  api: SyncApi;
  /** The page's one status region (Options.tsx), which then says the outcomes instead. */
  say?: (text: string) => void;
}) {
  const [state, setState] = useState<{ on: boolean; status: SyncStatus | null }>();
  const [busy, setBusy] = useState(false);
  const [message, setOwnMessage] = useState('');
  const setMessage = (text: string) => (say ? say(text) : setOwnMessage(text));
  const [confirmErase, setConfirmErase] = useState(false);

  useEffect(() => {
    const load = () =>
      api.act('status').then(setState, (error: Error) => setMessage(error.message));
    load();
    return api.onStatus(load);
  }, [api]);

  const run = async (work: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    setMessage('');
    try {
      await work();
    } catch (error) {
      setMessage((error as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const act = (action: SyncAction, done?: string) =>
    run(async () => {
      setState(await api.act(action));
      if (done) setMessage(done);
    });

  const status = state?.status;
  return (
    <section class="pc-panel" aria-labelledby="pc-sync-title" aria-busy={busy}>
      <h2 id="pc-sync-title">Sync across your browsers</h2>
      <p class="pc-muted">
        Off unless you turn it on. When it is on, your own people, your settings and which bundled
        people you hid travel with this browser's own sync (Chrome Sync, Firefox Sync) to your other
        browsers where this is on too. They pass through the browser maker's servers, not ours, and
        count against its small allowance for extensions (about 100 KB). Whether the browser maker
        can read them depends on your browser: Chrome encrypts synced data end to end only if you
        set a sync passphrase; Firefox Sync always does.
      </p>
      <label class="pc-check">
        <input
          type="checkbox"
          checked={state?.on ?? false}
          disabled={!state || busy}
          onChange={(event) => {
            const on = event.currentTarget.checked;
            // Shown at once; the background's answer replaces it.
            setState({ on, status: state?.status ?? null });
            void act(
              on ? 'on' : 'off',
              on
                ? 'Sync is on in this browser.'
                : 'Sync is off in this browser; what it holds stays for your other browsers.',
            );
          }}
        />
        Sync my people and settings through this browser's sync
      </label>

      {state?.on && status && (
        <div data-testid="pc-sync-status">
          {status.newer && (
            <p class="pc-banner" role="alert">
              {status.newer}
            </p>
          )}
          <p>
            Last synced {when(status.at)}: {status.synced.toLocaleString('en')} of{' '}
            {status.total.toLocaleString('en')} {status.total === 1 ? 'person' : 'people'} in
            browser sync, {kilobytes(status.bytes)} used.
          </p>
          {status.fit && (
            <p class="pc-banner" role="status">
              {status.fit}
            </p>
          )}
          {status.error && (
            <p class="pc-error" role="alert">
              {status.error}
            </p>
          )}
          {status.tooBig.length > 0 && (
            <p role="status">
              The latest changes to {status.tooBig.join(', ')} do not fit in browser sync; they stay
              on this browser until there is room.
            </p>
          )}
          {status.waiting > 0 && (
            <p class="pc-muted">
              {status.waiting} {status.waiting === 1 ? 'person is' : 'people are'} still arriving
              from another browser.
            </p>
          )}
          {status.unreadable.length > 0 && (
            <div class="pc-banner" role="alert">
              <p>
                {status.unreadable.length === 1
                  ? 'One item in browser sync could not be read'
                  : `${status.unreadable.length} items in browser sync could not be read`}{' '}
                and {status.unreadable.length === 1 ? 'was' : 'were'} skipped; nothing here was
                changed by {status.unreadable.length === 1 ? 'it' : 'them'}:
              </p>
              <ul>
                {status.unreadable.slice(0, 10).map((item) => (
                  <li key={item.key}>
                    <code>{item.key}</code>: {item.problem}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {status.notApplied.length > 0 && (
            <div class="pc-banner" role="status">
              <p>Not put on this browser:</p>
              <ul>
                {status.notApplied.map((item) => (
                  <li key={item.id}>
                    {item.name} ({item.id}): {item.reason}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {status.conflicts.length > 0 && (
            <div class="pc-banner" data-testid="pc-sync-conflicts">
              <h3>Changed in two browsers at once</h3>
              <p class="pc-muted">
                The newer change shows on cards; the other is kept here until you choose.
              </p>
              <ul>
                {status.conflicts.map((conflict) =>
                  conflict.kept.map((kept) => (
                    <li key={`${conflict.id}-${kept.stamp}`}>
                      <strong>{conflict.shown ?? `${kept.name} (deleted)`}</strong>
                      {conflict.shown ? ' shows now' : ' was deleted in another browser'}; kept: the
                      version "{kept.name}" from {kept.at > 0 ? when(kept.at) : 'before sync'}.{' '}
                      <button
                        type="button"
                        class="pc-button"
                        disabled={busy}
                        aria-label={`Restore ${kept.name} from ${kept.at > 0 ? when(kept.at) : 'before sync'}`}
                        onClick={() =>
                          void run(async () => {
                            setMessage(await api.resolve(conflict.id, kept.stamp, 'restore'));
                            setState(await api.act('now'));
                          })
                        }
                      >
                        Restore this version
                      </button>{' '}
                      <button
                        type="button"
                        class="pc-button"
                        disabled={busy}
                        aria-label={`Dismiss the older version of ${kept.name}`}
                        onClick={() =>
                          void run(async () => {
                            setMessage(await api.resolve(conflict.id, kept.stamp, 'dismiss'));
                            setState(await api.act('now'));
                          })
                        }
                      >
                        Dismiss
                      </button>
                    </li>
                  )),
                )}
              </ul>
            </div>
          )}
        </div>
      )}

      <div class="pc-form-actions">
        {state?.on && (
          <button
            type="button"
            class="pc-button"
            disabled={busy}
            onClick={() => void act('now', 'Synced.')}
          >
            Sync now
          </button>
        )}
        {confirmErase ? (
          <>
            <span>
              Erase everything Profile Card put in browser sync, and turn sync off here? Browsers
              where it is still on will put their people back.
            </span>
            <button
              type="button"
              class="pc-button pc-danger"
              disabled={busy}
              onClick={() => {
                setConfirmErase(false);
                void act('erase', 'Erased what Profile Card kept in browser sync.');
              }}
            >
              Erase
            </button>
            <button type="button" class="pc-button" onClick={() => setConfirmErase(false)}>
              Cancel
            </button>
          </>
        ) : (
          <button
            type="button"
            class="pc-button"
            disabled={!state || busy}
            onClick={() => setConfirmErase(true)}
          >
            Erase synced data…
          </button>
        )}
      </div>
      {!say && (
        <p class="pc-status-line" role="status">
          {message}
        </p>
      )}
    </section>
  );
}
