/**
 * Per-site switches and the hover delay. Each is saved as soon as it
 * changes, as that one setting (settings/items.ts keeps one key per value),
 * so two tabs changing two settings at once keep both; open tabs pick them
 * up from storage without a reload.
 */
import { useState } from 'preact/hooks';
import { formatNumber } from '../../i18n/format';
import { type MessageKey, t } from '../../i18n/t';
import type { Site } from '../../identity/keys';
import { HOVER_DELAY_MAX_MS, type Settings, type SiteSettings } from '../../settings/defaults';
import type { SettingField } from '../../settings/items';
import { FormField } from '../parts/FormField';

const SITES: [Site, string][] = [
  ['github', 'GitHub'],
  ['linkedin', 'LinkedIn'],
];
const SWITCHES: [keyof SiteSettings, MessageKey][] = [
  ['inPage', 'settings_in_page'],
  ['hovercards', 'settings_hovercards'],
  ['notes', 'settings_notes'],
];

export function SettingsPanel({
  settings,
  onChange,
}: {
  settings: Settings;
  onChange: (field: SettingField) => void;
}) {
  const setSite = (site: Site, key: keyof SiteSettings, value: boolean) =>
    onChange({ site, key, value });
  /**
   * The hover delay as typed, until the field is left: the page redraws
   * whenever something arrives, and a redraw must not put the stored value
   * back under the user's typing.
   */
  const [delayDraft, setDelayDraft] = useState<string>();

  return (
    <section class="pc-panel" aria-labelledby="pc-settings-title">
      <h2 id="pc-settings-title">{t('settings_title')}</h2>
      <div class="pc-settings-grid">
        {SITES.map(([site, label]) => (
          <fieldset key={site} class="pc-fieldset">
            <legend>{label}</legend>
            {SWITCHES.map(([key, text]) => (
              <label key={key} class="pc-check">
                <input
                  type="checkbox"
                  checked={settings.sites[site][key]}
                  onChange={(event) => setSite(site, key, event.currentTarget.checked)}
                />
                {t(text)}
              </label>
            ))}
          </fieldset>
        ))}
        <FormField
          id="pc-hover-delay"
          class="pc-field"
          label={t('settings_hover_delay')}
          note={{
            kind: 'hint',
            text: t('settings_hover_delay_hint', formatNumber(HOVER_DELAY_MAX_MS)),
          }}
        >
          {(aria) => (
            <input
              id="pc-hover-delay"
              type="number"
              min={0}
              max={HOVER_DELAY_MAX_MS}
              step={50}
              {...aria}
              value={delayDraft ?? settings.hoverDelayMs}
              onInput={(event) => setDelayDraft(event.currentTarget.value)}
              onChange={(event) => {
                setDelayDraft(undefined);
                const value = Math.round(Number(event.currentTarget.value));
                if (Number.isFinite(value) && value >= 0 && value <= HOVER_DELAY_MAX_MS) {
                  onChange({ key: 'hoverDelayMs', value });
                }
              }}
            />
          )}
        </FormField>
      </div>
    </section>
  );
}
