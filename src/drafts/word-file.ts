/**
 * A Word draft (.docx) as a `Draft`: read by the Word reader into the same
 * tree a Markdown draft gives, written as Markdown and read by the Markdown
 * draft parser — one reading of numbers, headings and header rows for both.
 */
import type { VFile } from 'vfile';
import type { Parent } from 'mdast';
import type { Draft } from '../core/draft.js';

export async function draftFromDocx(bytes: Uint8Array, shown: string, origin = shown): Promise<{ draft: Draft; files: VFile[] }> {
  const [{ readDocx }, { draftMarkdown }, { parseMarkdownDraft }] = await Promise.all([
    import('./word/index.js'),
    import('../render/to-markdown.js'),
    import('./markdown/markdown-draft.js'),
  ]);
  const word = readDocx(bytes, shown);
  linkCrossReferences(word.tree);
  const parsed = parseMarkdownDraft(String(draftMarkdown.stringify(word.tree)), origin);
  return { draft: parsed.draft, files: [word.file] };
}

/**
 * A cross-reference's text ("point 1.3", marked by the reader with the
 * bookmark it points to) as a link to that place, `[point 1.3](#_c_networks)`,
 * which the Markdown draft reads as a reference to it: the diff then compares
 * it by what it points to, not by the number Word last printed.
 */
function linkCrossReferences(node: Parent): void {
  node.children = node.children.map((child) => {
    if (child.type === 'text' && child.data?.opinionRef)
      return { type: 'link', url: `#${child.data.opinionRef}`, children: [{ type: 'text', value: child.value }] };
    if ('children' in child) linkCrossReferences(child);
    return child;
  }) as Parent['children'];
}

/**
 * Files read by the Word reader: .docx (and its macro and template kinds), and the formats it
 * recognises to say what to do instead (a Word 97–2003 .doc, an OpenDocument .odt).
 */
export function isWordDocument(path: string): boolean {
  return /\.(docx|docm|dotx|doc|odt)$/iu.test(path);
}
