/**
 * Too strict and too loose (issue 17, bug 9): generics and comparisons are
 * text, real tag syntax is markup; URLs refuse what is invisible or
 * reorders, text refuses U+2028/U+2029 and lone surrogates, LinkedIn ids
 * refuse Latin mixed with Cyrillic or Greek look-alikes. Each refusal says
 * which rule, in words.
 */
import { handleLines } from '../../components/parts/profile-draft';
import { previewImport } from '../../formats/import';
import { bundledProfiles } from '../../people/bundled';
import { validateProfile } from '../../people/validate';
import { clip, defang } from '../../text/characters';
import { findMarkup, NO_MARKUP } from '../../text/markup';

const ada = {
  id: 'ada',
  name: 'Ada Lovelace',
  headline: 'Analyst',
  bio: 'Wrote the first program.',
  identities: { github: ['ada'], linkedin: ['ada-lovelace'] },
};
const errorsFor = (document: unknown) => {
  const result = validateProfile(document);
  return result.ok ? [] : result.errors;
};

describe('markup: refuse real tag syntax only', () => {
  it.each([
    'Vec<T>',
    'List<Integer>',
    'x<y',
    'a < b',
    'Map<K, V>',
    'Result<T, E>',
    'HashMap<String, Vec<u8>>',
    'I <3 Rust',
    'Latency < 1 ms; 3 <= x',
    'Option<T> where T: Clone',
    'if x<y and y>z',
    '<<<<',
    '<ſcript>',
  ])('accepts %j as text', (text) => {
    expect(errorsFor({ ...ada, bio: text })).toEqual([]);
    expect(errorsFor({ ...ada, headline: text })).toEqual([]);
    expect(NO_MARKUP.test(text)).toBe(true);
  });

  it.each([
    ['<b>', '<b>'],
    ['Ada <b>Lovelace</b>', '<b>'],
    ['</p>', '</p>'],
    ['a <!-- note -->', '<!-- note -->'],
    ['<!doctype html>', '<!doctype html>'],
    ['<img src=x onerror=alert(1)>', '<img src=x onerror=alert(1)>'],
    ['<svg/onload=alert(1)>', '<svg/onload=alert(1)>'],
    ['<SCRIPT SRC=//evil.example/x.js>', '<SCRIPT SRC=//evil.example/x.js>'],
    ['<?xml version="1.0"?>', '<?xml version="1.0"?>'],
    ['<my-widget>', '<my-widget>'],
    ['<x onclick=alert(1)>', '<x onclick=alert(1)>'],
    ['<x\tid=config>', '<x\tid=config>'],
    ['<scr<script>ipt>', '<script>'],
    ['Vec<Option>', '<Option>'],
    ['<svg onload=alert(1)//', '<svg onload=alert(1)//'],
  ])('refuses %j and quotes the tag', (text, tag) => {
    expect(errorsFor({ ...ada, bio: text })).toEqual([
      `Short bio must not contain HTML markup: ${JSON.stringify(defang(tag))}`,
    ]);
    expect(findMarkup(text)).toBe(tag);
  });
});

describe('URLs: nothing invisible, nothing that reorders', () => {
  it.each([
    ['right-to-left override', 'https://example.com/\u202Egnp.exe', 'text-direction'],
    ['left-to-right mark', 'https://example.com/\u200Ea', 'text-direction'],
    ['NUL', 'https://example.com/a\u0000b', 'control characters'],
    ['a C1 control', 'https://example.com/a\u0085b', 'control characters'],
    ['a zero-width space in the host', 'https://exa\u200Bmple.com/', 'zero-width'],
    ['a zero-width joiner', 'https://example.com/a\u200Db', 'zero-width'],
    ['a word joiner', 'https://example.com/a\u2060b', 'zero-width'],
    ['a byte-order mark', 'https://example.com/a\uFEFFb', 'zero-width'],
    ['a backslash (read as "/" by browsers)', 'https://evil.example\\@good.example/', 'backslash'],
  ])('refuses %s, saying so', (_label, url, words) => {
    const errors = errorsFor({ ...ada, contact: { website: url } });
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((error) => error.startsWith('Website '))).toBe(true);
    expect(errors.join(' ')).toContain(words);
  });

  it('accepts ordinary URLs, including non-ASCII paths and hosts', () => {
    for (const url of [
      'https://example.com/a,b;c?q=1#x',
      'http://paxos.systems/',
      'https://blog.example/ü',
      'https://bücher.example/',
      'https://example.com/%E2%80%8B',
    ])
      expect(errorsFor({ ...ada, contact: { website: url } })).toEqual([]);
  });
});

describe('text: separators and lone surrogates', () => {
  it.each([
    ['\u2028', 'line or paragraph separators'],
    ['\u2029', 'line or paragraph separators'],
  ])('refuses %j in a bio', (char, words) => {
    expect(errorsFor({ ...ada, bio: `one${char}two` }).join(' ')).toContain(words);
  });

  it('refuses a lone surrogate with a clear message instead of storing U+FFFD', () => {
    expect(errorsFor({ ...ada, name: 'Ada \uD800' })).toEqual([
      'Name must not contain a lone surrogate (half of a UTF-16 pair, such as "\\uD800")',
    ]);
    expect(errorsFor({ ...ada, bio: '\uDC00 alone' })).toHaveLength(1);
    // As it arrives in a file: a JSON escape, which JSON.parse keeps as a lone half.
    const result = previewImport(
      'ada.json',
      '{"id":"ada","name":"Ada \\ud83d","headline":"h","bio":"b","identities":{}}',
      {
        existing: [],
        bundled: bundledProfiles,
      },
    );
    expect(result.ok && result.preview.rejected[0]?.errors).toEqual([
      'Name must not contain a lone surrogate (half of a UTF-16 pair, such as "\\uD800")',
    ]);
  });

  it('keeps whole pairs and joiners: emoji and Persian text are text', () => {
    expect(errorsFor({ ...ada, name: 'Ada 🚀 👩‍💻', bio: 'می‌خواهم' })).toEqual([]);
  });
});

describe('LinkedIn ids: look-alikes are checked where a person types them (issue 22)', () => {
  it.each([
    ['аda-lovelace', 'Cyrillic а'],
    ['ada-lovelacе', 'Cyrillic е at the end'],
    ['αda', 'Greek α'],
  ])('the form warns about a typed %j (%s)', (slug) => {
    expect(handleLines(slug, 'linkedin')).toEqual({
      handles: [],
      problems: [
        `LinkedIn profiles, line 1: ${JSON.stringify(slug)} mixes Latin letters with Cyrillic or Greek look-alikes (such as "а" for "a"); write it in one script, or paste the profile URL`,
      ],
    });
  });

  it('takes the profile URL LinkedIn itself shows, mixed scripts and all', () => {
    const url = `https://www.linkedin.com/in/${encodeURIComponent('олег-smith-42')}/`;
    expect(handleLines(url, 'linkedin')).toEqual({ handles: ['олег-smith-42'], problems: [] });
  });

  it.each([
    'михаил-петров-123',
    'αλέξης-π',
    'michael-rüffer-61125324',
    'ACoAABcdEfGhIjKlMnOpQrStUvWxYz01',
    '李小龙-1',
    // What LinkedIn writes for a Cyrillic first name and a Latin surname, and our own past
    // check refused: an import or a stored person takes it as it is.
    'олег-smith-42',
    'аda-lovelace',
  ])('the schema accepts %j', (slug) => {
    expect(errorsFor({ ...ada, identities: { linkedin: [slug] } })).toEqual([]);
  });
});

describe('quoting input in messages', () => {
  it('defangs what could lie and clips by characters', () => {
    expect(defang('a\u202Eb\u2028c\uD800d\u0000')).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFD');
    expect(defang('🚀 ok')).toBe('🚀 ok');
    expect(clip('🚀'.repeat(50), 40)).toBe(`${'🚀'.repeat(40)}…`);
    expect(clip('short', 40)).toBe('short');
  });
});
