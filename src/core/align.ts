/**
 * Mapping characters of a parsed value back to the source it was parsed from.
 *
 * A YAML scalar's value is its source minus quotes, escapes, folding and
 * indentation; a Markdown text node's value is its source minus escapes and
 * entities. In both, the visible characters come in the same order, so a
 * greedy walk that matches each character to the next equal one in the
 * source (skipping a few markup characters at most, and any white space)
 * recovers its offset.
 */
import { pointAfter } from './line-index.js';
import type { VFile } from 'vfile';
import type { Located, Position } from './model.js';

/** How far the walk may skip over markup (`\`, `&amp;`, quotes…), white space aside, to find the next character. */
const MAX_SKIP = 12;

/**
 * Offsets in `source` of every character of `value`, plus one for the end.
 * `source` is the text the value was parsed from; `base` is added to every offset.
 */
export function alignOffsets(value: string, source: string, base = 0, begin = 0): Int32Array {
  const map = new Int32Array(value.length + 1);
  let p = begin;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (isSpace(c)) {
      map[i] = base + p;
      if (p < source.length && isSpace(source[p]!)) {
        p++;
        const next = value[i + 1];
        if (next === undefined || !isSpace(next)) while (p < source.length && isSpace(source[p]!)) p++;
      }
      continue;
    }
    // White space is never where a visible character comes from: an indent, however deep, is passed over freely.
    let q = p;
    let skipped = 0;
    while (q < source.length && source[q] !== c && skipped < MAX_SKIP) if (!isSpace(source[q++]!)) skipped++;
    if (q < source.length && source[q] === c) {
      map[i] = base + q;
      p = q + 1;
    } else {
      map[i] = base + Math.min(p, source.length);
    }
  }
  map[value.length] = base + Math.min(p, source.length);
  return map;
}

/** Where a YAML scalar's content starts in its source: after a block header or an opening quote. */
export function yamlContentStart(source: string): number {
  const first = source[0];
  if (first === '|' || first === '>') {
    const newline = source.indexOf('\n');
    return newline === -1 ? source.length : newline + 1;
  }
  if (first === '"' || first === "'") return 1;
  return 0;
}

function isSpace(c: string): boolean {
  return c === ' ' || c === '\n' || c === '\t' || c === '\r';
}

/** Offsets in the file of every character of a YAML scalar's `value` (plus one for its end), given the file's `text` and the scalar's place there. */
export function yamlValueOffsets(value: string, text: string, position: Position): Int32Array {
  const start = position.start.offset ?? 0;
  const end = position.end.offset ?? start;
  const source = text.slice(start, end);
  return alignOffsets(value, source, start, yamlContentStart(source));
}

/**
 * The places of parts of a YAML scalar's `value` (a reference, a footnote
 * call), the scalar being at `whole` in one of `files`: each is worked out
 * when its position is first read (most are never reported), from one
 * mapping of the value shared by all.
 *
 * A part is placed exactly when each of its characters (white space aside)
 * is found, in order, at its offset in the source: always in a plain,
 * single-quoted, literal or folded scalar, and in a double-quoted one unless
 * the part is itself written with escapes (`\x3aref{#id}`, `\u0072`), whose
 * characters are not in the source as such, or comes right after a run of
 * escapes more than a dozen characters long, past which the walk loses its
 * way. Such a part is placed at the whole value.
 */
export function yamlValueParts(whole: Located, value: string, files: readonly VFile[]): (from: number, to: number) => Located {
  let map: Int32Array | undefined;
  let source: string | undefined;
  const place = (from: number, to: number): Position => {
    const position = whole.position;
    if (position.start.offset === undefined) return position;
    source ??= textOf(files, whole.file);
    map ??= yamlValueOffsets(value, source, position);
    return mappedPart(map, source, position, value, from, to) ?? position;
  };
  return (from, to) => {
    let position: Position | undefined;
    return {
      file: whole.file,
      get position() {
        return (position ??= place(from, to));
      },
    };
  };
}

/**
 * Where characters `from`–`to` of `value` stand in `source`, `map` being the
 * offsets of `value`'s characters there (from `alignOffsets`) and `position`
 * the place `value` was parsed from: only when each of them (white space
 * aside) is found, in order, at its offset; otherwise undefined.
 */
function mappedPart(map: Int32Array, source: string, position: Position, value: string, from: number, to: number): Position | undefined {
  let last = -1;
  for (let i = from; i < to; i++) {
    const c = value[i]!;
    if (isSpace(c)) continue;
    if (map[i]! <= last || source[map[i]!] !== c) return undefined;
    last = map[i]!;
  }
  // From where its first character stands to just after its last (white space at an edge: where the walk put it).
  const first = map[Math.min(from, value.length)]!;
  const end = to > from ? map[to - 1]! + 1 : first;
  if (end < first) return undefined;
  const start = pointAfter(position.start, source.slice(position.start.offset, first));
  return { start, end: pointAfter(start, source.slice(first, end)) };
}

/**
 * Where characters `from`–`to` of a Markdown text node's `value` stand in
 * `source` (the file's text), the node being at `position` there: in a
 * chapter or a YAML scalar of any style (folded lines, escapes, entities
 * passed over as `yamlValueParts` says); undefined where the walk cannot say.
 */
export function placeInText(source: string, position: Position, value: string, from: number, to: number): Position | undefined {
  const start = position.start.offset;
  const end = position.end.offset;
  if (start === undefined || end === undefined) return undefined;
  return mappedPart(alignOffsets(value, source.slice(start, end), start), source, position, value, from, to);
}

function textOf(files: readonly VFile[], path: string): string {
  const value = files.find((file) => file.path === path)?.value;
  return typeof value === 'string' ? value : '';
}
