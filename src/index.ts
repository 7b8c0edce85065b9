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
export { validateOpinions, type ManyOptions } from './validate/index.js';

// The pipeline: an opinion opened once (loaded and validated), then built, checked, counted or read as a draft.
export { openOpinion, OpenOpinion, buildOpinion, draftFromSources, type OpenOptions, type BuildOptions, type OpinionBuild } from './opinion/index.js';

// Build: render drafts through templates.
export {
  renderOpinion,
  resolveDocument,
  writeOutputs,
  watchOpinions,
  countLength,
  LENGTH_LIMIT,
  type RenderOptions,
  type RenderResult,
  type ResolvedDocument,
  type BuiltDocument,
  type LengthCount,
} from './render/index.js';
// The Word draft: with format `docx`, `renderOpinion` gives `word` (the filled tree and page options), `wordBytes`
// its `.docx` (`buildOpinion` does it: `render.docx`); `toWord` gives the docx Document; the shell is shared with the redline.
export { toWord, wordBytes, type WordBuildOptions, type WordSource } from './render/word/index.js';
export { wordDocument, packWord, planNumbering, STYLE, type WordDocumentOptions, type NumberingPlan } from './word/document.js';

// Drafts: one reader for Markdown drafts, Word drafts and opinion folders, into one `Draft`.
export { parseMarkdownDraft, loadDrafts, readDocx, InputError, type ParsedDraft, type WordDraft } from './drafts/index.js';

// Diff: structural redlines and amendment sheets.
export { diffDrafts, formatDiff, DIFF_FORMATS, CHANGE_KINDS, type DiffFormat } from './diff/index.js';
export type { DiffResult, Change, ChangeKind } from './diff/types.js';
// The redline as a Word file with tracked changes, and the amendment sheet as a Word table.
export { redlineDocx, type RedlineOptions } from './diff/format/word/index.js';
export { amendmentsDocx, type AmendmentsOptions } from './diff/format/word/amendments.js';

// Check and stats: analyse an opinion.
export { checkOpinion, CHECK_VALIDATION, RULES, type CheckOptions, type CheckResult } from './check/index.js';
export { statsOfOpinion, statsReport, formatStatsTable, type StatsOptions, type StatsResult } from './stats/index.js';

// Init: scaffold a new opinion folder.
export { scaffoldOpinion, type ScaffoldOptions, type ScaffoldFile } from './init/index.js';

// Import: a Word or Markdown draft → an opinion source folder.
export { importDraft, type ImportOptions, type ImportResult, type ImportedFile } from './import/index.js';
export { writeImportedFolder, type WriteImportedOptions } from './import/write.js';
