/**
 * The output formats, and each one's formatter loaded on its own (a command
 * writing JSON need not load the HTML and Markdown writers).
 */
import { extname } from 'node:path';
import type { DiffResult } from '../types.js';

export const DIFF_FORMATS = ['terminal', 'markdown', 'html', 'json', 'amendments'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface FormatOptions {
  /** Terminal format: ANSI colours rather than `[-…-]{+…+}` markers. */
  color?: boolean;
  /** HTML format: the page title. */
  title?: string;
}

export type Formatter = (result: DiffResult, options: FormatOptions) => string;

/** The format an output file's extension asks for (`.html`, `.json`, `.md`), if any. */
export function formatForFile(path: string): DiffFormat | undefined {
  const extension = extname(path).toLowerCase();
  if (extension === '.html' || extension === '.htm') return 'html';
  if (extension === '.json') return 'json';
  if (extension === '.md' || extension === '.markdown') return 'markdown';
  return undefined;
}

/** The formatter of one format, imported when asked for. */
export async function loadFormatter(format: DiffFormat): Promise<Formatter> {
  switch (format) {
    case 'terminal': {
      const { formatTerminal } = await import('./terminal.js');
      return (result, options) => formatTerminal(result, { color: options.color ?? false });
    }
    case 'markdown': {
      const { formatMarkdown } = await import('./markdown.js');
      return (result) => formatMarkdown(result);
    }
    case 'html': {
      const { formatHtml } = await import('./html/index.js');
      return (result, options) => formatHtml(result, options.title === undefined ? {} : { title: options.title });
    }
    case 'json': {
      const { formatJson } = await import('./json.js');
      return (result) => formatJson(result);
    }
    case 'amendments': {
      const { formatAmendments } = await import('./amendments.js');
      return (result) => formatAmendments(result);
    }
  }
}
