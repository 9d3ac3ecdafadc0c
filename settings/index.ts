/**
 * settings/ — the user's switches, and how cards were left this session.
 *
 *   defaults.ts  types and defaults (imported by the content script: no zod)
 *   items.ts     one storage key per value, validated on read
 *                  ├─ local:setting.<site>.<switch>, local:setting.hoverDelayMs
 *                  └─ session:cardState:<id>    collapsed / dismissed, gone with the browser
 *   whats-new.ts local:whatsNew.lastVersionSeen ─▶ the options page's "What's new", once
 */
export type { Settings, SiteSettings } from './defaults';
export { DEFAULT_SETTINGS, HOVER_DELAY_MAX_MS } from './defaults';
export type { SettingField } from './items';
export {
  readCardState,
  readSettings,
  saveSetting,
  settingsSchema,
  writeCardState,
} from './items';
