/**
 * Everything `src/amendments/` uses from the rest of the project, in one
 * place: the loader, the text model (numbers and source places of points),
 * the word diff, the amendment-sheet cells and the Word shell, the draft
 * readers and the diff, the build's labels. When modules move, this is the
 * one file to update.
 */
export { loadOpinion, isObject } from '../core/load.js';
export { report, sortMessages } from '../core/messages.js';
export { suggest } from '../core/suggest.js';
export { parseMarkdown, LEADING_ID, ID_PATTERN } from '../core/markdown.js';
export { writeFileAtomic } from '../core/atomic-write.js';
export { readSource } from '../core/read-source.js';
export { parseYamlSource, type YamlSource } from '../core/yaml-source.js';
export { buildText, allBlocks, POINT_WORD, type TextBlock, type OpinionText } from '../check/text/model.js';
export { tokenize } from '../diff/text/tokenize.js';
export { wordDiff } from '../diff/compare/word-diff.js';
export { amendmentCell, plainCell } from '../diff/format/amendments.js';
export { textParagraphs } from '../diff/format/paragraphs.js';
export { diffDrafts } from '../diff/index.js';
export { loadDrafts } from '../drafts/index.js';
export type { Change, DiffResult, Side, WordOp } from '../diff/types.js';
export { cellParagraphs } from '../diff/format/word/amendments.js';
export { STYLE, packWord, wordDocument } from '../word/document.js';
export { draftFromSources } from '../render/draft.js';
export type { Draft, DraftPoint } from '../core/draft.js';
export { table } from '../stats/table.js';
