// Where things are in the JSON text the office uploads: the line of each member and array item by its path, written as
// the server names places in its errors ("pages[1].questions[3].options"), and the line and column of a syntax error.
// A small scanner of standard JSON (RFC 8259); the value itself comes from JSON.parse.
import { parseFieldPath } from '../../questionnaires/lib/answers';

export interface Place {
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** 0-based offset in the text. */
  offset: number;
}

/** The text is not JSON; `place` is where the scanner stopped. */
export class JsonSyntaxError extends Error {
  readonly place: Place;

  constructor(place: Place) {
    super(`Not JSON at line ${place.line}, column ${place.column}`);
    this.name = 'JsonSyntaxError';
    this.place = place;
  }
}

/** The path of a member or item, as the server writes it: `key`, `pages[1]`, `pages[1].questions[3].options`. */
export function pathOf(parts: readonly (string | number)[]): string {
  return parts.map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`)).join('');
}

/** Converts offsets to lines and columns. */
function placer(text: string): (offset: number) => Place {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - starts[low] + 1, offset };
  };
}

/**
 * Scans the text: the place of every object member (its name) and array item (its value) by path. Throws
 * JsonSyntaxError where the text stops being JSON.
 */
export function jsonPlaces(text: string): Map<string, Place> {
  const place = placer(text);
  const places = new Map<string, Place>();
  let i = 0;
  const fail = (): never => {
    throw new JsonSyntaxError(place(Math.min(i, text.length)));
  };
  const space = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const expect = (char: string) => {
    if (text[i] !== char) fail();
    i++;
  };
  const string = (): string => {
    expect('"');
    let out = '';
    while (i < text.length && text[i] !== '"') {
      const char = text[i];
      if (char < ' ') fail();
      if (char === '\\') {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) fail();
          out += String.fromCharCode(Number.parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
          continue;
        }
        const escaped: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (!(next in escaped)) {
          i++;
          fail();
        }
        out += escaped[next];
        i += 2;
        continue;
      }
      out += char;
      i++;
    }
    expect('"');
    return out;
  };
  const number = () => {
    const match = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i));
    if (!match) fail();
    i += match![0].length;
  };
  const value = (path: (string | number)[]): void => {
    space();
    const char = text[i];
    if (char === '{') {
      i++;
      space();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        space();
        const at = i;
        const name = string();
        places.set(pathOf([...path, name]), place(at));
        space();
        expect(':');
        value([...path, name]);
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        expect('}');
        return;
      }
    }
    if (char === '[') {
      i++;
      space();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (let index = 0; ; index++) {
        space();
        places.set(pathOf([...path, index]), place(i));
        value([...path, index]);
        space();
        if (text[i] === ',') {
          i++;
          continue;
        }
        expect(']');
        return;
      }
    }
    if (char === '"') {
      string();
      return;
    }
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, i)) {
        i += literal.length;
        return;
      }
    }
    number();
  };
  value([]);
  space();
  if (i < text.length) fail();
  return places;
}

/**
 * The place of a path in the text; for a member that is missing (a required `title`), the place of the nearest part
 * around it that is there (the page). Undefined for the whole text.
 */
export function placeOf(places: Map<string, Place>, path: string): Place | undefined {
  const parts = parseFieldPath(path);
  for (let length = parts.length; length > 0; length--) {
    const found = places.get(pathOf(parts.slice(0, length)));
    if (found) return found;
  }
  return undefined;
}
