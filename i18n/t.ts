/**
 * `t()`: one message, in the language the browser shows the extension in.
 *
 * Reads `browser.i18n` (Firefox) or `chrome.i18n` from the global scope
 * rather than through the polyfill: the same call then works in extension
 * pages, the content script and the service worker, and a Web Worker or a
 * unit test (where neither exists) gives it a catalog with `setLookup`
 * (catalog.ts). Nothing found anywhere is a bug, and says so loudly rather
 * than showing a blank.
 *
 * Plurals (`tn`): a message has one key per CLDR category its languages use
 * (`people_one`, `people_other`), chosen by `Intl.PluralRules` in the
 * language of the messages shown — which is the catalog the browser picked
 * (the `language` message), not necessarily getUILanguage(): Chromium
 * started with `--lang=de` shows German messages while getUILanguage()
 * still says en-US.
 */
import type en from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en & string;
/** `people` for `people_one` + `people_other`. */
export type PluralBase = {
  [K in MessageKey]: K extends `${infer Base}_other` ? Base : never;
}[MessageKey];

type Lookup = (key: string, subs: readonly string[]) => string;
interface BrowserI18n {
  getMessage(key: string, subs?: string | string[]): string;
  getUILanguage(): string;
}

let lookup: Lookup | undefined;
let uiLanguage: string | undefined;

/** For contexts without `browser.i18n`: messages from a catalog, and the UI language to format in. */
export function setLookup(next: Lookup | undefined, ui?: string): void {
  lookup = next;
  uiLanguage = ui;
  cached = undefined;
}

function browserI18n(): BrowserI18n | undefined {
  const scope = globalThis as { browser?: { i18n?: BrowserI18n }; chrome?: { i18n?: BrowserI18n } };
  return scope.browser?.i18n ?? scope.chrome?.i18n;
}

function raw(key: string, subs: readonly string[]): string {
  if (lookup) return lookup(key, subs);
  const i18n = browserI18n();
  if (!i18n) throw new Error(`No messages here for "${key}": call setLookup first`);
  return i18n.getMessage(key, [...subs]);
}

const asText = (value: string | number) =>
  typeof value === 'number' ? formatNumber(value) : value;

/** The message `key` with `$1`… filled in; numbers are formatted for the language shown. */
export function t(key: MessageKey, ...subs: (string | number)[]): string {
  const text = raw(key, subs.map(asText));
  if (text === '') throw new Error(`No message "${key}"`);
  return text;
}

let cached: { language: string; locale: string; plural: Intl.PluralRules } | undefined;
function languageInfo() {
  if (!cached) {
    const language = raw('language', []) || 'en';
    // Format in the browser's own locale (de-AT, en-GB) when it speaks the
    // language shown; otherwise in the language shown, so the numbers in a
    // German sentence are German even where getUILanguage() says en-US.
    const ui = uiLanguage ?? browserI18n()?.getUILanguage() ?? language;
    const locale = ui.split(/[-_]/)[0]?.toLowerCase() === language ? ui : language;
    cached = { language, locale, plural: new Intl.PluralRules(language) };
  }
  return cached;
}

/** The language of the messages shown: `en`, `de`, `tr`. */
export const language = () => languageInfo().language;
/** The locale to format numbers and dates in (`de`, `de-AT`). */
export const locale = () => languageInfo().locale;

/**
 * A number in the locale of the messages shown (./format.ts re-exports it
 * with the other formats). Formatters are costly to make and are made once per
 * locale and options.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  const key = `${locale()} ${JSON.stringify(options ?? {})}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale(), options);
    numberFormats.set(key, format);
  }
  return format.format(value);
}

/** A counted message: `${base}_${category}`, with the count as `$1` and `subs` after it. */
export function tn(base: PluralBase, count: number, ...subs: (string | number)[]): string {
  const category = languageInfo().plural.select(count);
  const all = [formatNumber(count), ...subs.map(asText)];
  const text = raw(`${base}_${category}`, all) || raw(`${base}_other`, all);
  if (text === '') throw new Error(`No message "${base}_other"`);
  return text;
}

/**
 * A message with things that are not text in it (a `<code>`, a `<strong>`),
 * as pieces in order: the message's own words around the values given.
 * Private-use characters mark the places, so no message text is mistaken
 * for one.
 */
export function tParts<T>(key: MessageKey, ...values: T[]): (string | T)[] {
  const text = t(key, ...values.map((_, index) => `\uE000${index}\uE001`));
  return text
    .split(/(\uE000\d+\uE001)/)
    .filter((part) => part !== '')
    .map((part) => {
      const mark = /^\uE000(\d+)\uE001$/.exec(part);
      return mark ? (values[Number(mark[1])] as T) : part;
    });
}
