/**
 * Typographic-only changes: two texts that differ only in the typographic
 * form of the same characters — curly or straight quotes and apostrophes
 * (’ '), guillemets and low quotes, dashes and hyphens (– — -), the minus
 * sign, the ellipsis (… ...) and the kinds of space (no-break, narrow
 * no-break, thin). Such a change is reported as `typographic`, kept out of
 * the amendment sheet by default, and hidden with `ignoreTypography`.
 */

const FORMS: [RegExp, string][] = [
  [/[\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4]/gu, "'"],
  [/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u2039\u203a]/gu, '"'],
  [/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/gu, '-'],
  [/\u2026/gu, '...'],
  [/[\s\u00a0\u202f\u2007\u2009\u200a]+/gu, ' '],
];

/** The text with every typographic form written one way. */
export function typographicKey(text: string): string {
  let key = text;
  for (const [pattern, plain] of FORMS) key = key.replace(pattern, plain);
  // Spaces inside guillemets (« mot ») are the same quotes as "mot".
  return key.replace(/" /gu, '"').replace(/ "/gu, '"').trim();
}

/** The texts differ, but only typographically. */
export function typographicOnly(old: string, neu: string): boolean {
  return old !== neu && typographicKey(old) === typographicKey(neu);
}

/**
 * Word operations that change only typography: the text each side reads,
 * with the runs both keep written the same (a reference that followed its
 * renumbered target is not a typographic change, nor any change).
 */
export function typographicOps(ops: readonly { op: 'equal' | 'delete' | 'insert'; text: string }[]): boolean {
  let old = '';
  let neu = '';
  let changed = false;
  for (const op of ops) {
    if (op.op !== 'insert') old += op.text;
    if (op.op !== 'delete') neu += op.text;
    if (op.op !== 'equal') changed = true;
  }
  // Text written the same on both sides is no typographic change: a reference whose target changed ("point 2.4" now names another point).
  return changed && old !== neu && typographicKey(old) === typographicKey(neu);
}
