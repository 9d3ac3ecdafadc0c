/**
 * Which way a piece of text runs, by its first strong letter, as the
 * browser's `dir="auto"` decides (https://html.spec.whatwg.org/multipage/dom.html#the-dir-attribute).
 * Needed where the browser cannot look: the in-page card paints its text as
 * CSS generated content (entrypoints/card-ui/unfindable-text.ts), which
 * `dir="auto"` does not see, so an Arabic or Hebrew name would run left to
 * right there without this.
 */

/** Scripts written right to left (Unicode's strong R and AL letters). */
const RTL =
  /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Yezidi}]/u;
const STRONG = /\p{L}/u;

export function textDirection(text: string): 'ltr' | 'rtl' | undefined {
  for (const char of text) {
    if (!STRONG.test(char)) continue;
    return RTL.test(char) ? 'rtl' : 'ltr';
  }
  return undefined;
}
