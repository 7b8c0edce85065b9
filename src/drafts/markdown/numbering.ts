/**
 * The number (and optional stable id) a paragraph or heading starts with:
 * "1.1 The EESC…", "1.1. The EESC…" (Official Journal style), "{#c-drivers}
 * 1.1 The EESC…", "2.3.1\tThe…", "3.1 Access to finance {#s-finance}".
 */
import { headingAttributes, LEADING_ID } from '../../core/markdown-syntax.js';

export interface Leading {
  /** "1", "2.3.1"; absent when the text does not start with a number. */
  number?: string;
  /** Written with a trailing dot ("1.1." or "1."). */
  dotted: boolean;
  /**
   * A component after the first has three digits or more ("1.100", "2.1.250"):
   * a point of a long chapter, or a number in prose ("5.500 Unternehmen", German
   * thousands). Only its place among its neighbours tells: see `inSequence`.
   */
  long?: boolean;
  id?: string;
  /** Unnumbered chapter mark: `{-}` or `{.unnumbered}`. */
  unnumbered: boolean;
  /** How many characters of the text the number, id and the spaces after them take. */
  skip: number;
  /** The text after them (trailing attributes removed). */
  rest: string;
}

/**
 * A chapter number of up to three digits, then components without leading
 * zero: "5.000" (German thousands) is not a number. `SHORT` allows one or two
 * digits per component, the numbers that are points wherever they stand;
 * `ANY` also "1.100", which is a point only in sequence with its neighbours.
 */
const SHORT = /^(?:[1-9]\d{0,2})(?:\.(?:[1-9]\d?|0))*/;
const ANY = /^(?:[1-9]\d{0,2})(?:\.(?:[1-9]\d*|0))*/;
const LONG_COMPONENT = /\.\d{3}/;

/**
 * `attributes`: read trailing `{#id}` / `{-}` too (headings). `long`: accept
 * components of three digits or more (the result says so with `long`; the
 * caller decides by the neighbours, see `acceptsLong`).
 */
export function leading(text: string, attributes = true, long = false): Leading {
  let at = text.length - text.trimStart().length;
  let id: string | undefined;
  // The dialect's `{#id}` markers; an empty one (`{#}`) is text.
  const idFirst = LEADING_ID.exec(text.slice(at));
  if (idFirst?.[1]) {
    id = idFirst[1];
    at += idFirst[0].length;
  }
  const result: Leading = { dotted: false, unnumbered: false, skip: at, rest: '' };
  const number = (long ? ANY : SHORT).exec(text.slice(at));
  if (number) {
    let end = at + number[0].length;
    const dotted = text[end] === '.';
    if (dotted) end++;
    const next = text[end];
    if (next === undefined || /\s/u.test(next)) {
      result.number = number[0];
      result.dotted = dotted;
      if (long && LONG_COMPONENT.test(number[0])) result.long = true;
      at = end;
      while (at < text.length && /\s/u.test(text[at] as string)) at++;
      const idAfter = id === undefined ? LEADING_ID.exec(text.slice(at)) : null;
      if (idAfter?.[1]) {
        id = idAfter[1];
        at += idAfter[0].length;
      }
    }
  }
  result.skip = at;
  let rest = text.slice(at);
  const trailing = attributes && rest.endsWith('}') ? headingAttributes(rest) : undefined;
  if (trailing && !trailing.ids.includes('')) {
    id ??= trailing.ids[0];
    result.unnumbered = trailing.unnumbered;
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

/** How far a number may jump past the previous one and still continue it (points deleted without renumbering). */
const GAP = 25;

/** The components of a number, read without allocating strings (this runs for every point of a long chapter). */
function componentsOf(number: string, into: number[]): number {
  let count = 0;
  let value = 0;
  for (let i = 0; i < number.length; i++) {
    const code = number.charCodeAt(i);
    if (code === 46) {
      into[count++] = value;
      value = 0;
    } else value = value * 10 + code - 48;
  }
  into[count++] = value;
  return count;
}
const P: number[] = [];
const N: number[] = [];

/**
 * Whether `next` can follow `previous` in a numbered text: the next sibling
 * at some level ("1.99" → "1.100", "1.100.3" → "1.101"), or a first child
 * ("1.100" → "1.100.1"), with a jump of at most a few numbers.
 */
export function inSequence(previous: string, next: string): boolean {
  const pl = componentsOf(previous, P);
  const nl = componentsOf(next, N);
  let j = 0;
  while (j < pl && j < nl && P[j] === N[j]) j++;
  if (j === nl) return false; // the same number, or a parent of the previous one
  const step = j === pl ? (N[j] as number) : (N[j] as number) - (P[j] as number);
  if (step <= 0 || step > GAP) return false;
  for (let k = j + 1; k < nl; k++) if ((N[k] as number) > GAP) return false;
  return true;
}

/**
 * Whether a long number ("1.100") at the start of a block is a point number,
 * from its neighbours: the previous and next numbers at the start of a block
 * (undefined when there is none). It is one when it continues the previous
 * number, unless the next number continues the previous one instead and not
 * this one ("1.499", "1.500 Unternehmen…", "1.500": prose); or, after a gap,
 * when the next number continues it and not the previous one.
 */
export function acceptsLong(previous: string | undefined, number: string, next: string | undefined): boolean {
  const after = previous !== undefined && inSequence(previous, number);
  const before = next !== undefined && inSequence(number, next);
  const skipped = previous !== undefined && next !== undefined && inSequence(previous, next);
  return after ? before || !skipped : before && !skipped;
}

/**
 * The leading numbers of a run of blocks, in order (`undefined` for a block
 * that is not a heading or paragraph): a long number ("1.100", or "5.500" in
 * German prose) counts only where `acceptsLong` takes it from the numbers
 * before and after it; otherwise the block starts with text. The one rule for
 * every reader of drafts (diff, import).
 */
export function blockNumbers(blocks: readonly ({ text: string; heading: boolean } | undefined)[]): (Leading | undefined)[] {
  const leads = blocks.map((block) => (block ? leading(block.text, block.heading, true) : undefined));
  let previous: string | undefined;
  for (let i = 0; i < leads.length; i++) {
    const lead = leads[i];
    const number = lead?.number;
    if (number === undefined) continue;
    if (lead?.long) {
      let next: string | undefined;
      for (let k = i + 1; k < leads.length && next === undefined; k++) next = leads[k]?.number;
      if (!acceptsLong(previous, number, next)) {
        const block = blocks[i] as { text: string; heading: boolean };
        const short = leading(block.text, block.heading);
        leads[i] = short;
        if (short.number === undefined) continue;
      }
    }
    previous = leads[i]?.number;
  }
  return leads;
}
