/**
 * Where a JSON text goes wrong, as "line 3, column 3", whatever the engine's
 * own JSON.parse message says (V8's often gives no position). A small
 * validating scanner of RFC 8259 (https://www.rfc-editor.org/rfc/rfc8259);
 * run only after JSON.parse has already failed.
 */
export interface JsonProblem {
  offset: number;
  line: number;
  column: number;
  found: string;
}

class Stop extends Error {
  constructor(readonly offset: number) {
    super('stop');
  }
}

export function locateJsonError(text: string): JsonProblem | undefined {
  let at = 0;
  const fail = (): never => {
    throw new Stop(at);
  };
  const space = () => {
    while (at < text.length && ' \t\n\r'.includes(text[at] as string)) at++;
  };
  const literal = (word: string) => {
    for (const char of word) {
      if (text[at] !== char) fail();
      at++;
    }
  };
  const string = () => {
    at++; // opening quote
    while (at < text.length) {
      const char = text[at] as string;
      if (char === '"') {
        at++;
        return;
      }
      if (char < ' ') fail();
      if (char === '\\') {
        at++;
        const escaped = text[at];
        if (escaped === 'u') {
          for (let i = 1; i <= 4; i++)
            if (!/[0-9a-fA-F]/.test(text[at + i] ?? '')) {
              at += i;
              fail();
            }
          at += 5;
          continue;
        }
        if (escaped === undefined || !'"\\/bfnrt'.includes(escaped)) fail();
      }
      at++;
    }
    fail();
  };
  const number = () => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(at));
    if (!match || match[0] === '-') fail();
    at += (match as RegExpExecArray)[0].length;
  };
  /** Reads `{…}` or `[…]`: members separated by commas, then the closer. */
  const container = (close: '}' | ']', member: () => void) => {
    at++;
    space();
    if (text[at] === close) {
      at++;
      return;
    }
    for (;;) {
      member();
      space();
      if (text[at] === close) {
        at++;
        return;
      }
      if (text[at] !== ',') fail();
      at++;
    }
  };
  const value = (): void => {
    space();
    const char = text[at];
    if (char === '{') {
      container('}', () => {
        space();
        if (text[at] !== '"') fail();
        string();
        space();
        if (text[at] !== ':') fail();
        at++;
        value();
      });
    } else if (char === '[') {
      container(']', value);
    } else if (char === '"') {
      string();
    } else if (char === 't') {
      literal('true');
    } else if (char === 'f') {
      literal('false');
    } else if (char === 'n') {
      literal('null');
    } else if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) {
      number();
    } else {
      fail();
    }
  };
  try {
    value();
    space();
    if (at < text.length) fail();
    return undefined;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const before = text.slice(0, error.offset);
    const line = before.split('\n').length;
    const column = error.offset - before.lastIndexOf('\n');
    const found = error.offset >= text.length ? 'end of file' : JSON.stringify(text[error.offset]);
    return { offset: error.offset, line, column, found };
  }
}
