/**
 * The settings (SettingsPanel.tsx draws them): a change shows at once and
 * is saved as that one setting; the page's status says when it is saved.
 * What is shown is the snapshot's settings with this page's changes on top,
 * until the next load of the snapshot brings them back from storage.
 */
import { useState } from 'preact/hooks';
import { t } from '../../i18n/t';
import type { Settings } from '../../settings/defaults';
import type { Page } from './page';
import { SettingsPanel } from './SettingsPanel';

export function SettingsSection({ page, settings }: { page: Page; settings: Settings }) {
  /** This page's changes, over the settings they were made on. */
  const [changed, setChanged] = useState<{ over: Settings; value: Settings }>();
  const shown = changed?.over === settings ? changed.value : settings;
  return (
    <SettingsPanel
      settings={shown}
      onChange={(field) => {
        const next = structuredClone(shown);
        if ('site' in field) next.sites[field.site][field.key] = field.value;
        else next.hoverDelayMs = field.value;
        setChanged({ over: settings, value: next });
        page.say('');
        page.api.saveSetting(field).then(
          () => page.say(t('options_settings_saved')),
          (error: Error) => page.fail(error.message),
        );
      }}
    />
  );
}
