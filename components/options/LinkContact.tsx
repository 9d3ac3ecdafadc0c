/**
 * "Link to an address-book contact…" for the kept person being edited
 * (docs/carddav.md#links): the user types a name, the connected books'
 * contacts that match (case- and accent-insensitive word prefixes, read
 * from this browser's copy: carddav/service.ts `contacts`) are listed with
 * their book, and one click links. A contact already linked to someone
 * else is listed as such and offers no Link. Shown under the edit form,
 * not in the people table: the table's rows are fixed-height and dense,
 * and only users with an address book need this, when they look at one
 * person. Linking writes nothing to the server; the book's row lists the
 * link with Unlink (CardDavPanel.tsx).
 *
 *   button ─▶ search field ─(typing, 200 ms)─▶ api.contacts ─▶ name · book ─▶ Link ─▶ api.link
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ContactMatch } from '../../carddav/service';
import { t } from '../../i18n/t';
import type { CardDavApi } from './CardDavPanel';

const WAIT_MS = 200;

export function LinkContact({
  api,
  person,
  onLinked,
}: {
  api: Pick<CardDavApi, 'list' | 'contacts' | 'link'>;
  /** The kept person being edited. */
  person: { id: string; name: string };
  /** After a link: the page says so and shows the person as cards now do. */
  onLinked: (sentence: string) => void;
}) {
  const [books, setBooks] = useState(0);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<ContactMatch[]>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const asked = useRef(0);

  useEffect(() => {
    api.list().then(
      (list) => setBooks(list.length),
      () => setBooks(0),
    );
  }, [api]);

  useEffect(() => {
    if (!open || !query.trim()) {
      setMatches(undefined);
      return;
    }
    const at = ++asked.current;
    const timer = setTimeout(() => {
      api.contacts(query).then(
        (found) => {
          // An answer to older typing is dropped.
          if (at === asked.current) setMatches(found);
        },
        (failure: Error) => setError(failure.message),
      );
    }, WAIT_MS);
    return () => clearTimeout(timer);
  }, [api, open, query]);

  if (books === 0) return null;
  if (!open)
    return (
      <div class="pc-panel pc-link-contact">
        <button type="button" class="pc-button" onClick={() => setOpen(true)}>
          {t('cdav_pick_open')}
        </button>
      </div>
    );

  const link = async (match: ContactMatch) => {
    if (busy) return;
    setBusy(true);
    setError('');
    try {
      const result = await api.link(match.dir, person.id, match.card);
      if (!result.ok) setError(result.error);
      else {
        setOpen(false);
        setQuery('');
        onLinked(t('cdav_linked', person.name, match.name, match.book));
      }
    } catch (failure) {
      setError((failure as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      class="pc-panel pc-link-contact"
      aria-labelledby="pc-link-contact-title"
      data-testid="pc-link-contact"
    >
      <h3 id="pc-link-contact-title">{t('cdav_pick_open')}</h3>
      <p class="pc-muted">{t('cdav_pick_explained', person.name)}</p>
      <div class="pc-field">
        <label for="pc-link-contact-query">{t('cdav_pick_search')}</label>
        <input
          id="pc-link-contact-query"
          type="search"
          // i18n-ignore: an HTML autocomplete token, not words
          autocomplete="off"
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
        />
      </div>
      {matches && matches.length === 0 && (
        <p class="pc-muted" role="status">
          {t('cdav_pick_none', query.trim())}
        </p>
      )}
      {matches && matches.length > 0 && (
        <ul class="pc-carddav-links" aria-label={t('cdav_pick_search')}>
          {matches.map((match) => (
            <li key={`${match.dir}-${match.card}`}>
              <bdi>{match.name}</bdi> <span class="pc-muted">{t('cdav_pick_in', match.book)}</span>{' '}
              {match.linkedTo ? (
                <span class="pc-tag">{t('cdav_pick_linked_to', match.linkedTo.name)}</span>
              ) : (
                <button
                  type="button"
                  class="pc-button"
                  disabled={busy}
                  aria-label={t('cdav_link_label', person.name, match.name, match.book)}
                  onClick={() => void link(match)}
                >
                  {t('cdav_pick_link')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p class="pc-error" role="alert">
          {error}
        </p>
      )}
      <div class="pc-form-actions">
        <button type="button" class="pc-button" onClick={() => setOpen(false)}>
          {t('cdav_pick_close')}
        </button>
      </div>
    </section>
  );
}
