/**
 * The number (and optional stable id) a paragraph or heading starts with:
 * "1.1 The EESC…", "1.1. The EESC…" (Official Journal style), "{#c-drivers}
 * 1.1 The EESC…", "2.3.1\tThe…", "3.1 Access to finance {#s-finance}".
 */

export interface Leading {
  /** "1", "2.3.1"; absent when the text does not start with a number. */
  number?: string;
  /** Written with a trailing dot ("1.1." or "1."). */
  dotted: boolean;
  id?: string;
  /** Unnumbered chapter mark: `{-}` or `{.unnumbered}`. */
  unnumbered: boolean;
  /** How many characters of the text the number, id and the spaces after them take. */
  skip: number;
  /** The text after them (trailing attributes removed). */
  rest: string;
}

/**
 * A chapter number of up to three digits, then components of one or two
 * digits without leading zero: "5.000" (German thousands) is not a number.
 */
const NUMBER = /^(?:[1-9]\d{0,2})(?:\.(?:[1-9]\d?|0))*/;
const LEADING_ID = /^\{#([^}\s]+)\}[ \t]*/;
const TRAILING_ATTRIBUTES = /[ \t]*\{((?:#[^}\s]+|-|\.unnumbered)(?:[ \t]+(?:#[^}\s]+|-|\.unnumbered))*)\}[ \t]*$/;

/** `attributes`: read trailing `{#id}` / `{-}` too (headings). */
export function leading(text: string, attributes = true): Leading {
  let at = text.length - text.trimStart().length;
  let id: string | undefined;
  const idFirst = LEADING_ID.exec(text.slice(at));
  if (idFirst) {
    id = idFirst[1];
    at += idFirst[0].length;
  }
  const result: Leading = { dotted: false, unnumbered: false, skip: at, rest: '' };
  const number = NUMBER.exec(text.slice(at));
  if (number) {
    let end = at + number[0].length;
    const dotted = text[end] === '.';
    if (dotted) end++;
    const next = text[end];
    if (next === undefined || /\s/u.test(next)) {
      result.number = number[0];
      result.dotted = dotted;
      at = end;
      while (at < text.length && /\s/u.test(text[at] as string)) at++;
      const idAfter = id === undefined ? LEADING_ID.exec(text.slice(at)) : null;
      if (idAfter) {
        id = idAfter[1];
        at += idAfter[0].length;
      }
    }
  }
  result.skip = at;
  let rest = text.slice(at);
  const trailing = attributes && rest.endsWith('}') ? TRAILING_ATTRIBUTES.exec(rest) : null;
  if (trailing) {
    for (const attribute of (trailing[1] ?? '').split(/[ \t]+/)) {
      if (attribute.startsWith('#')) id ??= attribute.slice(1);
      else result.unnumbered = true;
    }
    rest = rest.slice(0, trailing.index);
  }
  result.rest = rest;
  if (id !== undefined) result.id = id;
  return result;
}

/** The number's depth: "1" → 1, "2.3.1" → 3. */
export function levels(number: string): number {
  let count = 1;
  for (let i = number.indexOf('.'); i !== -1; i = number.indexOf('.', i + 1)) count++;
  return count;
}

/** The parent of a number: "2.3.1" → "2.3", "2" → "". */
export function parentOf(number: string): string {
  const dot = number.lastIndexOf('.');
  return dot === -1 ? '' : number.slice(0, dot);
}
