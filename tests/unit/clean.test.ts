/** Outside text into the schema (people/clean.ts) and ids for new people (people/ids.ts `uniqueId`). */
import {
  cleanBlock,
  cleanEmail,
  cleanHandle,
  cleanLine,
  cleanUrl,
  stripMarkup,
} from '../../people/clean';
import { uniqueId } from '../../people/ids';
import { linkSchema } from '../../people/schema';

describe('stripMarkup', () => {
  it.each([
    ['plain', 'plain'],
    ['<p>Builds <b>things</b></p>', 'Builds things\n'],
    ['a<br>b<br/>c', 'a\nb\nc'],
    ['I <3 Rust', 'I <3 Rust'],
    ['<i>x</i> &lt;script&gt;alert(1)&lt;/script&gt; y', 'x alert(1) y'],
    ['<i>a</i>&amp;lt;b&amp;gt;x', 'ax'],
    ['<i>Tom</i> &amp; Jerry &#39;n&#x27; friends', "Tom & Jerry 'n' friends"],
    ['Tom &amp; Jerry, as written', 'Tom &amp; Jerry, as written'],
    ['<!-- hidden -->shown', 'shown'],
    ['dangling <img src=x', 'dangling img src=x'],
    ['a < b and c > d', 'a < b and c > d'],
  ])('%j → %j', (input, output) => {
    expect(stripMarkup(input)).toBe(output);
  });
});

describe('cleanLine', () => {
  it.each([
    ['  Ada   Lovelace \n', 80, { value: 'Ada Lovelace' }],
    ['Eve\u202Egnp.exe', 80, { value: 'Evegnp.exe' }],
    ['Zero\u200Bwidth', 80, { value: 'Zerowidth' }],
    ['<b>Bold</b> move', 80, { value: 'Bold move' }],
    ['', 80, {}],
    [undefined, 80, {}],
    ['<br>', 80, {}],
  ])('%j (max %d)', (input, max, expected) => {
    expect(cleanLine(input, max)).toEqual(expected);
  });

  it('shortens at a word boundary with an ellipsis, and says so', () => {
    const long =
      'Software engineer working on distributed storage and consensus at a large company';
    const result = cleanLine(long, 40);
    expect(result.value?.length).toBeLessThanOrEqual(40);
    expect(result.value?.endsWith('…')).toBe(true);
    expect(result.value).toBe('Software engineer working on…');
    expect(result.note).toEqual({
      action: 'shortened',
      detail: `shortened from ${long.length} to at most 40 characters`,
    });
  });

  it('never splits an emoji when shortening', () => {
    const result = cleanLine(`${'a'.repeat(78)}😀😀`, 80);
    expect(result.value).toBe(`${'a'.repeat(78)}…`);
    expect(result.value?.length).toBeLessThanOrEqual(80);
  });
});

describe('cleanBlock', () => {
  it('keeps paragraphs, at most one blank line between them', () => {
    expect(cleanBlock('One.\r\n\r\n\r\n\r\nTwo.  \n  Three.', 1200)).toEqual({
      value: 'One.\n\nTwo.\nThree.',
    });
  });
});

describe('cleanUrl', () => {
  it.each([
    ['https://ada.example/', { value: 'https://ada.example/' }],
    ['  http://ada.example/x?y=1  ', { value: 'http://ada.example/x?y=1' }],
    [undefined, {}],
  ])('keeps %j', (input, expected) => {
    expect(cleanUrl(input)).toEqual(expected);
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'file:///etc/passwd',
    'https://ada.example/"><script>',
    'not a url',
  ])('drops %j and says why', (input) => {
    const result = cleanUrl(input);
    expect(result.value).toBeUndefined();
    expect(result.note?.action).toBe('dropped');
    expect(result.note?.detail).toMatch(/is not an http\(s\) URL$/);
    // What is kept passes the schema's own rule.
    expect(linkSchema().safeParse({ label: 'x', url: input }).success).toBe(false);
  });
});

describe('cleanEmail and cleanHandle', () => {
  it.each([
    ['mailto:ada@example.com?subject=Hi', 'ada@example.com'],
    ['MAILTO:ada@example.com', 'ada@example.com'],
    [' ada@example.com ', 'ada@example.com'],
  ])('cleanEmail(%j)', (input, value) => {
    expect(cleanEmail(input)).toEqual({ value });
  });

  it('drops what is not an email', () => {
    expect(cleanEmail('ada at example dot com')).toEqual({
      note: { action: 'dropped', detail: '"ada at example dot com" is not an email' },
    });
  });

  it.each([
    ['github', 'spacejam', true],
    ['github', 'space jam', false],
    ['linkedin', 'michael-rüffer-61125324', true],
    ['linkedin', 'ACoAABx7rQ0BkLmNoPqRsTuVwXyZ12345678', true],
    ['linkedin', 'https://linkedin.com/in/x', false],
  ] as const)('cleanHandle(%s, %j)', (site, handle, ok) => {
    expect(cleanHandle(site, handle).value !== undefined).toBe(ok);
  });
});

describe('uniqueId', () => {
  it.each([
    ['Deniz Altınbüken', [], 'deniz-altinbuken'],
    ['Ada Lovelace', ['ada-lovelace'], 'ada-lovelace-2'],
    ['Ada Lovelace', ['ada-lovelace', 'ada-lovelace-2'], 'ada-lovelace-3'],
    ['🚀', [], 'person'],
    ['🚀', ['person'], 'person-2'],
    ['a'.repeat(70), ['a'.repeat(64)], `${'a'.repeat(62)}-2`],
  ])('%j with %j taken → %j', (name, taken, id) => {
    expect(uniqueId(name, new Set(taken))).toBe(id);
  });
});
