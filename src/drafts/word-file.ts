/**
 * A Word draft (.docx) as a `Draft`: read by the Word reader into the same
 * tree a Markdown draft gives, written as Markdown and read by the Markdown
 * draft parser — one reading of numbers, headings and header rows for both.
 */
import type { VFile } from 'vfile';
import type { Draft } from '../core/draft.js';

export async function draftFromDocx(bytes: Uint8Array, shown: string, origin = shown): Promise<{ draft: Draft; files: VFile[] }> {
  const [{ readDocx }, { draftMarkdown }, { parseMarkdownDraft }] = await Promise.all([
    import('./word/index.js'),
    import('../render/to-markdown.js'),
    import('./markdown/markdown-draft.js'),
  ]);
  const word = readDocx(bytes, shown);
  const parsed = parseMarkdownDraft(String(draftMarkdown.stringify(word.tree)), origin);
  return { draft: parsed.draft, files: [word.file] };
}

/**
 * Files read by the Word reader: .docx (and its macro and template kinds), and the formats it
 * recognises to say what to do instead (a Word 97–2003 .doc, an OpenDocument .odt).
 */
export function isWordDocument(path: string): boolean {
  return /\.(docx|docm|dotx|doc|odt)$/iu.test(path);
}
