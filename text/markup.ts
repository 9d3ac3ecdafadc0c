/**
 * What counts as HTML markup in a profile's text, defined once.
 *
 * The card renders text as text, so markup could not run there anyway; the
 * schema keeps it out of the data so an exported file never carries it to a
 * less careful tool. But `Vec<T>`, `List<Integer>` and `x<y` are ordinary
 * text, so "a `<` before a letter" is too blunt. Refused is what the HTML
 * tokenizer would turn into something other than text
 * (https://html.spec.whatwg.org/multipage/parsing.html#tag-open-state) and
 * that could matter to a careless tool:
 *
 * - `<!` and `<?`: comments, doctypes, CDATA, processing instructions;
 * - `</` followed by anything: end tags (`</p>`) and bogus comments;
 * - `<` + the name of an HTML element (any case) ending the name: `<b>`,
 *   `<img …`, `<svg/…`, `<SCRIPT>`;
 * - `<` + a custom-element name (it has a hyphen): `<my-widget>`;
 * - `<` + any name followed by an attribute with a value: `<x onclick=…`
 *   (event handlers, `style` and `id` work on unknown elements too).
 *
 * So `Vec<T>`, `Map<K, V>`, `List<Integer>`, `x<y`, `a < b` and `<3` stay
 * text; `Vec<Option>` does not, because `<option>` is an element.
 *
 * One pass: each alternative after a `<` stops at the next `<` or `>`, so no
 * stretch of the value is scanned twice.
 */

/**
 * Element names the HTML parser knows: the current elements
 * (https://html.spec.whatwg.org/multipage/indices.html#elements-3), the
 * obsolete ones it still treats specially
 * (https://html.spec.whatwg.org/multipage/obsolete.html), and the roots of
 * SVG and MathML.
 */
export const HTML_ELEMENTS = [
  // current
  'a',
  'abbr',
  'address',
  'area',
  'article',
  'aside',
  'audio',
  'b',
  'base',
  'bdi',
  'bdo',
  'blockquote',
  'body',
  'br',
  'button',
  'canvas',
  'caption',
  'cite',
  'code',
  'col',
  'colgroup',
  'data',
  'datalist',
  'dd',
  'del',
  'details',
  'dfn',
  'dialog',
  'div',
  'dl',
  'dt',
  'em',
  'embed',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'head',
  'header',
  'hgroup',
  'hr',
  'html',
  'i',
  'iframe',
  'img',
  'input',
  'ins',
  'kbd',
  'label',
  'legend',
  'li',
  'link',
  'main',
  'map',
  'mark',
  'menu',
  'meta',
  'meter',
  'nav',
  'noscript',
  'object',
  'ol',
  'optgroup',
  'option',
  'output',
  'p',
  'param',
  'picture',
  'pre',
  'progress',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'samp',
  'script',
  'search',
  'section',
  'select',
  'selectedcontent',
  'slot',
  'small',
  'source',
  'span',
  'strong',
  'style',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'template',
  'textarea',
  'tfoot',
  'th',
  'thead',
  'time',
  'title',
  'tr',
  'track',
  'u',
  'ul',
  'var',
  'video',
  'wbr',
  // obsolete, still parsed specially
  'acronym',
  'applet',
  'basefont',
  'bgsound',
  'big',
  'blink',
  'center',
  'dir',
  'font',
  'frame',
  'frameset',
  'image',
  'isindex',
  'keygen',
  'listing',
  'marquee',
  'menuitem',
  'multicol',
  'nextid',
  'nobr',
  'noembed',
  'noframes',
  'plaintext',
  'rb',
  'rtc',
  'spacer',
  'strike',
  'tt',
  'xmp',
  // foreign content
  'math',
  'svg',
] as const;

/** `img` → `[iI][mM][gG]`: JSON Schema patterns carry no `i` flag. */
const anyCase = (name: string) =>
  name.replace(/[a-z]/g, (letter) => `[${letter}${letter.toUpperCase()}]`);

/** What ends a tag name: HTML whitespace, `/`, `>` or the end of the text. */
const NAME_END = '(?=[\\t\\n\\f\\r />]|$)';
/** A character of a tag name; `<` too ends it here, so each scan stops at the next tag. */
const NAME_CHAR = '[^\\t\\n\\f\\r /<>]';

const ELEMENTS = [...HTML_ELEMENTS]
  .sort((a, b) => b.length - a.length)
  .map(anyCase)
  .join('|');

/** What follows the `<` of a tag-like thing (see the list above). */
const AFTER_OPEN = [
  '(?:[!?]',
  '/[\\s\\S]',
  `(?:${ELEMENTS})${NAME_END}`,
  `[A-Za-z][^\\t\\n\\f\\r /<>-]*-${NAME_CHAR}*${NAME_END}`,
  `[A-Za-z]${NAME_CHAR}*[\\t\\n\\f\\r /][^<>]*=)`,
].join('|');

/** One tag-like thing, starting at its `<`. */
export const MARKUP_SOURCE = `<${AFTER_OPEN}`;

/**
 * Matches a whole value that holds no markup: runs without `<`, and each `<`
 * checked once, only where it stands, so the alternatives above are tried at
 * the `<`s alone and never twice.
 */
export const NO_MARKUP = new RegExp(`^[^<]*(?:<(?!${AFTER_OPEN})[^<]*)*$`, 'u');

const FIRST_MARKUP = new RegExp(MARKUP_SOURCE, 'u');

/**
 * The markup in a text as the user would recognise it (`<img src=x …`), or
 * undefined. For messages; quoted back after `defang`.
 */
export function findMarkup(text: string): string | undefined {
  const match = FIRST_MARKUP.exec(text);
  if (!match) return undefined;
  const rest = text.slice(match.index, match.index + 40);
  const close = rest.indexOf('>');
  return close === -1 ? (rest.length < 40 ? rest : `${rest}…`) : rest.slice(0, close + 1);
}
