/**
 * HTML anchors of a draft. Points, headings and chapters use their source id
 * (ids are lower-case kebab case, safe as they are); footnotes use the ids
 * that mdast-util-to-hast gives them, so a `:ref` to a footnote lands on it.
 */
export const FOOTNOTE_PREFIX = 'fn-';
/** Prefix of generated footnote ids in HTML (mdast-util-to-hast's `clobberPrefix`). */
export const CLOBBER_PREFIX = 'user-content-';

export function footnoteAnchor(number: string): string {
  return `${CLOBBER_PREFIX}${FOOTNOTE_PREFIX}${number}`;
}
