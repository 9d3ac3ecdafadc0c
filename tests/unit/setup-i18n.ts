/**
 * Unit tests run without a real `browser.i18n` (happy-dom; WXT's fake
 * browser leaves it unimplemented): they read the English messages.json,
 * the way the browser would (i18n/catalog.ts), so components render the
 * same words as in English. The fake browser answers from the same
 * catalog, for code bundled on its own (the page reader's test bundle).
 */
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { catalogLookup } from '../../i18n/catalog';
import { setLookup } from '../../i18n/t';
import en from '../../public/_locales/en/messages.json';

const lookup = catalogLookup(en);
setLookup(lookup, 'en-US');
fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) =>
  lookup(
    key,
    typeof subs === 'string' ? [subs] : (subs ?? []),
  )) as typeof fakeBrowser.i18n.getMessage;
fakeBrowser.i18n.getUILanguage = () => 'en-US';
