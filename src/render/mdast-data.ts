/**
 * What the build stores on mdast nodes between its passes: `opinionRef` marks
 * a link made from `:ref{#id}` (the id it points to); a Word draft's reader
 * marks a cross-reference's text with the bookmark it points to. The HTML conversion
 * reads `hName` / `hProperties` (mdast-util-to-hast), the Markdown writer
 * ignores `data` entirely.
 */
import type {} from 'mdast-util-to-hast';

export {};

declare module 'mdast' {
  interface Data {
    /** The id a rendered cross-reference points to (a Word draft's: the bookmark). */
    opinionRef?: string;
    /** The bookmarks a Word draft's paragraph holds: what its cross-references point at. */
    anchors?: string[];
  }
}
