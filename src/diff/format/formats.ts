/**
 * The output formats, and each one's formatter loaded on its own (a command
 * writing JSON need not load the HTML and Markdown writers).
 */
import { extname } from 'node:path';
import type { Draft } from '../../core/draft.js';
import type { DiffResult } from '../types.js';

export const DIFF_FORMATS = ['terminal', 'markdown', 'html', 'json', 'amendments'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

export interface FormatOptions {
  /** Terminal format: ANSI colours rather than `[-…-]{+…+}` markers. */
  color?: boolean;
  /** HTML format: the page title. */
  title?: string;
  /** Amendment sheet: typographic-only changes get amendments too. */
  typography?: boolean;
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

/** Formats written as a Word file: the redline with tracked changes, and the amendment sheet as a table. */
export const WORD_FORMATS = ['docx', 'amendments'] as const;
export type WordFormat = (typeof WORD_FORMATS)[number];

export interface WordFormatOptions {
  /** Author of the tracked changes (default: the new version's rapporteur, else "EESC secretariat"). */
  author?: string;
  /** Date of the tracked changes, `YYYY-MM-DD` (default: the new version's date). */
  date?: string;
  /** Amendment sheet: typographic-only changes get amendments too. */
  typography?: boolean;
}

/** A Word formatter: bytes of a `.docx`, from the comparison and the two drafts (the redline shows the whole document). */
export type WordFormatter = (result: DiffResult, drafts: { old: Draft; new: Draft }, options: WordFormatOptions) => Promise<Uint8Array>;

/** Whether an output file is a Word file (`.docx`). */
export function isWordFile(path: string): boolean {
  return extname(path).toLowerCase() === '.docx';
}

/** The Word formatter of one format, imported when asked for. */
export async function loadWordFormatter(format: WordFormat): Promise<WordFormatter> {
  if (format === 'docx') {
    const { redlineDocx } = await import('../../word/redline/index.js');
    return (result, drafts, options) => redlineDocx(result, drafts, options);
  }
  const [{ amendmentsDocx }, { defaultDate, headerValue: value }] = await Promise.all([import('../../word/redline/amendments.js'), import('../../word/redline/defaults.js')]);
  return (result, drafts, options) => {
    const date = options.date ?? defaultDate(drafts.new);
    const reference = value(drafts.new, 'reference') ?? value(drafts.old, 'reference');
    const oldDocument = value(drafts.old, 'document');
    const newDocument = value(drafts.new, 'document');
    return amendmentsDocx(result, { ...(options.typography ? { typography: true } : {}), ...(date ? { date } : {}), ...(reference ? { reference } : {}), ...(oldDocument ? { oldDocument } : {}), ...(newDocument ? { newDocument } : {}) });
  };
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
      return (result, options) => formatAmendments(result, options.typography ? { typography: true } : {});
    }
  }
}
