/**
 * Every bad file gets its own message, never an exception (issue 17, bug
 * 10): unclosed JSON 20,000 deep used to throw an uncaught RangeError, a
 * JSON file named `.vcf` showed ical.js's TypeError, and the format was
 * guessed from the name. Time is not asserted (a shared machine); the worst
 * cases are measured by bench/hostile.ts. Structure is: the depth check runs
 * before any parser, and nothing here recurses.
 */

import { MAX_REFUSED, previewImport } from '../../formats/import';
import { locateJsonError, nestingDepth } from '../../formats/json-error';
import { bundledProfiles } from '../../people/bundled';
import { profileSchema } from '../../people/schema';

const utf8 = (text: string) => new TextEncoder().encode(text);
const utf16le = (text: string, bom = true) => {
  const body = Buffer.from(text, 'utf16le');
  return new Uint8Array(bom ? Buffer.concat([Buffer.from([0xff, 0xfe]), body]) : body);
};
const ada = JSON.stringify({ id: 'ada', name: 'Ada', identities: { github: ['ada'] } });
const adaCard =
  'BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Ada\r\nURL:https://github.com/ada\r\nEND:VCARD\r\n';
const TOO_DEEP =
  'This JSON is nested too deeply (more than 100 levels of [ and {) to be a profile file; a profile file needs 5 at most.';

function run(name: string, input: string | Uint8Array) {
  return previewImport(name, input, { existing: [], bundled: bundledProfiles });
}

describe('hostile files: a specific message each, no exception', () => {
  it.each<[string, string, string | Uint8Array, string | RegExp]>([
    ['20,000 unclosed [', 'deep.json', '['.repeat(20_000), TOO_DEEP],
    ['20,000 closed []', 'deep.json', `${'['.repeat(20_000)}${']'.repeat(20_000)}`, TOO_DEEP],
    ['20,000 unclosed objects', 'deep.json', '{"a":'.repeat(20_000), TOO_DEEP],
    ['deep inside a profile', 'deep.json', `{"id":"x","name":${'['.repeat(500)}`, TOO_DEEP],
    [
      'brackets inside strings do not count',
      'strings.json',
      JSON.stringify({ note: '['.repeat(5000) }),
      /this object has none of those/,
    ],
    [
      'an unterminated string of a megabyte',
      'long.json',
      `{"id": "${'x'.repeat(1024 * 1024)}`,
      'This is not valid JSON: unexpected end of file at line 1, column 1048585.',
    ],
    [
      'plain text named .vcf',
      'contacts.vcf',
      'hello, world',
      '"contacts.vcf" is not a format Profile Card reads: it starts with "hello, world". Import accepts vCard (.vcf), LinkedIn\'s Connections.csv, a contacts CSV (Google Contacts\' columns), and JSON (a profile, a list of profiles, an export, or a JSON Resume).',
    ],
    [
      "a CSV file that is not LinkedIn's Connections.csv",
      'Connections.csv',
      'name,email\nAda,ada@example.com',
      /^"Connections\.csv" is not a format Profile Card reads: it starts with "name,email"\./,
    ],
    [
      'broken JSON named .vcf',
      'ada.vcf',
      '{"id": ',
      /^This is not valid JSON: unexpected end of file/,
    ],
    [
      'a vCard line without a colon',
      'x.vcf',
      'BEGIN:VCARD\r\nFN;broken\r\nEND:VCARD',
      'This is not a valid vCard: line 2 ("FN;broken") has no ":".',
    ],
    [
      'a calendar, not a card',
      'x.vcf',
      'BEGIN:VCARD\r\nEND:VCARD\r\nBEGIN:VCALENDAR\r\nEND:VCALENDAR',
      'This is not a valid vCard: line 3 begins a "VCALENDAR", not a VCARD.',
    ],
    [
      'text after the last card',
      'x.vcf',
      `${adaCard}oops`,
      'This is not a valid vCard: line 6 ("oops") has no ":".',
    ],
    [
      'an END without a BEGIN',
      'x.vcf',
      `${adaCard}END:VCARD`,
      /line 6 ends a card that was never begun/,
    ],
    [
      'a PNG',
      'photo.png',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]),
      '"photo.png" is not a text file.',
    ],
    [
      'Windows-1252 text',
      'old.vcf',
      new Uint8Array([...utf8('BEGIN:VCARD\r\nFN:J'), 0xf6, ...utf8('rg\r\nEND:VCARD')]),
      /^"old\.vcf" is not UTF-8 text \(perhaps an older encoding/,
    ],
    [
      'broken UTF-16',
      'x.json',
      new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00]),
      '"x.json" looks like UTF-16 text but is not valid UTF-16.',
    ],
    ['a byte-order mark only', 'x.json', new Uint8Array([0xef, 0xbb, 0xbf]), '"x.json" is empty.'],
    ['whitespace only', 'x.vcf', ' \r\n\t ', '"x.vcf" is empty.'],
    ['NUL bytes in UTF-8', 'x.json', utf8('{"id":"a\u0000"}'), '"x.json" is not a text file.'],
  ])('%s', (_label, name, input, message) => {
    let result: ReturnType<typeof run> | undefined;
    expect(() => {
      result = run(name, input);
    }).not.toThrow();
    expect(result?.ok).toBe(false);
    const error = result && !result.ok ? result.error : '';
    if (typeof message === 'string') expect(error).toBe(message);
    else expect(error).toMatch(message);
  });

  it.each<[string, string, string | Uint8Array]>([
    ['JSON named .vcf', 'ada.vcf', ada],
    ['a vCard named .json', 'ada.json', adaCard],
    ['JSON in UTF-16 with a byte-order mark', 'ada.json', utf16le(ada)],
    ['a vCard in UTF-16 without one', 'ada.txt', utf16le(adaCard, false)],
  ])('reads %s by its content (positive control)', (_label, name, input) => {
    const result = run(name, input);
    expect(result.ok && result.preview.added.map((p) => p.name)).toEqual(['Ada']);
  });

  it('stops reading a file that is mostly not profiles, but not a good file with bad entries', () => {
    const junk = `[${Array(1_700_000).fill('{}').join(',')}]`;
    const validate = vi.spyOn(profileSchema(), 'safeParse');
    const result = run('junk.json', junk);
    expect(result.ok ? '' : result.error).toBe(
      'Stopped at profile 1001 of 1,700,000: 1,000 of the entries before it are not valid, so this does not look like a file of profiles. The first: profile 1: Id is required',
    );
    expect(validate).toHaveBeenCalledTimes(MAX_REFUSED);
    validate.mockRestore();
    // Positive control: 1,500 bad entries among 20,000 good ones are all read and reported.
    const good = (i: number) => ({ id: `p${i}`, name: `P ${i}`, identities: {} });
    const mixed = Array.from({ length: 21_500 }, (_, i) =>
      i % 14 === 0 && i < 21_000 ? {} : good(i),
    );
    const read = run('mixed.json', JSON.stringify(mixed));
    expect(read.ok && read.preview.rejected.length).toBe(1500);
    expect(read.ok && read.preview.added.length).toBe(20_000);
  });

  it('checks the depth before JSON.parse sees the text', () => {
    const parse = vi.spyOn(JSON, 'parse');
    expect(run('deep.json', '['.repeat(20_000)).ok).toBe(false);
    expect(parse).not.toHaveBeenCalled();
    // Positive control: a file within the limit is parsed.
    run('ok.json', ada);
    expect(parse).toHaveBeenCalledTimes(1);
    parse.mockRestore();
  });
});

describe('the JSON scanners use no recursion', () => {
  it('locates the error in 100,000 unclosed brackets', () => {
    expect(locateJsonError('['.repeat(100_000))).toMatchObject({ found: 'end of file' });
    expect(locateJsonError(`${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`)).toBeUndefined();
    expect(locateJsonError(`${'['.repeat(50_000)}1,]${']'.repeat(49_999)}`)).toMatchObject({
      found: '"]"',
      column: 50_003,
    });
  });

  it('measures nesting outside strings and stops counting past the limit', () => {
    expect(nestingDepth('[[{"a": "[[[["}]]', 100)).toBe(3);
    expect(nestingDepth('["\\"[["]', 100)).toBe(1);
    expect(nestingDepth('['.repeat(1_000_000), 100)).toBe(101);
  });
});
