/**
 * Team directories on the options page: what subscribing means (the one
 * network request Profile Card makes), the form, and each subscription with
 * its count, when it was fetched, why the last try failed (the copy shown
 * stays), Refresh now and Unsubscribe. The host permission is asked for by
 * `api.subscribe` as the first thing the click does, as browsers require
 * (https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/permissions/request).
 */
import { useEffect, useState } from 'preact/hooks';
import { PRIVACY_PROMISE } from '../directories/promise';
import type { DirectoryRecord } from '../profiles/db';

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

const when = (ms: number | undefined) => (ms ? new Date(ms).toLocaleString() : 'never');

export function DirectoriesPanel({
  api,
  onChange,
  say,
}: {
  api: DirectoriesApi;
  onChange: () => void;
  /** The page's one status region (Options.tsx), which then says the outcomes instead. */
  say?: (text: string) => void;
}) {
  const [directories, setDirectories] = useState<DirectoryRecord[]>();
  const [url, setUrl] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState('');
  const [message, setOwnMessage] = useState('');
  const setMessage = (text: string) => (say ? say(text) : setOwnMessage(text));

  const load = () => api.list().then(setDirectories, (failure: Error) => setError(failure.message));
  useEffect(() => {
    void load();
  }, [api]);

  const run = async (what: string, work: () => Promise<void>) => {
    if (busy) return;
    setBusy(what);
    setError('');
    setMessage('');
    try {
      await work();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(undefined);
      await load();
    }
  };

  return (
    <section class="pc-panel" aria-labelledby="pc-directories-title">
      <h2 id="pc-directories-title">Team directories</h2>
      <p class="pc-muted" data-testid="pc-privacy-promise">
        {PRIVACY_PROMISE}
      </p>
      <p class="pc-muted">
        A directory is a file of people on your team's server: a Profile Card export, a list of
        profiles or JSON Resumes, or vCards, at an https:// address. Subscribing asks your browser
        to let Profile Card read that one site, then fetches the whole file, and again about once a
        day (the server can answer "unchanged"). No cookies or passwords are sent, and nothing about
        you or your people. Its people are read-only, carry the directory's name on their cards, and
        never replace your own: when both have a handle, yours shows.
      </p>
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
                ? `Subscribed to ${directory.name}, but it could not be read yet: ${directory.problem}`
                : `Subscribed to ${directory.name}: ${directory.count.toLocaleString('en')} people.`,
            );
            onChange();
          });
        }}
      >
        <div class="pc-field">
          <label for="pc-directory-url">Directory address</label>
          <input
            id="pc-directory-url"
            type="url"
            required
            placeholder="https://intranet.example.com/team.json"
            value={url}
            onInput={(event) => setUrl(event.currentTarget.value)}
          />
        </div>
        <div class="pc-field">
          <label for="pc-directory-name">Name on cards (optional)</label>
          <input
            id="pc-directory-name"
            type="text"
            maxLength={80}
            placeholder="Team"
            value={name}
            onInput={(event) => setName(event.currentTarget.value)}
          />
        </div>
        <div class="pc-form-actions">
          <button
            type="submit"
            class="pc-button pc-primary"
            disabled={!!busy}
            aria-busy={busy === 'subscribe'}
          >
            Subscribe to a directory
          </button>
        </div>
      </form>
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
        <ul class="pc-people" data-testid="pc-directories">
          {directories.map((directory) => (
            <li key={directory.id} class="pc-person-row">
              <div class="pc-person-main">
                <span class="pc-person-name">{directory.name}</span>
                <span class="pc-tag">Directory</span>
                <span class="pc-person-handles">{directory.url}</span>
                <span class="pc-person-headline">
                  {directory.count.toLocaleString('en')}{' '}
                  {directory.count === 1 ? 'person' : 'people'} · fetched{' '}
                  {when(directory.fetchedAt)} · checked {when(directory.checkedAt)}
                </span>
                {directory.problem && (
                  <span class="pc-error" role="alert">
                    {directory.problem}{' '}
                    {directory.gen > 0
                      ? `Showing the copy fetched ${when(directory.fetchedAt)}.`
                      : 'Nothing from it is shown yet.'}
                  </span>
                )}
                {directory.refused && (
                  <span class="pc-muted">
                    {directory.refused.count.toLocaleString('en')}{' '}
                    {directory.refused.count === 1 ? 'entry was' : 'entries were'} left out:{' '}
                    {directory.refused.first.join('; ')}
                    {directory.refused.count > directory.refused.first.length ? '; …' : ''}
                  </span>
                )}
              </div>
              <div class="pc-person-actions">
                <button
                  type="button"
                  class="pc-button"
                  disabled={!!busy}
                  aria-busy={busy === `refresh-${directory.id}`}
                  aria-label={`Refresh ${directory.name} now`}
                  onClick={() =>
                    void run(`refresh-${directory.id}`, async () => {
                      const after = await api.refresh(directory.id);
                      setMessage(
                        after?.problem
                          ? `${directory.name} was not updated: ${after.problem}`
                          : `${directory.name} is up to date: ${(after?.count ?? 0).toLocaleString('en')} people.`,
                      );
                      onChange();
                    })
                  }
                >
                  Refresh now
                </button>
                <button
                  type="button"
                  class="pc-button"
                  disabled={!!busy}
                  aria-label={`Unsubscribe from ${directory.name}`}
                  onClick={() =>
                    void run(`unsubscribe-${directory.id}`, async () => {
                      await api.unsubscribe(directory.id);
                      setMessage(
                        `Unsubscribed from ${directory.name}; its people are gone and Profile Card no longer reads that site.`,
                      );
                      onChange();
                    })
                  }
                >
                  Unsubscribe
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
