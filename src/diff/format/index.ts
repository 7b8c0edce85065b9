/** The output formats of `opinion diff`: each a pure function from the result to text (see formats.ts for the list). */
import type { DiffResult } from '../types.js';
import { formatAmendments } from './amendments.js';
import type { DiffFormat, FormatOptions, Formatter } from './formats.js';
import { formatHtml } from './html/index.js';
import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatTerminal } from './terminal.js';

export { DIFF_FORMATS, loadFormatter, type DiffFormat } from './formats.js';

/** Every formatter loaded, for the library's synchronous `formatDiff` (the command loads only the one it needs). */
const FORMATTERS: Record<DiffFormat, Formatter> = {
  terminal: formatTerminal,
  markdown: formatMarkdown,
  html: formatHtml,
  json: formatJson,
  amendments: formatAmendments,
};

export function formatDiff(result: DiffResult, format: DiffFormat, options: FormatOptions = {}): string {
  return FORMATTERS[format](result, options);
}

export { formatAmendments, formatHtml, formatJson, formatTerminal };
