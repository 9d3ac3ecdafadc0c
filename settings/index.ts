/**
 * settings/ — the user's switches, and how cards were left this session.
 *
 *   defaults.ts  types and defaults (imported by the content script: no zod)
 *   items.ts     WXT storage items, validated on read
 *                  ├─ local:settings        per-site switches, hover delay
 *                  └─ session:cardStates    collapsed / dismissed, gone with the browser
 */
export type { Settings, SiteSettings } from './defaults';
export { DEFAULT_SETTINGS, HOVER_DELAY_MAX_MS } from './defaults';
export {
  cardStatesItem,
  readCardStates,
  readSettings,
  settingsItem,
  settingsSchema,
} from './items';
