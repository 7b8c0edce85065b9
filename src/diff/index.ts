/**
 * `opinion diff` as a library: read drafts, compare them, and format the
 * result. Data in, data out: nothing here prints or exits.
 */
export { parseMarkdownDraft, type ParsedDraft } from './parse/markdown-draft.js';
export { diffDrafts, DEFAULT_SIMILARITY } from './diff-drafts.js';
export type * from './types.js';
export { CHANGE_KINDS } from './types.js';
