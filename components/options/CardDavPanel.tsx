/**
 * Address books (CardDAV) on the options page: the form first (server, user
 * name, app password — the shared FormField), what connecting means one
 * click away, the books found to pick from, and each connected book
 * (CardDavBook.tsx). The host permission is asked for by `api.find` as the
 * first thing the click does, as browsers require. The password is sent to
 * the background once, in the connect messages, and never comes back: the
 * books listed here carry no password (carddav/service.ts `viewOf`). When
 * what the keyboard was on goes (the books found, once connected; a row,
 * once disconnected), it goes on from the server field (refocus.ts).
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { BookView } from '../../carddav/service';
import { t, tn } from '../../i18n/t';
import { FormField } from '../parts/FormField';
import { CardDavBook } from './CardDavBook';
import type { CardDavApi } from './carddav-api';
import { refocusIfLost } from './refocus';

export type { CardDavApi };

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

  const serverField = useRef<HTMLInputElement>(null);
  /** The books found (connected) or a book's row (disconnected) went: the keyboard goes on from the server field. */
  const gone = useRef(false);
  // In the commit that removed the focused element (see ImportPanel.tsx).
  useLayoutEffect(() => {
    if (!gone.current) return;
    gone.current = false;
    refocusIfLost(serverField.current);
  }, [books, found]);

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
      gone.current = true;
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
        <FormField id="pc-carddav-server" class="pc-field" label={t('cdav_server')}>
          {(aria) => (
            <input
              ref={serverField}
              id="pc-carddav-server"
              type="text"
              required
              {...aria}
              // i18n-ignore: an HTML autocomplete token, not words
              autocomplete="url"
              // i18n-ignore: an example address, the same in every language
              placeholder="fastmail.com"
              value={server}
              onInput={(event) => setServer(event.currentTarget.value)}
            />
          )}
        </FormField>
        <FormField id="pc-carddav-user" class="pc-field" label={t('cdav_user')}>
          {(aria) => (
            <input
              id="pc-carddav-user"
              type="text"
              required
              {...aria}
              // i18n-ignore: an HTML autocomplete token, not words
              autocomplete="username"
              value={user}
              onInput={(event) => setUser(event.currentTarget.value)}
            />
          )}
        </FormField>
        <FormField id="pc-carddav-password" class="pc-field" label={t('cdav_password')}>
          {(aria) => (
            <input
              id="pc-carddav-password"
              type="password"
              required
              {...aria}
              // i18n-ignore: an HTML autocomplete token, not words
              autocomplete="off"
              value={password}
              onInput={(event) => setPassword(event.currentTarget.value)}
            />
          )}
        </FormField>
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
      <details class="pc-about">
        <summary>{t('cdav_about')}</summary>
        <p class="pc-muted">{t('cdav_explained')}</p>
      </details>
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
            <CardDavBook
              key={book.id}
              book={book}
              api={api}
              busy={busy}
              run={run}
              say={say}
              onChange={onChange}
              onError={setError}
              onDisconnected={() => {
                gone.current = true;
              }}
              onWriteBack={(on) =>
                setBooks(
                  books.map((each) => (each.id === book.id ? { ...each, writeBack: on } : each)),
                )
              }
            />
          ))}
        </ul>
      )}
    </section>
  );
}
