/**
 * remark's parser of the opinion sources' dialect (CommonMark + GFM +
 * directives), for the pieces of a text that the fast reader leaves to it
 * (./markdown.ts). A module of its own so that the command scripts initialise
 * remark, micromark and their extensions only when a piece needs them
 * (src/scripts/bundle.mjs, LAZY_MODULES): the sample opinion needs none.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkDirective from 'remark-directive';
import type { Root } from 'mdast';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).freeze();

/** The tree remark gives for `text`. */
export function remarkTree(text: string): Root {
  return processor.parse(text) as Root;
}

/** The processor itself, for callers that also stringify (same extensions both ways). */
export function markdownProcessor() {
  return processor;
}
