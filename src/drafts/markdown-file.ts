/** A Markdown draft file (built by `opinion build` or converted from Word) as a `Draft`. */
import { extname } from 'node:path';
import { readBytes } from '../core/safe-read.js';
import { utf8Problem } from '../core/read-source.js';
import { markdownLimitProblem } from '../core/markdown-limits.js';
import { parseMarkdownDraft, type ParsedDraft } from './markdown/markdown-draft.js';
import { InputError } from '../core/errors.js';

/** Drafts are tens of kilobytes; a bench draft of 5,000 points is about 2 MB. */
export const MAX_DRAFT_BYTES = 16 * 1024 * 1024;
const MAX_BYTES = MAX_DRAFT_BYTES;

/** The start of an HTML document (after a BOM, white space or comments): `<!doctype html>`, `<html…>`. */
const HTML_START = /^\uFEFF?\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>])/iu;

/** The start of an RTF file (after a BOM or white space): `{\rtf1`. */
const RTF_START = /^(?:\uFEFF|\u00EF\u00BB\u00BF)?\s*\{\\rtf/u;

/** Files people give by mistake, read as Markdown they would be nonsense: what each is, and what to give instead. */
const YAML_FILE = "a YAML file (one of an opinion's sources?), expected a .docx or Markdown draft; give an opinion's folder to work on its sources";
const XLIFF_FILE = 'an XLIFF file, expected a .docx or Markdown draft (`opinion translate import` reads XLIFF)';
const NOT_DRAFTS: Record<string, string> = {
  '.yaml': YAML_FILE,
  '.yml': YAML_FILE,
  '.json': 'a JSON file, expected a .docx or Markdown draft',
  '.xlf': XLIFF_FILE,
  '.xliff': XLIFF_FILE,
};

/** Check that bytes are a text draft, and turn them into text (BOM removed). */
export function draftText(bytes: Buffer, shown: string): string {
  const extension = extname(shown).toLowerCase();
  if (extension === '.pdf') {
    throw new InputError(`cannot read \`${shown}\`: a PDF has lost the draft's structure, expected the .docx or Markdown draft it was made from`);
  }
  const other = NOT_DRAFTS[extension];
  if (other) throw new InputError(`cannot read \`${shown}\`: ${other}`);
  // Rich Text, as Word and LibreOffice save it, whatever its name: read as Markdown it would be its control words as text.
  if (extension === '.rtf' || RTF_START.test(bytes.subarray(0, 64).toString('latin1'))) {
    throw new InputError(
      `cannot read \`${shown}\`: an RTF file, expected a .docx or Markdown draft; open it in Word or LibreOffice and save it as "Word Document (*.docx)"`,
    );
  }
  // An HTML page (a built draft's .html, a page saved from EUR-Lex) read as Markdown would be its markup and styles as text.
  if (extension === '.html' || extension === '.htm' || HTML_START.test(bytes.subarray(0, 512).toString('utf8'))) {
    throw new InputError(
      `cannot read \`${shown}\`: an HTML page, expected a .docx or Markdown draft (the .md that \`opinion build\` writes beside the .html, or the page opened in Word or LibreOffice and saved as .docx)`,
    );
  }
  if (bytes.length > MAX_BYTES) throw new InputError(`cannot read \`${shown}\`: ${Math.round(bytes.length / 1048576)} MB is too large for a draft`);
  if (bytes.subarray(0, 8000).includes(0)) throw new InputError(`cannot read \`${shown}\`: not a text file, expected a Markdown draft`);
  // Text in a legacy encoding (Windows-1252, "ANSI" in Notepad) decoded as UTF-8 would have U+FFFD for its dashes, quotes and accented letters.
  const notUtf8 = utf8Problem(bytes);
  if (notUtf8) {
    const { line, column, byte } = notUtf8;
    throw new InputError(
      `cannot read \`${shown}\` at ${line}:${column}: unexpected byte 0x${byte}, expected UTF-8 text; save the file as UTF-8 (in Notepad or Word: Save As, Encoding "UTF-8")`,
    );
  }
  const decoded = bytes.toString('utf8');
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  // The same bounds as sources, block by block: past them the parser would take minutes (docs/limits.md).
  const problem = markdownLimitProblem(text, { perFile: false });
  if (problem) {
    const before = text.slice(0, problem.offset);
    const line = (before.match(/\n/g)?.length ?? 0) + 1;
    throw new InputError(
      `cannot read \`${shown}\` at ${line}:${problem.offset - before.lastIndexOf('\n')}: ${problem.reason.charAt(0).toLowerCase()}${problem.reason.slice(1)}`,
    );
  }
  return text;
}

export async function readMarkdownDraft(path: string, shown: string): Promise<ParsedDraft> {
  const read = await readBytes(path, { maxBytes: MAX_BYTES });
  if (!read.ok) throw new InputError(`cannot read \`${shown}\`: ${read.code === 'too-large' ? `${read.reason}, too large for a draft` : read.reason}`);
  return parseMarkdownDraft(draftText(read.bytes, shown), shown);
}
