/** The output formats of `opinion diff`: each a pure function from the result to text. */
import type { DiffResult } from '../types.js';
import { formatAmendments } from './amendments.js';
import type { DiffFormat, FormatOptions } from './formats.js';
import { formatHtml } from './html/index.js';
import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatTerminal } from './terminal.js';

export { DIFF_FORMATS, formatForFile, loadFormatter, type DiffFormat, type FormatOptions, type Formatter } from './formats.js';

export function formatDiff(result: DiffResult, format: DiffFormat, options: FormatOptions = {}): string {
  switch (format) {
    case 'terminal':
      return formatTerminal(result, { color: options.color ?? false });
    case 'markdown':
      return formatMarkdown(result);
    case 'html':
      return formatHtml(result, options.title === undefined ? {} : { title: options.title });
    case 'json':
      return formatJson(result);
    case 'amendments':
      return formatAmendments(result, options.typography ? { typography: true } : {});
  }
}

export { formatAmendments, formatHtml, formatJson, formatMarkdown, formatTerminal };
