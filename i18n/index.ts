/**
 * i18n/ — every word a user reads, in their browser's language.
 *
 *   public/_locales/<lang>/messages.json   en (complete), de, tr; the manifest's __MSG_…__ too
 *        │
 *        ▼
 *   t.ts       t('key', …subs) ─▶ browser.i18n.getMessage       (pages, content script, worker)
 *        │                    └─▶ a catalog (catalog.ts)       (unit tests, Web Workers)
 *        ├─ tn('people', n)  ─▶ people_one / people_other, by Intl.PluralRules
 *        ▼
 *   format.ts  numbers, dates, "3 minutes ago", upper case: Intl in the language shown
 *
 * docs/i18n.md says how to add a string or a language.
 */
export { type Catalog, type CatalogMessage, catalogLookup } from './catalog';
export {
  formatBytes,
  formatDate,
  formatNumber,
  formatRelative,
  list,
  upper,
} from './format';
export {
  language,
  locale,
  type MessageKey,
  type PluralBase,
  setLookup,
  t,
  tn,
  tParts,
} from './t';
