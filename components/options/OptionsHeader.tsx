/**
 * The top of the options page: what Profile Card is, its privacy promise
 * (directories/promise.ts), and a jump link to each section — sync and
 * directories only when the page offers them.
 */
import { privacyPromise } from '../../directories/promise';
import { type MessageKey, t } from '../../i18n/t';

/** The page's sections, for the jump links at its top (sync and directories when offered). */
const SECTIONS = [
  ['pc-people-title', 'people_title'],
  ['pc-import-title', 'import_title'],
  ['pc-settings-title', 'settings_title'],
  ['pc-sync-title', 'sync_title'],
  ['pc-directories-title', 'dir_title'],
] as const satisfies readonly (readonly [string, MessageKey])[];

export function OptionsHeader({ sync, directories }: { sync: boolean; directories: boolean }) {
  return (
    <header class="pc-options-head">
      <h1>{t('ext_name')}</h1>
      <p class="pc-muted">
        {t('options_intro')} {privacyPromise()}
      </p>
      <nav class="pc-jump" aria-label={t('options_jump')}>
        {SECTIONS.filter(
          ([id]) =>
            (id !== 'pc-sync-title' || sync) && (id !== 'pc-directories-title' || directories),
        ).map(([id, label]) => (
          <a key={id} href={`#${id}`}>
            {t(label)}
          </a>
        ))}
      </nav>
    </header>
  );
}
