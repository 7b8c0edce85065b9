/**
 * `opinion diff` as a library: read drafts, compare them, and format the
 * result. Data in, data out: nothing here prints or exits.
 *
 * - `parseMarkdownDraft(text, origin)`: a Markdown draft (built, or converted from Word) as a `Draft`.
 * - `diffDrafts(old, new, options)`: the changes between two drafts (`DiffResult`).
 * - `formatDiff(result, format, options)`: terminal, markdown (CriticMarkup), html, json or amendments.
 * - `loadDrafts(paths, options)`: the two drafts a command line names (files, folders, git revisions).
 */
export { parseMarkdownDraft, type ParsedDraft } from './parse/markdown-draft.js';
export { diffDrafts, DEFAULT_SIMILARITY } from './diff-drafts.js';
export type * from './types.js';
export { CHANGE_KINDS } from './types.js';
export { formatDiff, formatForFile, loadFormatter, DIFF_FORMATS, type DiffFormat, type FormatOptions, type Formatter } from './format/index.js';
export { formatAmendments, formatHtml, formatJson, formatMarkdown, formatTerminal } from './format/index.js';
export { diffToJson, JSON_FORMAT_VERSION } from './format/json.js';
export { loadDrafts, type InputOptions, type LoadedDraft } from './load/inputs.js';
export { writeFileAtomic } from './load/write-atomic.js';
export { DiffInputError } from './load/errors.js';
