/**
 * `opinion build` as a library. Pure functions take data and return data
 * plus messages (VFile messages at the user's file:line:column); reading
 * sources is in `buildOpinion`, writing outputs in `writeOutputs`.
 *
 *   const build = await buildOpinion('opinions/see-migrants', { langs: 'all' });
 *   if (build.ok) await writeOutputs(build, { out: 'build' });
 *
 *   const { markdown, html, document, messages } = renderOpinion(opinion, { lang, labels, template });
 */
export { renderOpinion, FORMATS, DEFAULT_FORMATS, type Format, type RenderOptions, type RenderResult } from './render.js';
export { resolveDocument, type ResolveOptions, type ResolvedDocument } from './resolve.js';
export { buildOpinion, type BuildOptions, type OpinionBuild } from './build-opinion.js';
export { draftFromSources } from './draft.js';
export { writeOutputs, outputPaths, type WriteOptions, type WriteResult } from './write-outputs.js';
export { watchOpinions, type WatchOptions } from './watch.js';
export { parseTemplate, BLOCK_SLOTS, FIELDS, type Template } from './template.js';
export { readTemplate, readSlotOverrides } from './template-load.js';
export { parseLabelFile, readLabelFile, resolveLabels, builtinLabelFiles, type LabelFile } from './labels-load.js';
export { LABEL_KEYS, type Labels, type LabelKey } from './labels.js';
export { toMarkdown, draftMarkdown } from './to-markdown.js';
export { toHtml } from './to-html.js';
export { documentFrom, DOCUMENT_SCHEMA_ID, type BuiltDocument } from './to-json.js';
export { countLength, LENGTH_LIMIT, type LengthCount } from './length.js';
export { DEFAULT_TEMPLATE, BUILTIN_LANGUAGES_DIR } from './package-files.js';
export { printPdf, type PrintOptions } from './print.js';
