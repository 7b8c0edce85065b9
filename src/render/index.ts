/**
 * Rendering, as a library. Pure functions take data and return data plus
 * messages (VFile messages at the user's file:line:column); reading sources
 * is in `buildOpinion` (`src/opinion/`), writing outputs in `writeOutputs`.
 *
 *   const { markdown, html, document, messages } = renderOpinion(opinion, { lang, labels, template });
 */
export { renderOpinion, type RenderOptions, type RenderResult, type OpinionBuild } from './render.js';
export { resolveDocument, type ResolvedDocument } from './resolve.js';
export { writeOutputs } from './write-outputs.js';
export { watchOpinions } from './watch.js';
export { draftMarkdown } from './to-markdown.js';
export { HTML_CSP } from './to-html.js';
export { type BuiltDocument } from './to-json.js';
export { countLength, LENGTH_LIMIT, type LengthCount } from './length.js';
