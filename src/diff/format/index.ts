/** The output formats of `opinion diff`: each a pure function from the result to text. */
import { extname } from 'node:path';
import type { DiffResult } from '../types.js';
import { formatAmendments } from './amendments.js';
import { formatHtml } from './html/index.js';
import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatTerminal } from './terminal.js';

export const DIFF_FORMATS = ['terminal', 'markdown', 'html', 'json', 'amendments'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface FormatOptions {
  /** Terminal format: ANSI colours rather than `[-…-]{+…+}` markers. */
  color?: boolean;
  /** HTML format: the page title. */
  title?: string;
}

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
      return formatAmendments(result);
  }
}

/** The format an output file's extension asks for (`.html`, `.json`, `.md`), if any. */
export function formatForFile(path: string): DiffFormat | undefined {
  const extension = extname(path).toLowerCase();
  if (extension === '.html' || extension === '.htm') return 'html';
  if (extension === '.json') return 'json';
  if (extension === '.md' || extension === '.markdown') return 'markdown';
  return undefined;
}

export { formatAmendments, formatHtml, formatJson, formatMarkdown, formatTerminal };
