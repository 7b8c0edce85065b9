/**
 * Mapping characters of a parsed value back to the source it was parsed from.
 *
 * A YAML scalar's value is its source minus quotes, escapes, folding and
 * indentation; a Markdown text node's value is its source minus escapes and
 * entities. In both, the visible characters come in the same order, so a
 * greedy walk that matches each character to the next equal one in the
 * source (skipping a few markup characters at most) recovers its offset.
 */

/** How far the walk may skip over markup (`\`, `&amp;`, quotes…) to find the next character. */
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
    let q = p;
    const limit = Math.min(source.length, p + MAX_SKIP);
    while (q < limit && source[q] !== c) q++;
    if (q < limit) {
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
