/**
 * The in-page reader as capture-reader.test.ts bundles it, with a way to give
 * it messages: a plain page has no `chrome.i18n`, which the extension's
 * injected reader reads its sentences from (i18n/t.ts).
 */

export { readPage } from '../../capture/read-page';
export { catalogLookup } from '../../i18n/catalog';
export { setLookup } from '../../i18n/t';
