/** A Markdown draft file (built by `opinion build` or converted from Word) as a `Draft`. */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseMarkdownDraft, type ParsedDraft } from './markdown/markdown-draft.js';
import { describeFsError } from '../core/read-source.js';
import { InputError } from '../core/errors.js';

/** Drafts are tens of kilobytes; a bench draft of 5,000 points is about 2 MB. */
const MAX_BYTES = 64 * 1024 * 1024;

/** Check that bytes are a text draft, and turn them into text (BOM removed). */
export function draftText(bytes: Buffer, shown: string): string {
  const extension = extname(shown).toLowerCase();
  if (extension === '.pdf') {
    throw new InputError(`cannot read \`${shown}\`: a PDF has lost the draft's structure, expected the .docx or Markdown draft it was made from`);
  }
  if (bytes.length > MAX_BYTES) throw new InputError(`cannot read \`${shown}\`: ${Math.round(bytes.length / 1048576)} MB is too large for a draft`);
  if (bytes.subarray(0, 8000).includes(0)) throw new InputError(`cannot read \`${shown}\`: not a text file, expected a Markdown draft`);
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

export async function readMarkdownDraft(path: string, shown: string): Promise<ParsedDraft> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new InputError(`cannot read \`${shown}\`: ${describeFsError(error)}`);
  }
  return parseMarkdownDraft(draftText(bytes, shown), shown);
}
