/**
 * The id syntax of the Markdown dialect (see ./markdown.ts), apart from the
 * parser so that code needing only these (validate) loads no Markdown parser.
 */

/** `{#id}` at the start of a paragraph, or `{#id}` / `{-}` at the end of a heading. */
export const LEADING_ID = /^\{#([^}\s]*)\}[ \t]*/;
export const TRAILING_ATTRIBUTES = /[ \t]*\{((?:#[^}\s]*|-|\.unnumbered)(?:[ \t]+(?:#[^}\s]*|-|\.unnumbered))*)\}[ \t]*$/;

export const ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
