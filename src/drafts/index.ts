/**
 * Drafts: one reader for every form a draft comes in — a Markdown draft
 * (built, or converted from Word), a Word `.docx`, an opinion source folder
 * (through the render pipeline), or any of these at a git revision — into
 * one `Draft` model (`core/draft.ts`). `diff` and `import` both read drafts
 * here; nothing here knows about comparing or importing.
 *
 * - `parseMarkdownDraft(text, origin)`: a Markdown draft as a `Draft`.
 * - `readDocx(bytes, shown)`: a Word draft as the Markdown tree a built draft gives.
 * - `loadDrafts(paths, options)`: the two drafts a command line names (files, folders, git revisions).
 */
export { parseMarkdownDraft, type ParsedDraft } from './markdown/markdown-draft.js';
export { readDocx, type WordDraft } from './word/index.js';
export { loadDrafts } from './load.js';
export { InputError } from '../core/errors.js';
