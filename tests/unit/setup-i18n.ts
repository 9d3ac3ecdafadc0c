/**
 * Unit tests run without `browser.i18n` (happy-dom, WXT's fake browser has
 * none): they read the English messages.json, the way the browser would
 * (i18n/catalog.ts), so components render the same words as in English.
 */
import en from '../../public/_locales/en/messages.json';
import { catalogLookup } from '../../i18n/catalog';
import { setLookup } from '../../i18n/t';

setLookup(catalogLookup(en), 'en-US');
