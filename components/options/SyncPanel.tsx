/**
 * Browser sync on the options page: the switch first (off until the user
 * turns it on, per browser), what it means in plain words one click away,
 * how much of the
 * user's people fit, what could not be read or put here, and the people
 * two browsers changed at once, each with Restore and Dismiss. The work is
 * the background's (sync/engine.ts); this only asks and shows.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatDate, formatNumber, list } from '../../i18n/format';
import { t, tn } from '../../i18n/t';
import type { SyncAction } from '../../messaging/messages';
import type { SyncStatus } from '../../sync/engine';

export interface SyncApi {
  act(action: SyncAction): Promise<{ on: boolean; status: SyncStatus | null }>;
  resolve(id: string, stamp: string, action: 'restore' | 'dismiss'): Promise<string>;
  /** Calls back when the background records a new status; returns an unsubscribe. */
  onStatus(callback: () => void): () => void;
}

const kilobytes = (bytes: number) =>
  formatNumber(bytes / 1024, {
    style: 'unit',
    unit: 'kilobyte',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
const when = formatDate;

export function SyncPanel({
  api,
  say,
}: {
  api: SyncApi;
  /** The page's one status region (page.ts `say`), which then says the outcomes instead. */
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
      <h2 id="pc-sync-title">{t('sync_title')}</h2>
      <label class="pc-check">
        <input
          type="checkbox"
          checked={state?.on ?? false}
          disabled={!state || busy}
          onChange={(event) => {
            const on = event.currentTarget.checked;
            // Shown at once; the background's answer replaces it.
            setState({ on, status: state?.status ?? null });
            void act(on ? 'on' : 'off', on ? t('sync_on_done') : t('sync_off_done'));
          }}
        />
        {t('sync_switch')}
      </label>
      <details class="pc-about">
        <summary>{t('sync_about')}</summary>
        <p class="pc-muted">{t('sync_explained')}</p>
      </details>

      {state?.on && status && (
        <div data-testid="pc-sync-status">
          {status.newer && (
            <p class="pc-banner" role="alert">
              {status.newer}
            </p>
          )}
          <p>
            {tn('sync_last', status.total, when(status.at), status.synced, kilobytes(status.bytes))}
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
            <p role="status">{t('sync_too_big', list(status.tooBig))}</p>
          )}
          {status.waiting > 0 && <p class="pc-muted">{tn('sync_waiting', status.waiting)}</p>}
          {status.unreadable.length > 0 && (
            <div class="pc-banner" role="alert">
              <p>{tn('sync_unreadable', status.unreadable.length)}</p>
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
              <p>{t('sync_not_applied')}</p>
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
              <h3>{t('sync_conflicts_title')}</h3>
              <p class="pc-muted">{t('sync_conflicts_explained')}</p>
              <ul>
                {status.conflicts.map((conflict) =>
                  conflict.kept.map((kept) => {
                    const from = kept.at > 0 ? when(kept.at) : t('sync_before_sync');
                    return (
                      <li key={`${conflict.id}-${kept.stamp}`}>
                        {conflict.shown
                          ? t('sync_conflict_shown', conflict.shown, kept.name, from)
                          : t('sync_conflict_deleted', kept.name, kept.name, from)}{' '}
                        <button
                          type="button"
                          class="pc-button"
                          disabled={busy}
                          aria-label={t('sync_restore_label', kept.name, from)}
                          onClick={() =>
                            void run(async () => {
                              setMessage(await api.resolve(conflict.id, kept.stamp, 'restore'));
                              setState(await api.act('now'));
                            })
                          }
                        >
                          {t('sync_restore')}
                        </button>{' '}
                        <button
                          type="button"
                          class="pc-button"
                          disabled={busy}
                          aria-label={t('sync_dismiss_label', kept.name)}
                          onClick={() =>
                            void run(async () => {
                              setMessage(await api.resolve(conflict.id, kept.stamp, 'dismiss'));
                              setState(await api.act('now'));
                            })
                          }
                        >
                          {t('dismiss')}
                        </button>
                      </li>
                    );
                  }),
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
            onClick={() => void act('now', t('sync_synced'))}
          >
            {t('sync_now')}
          </button>
        )}
        {confirmErase ? (
          <>
            <span>{t('sync_erase_confirm')}</span>
            <button
              type="button"
              class="pc-button pc-danger"
              disabled={busy}
              onClick={() => {
                setConfirmErase(false);
                void act('erase', t('sync_erased'));
              }}
            >
              {t('sync_erase')}
            </button>
            <button type="button" class="pc-button" onClick={() => setConfirmErase(false)}>
              {t('cancel')}
            </button>
          </>
        ) : (
          <button
            type="button"
            class="pc-button"
            disabled={!state || busy}
            onClick={() => setConfirmErase(true)}
          >
            {t('sync_erase_ask')}
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
