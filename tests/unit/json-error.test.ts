import { locateJsonError } from '../../formats/json-error';

describe('locateJsonError', () => {
  it.each([
    ['{"a": 1}', undefined],
    ['[1, 2, {"b": [true, false, null, -1.5e3, "\\u00e9\\n"]}]', undefined],
    ['{', { line: 1, column: 2, found: 'end of file' }],
    ['{"a" 1}', { line: 1, column: 6, found: '"1"' }],
    ['[1,]', { line: 1, column: 4, found: '"]"' }],
    ['{\n  "a": tru\n}', { line: 2, column: 11, found: '"\\n"' }],
    ['"tab\there"', { line: 1, column: 5, found: '"\\t"' }],
    ['01', { line: 1, column: 2, found: '"1"' }],
    ['{"a":1} x', { line: 1, column: 9, found: '"x"' }],
    ['"\\x"', { line: 1, column: 3, found: '"x"' }],
  ])('%j', (text, expected) => {
    const problem = locateJsonError(text);
    if (expected === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatchObject(expected);
  });
});
