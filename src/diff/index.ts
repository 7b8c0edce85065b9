/**
 * `opinion diff` as a library: compare two drafts (read by `drafts/`) and
 * format the result. Data in, data out: nothing here prints or exits.
 *
 * - `diffDrafts(old, new, options)`: the changes between two drafts (`DiffResult`).
 * - `formatDiff(result, format, options)`: terminal, markdown (CriticMarkup), html, json or amendments.
 */
export { diffDrafts, DEFAULT_SIMILARITY } from './diff-drafts.js';
export type * from './types.js';
export { CHANGE_KINDS } from './types.js';
export { formatDiff, formatForFile, loadFormatter, DIFF_FORMATS, type DiffFormat, type FormatOptions, type Formatter } from './format/index.js';
export { formatAmendments, formatHtml, formatJson, formatMarkdown, formatTerminal } from './format/index.js';
export { diffToJson, JSON_FORMAT_VERSION } from './format/json.js';
export { writeFileAtomic } from './write-atomic.js';
