/**
 * The id syntax of the Markdown dialect (see ./markdown.ts), apart from the
 * parser so that code needing only these (validate) loads no Markdown parser.
 */
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';

/** `{#id}` at the start of a paragraph, or `{#id}` / `{-}` at the end of a heading. */
export const LEADING_ID = /^\{#([^}\s]*)\}[ \t]*/;
export const TRAILING_ATTRIBUTES = /[ \t]*\{((?:#[^}\s]*|-|\.unnumbered)(?:[ \t]+(?:#[^}\s]*|-|\.unnumbered))*)\}[ \t]*$/;

/**
 * The attributes ending a heading's text (`{#id}`, `{-}`, `{.unnumbered}`,
 * several in one pair of braces): where they start, as written, the ids
 * they name (as written, maybe malformed) and whether the heading is
 * unnumbered. The one reading of them for validation and the text model.
 */
export function headingAttributes(content: string): { index: number; raw: string; ids: string[]; unnumbered: boolean } | undefined {
  const match = TRAILING_ATTRIBUTES.exec(content);
  if (!match) return undefined;
  const parts = match[1]!.split(/[ \t]+/);
  return {
    index: match.index,
    raw: match[0].trim(),
    ids: parts.filter((part) => part.startsWith('#')).map((part) => part.slice(1)),
    unnumbered: parts.some((part) => part === '-' || part === '.unnumbered'),
  };
}

export const ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** How mdast identifies a label (a link's, a footnote's): `[^Fn-A]` and `[^fn-a]` are one footnote. */
export function markdownIdentifier(label: string): string {
  return normalizeIdentifier(label).toLowerCase();
}
