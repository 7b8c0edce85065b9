/**
 * Rendering, as a library. Pure functions take data and return data plus
 * messages (VFile messages at the user's file:line:column); reading sources
 * is in `buildOpinion` (`src/opinion/`), writing outputs in `writeOutputs`.
 *
 *   const { markdown, html, document, messages } = renderOpinion(opinion, { lang, labels, template });
 */
import type { VFile } from 'vfile';
import { parseTemplate as parseTemplateWith, type Template } from '../core/template.js';
import { readTemplate as readTemplateWith, readSlotOverrides as readSlotOverridesWith, type SlotFiles } from '../core/template-load.js';
import { LABEL_KEYS } from '../labels/labels.js';
export { renderOpinion, FORMATS, DEFAULT_FORMATS, type Format, type RenderOptions, type RenderResult, type OpinionBuild } from './render.js';
export { resolveDocument, type ResolveOptions, type ResolvedDocument } from './resolve.js';
export { writeOutputs, outputPaths, type WriteOptions, type WriteResult } from './write-outputs.js';
export { watchOpinions, type WatchOptions } from './watch.js';
export { BLOCK_SLOTS, FIELDS, type Template } from '../core/template.js';
export { parseLabelFile, readLabelFile, resolveLabels, builtinLabelFiles, type LabelFile } from '../labels/load.js';
export { LABEL_KEYS, type Labels, type LabelKey } from '../labels/labels.js';

/** Parse and check a template against the known label keys (`slot`: a fragment replacing that slot). */
export function parseTemplate(file: VFile, slot?: string): Template {
  return parseTemplateWith(file, LABEL_KEYS, slot);
}
/** Read and check a template file; a VFile holding the reason when it cannot be read. */
export function readTemplate(path: string): Promise<Template | VFile> {
  return readTemplateWith(path, LABEL_KEYS);
}
/** An opinion folder's `slots/` replacements. */
export function readSlotOverrides(dir: string): Promise<SlotFiles> {
  return readSlotOverridesWith(dir, LABEL_KEYS);
}
export { toMarkdown, draftMarkdown } from './to-markdown.js';
export { toHtml, HTML_CSP } from './to-html.js';
export { documentFrom, DOCUMENT_SCHEMA_ID, type BuiltDocument } from './to-json.js';
export { countLength, LENGTH_LIMIT, type LengthCount } from './length.js';
export { DEFAULT_TEMPLATE, BUILTIN_LANGUAGES_DIR } from '../core/package-files.js';
