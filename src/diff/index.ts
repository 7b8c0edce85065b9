/**
 * `opinion diff` as a library: compare two drafts (read by `drafts/`) and
 * format the result. Data in, data out: nothing here prints or exits.
 *
 * - `diffDrafts(old, new, options)`: the changes between two drafts (`DiffResult`).
 * - `formatDiff(result, format, options)`: terminal, markdown (CriticMarkup), html, json or amendments.
 */
export { diffDrafts } from './diff-drafts.js';
export type * from './types.js';
export { CHANGE_KINDS } from './types.js';
export { formatDiff, loadFormatter, DIFF_FORMATS, type DiffFormat } from './format/index.js';
export { formatAmendments, formatHtml, formatJson, formatTerminal } from './format/index.js';
export { diffToJson } from './format/json.js';
