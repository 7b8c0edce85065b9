/**
 * word/document.xml as an mdast tree shaped like a Markdown draft: headings
 * (Word heading styles), paragraphs with their displayed numbers in front
 * ("1.1 The EESC…"), bullet lists, GFM tables, footnotes, emphasis and links.
 * Tracked changes are read as if all were accepted. What has no Markdown
 * form (images, text boxes, fields, equations, comments…) is reported at its
 * paragraph, its text kept.
 *
 * Every block's position is its paragraph's number (line N = the N-th
 * paragraph of the document, tables' paragraphs included), and the report's
 * file holds one line of text per paragraph, so that messages show where
 * they are.
 */
import type { BlockContent, FootnoteDefinition, List, ListItem, Paragraph, PhrasingContent, Root, RootContent, Table, TableRow } from 'mdast';
import type { VFile } from 'vfile';
import { report } from '../../core/messages.js';
import type { WordNumbering } from './numbering.js';
import { phrasingOf, piecesText, type Piece } from './phrasing.js';
import type { Styles } from './styles.js';
import { attribute, descendant, element, elements, textOf, toggle, valueOf, type Element } from './xml.js';

export interface Parts {
  styles: Styles;
  numbering: WordNumbering;
  /** Relationship id → target (hyperlinks), of the body and of the notes: each part has its own. */
  links: Record<'document' | 'footnote' | 'endnote', Map<string, string>>;
  footnotes: Map<string, Element>;
  endnotes: Map<string, Element>;
  comments: Map<string, Element>;
}

interface Format {
  bold: boolean;
  italic: boolean;
  /** A character style for code ("Opinion Code", "HTML Code"): a code span. */
  code?: boolean;
  link?: string;
  /** A cross-reference: the bookmark it points to (a hyperlink's `w:anchor`, a `REF` field). */
  anchor?: string;
}

interface Field {
  instruction: string;
  phase: 'instruction' | 'result';
  link?: string;
  anchor?: string;
  /** A NOTEREF to a footnote mark: the footnote is referred to again, its displayed number dropped. */
  footnote?: string;
}

interface Issue {
  reason: string;
  ruleId: string;
  severity: 'warning' | 'info';
  note?: string;
}

const PREVIEW_WORDS = 6;
/** The comment `opinion diff` writes on a moved item of its redline (src/diff/format/word/model.ts). */
const MOVE_NOTE = /^Moved (?:from|to) (?:point|heading|chapter|footnote|an unnumbered \w+) ?[\d.]*(?: and edited)?$/u;

const IGNORED = new Set([
  'w:pPr',
  'w:rPr',
  'w:bookmarkStart',
  'w:bookmarkEnd',
  'w:proofErr',
  'w:permStart',
  'w:permEnd',
  'w:commentRangeStart',
  'w:commentRangeEnd',
  'w:lastRenderedPageBreak',
  'w:footnoteRef',
  'w:endnoteRef',
  'w:separator',
  'w:continuationSeparator',
  'w:annotationRef',
  'w:delText',
  'w:delInstrText',
  'w:moveFromRangeStart',
  'w:moveFromRangeEnd',
  'w:moveToRangeStart',
  'w:moveToRangeEnd',
  'w:customXmlInsRangeStart',
  'w:customXmlInsRangeEnd',
  'w:customXmlDelRangeStart',
  'w:customXmlDelRangeEnd',
  'w:sectPr',
  'w:rPrChange',
  'w:pPrChange',
  'w:tblPr',
  'w:tblGrid',
  'w:trPr',
  'w:tcPr',
  'w:sdtPr',
  'w:sdtEndPr',
  'w:softHyphen',
]);
/** Fields that only lay out pages: their displayed text is no content. */
const PAGE_FIELDS = /^(?:PAGE|NUMPAGES|SECTIONPAGES|SECTION)\b/u;

/** The bookmark a cross-reference field (`REF _Ref123 \r \h`) shows the number or text of. */
function fieldAnchor(instruction: string): string | undefined {
  return /^REF\s+([^\s\\]+)/u.exec(instruction)?.[1];
}

/** "(paragraph 27, “1.3 The EESC considers that…”)": a paragraph named, in a finding, by its place and first words. */
export function atParagraph(line: number, text: string): string {
  const words = text.trim().split(/\s+/u).filter(Boolean);
  const preview = words.length === 0 ? '(empty)' : `“${words.slice(0, PREVIEW_WORDS).join(' ')}${words.length > PREVIEW_WORDS ? '…' : ''}”`;
  return `(paragraph ${line}, ${preview})`;
}

export class DocumentReader {
  /** One line of text per paragraph, for the report's file. */
  readonly lines: string[] = [];
  trackedChanges = 0;
  commentCount = 0;
  /** Depth of tracked insertions and moves around the run being read. */
  private inserted = 0;
  private readonly definitions: FootnoteDefinition[] = [];
  /** Each footnote or endnote met (`fn2`, `en1`: Word's ids) → its label, numbered in reading order. */
  private readonly converted = new Map<string, string>();
  private issues: Issue[] = [];
  private fields: Field[] = [];
  /** Blocks to add after the paragraph being read (the text of its text boxes). */
  private extra: BlockContent[] = [];
  /**
   * The text of paragraphs whose paragraph mark is a tracked deletion (or moved away): accepted, such a
   * paragraph joins the next one (which keeps its own number and style), or disappears
   * when all of its text was deleted too.
   */
  private joined: Piece[] = [];
  private inNote = false;
  /** The hyperlinks of the part being read: the body's, or a note's. */
  private links: Map<string, string>;
  /** Bookmarks open at this point, and the footnote mark each one holds (what NOTEREF fields point at). */
  private readonly openBookmarks = new Map<string, string>();
  private readonly bookmarkedNotes = new Map<string, string>();
  /** The bookmarks that start in the paragraph being read (what cross-references point at). */
  private anchors: string[] = [];
  /** Bookmarks met between paragraphs, or in a paragraph that joined the next one: the next paragraph's. */
  private pendingAnchors: string[] = [];

  constructor(
    private readonly parts: Parts,
    private readonly file: VFile,
  ) {
    this.links = parts.links.document;
  }

  /** The body read one child at a time (a paragraph, a table… as it is parsed), then the tree with its footnotes. */
  body(): { add: (child: Element) => void; end: () => Root } {
    const sink = this.sink();
    return {
      add: sink.add,
      end: () => ({ type: 'root', children: [...sink.end(), ...this.definitions] }),
    };
  }

  /** Paragraphs, tables and content controls of a body, cell or text box, with bullet paragraphs gathered into lists. */
  private blocks(container: Element): RootContent[] {
    const sink = this.sink();
    for (const child of elements(container)) sink.add(child);
    return sink.end();
  }

  /** The reading of one container's children, given one by one: their blocks once `end()` is called. */
  private sink(): { add: (child: Element) => void; end: () => RootContent[] } {
    const out: RootContent[] = [];
    const outerJoined = this.joined;
    this.joined = [];
    // Text left joined to no following paragraph (before a table, at the end) stays a paragraph of its own.
    const flushJoined = () => {
      const children = phrasingOf(this.joined);
      this.joined = [];
      if (children.length > 0) out.push({ type: 'paragraph', children });
    };
    const lists: { list: List; level: number }[] = [];
    const closeLists = () => {
      lists.length = 0;
    };
    const visit = (node: Element) => {
      for (const child of elements(node)) add(child);
    };
    const add = (child: Element) => {
      if (child.name === 'w:p') {
        const result = this.paragraph(child);
        if (!result) {
          if (this.extra.length) closeLists();
        } else if (result.bullet !== undefined) {
          const item: ListItem = { type: 'listItem', spread: false, children: [result.node as Paragraph] };
          if (result.node.position) item.position = result.node.position;
          const ordered = result.start !== undefined;
          while (lists.length && (lists[lists.length - 1] as { level: number }).level > result.bullet) lists.pop();
          // A bullet after numbered items on the same level (or the reverse) starts a list of its own.
          if (lists.length && lists[lists.length - 1]?.level === result.bullet && lists[lists.length - 1]?.list.ordered !== ordered) lists.pop();
          const top = lists[lists.length - 1];
          if (top && top.level === result.bullet) top.list.children.push(item);
          else {
            const list: List = { type: 'list', ordered, ...(ordered ? { start: result.start } : {}), spread: false, children: [item] };
            if (top) {
              const parent = top.list.children[top.list.children.length - 1] as ListItem;
              parent.children.push(list);
            } else out.push(list);
            lists.push({ list, level: result.bullet });
          }
        } else {
          closeLists();
          const last = out[out.length - 1];
          // Quotation paragraphs one after the other are one quote.
          if (result.node.type === 'blockquote' && last?.type === 'blockquote') last.children.push(...result.node.children);
          else out.push(result.node);
        }
        if (this.extra.length) {
          closeLists();
          out.push(...this.extra);
          this.extra = [];
        }
      } else if (child.name === 'w:tbl') {
        closeLists();
        flushJoined();
        out.push(this.table(child));
      } else if (child.name === 'w:sdt') {
        const content = element(child, 'w:sdtContent');
        if (content) visit(content);
      } else if (child.name === 'w:customXml' || child.name === 'w:ins' || child.name === 'w:moveTo') {
        visit(child);
      } else if (child.name === 'w:del' || child.name === 'w:moveFrom') {
        this.trackedChanges++;
      } else if (child.name === 'w:bookmarkStart') {
        if (!this.inNote) this.pendingAnchors.push(attribute(child, 'w:name') ?? '');
      } else if (!IGNORED.has(child.name)) {
        const text = textOf(child, ['w:t']);
        this.lines.push(text);
        this.flush(this.lines.length, text, [
          {
            reason: `Unexpected \`${child.name}\` element, expected a paragraph or a table${text ? ': its text is kept as a paragraph' : ''}`,
            ruleId: 'word/unmapped',
            severity: 'warning',
          },
        ]);
        if (text.trim()) out.push(this.positioned({ type: 'paragraph', children: [{ type: 'text', value: text }] }, this.lines.length, text));
      }
    };
    return {
      add,
      end: () => {
        flushJoined();
        this.joined = outerJoined;
        return out;
      },
    };
  }

  private positioned<T extends RootContent>(node: T, line: number, text: string): T {
    node.position = { start: { line, column: 1 }, end: { line, column: text.length + 1 } };
    return node;
  }

  /** Report what was found in a paragraph, at that paragraph. */
  private flush(line: number, text: string, issues: Issue[]): void {
    for (const issue of issues) {
      report(this.file, `${issue.reason} ${atParagraph(line, text)}`, {
        ruleId: issue.ruleId,
        severity: issue.severity,
        place: { start: { line, column: 1 }, end: { line, column: Math.max(2, text.length + 1) } },
        note: issue.note,
      });
    }
  }

  private issue(reason: string, ruleId = 'word/unmapped', severity: Issue['severity'] = 'warning', note?: string): void {
    if (!this.issues.some((known) => known.reason === reason)) this.issues.push({ reason, ruleId, severity, note });
  }

  /** A paragraph; `bullet`: the list level of a list item, `start`: the number of an ordered list's item. */
  private paragraph(p: Element): { node: RootContent; bullet?: number; start?: number } | undefined {
    const properties = element(p, 'w:pPr');
    const style = this.parts.styles.paragraph(valueOf(properties, 'w:pStyle'));
    const outline = valueOf(properties, 'w:outlineLvl');
    const heading = outline !== undefined && Number(outline) < 9 ? Number(outline) + 1 : style.heading;
    const line = this.inNote ? 0 : this.lines.push('');
    const saved = this.issues;
    this.issues = [];
    // Its own bookmarks: those before it, and those in it (a text box's paragraphs, read meanwhile, keep theirs).
    const outerAnchors = this.anchors;
    this.anchors = [];
    if (!this.inNote) [this.anchors, this.pendingAnchors] = [this.pendingAnchors, []];
    const pieces = this.inline(p, { bold: false, italic: false });
    const anchors = this.anchors.filter((name) => name !== '');
    this.anchors = outerAnchors;
    const mark = element(properties, 'w:rPr');
    if (element(mark, 'w:del') || element(mark, 'w:moveFrom')) {
      // The paragraph mark is deleted (or moved away): no number of its own; its text opens the next paragraph.
      this.trackedChanges++;
      if (!this.inNote) this.pendingAnchors.push(...anchors);
      this.joined.push(...pieces);
      const issues = this.issues;
      this.issues = saved;
      this.settle(line, piecesText(pieces), issues);
      return undefined;
    }
    pieces.unshift(...this.joined);
    this.joined = [];
    const number = this.numberOf(properties, style.numbering, style.id);
    const issues = this.issues;
    this.issues = saved;
    // A paragraph numbered "1.", "2." on its own level, in a list style or a list that numbers nothing else ("1.1"), is an item of an ordered list, not a point.
    // All in bold, it reads as a chapter heading typed as a numbered paragraph ("1. Conclusions"), which the structure reader decides on.
    const boldOnly = () => pieces.every((piece) => piece.type !== 'text' || piece.bold || piece.value.trim() === '');
    const ordered =
      number?.alone !== undefined && heading === undefined && ((number.simple && !boldOnly()) || /list/iu.test(style.id ?? '')) ? number.alone : undefined;
    const prefix = number && !number.bullet && ordered === undefined && number.text !== '' ? number.text + (number.suffix === 'nothing' ? '' : ' ') : '';
    if (prefix) pieces.unshift({ type: 'text', value: prefix, bold: false, italic: false });
    tidy(pieces);
    const text = piecesText(pieces);
    this.settle(line, text, issues);
    const children = phrasingOf(pieces);
    if (children.length === 0) {
      if (!this.inNote) this.pendingAnchors.push(...anchors);
      return undefined;
    }
    const node: RootContent =
      heading !== undefined
        ? { type: 'heading', depth: Math.min(6, heading + 1) as 1 | 2 | 3 | 4 | 5 | 6, children }
        : style.quote && !number && !this.inNote
          ? { type: 'blockquote', children: [this.positioned({ type: 'paragraph', children }, line, text)] }
          : { type: 'paragraph', children };
    if (!this.inNote) this.positioned(node, line, text);
    // The bookmarks it holds, for cross-references to it (a text box's paragraphs, read meanwhile, took theirs).
    if (anchors.length > 0 && !this.inNote) node.data = { ...node.data, anchors };
    if (ordered !== undefined) return { node, bullet: number?.level ?? 0, start: ordered };
    return number?.bullet && heading === undefined ? { node, bullet: number.level } : { node };
  }

  /** A paragraph's text as its line, and what was found in it reported there (in a note: at the note's reference). */
  private settle(line: number, text: string, issues: Issue[]): void {
    if (!this.inNote) {
      this.lines[line - 1] = text;
      this.flush(line, text, issues);
    } else this.issues.push(...issues);
  }

  private numberOf(properties: Element | undefined, fromStyle: { numId: string; ilvl?: number } | undefined, styleId: string | undefined) {
    const direct = element(properties, 'w:numPr');
    const numId = valueOf(direct, 'w:numId') ?? fromStyle?.numId;
    if (numId === undefined || numId === '0') return undefined;
    const ilvl = valueOf(direct, 'w:ilvl') ?? fromStyle?.ilvl ?? this.parts.numbering.levelOfStyle(numId, styleId) ?? 0;
    return this.parts.numbering.next(numId, Number(ilvl));
  }

  /** The runs of a paragraph (or of a hyperlink, an insertion…) as pieces of text. */
  private inline(node: Element, format: Format): Piece[] {
    const out: Piece[] = [];
    for (const child of elements(node)) {
      switch (child.name) {
        case 'w:r':
          out.push(...this.run(child, format));
          break;
        case 'w:hyperlink': {
          const id = attribute(child, 'r:id');
          const target = id ? this.links.get(id) : undefined;
          // A link to a place in the document (a cross-reference to a bookmark) is its text, "point 2.4",
          // which remembers the bookmark: the diff compares it by what it points to.
          const anchor = target ? undefined : attribute(child, 'w:anchor');
          out.push(...this.inline(child, target ? { ...format, link: target } : anchor ? { ...format, anchor } : format));
          break;
        }
        case 'w:ins':
        case 'w:moveTo':
          this.trackedChanges++;
          this.inserted++;
          out.push(...this.inline(child, format));
          this.inserted--;
          break;
        case 'w:del':
        case 'w:moveFrom':
          this.trackedChanges++;
          break;
        case 'w:bookmarkStart':
          this.openBookmarks.set(attribute(child, 'w:id') ?? '', attribute(child, 'w:name') ?? '');
          if (!this.inNote) this.anchors.push(attribute(child, 'w:name') ?? '');
          break;
        case 'w:bookmarkEnd':
          this.openBookmarks.delete(attribute(child, 'w:id') ?? '');
          break;
        case 'w:smartTag':
        case 'w:customXml':
        case 'w:dir':
        case 'w:bdo':
          out.push(...this.inline(child, format));
          break;
        case 'w:sdt':
          out.push(...this.inline(element(child, 'w:sdtContent') ?? child, format));
          break;
        case 'w:fldSimple': {
          const instruction = (attribute(child, 'w:instr') ?? '').trim();
          const note = this.noteOfField(instruction);
          if (note) {
            out.push({ type: 'footnote', id: note });
            break;
          }
          const link = this.fieldLink(instruction);
          const anchor = fieldAnchor(instruction);
          this.fieldIssue(instruction, piecesText(this.inline(child, format)));
          if (!PAGE_FIELDS.test(instruction)) out.push(...this.inline(child, link ? { ...format, link } : anchor ? { ...format, anchor } : format));
          break;
        }
        case 'm:oMath':
        case 'm:oMathPara': {
          const text = textOf(child, ['m:t']);
          this.issue(`Unexpected equation, expected text: kept as plain text \`${text}\``);
          out.push({ type: 'text', value: text, ...format });
          break;
        }
        default:
          if (!IGNORED.has(child.name)) this.unknown(child, format, out);
      }
    }
    return out;
  }

  private unknown(child: Element, format: Format, out: Piece[]): void {
    const text = textOf(child, ['w:t']);
    this.issue(`Unexpected \`${child.name}\`, expected text${text ? ': its text is kept' : ''}`);
    if (text) out.push({ type: 'text', value: text, ...format });
  }

  /** The footnote a `NOTEREF` field shows the mark of (the same footnote referred to again). */
  private noteOfField(instruction: string): string | undefined {
    const name = /^NOTEREF\s+(\S+)/u.exec(instruction)?.[1];
    return name ? this.bookmarkedNotes.get(name) : undefined;
  }

  private fieldLink(instruction: string): string | undefined {
    return /^HYPERLINK\s+"([^"]+)"/u.exec(instruction)?.[1];
  }

  private fieldIssue(instruction: string, shown: string): void {
    const name = instruction.split(/\s+/u)[0] ?? '';
    if (PAGE_FIELDS.test(instruction) || name === 'HYPERLINK' || fieldAnchor(instruction) || name === '') return;
    this.issue(`Unexpected field \`${name}\`, expected text: kept as its displayed text${shown ? ` “${shown.trim()}”` : ''}`, 'word/field', 'warning');
  }

  private run(run: Element, outer: Format): Piece[] {
    const properties = element(run, 'w:rPr');
    const byStyle = this.parts.styles.character(valueOf(properties, 'w:rStyle'));
    const format: Format = {
      ...outer,
      bold: toggle(properties, 'w:b') ?? byStyle.bold ?? outer.bold,
      italic: toggle(properties, 'w:i') ?? byStyle.italic ?? outer.italic,
      ...(byStyle.code || outer.code ? { code: true } : {}),
    };
    // The innermost open field: a run may hold a whole field (begin, instruction, separate, result, end).
    const current = () => this.fields[this.fields.length - 1];
    const out: Piece[] = [];
    const text = (value: string) => {
      if (current()?.phase === 'instruction' || this.fields.some((f) => f.footnote !== undefined)) return;
      if (this.fields.some((f) => PAGE_FIELDS.test(f.instruction.trim()))) return;
      const link = this.fields.map((f) => f.link).find(Boolean) ?? format.link;
      const anchor = this.fields.map((f) => f.anchor).find(Boolean) ?? format.anchor;
      out.push({
        type: 'text',
        value,
        bold: format.bold,
        italic: format.italic,
        ...(format.code ? { code: true } : {}),
        ...(link ? { link } : anchor ? { anchor } : {}),
      });
    };
    for (const child of elements(run)) {
      switch (child.name) {
        case 'w:t':
          text(child.children.map((leaf) => (leaf.type === 'text' ? leaf.value : '')).join(''));
          break;
        case 'w:tab':
        case 'w:ptab':
          text(' ');
          break;
        case 'w:br':
        case 'w:cr': {
          const type = attribute(child, 'w:type');
          if (type === 'page' || type === 'column') text(' ');
          else if (current()?.phase !== 'instruction') out.push({ type: 'break' });
          break;
        }
        case 'w:noBreakHyphen':
          text('\u2011');
          break;
        case 'w:sym': {
          const code = parseInt(attribute(child, 'w:char') ?? '', 16);
          const point = code >= 0xf000 ? code - 0xf000 : code;
          // `w:char` is a short hex number; anything else (negative, past U+10FFFF) is no character.
          const char = Number.isInteger(point) && point >= 0 && point <= 0x10ffff ? String.fromCodePoint(point) : '';
          this.issue(
            `Unexpected symbol from the font \`${attribute(child, 'w:font') ?? '?'}\`, expected a character: kept as \`${char}\`, check it`,
            'word/symbol',
            'info',
          );
          text(char);
          break;
        }
        case 'w:fldChar': {
          const type = attribute(child, 'w:fldCharType');
          const field = current();
          if (type === 'begin') this.fields.push({ instruction: '', phase: 'instruction' });
          else if (type === 'separate' && field) {
            field.phase = 'result';
            const instruction = field.instruction.trim();
            const link = this.fieldLink(instruction);
            if (link) field.link = link;
            const anchor = fieldAnchor(instruction);
            if (anchor) field.anchor = anchor;
            const note = this.noteOfField(instruction);
            if (note) {
              field.footnote = note;
              out.push({ type: 'footnote', id: note });
            } else this.fieldIssue(instruction, '');
          } else if (type === 'end') this.fields.pop();
          break;
        }
        case 'w:instrText': {
          const field = current();
          if (field) field.instruction += child.children.map((leaf) => (leaf.type === 'text' ? leaf.value : '')).join('');
          break;
        }
        case 'w:footnoteReference': {
          const label = this.note(attribute(child, 'w:id') ?? '', 'footnote');
          for (const name of this.openBookmarks.values()) if (!this.bookmarkedNotes.has(name)) this.bookmarkedNotes.set(name, label);
          out.push({ type: 'footnote', id: label });
          break;
        }
        case 'w:endnoteReference': {
          const label = this.note(attribute(child, 'w:id') ?? '', 'endnote');
          this.issue('Unexpected endnote, expected a footnote: imported as a footnote', 'word/endnote', 'warning');
          out.push({ type: 'footnote', id: label });
          break;
        }
        case 'w:commentReference': {
          this.commentCount++;
          const comment = this.parts.comments.get(attribute(child, 'w:id') ?? '');
          const said = comment ? textOf(comment, ['w:t']).trim() : '';
          const author = attribute(comment, 'w:author');
          // The note `opinion diff` puts on a moved item in its redline ("Moved from point 3.3.3"): not the author's comment.
          if (this.inserted > 0 && MOVE_NOTE.test(said)) break;
          this.issue(
            `Unexpected comment${author ? ` by ${author}` : ''}, expected none: not imported`,
            'word/comment',
            'warning',
            said ? `The comment reads: ${said}` : undefined,
          );
          break;
        }
        case 'w:drawing':
        case 'w:pict':
        case 'w:object':
        case 'mc:AlternateContent':
          this.object(child);
          break;
        default:
          if (!IGNORED.has(child.name)) this.unknown(child, format, out);
      }
    }
    return out;
  }

  /** An image, a text box, a chart or an embedded object: its text (a text box's paragraphs) kept after the paragraph, the rest reported. */
  private object(node: Element): void {
    const choice = node.name === 'mc:AlternateContent' ? (element(node, 'mc:Choice') ?? element(node, 'mc:Fallback')) : node;
    const box = choice ? descendant(choice, 'w:txbxContent') : undefined;
    if (box) {
      const blocks = this.blocks(box);
      this.extra.push(...(blocks as BlockContent[]));
      this.issue('Unexpected text box, expected text in the flow of the document: its text is kept as the paragraphs after this one', 'word/text-box');
      return;
    }
    const properties = choice ? descendant(choice, 'wp:docPr') : undefined;
    const alt = attribute(properties, 'descr') ?? attribute(properties, 'title') ?? '';
    const what = node.name === 'w:object' || (choice && descendant(choice, 'o:OLEObject')) ? 'embedded object' : 'image';
    this.issue(`Unexpected ${what}, expected text: not imported${alt ? ` (its description: “${alt}”)` : ''}`, 'word/image');
  }

  /**
   * A footnote or endnote, converted at its first reference; its label. Labels
   * are numbers in reading order, not Word's ids, which are arbitrary (an
   * editor that saves the file again may renumber them): the same draft read
   * from two saves has the same footnotes.
   */
  private note(id: string, kind: 'footnote' | 'endnote'): string {
    const key = `${kind === 'footnote' ? 'fn' : 'en'}${id}`;
    const known = this.converted.get(key);
    if (known !== undefined) return known;
    const label = String(this.converted.size + 1);
    this.converted.set(key, label);
    const source = (kind === 'footnote' ? this.parts.footnotes : this.parts.endnotes).get(id);
    if (!source) {
      this.issue(`Unexpected ${kind} reference \`${id}\`, expected a ${kind} with that id in the document: left out`, 'word/footnote');
      return label;
    }
    const wasInNote = this.inNote;
    const outerExtra = this.extra;
    const outerLinks = this.links;
    this.links = this.parts.links[kind];
    this.inNote = true;
    this.extra = [];
    const children = this.blocks(source) as BlockContent[];
    children.push(...this.extra);
    this.extra = outerExtra;
    this.links = outerLinks;
    this.inNote = wasInNote;
    this.definitions.push({ type: 'footnoteDefinition', identifier: label, label, children });
    return label;
  }

  private table(tbl: Element): Table {
    const rows: TableRow[] = [];
    let header = false;
    let nested = false;
    const firstLine = this.lines.length + 1;
    // Each column's alignment, where every cell of it says the same (`w:jc` of the cell's first paragraph).
    const aligns: (string | undefined)[][] = [];
    for (const [index, tr] of elements(tbl, 'w:tr').entries()) {
      if (index === 0 && toggle(element(tr, 'w:trPr'), 'w:tblHeader')) header = true;
      // The row's place: the line (paragraph) of its first cell's text.
      const rowLine = this.lines.length + 1;
      const cells: PhrasingContent[][] = [];
      for (const tc of elements(tr).filter((node) => node.name === 'w:tc' || node.name === 'w:sdt')) {
        const cell = tc.name === 'w:sdt' ? (element(element(tc, 'w:sdtContent'), 'w:tc') ?? tc) : tc;
        (aligns[cells.length] ??= []).push(JUSTIFICATION[valueOf(element(element(cell, 'w:p'), 'w:pPr'), 'w:jc') ?? ''] ?? undefined);
        const phrasing: PhrasingContent[] = [];
        for (const block of this.blocks(cell)) {
          if (block.type === 'table') nested = true;
          const inline = block.type === 'paragraph' || block.type === 'heading' ? block.children : [{ type: 'text' as const, value: plain(block) }];
          if (phrasing.length && inline.length) phrasing.push({ type: 'text', value: ' ' });
          phrasing.push(...inline);
        }
        // A header cell in bold throughout: the bold is the header row's look (as the build writes it), not emphasis.
        const only = phrasing.length === 1 ? phrasing[0] : undefined;
        cells.push(header && index === 0 && only?.type === 'strong' ? only.children : phrasing);
      }
      const row: TableRow = { type: 'tableRow', children: cells.map((children) => ({ type: 'tableCell', children })) };
      rows.push(rowLine <= this.lines.length ? this.positioned(row, rowLine, this.lines[rowLine - 1] ?? '') : row);
    }
    if (nested)
      this.flush(firstLine, this.lines[firstLine - 1] ?? '', [
        { reason: 'Unexpected table inside a table, expected one level of table: its text is kept in the cell', ruleId: 'word/unmapped', severity: 'warning' },
      ]);
    // A loop, not Math.max(...rows): spreading more than about 120,000 rows overflows the stack.
    let columns = 1;
    for (const row of rows) columns = Math.max(columns, row.children.length);
    for (const row of rows) while (row.children.length < columns) row.children.push({ type: 'tableCell', children: [] });
    if (!header) rows.unshift({ type: 'tableRow', children: Array.from({ length: columns }, () => ({ type: 'tableCell' as const, children: [] })) });
    const align = Array.from({ length: columns }, (_, column) => {
      const seen = new Set(aligns[column]);
      const [only] = seen;
      return seen.size === 1 && only ? (only as 'left' | 'right' | 'center') : null;
    });
    const table: Table = { type: 'table', align, children: rows };
    return this.positioned(table, firstLine, this.lines[firstLine - 1] ?? '');
  }
}

/** A paragraph's `w:jc` as a Markdown table column's alignment. */
const JUSTIFICATION: Record<string, 'left' | 'right' | 'center'> = { left: 'left', start: 'left', right: 'right', end: 'right', center: 'center' };

/** The text of a block, for a table cell (which holds one line). */
function plain(node: RootContent): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if ('children' in node) return (node.children as RootContent[]).map(plain).join(' ');
  return '';
}

/** Spaces as a reader sees them: no space at the paragraph's edges, one space where tabs and spaces meet. */
function tidy(pieces: Piece[]): void {
  let previousSpace = true;
  for (const piece of pieces) {
    if (piece.type !== 'text') {
      previousSpace = piece.type === 'break';
      continue;
    }
    let value = '';
    for (const char of piece.value) {
      const space = char === ' ' || char === '\t';
      if (space && previousSpace) continue;
      value += space ? ' ' : char;
      previousSpace = space;
    }
    piece.value = value;
  }
  for (let i = pieces.length - 1; i >= 0; i--) {
    const piece = pieces[i] as Piece;
    if (piece.type === 'break') {
      pieces.splice(i, 1);
      continue;
    }
    if (piece.type !== 'text') break;
    piece.value = piece.value.trimEnd();
    if (piece.value !== '') break;
    pieces.splice(i, 1);
  }
  for (let i = 0; i < pieces.length; ) {
    const piece = pieces[i] as Piece;
    if (piece.type === 'text' && piece.value === '') pieces.splice(i, 1);
    else i++;
  }
}
