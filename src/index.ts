/**
 * The `opinion` library: load, validate, render, diff and analyse EESC
 * opinions. Functions take data and return data plus messages (VFile
 * messages with positions in the user's own files); nothing here prints.
 */
export type * from './core/model.js';
export type * from './core/draft.js';
export { STAGES, YAML_KINDS } from './core/model.js';
export { loadOpinion, type LoadResult } from './core/load.js';
export { parseMarkdown } from './core/markdown.js';
export { indexOpinion, type IdIndex } from './core/ids.js';
export { report, countMessages, severityOf, type Severity, type Counts, type MessageOptions } from './core/messages.js';
export { validateOpinion, findOpinionFolders, checkSemantics, type ValidatedOpinion, type FoundFolders } from './validate/index.js';
export { formatReport, REPORT_FORMATS, type ReportFormat, type ReportOptions } from './report/index.js';
