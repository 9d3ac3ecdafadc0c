/**
 * What is wrong with the stored data, and the user's two ways out, above the
 * options page's people: an earlier version's data that could not be moved
 * (download it; keep what the database holds), one that is partly damaged
 * (download it; keep the readable people), and damaged records in the
 * database (download them; remove them). Nothing is let go before the user
 * could download it.
 */
import { t, tn } from '../../i18n/t';
import type { DamagedRecord } from '../../store/db';
import type { MigrationOutcome } from '../../store/migrate';

export interface StoredDataBannersProps {
  /** The options page's api (options-api.ts `OptionsApi`), the four calls this needs. */
  api: {
    download(fileName: string, content: string | Blob, type: string): void;
    discardLegacy(raw: unknown): Promise<boolean>;
    moveReadable(): Promise<MigrationOutcome>;
    removeDamaged(ids: string[]): Promise<void>;
  };
  migration: MigrationOutcome;
  damaged: readonly DamagedRecord[];
  /** The write running now, if any (its buttons wait). */
  busy: string | undefined;
  /** Why writes are paused, if they are. */
  blocked: string | undefined;
  /** Runs one write with the page's busy state (page.ts `run`). */
  run: <T>(what: string, work: () => Promise<T>) => Promise<T | undefined>;
  say: (text: string) => void;
  reload: () => Promise<unknown>;
}

export function StoredDataBanners({
  api,
  migration,
  damaged,
  busy,
  blocked,
  run,
  say,
  reload,
}: StoredDataBannersProps) {
  return (
    <>
      {migration.kind === 'failed' && (
        <div class="pc-banner" role="alert">
          <p>{migration.message}</p>
          {migration.raw !== undefined && (
            <div class="pc-form-actions">
              <button
                type="button"
                class="pc-button pc-primary"
                onClick={() =>
                  api.download(
                    'profile-card-stored-data.json',
                    `${JSON.stringify(migration.raw, null, 2)}\n`,
                    'application/json',
                  )
                }
              >
                {t('options_download_stored')}
              </button>
              <button
                type="button"
                class="pc-button"
                disabled={!!busy}
                onClick={() =>
                  void run('discard', async () => {
                    if (await api.discardLegacy(migration.raw)) say(t('options_discarded'));
                    await reload();
                  })
                }
              >
                {t('options_keep_stored')}
              </button>
            </div>
          )}
        </div>
      )}
      {migration.kind === 'damaged' && (
        <div class="pc-banner" role="alert">
          <p>
            <strong>{t('options_damaged_title')}</strong> {migration.message}{' '}
            {t('options_damaged_advice')}
          </p>
          <div class="pc-form-actions">
            <button
              type="button"
              class="pc-button pc-primary"
              onClick={() =>
                api.download(
                  'profile-card-stored-data.json',
                  `${JSON.stringify(migration.raw, null, 2)}\n`,
                  'application/json',
                )
              }
            >
              {t('options_download_stored')}
            </button>
            <button
              type="button"
              class="pc-button"
              disabled={!!busy}
              aria-busy={busy === 'move'}
              onClick={() =>
                void run('move', async () => {
                  const outcome = await api.moveReadable();
                  if (outcome.kind === 'moved')
                    say(tn('options_kept_readable', migration.readable));
                  await reload();
                })
              }
            >
              {t('options_keep_readable')}
            </button>
          </div>
        </div>
      )}
      {damaged.length > 0 && (
        <div class="pc-banner" role="alert">
          <p>
            <strong>{tn('options_damaged_records', damaged.length)}</strong>{' '}
            {t(
              'options_damaged_kept',
              damaged
                .slice(0, 3)
                .map((record) => `${record.id}: ${record.problem}`)
                .join('; ') + (damaged.length > 3 ? '; …' : ''),
            )}
          </p>
          <div class="pc-form-actions">
            <button
              type="button"
              class="pc-button pc-primary"
              onClick={() =>
                api.download(
                  'profile-card-damaged-records.json',
                  `${JSON.stringify(
                    damaged.map((record) => record.raw),
                    null,
                    2,
                  )}\n`,
                  'application/json',
                )
              }
            >
              {t('options_download_damaged')}
            </button>
            <button
              type="button"
              class="pc-button"
              disabled={!!busy || !!blocked}
              onClick={() =>
                void run('damaged', async () => {
                  await api.removeDamaged(damaged.map((record) => record.id));
                  say(t('options_removed_damaged'));
                  await reload();
                })
              }
            >
              {t('options_remove_them')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}
