/**
 * A Word document (.docx bytes) as a draft syntax tree: the same mdast a
 * Markdown draft gives, so that one mapper serves both (`opinion import`) and
 * `opinion diff` can read it as a Markdown draft. See document.ts for what
 * is mapped and what is reported.
 */
import type { Root } from 'mdast';
import { VFile } from 'vfile';
import { openDocx, partNames, streamPart } from './container.js';
import { DocumentReader, type Parts } from './document.js';
import { InputError } from '../../core/errors.js';
import { WordNumbering } from './numbering.js';
import { Styles } from './styles.js';
import { attribute, elements, PartReader, rootElement, textOf, type Element } from './xml.js';
import type { Root as XmlRoot } from 'xast';

export { MAX_UNCOMPRESSED } from './container.js';

export interface WordDraft {
  /** The draft as mdast (headings, numbered paragraphs, lists, tables, footnotes). */
  tree: Root;
  /** The report's file: one line of text per paragraph, and the messages about what could not be mapped. */
  file: VFile;
  /** The document's language (`w:lang` of its default style, or core properties), as written (`en-GB`). */
  lang?: string;
  /** The title in the document's properties. */
  title?: string;
  /** How many tracked insertions and deletions were read as accepted. */
  trackedChanges: number;
  comments: number;
}

/** The parts the reader reads; the others of PARTS are only checked. */
const READ = new Set([
  'word/document.xml',
  'word/styles.xml',
  'word/numbering.xml',
  'word/footnotes.xml',
  'word/endnotes.xml',
  'word/comments.xml',
  'word/_rels/document.xml.rels',
  'word/_rels/footnotes.xml.rels',
  'word/_rels/endnotes.xml.rels',
  'docProps/core.xml',
]);

/** The parts inflated (and so checked: sizes, CRC): those read, and the package's own two. */
const PARTS = [...READ, '[Content_Types].xml', '_rels/.rels'];

/** The footnotes, endnotes or comments of a part, by id (footnote separators left out). */
function notesOf(part: XmlRoot | undefined, name: string): Map<string, Element> {
  const notes = new Map<string, Element>();
  const root = part ? rootElement(part) : undefined;
  for (const note of root ? elements(root, name) : []) {
    const type = attribute(note, 'w:type');
    if (type === 'separator' || type === 'continuationSeparator' || type === 'continuationNotice') continue;
    notes.set(attribute(note, 'w:id') ?? '', note);
  }
  return notes;
}

/** Read a .docx. Throws an `InputError` (one line) when the file is not a readable .docx. */
export function readDocx(bytes: Uint8Array, shown: string): WordDraft {
  const parts = openDocx(bytes, shown, (name) => PARTS.includes(name));
  const documentPart = parts.get('word/document.xml');
  if (!documentPart) {
    const names = partNames(bytes);
    const kind = names.includes('content.xml')
      ? 'an OpenDocument file (.odt), expected a .docx; save it from your word processor as "Word Document (*.docx)"'
      : names.some((n) => n.startsWith('xl/'))
        ? 'an Excel workbook, expected a Word document'
        : names.some((n) => n.startsWith('ppt/'))
          ? 'a PowerPoint presentation, expected a Word document'
          : 'a zip archive without `word/document.xml`, expected a Word document (.docx)';
    throw new InputError(`cannot read \`${shown}\`: ${kind}`);
  }
  // Every part is inflated and checked (size, CRC), even those the reader does not look into.
  for (const part of parts.values()) if (!READ.has(part.name)) streamPart(part, shown, () => {});
  const parse = (name: string, body?: (child: Element) => void): PartReader | undefined => {
    const part = parts.get(name);
    if (!part) return undefined;
    const reader = new PartReader(name, shown, body ? { body } : {});
    streamPart(part, shown, (chunk) => reader.write(chunk));
    reader.end();
    return reader;
  };
  const xml = (name: string): XmlRoot | undefined => parse(name)?.tree;
  // Each part has its own relationships: the body's hyperlinks, and the footnotes' and endnotes'.
  const linksOf = (part: string) => {
    const links = new Map<string, string>();
    const rels = xml(`word/_rels/${part}.xml.rels`);
    for (const rel of rels ? elements(rootElement(rels) as Element, 'Relationship') : []) {
      const id = attribute(rel, 'Id');
      const target = attribute(rel, 'Target');
      if (id && target && /hyperlink$/u.test(attribute(rel, 'Type') ?? '')) links.set(id, target);
    }
    return links;
  };
  const styles = new Styles(xml('word/styles.xml'));
  const footnotes = notesOf(xml('word/footnotes.xml'), 'w:footnote');
  const endnotes = notesOf(xml('word/endnotes.xml'), 'w:endnote');
  const comments = notesOf(xml('word/comments.xml'), 'w:comment');
  const context: Parts = {
    styles,
    numbering: new WordNumbering(xml('word/numbering.xml')),
    links: { document: linksOf('document'), footnote: linksOf('footnotes'), endnote: linksOf('endnotes') },
    footnotes,
    endnotes,
    comments,
  };
  const file = new VFile({ path: shown });
  const reader = new DocumentReader(context, file);
  // The body is read one paragraph or table at a time, as word/document.xml is inflated and parsed.
  const body = reader.body();
  const document = parse('word/document.xml', (child) => body.add(child)) as PartReader;
  if (!document.hasBody) throw new InputError(`cannot read \`${shown}\`: part \`word/document.xml\` has no \`w:body\`, expected the text of a Word document`);
  const tree = body.end();
  file.value = reader.lines.join('\n');
  const draft: WordDraft = { tree, file, trackedChanges: reader.trackedChanges, comments: reader.commentCount };
  const core = xml('docProps/core.xml');
  const coreRoot = core ? rootElement(core) : undefined;
  const title = coreRoot ? textOf(coreRoot, ['dc:title']).trim() : '';
  const language = coreRoot ? textOf(coreRoot, ['dc:language']).trim() : '';
  if (title) draft.title = title;
  const lang = styles.lang ?? (language || undefined);
  if (lang) draft.lang = lang;
  return draft;
}
