/**
 * The output formats of `opinion diff`, each listed once with the file
 * extensions that ask for it and its formatter, imported only when asked for
 * (a command writing JSON need not load the HTML and Markdown writers).
 * A new format is one module and one line here.
 */
import { extname } from 'node:path';
import type { Draft } from '../../core/draft.js';
import type { DiffResult } from '../types.js';

export interface FormatOptions {
  /** Terminal format: ANSI colours rather than `[-…-]{+…+}` markers. */
  color?: boolean;
  /** HTML format: the page title. */
  title?: string;
  /** Amendment sheet: typographic-only changes get amendments too. */
  typography?: boolean;
  /** Amendment sheet: the language of its wording (default: the language of the texts compared). */
  lang?: string;
}

export type Formatter = (result: DiffResult, options: FormatOptions) => string;

interface Output<F> {
  /** Extensions of an output file (`--out`) that ask for this format. */
  extensions: readonly string[];
  load: () => Promise<F>;
}

/** Text formats: a pure function from the comparison to text. */
export const DIFF_OUTPUTS = {
  terminal: { extensions: [], load: async () => (await import('./terminal.js')).formatTerminal },
  markdown: { extensions: ['.md', '.markdown'], load: async () => (await import('./markdown.js')).formatMarkdown },
  html: { extensions: ['.html', '.htm'], load: async () => (await import('./html/index.js')).formatHtml },
  json: { extensions: ['.json'], load: async () => (await import('./json.js')).formatJson },
  amendments: { extensions: [], load: async () => (await import('./amendments.js')).formatAmendments },
} as const satisfies Record<string, Output<Formatter>>;

export type DiffFormat = keyof typeof DIFF_OUTPUTS;
export const DIFF_FORMATS = Object.keys(DIFF_OUTPUTS) as DiffFormat[];

export interface WordFormatOptions {
  /** Author of the tracked changes (default: the new version's rapporteur, else "EESC secretariat"). */
  author?: string;
  /** Date of the tracked changes, `YYYY-MM-DD` (default: the new version's date). */
  date?: string;
  /** Amendment sheet: typographic-only changes get amendments too. */
  typography?: boolean;
  /** Amendment sheet: the language of its wording (default: the language of the texts compared). */
  lang?: string;
}

/** A Word formatter: bytes of a `.docx`, from the comparison and the two drafts (the redline shows the whole document). */
export type WordFormatter = (result: DiffResult, drafts: { old: Draft; new: Draft }, options: WordFormatOptions) => Promise<Uint8Array>;

/** Formats written as a Word file: the redline with tracked changes, and the amendment sheet as a table. */
export const WORD_OUTPUTS = {
  docx: { extensions: ['.docx'], load: async () => (await import('./word/index.js')).redlineDocx },
  amendments: { extensions: ['.docx'], load: async () => (await import('./word/amendments.js')).amendmentSheetDocx },
} as const satisfies Record<string, Output<WordFormatter>>;

export type WordFormat = keyof typeof WORD_OUTPUTS;

/** The text format an output file's extension asks for (`.html`, `.json`, `.md`), if any. */
export function formatForFile(path: string): DiffFormat | undefined {
  const extension = extname(path).toLowerCase();
  return DIFF_FORMATS.find((format) => (DIFF_OUTPUTS[format].extensions as readonly string[]).includes(extension));
}

/** Whether an output file is a Word file (`.docx`). */
export function isWordFile(path: string): boolean {
  return extname(path).toLowerCase() === '.docx';
}

/** The formatter of one text format, imported when asked for. */
export function loadFormatter(format: DiffFormat): Promise<Formatter> {
  return DIFF_OUTPUTS[format].load();
}

/** The Word formatter of one format, imported when asked for. */
export function loadWordFormatter(format: WordFormat): Promise<WordFormatter> {
  return WORD_OUTPUTS[format].load();
}
