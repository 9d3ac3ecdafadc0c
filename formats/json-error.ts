/**
 * Where a JSON text goes wrong, as "line 3, column 3", whatever the engine's
 * own JSON.parse message says (V8's often gives no position). A small
 * validating scanner of RFC 8259 (https://www.rfc-editor.org/rfc/rfc8259);
 * run only after JSON.parse has already failed.
 *
 * Both functions here are loops with an explicit stack, never recursion: a
 * file of 20,000 unclosed `[` used to overflow the call stack and surface as
 * an uncaught RangeError. `nestingDepth` runs before JSON.parse, so nothing
 * deeper than a profile file can be reaches a parser (Firefox's JSON.parse
 * recurses too).
 */
import { t } from '../i18n/t';
export interface JsonProblem {
  offset: number;
  line: number;
  column: number;
  found: string;
}

/**
 * How deep `[` and `{` nest, outside strings, counting no further than
 * `limit + 1`. Linear; does not validate anything else.
 */
export function nestingDepth(text: string, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let at = 0; at < text.length; at++) {
    const char = text.charCodeAt(at);
    if (inString) {
      if (char === 0x5c /* \ */) at++;
      else if (char === 0x22 /* " */) inString = false;
    } else if (char === 0x22) {
      inString = true;
    } else if (char === 0x5b /* [ */ || char === 0x7b /* { */) {
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > limit) return deepest;
      }
    } else if (char === 0x5d /* ] */ || char === 0x7d /* } */) {
      depth--;
    }
  }
  return deepest;
}

class Stop extends Error {
  constructor(readonly offset: number) {
    super('stop');
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const HEX = /^[0-9a-fA-F]$/;

/** What the scanner expects next inside an open container. */
type Frame = { close: '}' | ']'; state: 'first' | 'after-value' };

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
            if (!HEX.test(text[at + i] ?? '')) {
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
    NUMBER.lastIndex = at;
    const match = NUMBER.exec(text);
    if (!match) fail();
    at += (match as RegExpExecArray)[0].length;
  };
  /** An object key and its colon. */
  const key = () => {
    space();
    if (text[at] !== '"') fail();
    string();
    space();
    if (text[at] !== ':') fail();
    at++;
  };

  const stack: Frame[] = [];
  try {
    // Each turn reads one value; containers push a frame instead of recursing.
    for (;;) {
      space();
      const char = text[at];
      let opened = false;
      if (char === '{' || char === '[') {
        at++;
        const close = char === '{' ? '}' : ']';
        space();
        if (text[at] === close) at++;
        else {
          stack.push({ close, state: 'first' });
          if (close === '}') key();
          opened = true;
        }
      } else if (char === '"') string();
      else if (char === 't') literal('true');
      else if (char === 'f') literal('false');
      else if (char === 'n') literal('null');
      else if (char === '-' || (char !== undefined && char >= '0' && char <= '9')) number();
      else fail();
      if (opened) continue;

      // After a value: close containers, or move to the next member.
      let next = false;
      while (stack.length > 0 && !next) {
        const frame = stack.at(-1) as Frame;
        space();
        if (text[at] === frame.close) {
          at++;
          stack.pop();
        } else if (text[at] === ',') {
          at++;
          if (frame.close === '}') key();
          next = true;
        } else fail();
      }
      if (!next) break;
    }
    space();
    if (at < text.length) fail();
    return undefined;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    const before = text.slice(0, error.offset);
    const line = before.split('\n').length;
    const column = error.offset - before.lastIndexOf('\n');
    const found =
      error.offset >= text.length ? t('read_end_of_file') : JSON.stringify(text[error.offset]);
    return { offset: error.offset, line, column, found };
  }
}
