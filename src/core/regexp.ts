/** Text to match literally inside a regular expression. */
export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** Unbounded quantifiers a pattern from a user's file may hold (each one multiplies the worst case by the input's length). */
const MAX_QUANTIFIERS = 3;

/**
 * Why a regular expression from a user's file (a label file's plural rules)
 * could take exponential time, or undefined when it cannot. JavaScript's
 * engine backtracks, and a match cannot be interrupted: so patterns that can
 * backtrack catastrophically are refused before they ever run — a quantified
 * group (`(a+)+`, `(a|ab)*`, `(x){2,}`), a back-reference (`\1`), or more than
 * a few unbounded quantifiers. What stays (character classes, anchors,
 * alternatives, `?`, bounded `{n,m}` on single characters, a few `*`/`+`) runs
 * in time polynomial, with a small degree, in the length of the word.
 */
export function regexHazard(source: string): string | undefined {
  let quantifiers = 0;
  let inClass = false;
  let lastWasGroup = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      if (!inClass && /[1-9k]/.test(next)) return 'a back-reference (`\\1`, `\\k<…>`) can take exponential time';
      i++;
      lastWasGroup = false;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') {
      inClass = true;
      lastWasGroup = false;
      continue;
    }
    const quantifier = c === '*' || c === '+' || (c === '{' && /^\{\d*,?\d*\}/.test(source.slice(i)));
    if (quantifier || c === '?') {
      if (lastWasGroup && (quantifier || source[i - 1] === ')')) {
        if (c !== '?') return 'a repeated group (`(…)*`, `(…)+`, `(…){n,}`) can take exponential time';
      }
      if (c === '*' || c === '+' || (c === '{' && /^\{\d*,\}/.test(source.slice(i)))) {
        if (++quantifiers > MAX_QUANTIFIERS) return `more than ${MAX_QUANTIFIERS} unbounded repetitions (\`*\`, \`+\`)`;
      }
      lastWasGroup = false;
      continue;
    }
    lastWasGroup = c === ')';
  }
  return undefined;
}
