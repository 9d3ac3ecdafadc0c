/**
 * One connected address book in the address-book section (CardDavPanel.tsx):
 * its name, account and count, when it was read, why the last try failed
 * (the copy shown stays), the people it refused, the write-back conflicts
 * and failures, the kept people linked to its contacts (Unlink), the
 * write-back switch, Refresh now and Disconnect. What a button does is the
 * panel's (`run`: one thing at a time, then the books are read again).
 */
import type { BookView } from '../../carddav/service';
import { formatDate, list } from '../../i18n/format';
import { t, tn } from '../../i18n/t';
import type { CardDavApi } from './carddav-api';

const when = (ms: number | undefined) => (ms ? formatDate(ms) : t('dir_never'));

export function CardDavBook({
  book,
  api,
  busy,
  run,
  say,
  onChange,
  onWriteBack,
  onError,
  onDisconnected,
}: {
  book: BookView;
  api: CardDavApi;
  /** What of the panel is under way, if anything: every button waits. */
  busy: string | undefined;
  run: (what: string, work: () => Promise<void>) => Promise<void>;
  say: (text: string) => void;
  onChange: () => void;
  /** The switch, shown at once (the list read after the save confirms it). */
  onWriteBack: (on: boolean) => void;
  onError: (text: string) => void;
  /** Disconnected: this row is about to go. */
  onDisconnected: () => void;
}) {
  return (
    <li class="pc-directory-row">
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
            {book.gen > 0 ? t('cdav_showing_copy', when(book.fetchedAt)) : t('cdav_nothing_shown')}
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
            {t('cdav_conflicts_title', list(book.conflicts.map((conflict) => conflict.name)))}
          </span>
        )}
        {book.failed.map((failure) => (
          <span key={failure.id} class="pc-error" role="alert" data-testid="pc-carddav-failed">
            {t('cdav_not_written', failure.name, book.name, failure.problem)}
          </span>
        ))}
        {book.linked.length > 0 && (
          <ul class="pc-carddav-links" data-testid="pc-carddav-links">
            {book.linked.map((link) => (
              <li key={link.person}>
                <span>{t('cdav_linked_to', link.personName, link.cardName, book.name)}</span>{' '}
                <button
                  type="button"
                  class="pc-button"
                  disabled={!!busy}
                  aria-label={t('cdav_unlink_label', link.personName, link.cardName)}
                  onClick={() =>
                    void run(`unlink-${link.person}`, async () => {
                      const result = await api.link(book.id, link.person, null);
                      if (!result.ok) onError(result.error);
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
                onWriteBack(on);
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
              onDisconnected();
              say(t('cdav_disconnected', book.server));
              onChange();
            })
          }
        >
          {t('cdav_disconnect')}
        </button>
      </div>
    </li>
  );
}
