/**
 * A Word draft (.docx) as a `Draft`: read by the Word reader into the same
 * tree a Markdown draft gives, written as Markdown and read by the Markdown
 * draft parser — one reading of numbers, headings and header rows for both.
 */
import type { VFile } from 'vfile';
import type { Parent, RootContent } from 'mdast';
import type { Position } from 'unist';
import type { Draft } from '../core/draft.js';
import { report, severityOf } from '../core/messages.js';

export async function draftFromDocx(bytes: Uint8Array, shown: string, origin = shown): Promise<{ draft: Draft; files: VFile[] }> {
  const [{ readDocx }, { atParagraph }, { draftMarkdown }, { parseMarkdownDraft }] = await Promise.all([
    import('./word/index.js'),
    import('./word/document.js'),
    import('../render/to-markdown.js'),
    import('./markdown/markdown-draft.js'),
  ]);
  const word = readDocx(bytes, shown);
  // Said, not refused: a member's copy or a colleague's revision often comes with its changes still tracked.
  if (word.trackedChanges > 0)
    report(
      word.file,
      `Read ${word.trackedChanges === 1 ? 'a tracked change' : `${word.trackedChanges} tracked changes`} as accepted: the text compared is the document with every change accepted`,
      { ruleId: 'word/tracked-changes', severity: 'info' },
    );
  linkCrossReferences(word.tree);
  // The points' places are the Word paragraphs (`draft.docx:27`), not lines of the Markdown made from them.
  const parsed = parseMarkdownDraft(String(draftMarkdown.stringify(word.tree)), origin, word.tree.children.map(placeOf));
  // What the draft reader found (a number used twice, a point outside its chapter) is the Word file's, at its paragraph, said as the Word reader says its own.
  const paragraphs = String(word.file.value).split('\n');
  for (const message of parsed.messages) {
    const place = message.place && 'start' in message.place ? message.place : undefined;
    const line = place?.start.line;
    const at = line === undefined ? '' : ` ${atParagraph(line, paragraphs[line - 1] ?? '')}`;
    report(word.file, `${message.reason}${at}`, { ruleId: String(message.ruleId), severity: severityOf(message), place });
  }
  return { draft: parsed.draft, files: [word.file] };
}

/** A bookmark name that stands in an HTML attribute as it is (Word's are letters, digits and `_`). */
const BOOKMARK = /^[^"'<>&\s]+$/u;

/**
 * A cross-reference's text ("point 1.3", marked by the reader with the
 * bookmark it points to) as a link to that place, `[point 1.3](#_c_networks)`,
 * which the Markdown draft reads as a reference to it; and the bookmarks a
 * paragraph holds as anchors at its end (`<a id="_c_networks"></a>`, not at
 * its start, where an anchor is an id), which the Markdown draft keeps with
 * the point: the diff then compares a reference by what it points to, not by
 * the number Word last printed, also against a draft that only prints numbers.
 */
function linkCrossReferences(node: Parent): void {
  node.children = node.children.map((child) => {
    if (child.type === 'text' && child.data?.opinionRef)
      return { type: 'link', url: `#${child.data.opinionRef}`, children: [{ type: 'text', value: child.value }] };
    if ('children' in child) linkCrossReferences(child);
    if ((child.type === 'paragraph' || child.type === 'heading') && child.data?.anchors)
      for (const anchor of child.data.anchors) if (BOOKMARK.test(anchor)) child.children.push({ type: 'html', value: `<a id="${anchor}"></a>` });
    return child;
  }) as Parent['children'];
}

/** Where a block of the Word reader's tree stands: its paragraph, or its first paragraph's (a list, a table). */
function placeOf(node: RootContent): Position | undefined {
  if (node.position) return node.position;
  return 'children' in node ? node.children.map((child) => placeOf(child as RootContent)).find((place) => place !== undefined) : undefined;
}

/**
 * Files read by the Word reader: .docx (and its macro and template kinds), and the formats it
 * recognises to say what to do instead (a Word 97–2003 .doc, an OpenDocument .odt).
 */
export function isWordDocument(path: string): boolean {
  return /\.(docx|docm|dotx|doc|odt)$/iu.test(path);
}
