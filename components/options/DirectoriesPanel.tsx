/**
 * Team directories on the options page: the form first, what subscribing
 * means (the one network request Profile Card makes) one click away, and
 * each subscription with its count, when it was fetched, why the last try
 * failed (said once, in its row; the copy shown stays), Refresh now and
 * Unsubscribe. Each row is busy on its own: Unsubscribe stays usable while
 * its directory refreshes, and stops that refresh at once (a server that
 * drips its file does not hold the click); once its row is gone, the keyboard
 * goes on from the address field (refocus.ts). The host permission is asked for by
 * `api.subscribe` as the first thing the click does, as browsers require
 * (https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/permissions/request).
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { privacyPromise } from '../../directories/promise';
import { formatDate } from '../../i18n/format';
import { t, tn } from '../../i18n/t';
import type { DirectoryRecord } from '../../store/db';
import { FormField } from '../parts/FormField';
import { refocusIfLost } from './refocus';

export interface DirectoriesApi {
  list(): Promise<DirectoryRecord[]>;
  /** Asks for the address's host permission at once (the user's click), then subscribes. */
  subscribe(
    url: string,
    name: string,
  ): Promise<{ ok: true; directory: DirectoryRecord } | { ok: false; error: string }>;
  refresh(id: string): Promise<DirectoryRecord | null>;
  unsubscribe(id: string): Promise<boolean>;
}

const when = (ms: number | undefined) => (ms ? formatDate(ms) : t('dir_never'));

export function DirectoriesPanel({
  api,
  onChange,
  say,
}: {
  api: DirectoriesApi;
  onChange: () => void;
  /** The page's one status region (page.ts `say`), which then says the outcomes instead. */
  say?: (text: string) => void;
}) {
  const [directories, setDirectories] = useState<DirectoryRecord[]>();
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  /** What is under way: `subscribe`, `refresh-<id>`, `unsubscribe-<id>`, each on its own. */
  const [busy, setBusy] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState('');
  const [message, setOwnMessage] = useState('');
  const setMessage = (text: string) => (say ? say(text) : setOwnMessage(text));

  const load = () => api.list().then(setDirectories, (failure: Error) => setError(failure.message));
  useEffect(() => {
    void load();
  }, [api]);

  const address = useRef<HTMLInputElement>(null);
  /** A row was unsubscribed: once it is gone, the keyboard goes on from the address field. */
  const rowGone = useRef(false);
  // In the commit that removed the focused element (see ImportPanel.tsx).
  useLayoutEffect(() => {
    if (!rowGone.current) return;
    rowGone.current = false;
    refocusIfLost(address.current);
  }, [directories]);

  const run = async (what: string, work: () => Promise<void>) => {
    if (busy.has(what)) return;
    setBusy((now) => new Set(now).add(what));
    setError('');
    setMessage('');
    try {
      await work();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy((now) => {
        const next = new Set(now);
        next.delete(what);
        return next;
      });
      await load();
    }
  };

  return (
    <section class="pc-panel" aria-labelledby="pc-directories-title">
      <h2 id="pc-directories-title">{t('dir_title')}</h2>
      <form
        class="pc-directory-form"
        onSubmit={(event) => {
          event.preventDefault();
          // The permission request must start in this click, before anything is awaited.
          const asked = api.subscribe(url, name);
          void run('subscribe', async () => {
            const result = await asked;
            if (!result.ok) {
              setError(result.error);
              return;
            }
            const { directory } = result;
            setUrl('');
            setName('');
            setMessage(
              directory.problem
                ? t('dir_subscribed_problem', directory.name)
                : tn('dir_subscribed', directory.count, directory.name),
            );
            onChange();
          });
        }}
      >
        <FormField id="pc-directory-url" class="pc-field" label={t('dir_address')}>
          {(aria) => (
            <input
              ref={address}
              id="pc-directory-url"
              type="url"
              required
              {...aria}
              // i18n-ignore: an example address, the same in every language
              placeholder="https://intranet.example.com/team.json"
              value={url}
              onInput={(event) => setUrl(event.currentTarget.value)}
            />
          )}
        </FormField>
        <FormField id="pc-directory-name" class="pc-field" label={t('dir_name_label')}>
          {(aria) => (
            <input
              id="pc-directory-name"
              type="text"
              maxLength={80}
              {...aria}
              placeholder={t('dir_name_placeholder')}
              value={name}
              onInput={(event) => setName(event.currentTarget.value)}
            />
          )}
        </FormField>
        <div class="pc-form-actions">
          <button
            type="submit"
            class="pc-button pc-primary"
            disabled={busy.has('subscribe')}
            aria-busy={busy.has('subscribe')}
          >
            {t('dir_subscribe')}
          </button>
        </div>
      </form>
      <details class="pc-about">
        <summary>{t('dir_about')}</summary>
        <p class="pc-muted" data-testid="pc-privacy-promise">
          {privacyPromise()}
        </p>
        <p class="pc-muted">{t('dir_explained')}</p>
      </details>
      {error && (
        <p class="pc-error" role="alert">
          {error}
        </p>
      )}
      {!say && (
        <p class="pc-status-line" role="status">
          {message}
        </p>
      )}
      {directories && directories.length > 0 && (
        <ul class="pc-directory-list" data-testid="pc-directories">
          {directories.map((directory) => (
            <li key={directory.id} class="pc-directory-row">
              <div class="pc-directory-main">
                <span class="pc-directory-title">
                  <span class="pc-person-name" dir="auto">
                    {directory.name}
                  </span>{' '}
                  <span class="pc-tag">{t('dir_tag')}</span>
                </span>
                <span class="pc-muted">{directory.url}</span>
                <span class="pc-muted">
                  {tn(
                    'dir_summary',
                    directory.count,
                    when(directory.fetchedAt),
                    when(directory.checkedAt),
                  )}
                </span>
                {directory.problem && (
                  <span class="pc-error pc-directory-problem" role="alert">
                    {directory.problem}{' '}
                    {directory.gen > 0
                      ? t('dir_showing_copy', when(directory.fetchedAt))
                      : t('dir_nothing_shown')}
                  </span>
                )}
                {directory.refused && (
                  <span class="pc-muted">
                    {tn(
                      'dir_refused',
                      directory.refused.count,
                      directory.refused.first.join('; ') +
                        (directory.refused.count > directory.refused.first.length ? '; …' : ''),
                    )}
                  </span>
                )}
              </div>
              <div class="pc-directory-actions">
                <button
                  type="button"
                  class="pc-button"
                  disabled={
                    busy.has(`refresh-${directory.id}`) || busy.has(`unsubscribe-${directory.id}`)
                  }
                  aria-busy={busy.has(`refresh-${directory.id}`)}
                  aria-label={t('dir_refresh_label', directory.name)}
                  onClick={() =>
                    void run(`refresh-${directory.id}`, async () => {
                      const after = await api.refresh(directory.id);
                      // Unsubscribed meanwhile: that outcome is the one said.
                      if (!after) return;
                      setMessage(
                        after.problem
                          ? t('dir_not_updated', directory.name)
                          : after.gen !== directory.gen
                            ? tn('dir_updated', after.count, directory.name, directory.count)
                            : tn('dir_up_to_date', after.count, directory.name),
                      );
                      onChange();
                    })
                  }
                >
                  {t('dir_refresh')}
                </button>
                <button
                  type="button"
                  class="pc-button"
                  disabled={busy.has(`unsubscribe-${directory.id}`)}
                  aria-busy={busy.has(`unsubscribe-${directory.id}`)}
                  aria-label={t('dir_unsubscribe_label', directory.name)}
                  onClick={() =>
                    void run(`unsubscribe-${directory.id}`, async () => {
                      await api.unsubscribe(directory.id);
                      rowGone.current = true;
                      setMessage(t('dir_unsubscribed', directory.name));
                      onChange();
                    })
                  }
                >
                  {t('dir_unsubscribe')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
