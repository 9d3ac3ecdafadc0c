/**
 * Address books (CardDAV) on the options page: what connecting means, the
 * form (server, user name, app password), the books found to pick from,
 * and each connected book with its count, when it was read, why the last
 * try failed (the copy shown stays), the kept people linked to its
 * contacts (Unlink), the write-back switch, Refresh now and Disconnect. The host permission is asked for by `api.find` as the
 * first thing the click does, as browsers require. The password is sent to
 * the background once, in the connect messages, and never comes back: the
 * books listed here carry no password (carddav/service.ts `viewOf`).
 */
import { useEffect, useState } from 'preact/hooks';
import type { BookView, Connected, ContactMatch } from '../../carddav/service';
import { formatDate, list } from '../../i18n/format';
import { t, tn } from '../../i18n/t';

export interface CardDavApi {
  list(): Promise<BookView[]>;
  /** Asks for the server's host permission at once (the user's click), then discovers. */
  find(server: string, user: string, password: string): Promise<Connected>;
  add(
    server: string,
    user: string,
    password: string,
    books: { url: string; name: string; writable: boolean }[],
  ): Promise<{ ok: true; books: BookView[] } | { ok: false; error: string }>;
  refresh(id: string): Promise<BookView | null>;
  setWriteBack(id: string, on: boolean): Promise<BookView | null>;
  disconnect(id: string): Promise<boolean>;
  /** Links a kept person to a contact of the book, or unlinks them (`card` null). */
  link(
    id: string,
    person: string,
    card: string | null,
  ): Promise<{ ok: true; book: BookView } | { ok: false; error: string }>;
  /** Contacts of the connected books by name, to link one to a kept person (LinkContact.tsx). */
  contacts(query: string): Promise<ContactMatch[]>;
}

const when = (ms: number | undefined) => (ms ? formatDate(ms) : t('dir_never'));

export function CardDavPanel({
  api,
  onChange,
  say,
  revision = 0,
}: {
  api: CardDavApi;
  /** Changes when a link was made elsewhere on the page: the list is read again. */
  revision?: number;
  onChange: () => void;
  /** The page's one status region (Options.tsx). */
  say: (text: string) => void;
}) {
  const [books, setBooks] = useState<BookView[]>();
  const [server, setServer] = useState('');
  const [user, setUser] = useState('');
  const [password, setPassword] = useState('');
  const [found, setFound] = useState<{ url: string; name: string; writable: boolean }[]>();
  const [picked, setPicked] = useState<Set<string>>(new Set());
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState('');

  const load = () => api.list().then(setBooks, (failure: Error) => setError(failure.message));
  useEffect(() => {
    void load();
  }, [api, revision]);

  const run = async (what: string, work: () => Promise<void>) => {
    if (busy) return;
    setBusy(what);
    setError('');
    say('');
    try {
      await work();
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(undefined);
      await load();
    }
  };

  const connect = () =>
    run('add', async () => {
      const chosen = (found ?? []).filter((book) => picked.has(book.url));
      const result = await api.add(server, user, password, chosen);
      if (!result.ok) {
        setError(result.error);
        return;
      }
      setFound(undefined);
      setPassword('');
      setServer('');
      setUser('');
      say(
        result.books
          .map((book) =>
            book.problem
              ? t('cdav_not_updated', book.name, book.problem)
              : tn('cdav_connected', book.count, book.name),
          )
          .join(' '),
      );
      onChange();
    });

  return (
    <section class="pc-panel" aria-labelledby="pc-carddav-title">
      <h2 id="pc-carddav-title">{t('cdav_title')}</h2>
      <p class="pc-muted">{t('cdav_explained')}</p>
      <form
        class="pc-directory-form"
        onSubmit={(event) => {
          event.preventDefault();
          // The permission request must start in this click, before anything is awaited.
          const asked = api.find(server, user, password);
          void run('find', async () => {
            const result = await asked;
            if (!result.ok) {
              setFound(undefined);
              setError(result.error);
              return;
            }
            setFound(result.books);
            setPicked(new Set(result.books.map((book) => book.url)));
          });
        }}
      >
        <div class="pc-field">
          <label for="pc-carddav-server">{t('cdav_server')}</label>
          <input
            id="pc-carddav-server"
            type="text"
            required
            // i18n-ignore: an HTML autocomplete token, not words
            autocomplete="url"
            // i18n-ignore: an example address, the same in every language
            placeholder="fastmail.com"
            value={server}
            onInput={(event) => setServer(event.currentTarget.value)}
          />
        </div>
        <div class="pc-field">
          <label for="pc-carddav-user">{t('cdav_user')}</label>
          <input
            id="pc-carddav-user"
            type="text"
            required
            // i18n-ignore: an HTML autocomplete token, not words
            autocomplete="username"
            value={user}
            onInput={(event) => setUser(event.currentTarget.value)}
          />
        </div>
        <div class="pc-field">
          <label for="pc-carddav-password">{t('cdav_password')}</label>
          <input
            id="pc-carddav-password"
            type="password"
            required
            // i18n-ignore: an HTML autocomplete token, not words
            autocomplete="off"
            value={password}
            onInput={(event) => setPassword(event.currentTarget.value)}
          />
        </div>
        <div class="pc-form-actions">
          <button
            type="submit"
            class="pc-button pc-primary"
            disabled={!!busy}
            aria-busy={busy === 'find'}
          >
            {t('cdav_find')}
          </button>
        </div>
      </form>
      {found && (
        <fieldset class="pc-fieldset" data-testid="pc-carddav-found">
          <legend>{tn('cdav_found', found.length)}</legend>
          {found.map((book) => (
            <label key={book.url} class="pc-check">
              <input
                type="checkbox"
                checked={picked.has(book.url)}
                onChange={(event) => {
                  const next = new Set(picked);
                  if (event.currentTarget.checked) next.add(book.url);
                  else next.delete(book.url);
                  setPicked(next);
                }}
              />
              <span dir="auto">{book.name}</span>
            </label>
          ))}
          <div class="pc-form-actions">
            <button
              type="button"
              class="pc-button pc-primary"
              disabled={!!busy || picked.size === 0}
              aria-busy={busy === 'add'}
              onClick={() => void connect()}
            >
              {t('cdav_add')}
            </button>
          </div>
        </fieldset>
      )}
      {error && (
        <p class="pc-error" role="alert">
          {error}
        </p>
      )}
      {books && books.length > 0 && (
        <ul class="pc-directory-list" data-testid="pc-carddav-books">
          {books.map((book) => (
            <li key={book.id} class="pc-directory-row">
              <div class="pc-directory-main">
                <span class="pc-person-name" dir="auto">
                  {book.name}
                </span>
                <span class="pc-tag">{t('cdav_tag')}</span>
                <span class="pc-person-handles">
                  {book.user} · {book.server}
                </span>
                <span class="pc-person-headline">
                  {tn('cdav_summary', book.count, when(book.fetchedAt))}
                </span>
                {book.problem && (
                  <span class="pc-error" role="alert">
                    {book.problem}{' '}
                    {book.gen > 0
                      ? t('cdav_showing_copy', when(book.fetchedAt))
                      : t('cdav_nothing_shown')}
                  </span>
                )}
                {book.refused && (
                  <span class="pc-muted">
                    {tn(
                      'cdav_refused',
                      book.refused.count,
                      book.refused.first.join('; ') +
                        (book.refused.count > book.refused.first.length ? '; …' : ''),
                    )}
                  </span>
                )}
                {book.conflicts.length > 0 && (
                  <span class="pc-error" role="alert" data-testid="pc-carddav-conflicts">
                    {t(
                      'cdav_conflicts_title',
                      list(book.conflicts.map((conflict) => conflict.name)),
                    )}
                  </span>
                )}
                {book.failed.map((failure) => (
                  <span
                    key={failure.id}
                    class="pc-error"
                    role="alert"
                    data-testid="pc-carddav-failed"
                  >
                    {t('cdav_not_written', failure.name, book.name, failure.problem)}
                  </span>
                ))}
                {book.linked.length > 0 && (
                  <ul class="pc-carddav-links" data-testid="pc-carddav-links">
                    {book.linked.map((link) => (
                      <li key={link.person}>
                        <span>
                          {t('cdav_linked_to', link.personName, link.cardName, book.name)}
                        </span>{' '}
                        <button
                          type="button"
                          class="pc-button"
                          disabled={!!busy}
                          aria-label={t('cdav_unlink_label', link.personName, link.cardName)}
                          onClick={() =>
                            void run(`unlink-${link.person}`, async () => {
                              const result = await api.link(book.id, link.person, null);
                              if (!result.ok) setError(result.error);
                              else say(t('cdav_unlinked', link.personName, link.cardName));
                              onChange();
                            })
                          }
                        >
                          {t('cdav_unlink')}
                        </button>
                      </li>
                    ))}
                  </ul>
                )}
                {book.writable ? (
                  <label class="pc-check">
                    <input
                      type="checkbox"
                      checked={book.writeBack}
                      disabled={!!busy}
                      onChange={(event) => {
                        const on = event.currentTarget.checked;
                        // Shown at once; the list read after the save confirms it.
                        setBooks(
                          books.map((each) =>
                            each.id === book.id ? { ...each, writeBack: on } : each,
                          ),
                        );
                        void run(`write-${book.id}`, async () => {
                          await api.setWriteBack(book.id, on);
                        });
                      }}
                    />
                    {t('cdav_write_back')}
                  </label>
                ) : (
                  <span class="pc-muted">{t('cdav_read_only')}</span>
                )}
              </div>
              <div class="pc-directory-actions">
                <button
                  type="button"
                  class="pc-button"
                  disabled={!!busy}
                  aria-busy={busy === `refresh-${book.id}`}
                  aria-label={t('cdav_refresh_label', book.name)}
                  onClick={() =>
                    void run(`refresh-${book.id}`, async () => {
                      const after = await api.refresh(book.id);
                      say(
                        after?.problem
                          ? t('cdav_not_updated', book.name, after.problem)
                          : tn('cdav_up_to_date', after?.count ?? 0, book.name),
                      );
                      onChange();
                    })
                  }
                >
                  {t('cdav_refresh')}
                </button>
                <button
                  type="button"
                  class="pc-button"
                  disabled={!!busy}
                  aria-label={t('cdav_disconnect_label', book.name)}
                  onClick={() =>
                    void run(`disconnect-${book.id}`, async () => {
                      await api.disconnect(book.id);
                      say(t('cdav_disconnected', book.server));
                      onChange();
                    })
                  }
                >
                  {t('cdav_disconnect')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
