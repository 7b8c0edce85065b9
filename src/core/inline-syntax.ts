/**
 * The one reader of the inline Markdown constructs the fast paths need —
 * code spans, bracketed labels, emphasis delimiter runs, text directives (`:ref{#id}`, `:cite{#id}`,
 * `:name[label]{attributes}`) and footnote calls (`[^label]`) — read as
 * remark (micromark, remark-directive) reads them, and the class of the
 * characters around emphasis delimiters. Shared by the fast reader
 * of chapters and drafts (`core/markdown-fast.ts`), the references of YAML
 * texts (`inlineDirectives` in `core/prose-outline.ts`) and the text model's
 * inline scan (`text/scan.ts`: prose), so that none can read a `:ref`
 * differently; held to remark by `test/core/markdown-fast.test.ts`,
 * `test/core/inline-syntax.test.ts` and `test/check/scan.test.ts`.
 */

/** A footnote call `[^label]` as written, unless its `[` is escaped (remark reads it as one only where the label is defined). */
export const FOOTNOTE_CALL = /(?<!\\)\[\^([^\]\s]+)\]/g;

/** The backtick run of `ticks` backticks closing a code span opened before `from`, or -1. */
export function closingTicks(source: string, from: number, to: number, ticks: number): number {
  let i = source.indexOf('`', from);
  while (i !== -1 && i < to) {
    let length = 1;
    while (source[i + length] === '`') length++;
    if (length === ticks) return i;
    i = source.indexOf('`', i + length);
  }
  return -1;
}

/**
 * The code span whose opening backtick run starts at `i`, closing before
 * `to`: where it ends and where its content is (one space of padding on
 * each side removed, as CommonMark does, unless the content is all space).
 * When no run of as many backticks closes it, no `content` and `end` is
 * where the opening run ends (the run is text).
 */
export function codeSpanAt(source: string, i: number, to: number): { end: number; content?: [number, number] } {
  let ticks = 1;
  while (source[i + ticks] === '`') ticks++;
  const close = closingTicks(source, i + ticks, to, ticks);
  if (close === -1) return { end: i + ticks };
  let a = i + ticks;
  let b = close;
  if (b - a >= 2 && source[a] === ' ' && source[b - 1] === ' ' && source.slice(a, b).trim() !== '') {
    a++;
    b--;
  }
  return { end: close + ticks, content: [a, b] };
}

/** The `]` closing the `[` at `open` (escapes skipped; `codeSpans`: a code span hides its brackets, as in link text), or -1. */
export function closingBracket(source: string, open: number, to: number, codeSpans: boolean): number {
  let depth = 0;
  for (let i = open; i < to; i++) {
    const c = source[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '`' && codeSpans) {
      const span = codeSpanAt(source, i, to);
      if (span.content) i = span.end - 1;
      continue;
    }
    if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  return -1;
}

/** micromark's class of the character before or after a delimiter run (emphasis): 1 white space (or none), 2 punctuation, 0 other. */
export function characterClass(c: string | undefined): 0 | 1 | 2 {
  if (c === undefined) return 1;
  const code = c.charCodeAt(0);
  // ASCII letters and digits, the common case, without a regular expression.
  if ((code >= 48 && code <= 57) || ((code | 32) >= 97 && (code | 32) <= 122)) return 0;
  if (/\s/.test(c)) return 1;
  return PUNCTUATION.test(c) ? 2 : 0;
}

/**
 * The delimiter run `source[start, end)` (emphasis, strikethrough) inside
 * `[from, to)`, as micromark reads it: the classes of the characters before
 * and after it (none beyond `from` and `to`), and whether it is
 * left-flanking (it can open) and right-flanking (it can close).
 */
export function delimiterRun(
  source: string,
  start: number,
  end: number,
  from: number,
  to: number,
): { before: 0 | 1 | 2; after: 0 | 1 | 2; left: boolean; right: boolean } {
  const before = characterClass(start > from ? source[start - 1] : undefined);
  const after = characterClass(end < to ? source[end] : undefined);
  return { before, after, left: after === 0 || (after === 2 && before !== 0), right: before === 0 || (before === 2 && after !== 0) };
}

export interface TextDirective {
  name: string;
  /** From `#id` or `id=…` in the attributes; '' when the attributes name none; undefined without attributes. */
  id?: string;
  /** Where the label's content starts and ends (inside the brackets). */
  label?: [number, number];
  /** Whether it has attributes (`{…}`, well formed). */
  attributes: boolean;
  end: number;
}

const NAME = /^:([A-Za-z](?:[\w-]*[A-Za-z0-9])?)/;

/**
 * The text directive whose `:` is at `i`: not after another `:` (unless
 * that one is escaped). As in remark-directive, a label or attributes that
 * do not close (or are malformed) are not part of it: the directive ends before.
 */
export function readTextDirective(source: string, i: number, to: number): TextDirective | undefined {
  if (source[i - 1] === ':') {
    let slashes = 0;
    while (source[i - 2 - slashes] === '\\') slashes++;
    if (slashes % 2 === 0) return undefined;
  }
  const match = NAME.exec(source.slice(i, Math.min(to, i + 64)));
  if (!match || source[i + match[0].length] === ':') return undefined;
  const directive: TextDirective = { name: match[1]!, attributes: false, end: i + match[0].length };
  if (source[directive.end] === '[') {
    const close = closingBracket(source, directive.end, to, false);
    if (close !== -1) {
      directive.label = [directive.end + 1, close];
      directive.end = close + 1;
    }
  }
  const attributes = source[directive.end] === '{' ? readAttributes(source, directive.end, to) : undefined;
  if (attributes) {
    directive.id = attributes.id;
    directive.attributes = true;
    directive.end = attributes.end;
  }
  return directive;
}

const SPACE = /[ \t\r\n]/;
const PUNCTUATION = /[\p{P}\p{S}]/u;

/**
 * Directive attributes `{#id .class name=value name="value" name}` opening
 * at `open`, read as micromark-extension-directive reads them: where they
 * end and the id they give (the last `#id` or `id=`; '' when none), or
 * undefined when they are malformed or do not close.
 */
function readAttributes(source: string, open: number, to: number): { id: string; end: number } | undefined {
  let id = '';
  let i = open + 1;
  while (i < to) {
    const c = source[i]!;
    if (c === '}') return { id, end: i + 1 };
    if (SPACE.test(c)) {
      i++;
    } else if (c === '#' || c === '.') {
      // A shortcut: `#id` or `.class`, up to white space, `#`, `.` or `}`.
      let j = i + 1;
      if (j >= to || /["#'.<=>`}\s]/.test(source[j]!)) return undefined;
      for (; j < to && !/[#.}]/.test(source[j]!) && !SPACE.test(source[j]!); j++) if (/["'<=>`]/.test(source[j]!)) return undefined;
      if (c === '#') id = source.slice(i + 1, j);
      i = j;
    } else if (/\s/.test(c) || (PUNCTUATION.test(c) && c !== '-' && c !== '_')) {
      return undefined;
    } else {
      let j = i + 1;
      while (j < to && !/\s/.test(source[j]!) && !(PUNCTUATION.test(source[j]!) && !'-.:_'.includes(source[j]!))) j++;
      const name = source.slice(i, j);
      while (j < to && SPACE.test(source[j]!)) j++;
      i = j;
      if (source[j] !== '=') continue;
      for (j++; j < to && SPACE.test(source[j]!); j++);
      if (j >= to || /[<=>`}]/.test(source[j]!)) return undefined;
      let value: string;
      if (source[j] === '"' || source[j] === "'") {
        const close = source.indexOf(source[j]!, j + 1);
        if (close === -1 || close >= to || (close + 1 < to && source[close + 1] !== '}' && !SPACE.test(source[close + 1]!))) return undefined;
        value = source.slice(j + 1, close);
        i = close + 1;
      } else {
        for (i = j; i < to && source[i] !== '}' && !SPACE.test(source[i]!); i++) if (/["'<=>`]/.test(source[i]!)) return undefined;
        value = source.slice(j, i);
      }
      if (name === 'id') id = value;
    }
  }
  return undefined;
}
