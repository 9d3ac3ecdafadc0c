/**
 * A messages.json read the way the browser reads it, for where there is no
 * `browser.i18n`: unit tests (happy-dom) and Web Workers. Same rules as
 * Chrome and Firefox (https://developer.chrome.com/docs/extensions/reference/api/i18n#message-format,
 * https://developer.mozilla.org/en-US/docs/Mozilla/Add-ons/WebExtensions/API/i18n/Locale-Specific_Message_reference):
 * named placeholders `$NAME$` (case-insensitive) stand for their `content`,
 * `$1`…`$9` for the substitutions, `$$` for a dollar sign; a missing key is ''.
 */
export interface CatalogMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}
export type Catalog = Record<string, CatalogMessage>;

/** `$1`…`$9` and `$$` in a placeholder's content or a message; values go in as they are. */
const substitute = (text: string, subs: readonly string[]) =>
  text.replace(/\$(\$|[1-9])/g, (_whole, which: string) =>
    which === '$' ? '$' : (subs[Number(which) - 1] ?? ''),
  );

export function catalogLookup(catalog: Catalog) {
  // Keys are case-insensitive in both browsers.
  const byKey = new Map(Object.entries(catalog).map(([key, entry]) => [key.toLowerCase(), entry]));
  return (key: string, subs: readonly string[]): string => {
    const entry = byKey.get(key.toLowerCase());
    if (!entry) return '';
    const placeholders = new Map(
      Object.entries(entry.placeholders ?? {}).map(([name, value]) => [
        name.toLowerCase(),
        value.content,
      ]),
    );
    // One pass, so a value that holds `$1` or `$NAME$` is never read again.
    return entry.message.replace(
      /\$([A-Za-z0-9_@]+)\$|\$(\$|[1-9])/g,
      (whole, name: string | undefined, which: string | undefined) => {
        if (which !== undefined) return which === '$' ? '$' : (subs[Number(which) - 1] ?? '');
        const content = placeholders.get((name as string).toLowerCase());
        return content === undefined ? whole : substitute(content, subs);
      },
    );
  };
}
