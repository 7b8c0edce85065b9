/**
 * The redline model as a Word document with real tracked changes, in the
 * shared Word shell: runs in `w:ins` / `w:del`, paragraph marks inserted or
 * deleted with their paragraph (`w:pPr/w:rPr/w:ins|w:del`), header rows
 * inserted or deleted as rows, every revision with the same author and date.
 *
 * A moved point is Word's move, which docx has no API for (small elements
 * of our own here): its old paragraphs in `w:moveFrom` (text in `w:t`), its
 * new ones in `w:moveTo`, their marks moved (`w:pPr/w:rPr/w:moveFrom|w:moveTo`),
 * each place in a range (`w:moveFromRangeStart`…`End`, `w:moveToRangeStart`…
 * `End`) named `move1`, `move2`… A point moved and edited has the words it
 * lost deleted (`w:del`) beside the moved-from text and the words it gained
 * inserted (`w:ins`) beside the moved-to text, and the mark that comes or
 * goes with it lent to the paragraph before it (./marks.ts). Word also allows revisions
 * nested in a move, but pandoc drops them and LibreOffice reads them as
 * plain text, so that Accept All or Reject All would no longer give the
 * versions. The range markers need a date (`w:date` is required on them):
 * without one they are left out, and Word reads the moved text as deleted
 * and inserted. Each place keeps a comment naming the other one by its
 * number ("Moved from point 3.3.3 and edited"), which the move itself shows
 * neither on paper nor to pandoc.
 *
 * Numbers: when Word's list counting gives the numbers of both versions
 * (checked with the shell's numbering plan on each), every numbered
 * paragraph is an item of the shell's multilevel list, and a renumbered
 * point carries no revision at all: Word renumbers on Accept or Reject.
 * Otherwise numbers are written as text, and a changed number is a deletion
 * and an insertion of the number alone.
 *
 * Footnotes are Word footnotes at their marks, the mark's run inserted or
 * deleted like any run (`w:ins/w:r/w:footnoteReference`) and the footnote's
 * paragraphs with their own tracked runs. A further call of a footnote is a
 * `NOTEREF` field to the bookmarked first mark, as in the built draft, its
 * runs tracked too (`w:delInstrText` when deleted); it shows the footnote's
 * number after Accept All (Reject All for a deleted call), until Word
 * updates the fields.
 */
import {
  Bookmark,
  BuilderElement,
  CommentRangeEnd,
  CommentRangeStart,
  CommentReference,
  DeletedTextRun,
  FootnoteReference,
  InsertedTextRun,
  Paragraph,
  ParagraphProperties,
  StringContainer,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type Document,
  type FileChild,
  type ICommentOptions,
  type IParagraphOptions,
  type IRunOptions,
  type ParagraphChild,
  type XmlComponent,
} from 'docx';
import type { Numbering } from '../../../core/model.js';
import { LEVEL_INDENT, POINT_LIST, STYLE, planNumbering, wordDocument } from '../../../word/document.js';
import type { HeaderModel, TrackedLine } from './header.js';
import { contentRuns } from './marks.js';
import type { Move, RedlineModel, Revision, TrackedNote, TrackedParagraph, TrackedRun } from './model.js';

export interface RedlineWordOptions {
  /** Author of every revision and comment. */
  author: string;
  /** Date of every revision (`YYYY-MM-DD`); without it, revisions carry no date. */
  date?: string;
  /** `eesc` (`1.1`) or `oj` (`1.1.`). */
  numbering?: Numbering;
  /** Core property title. */
  title: string;
  reference?: string;
  document?: string;
  /** Heading of the footnotes section (default "Footnotes"). */
  footnotesHeading?: string;
}

/** Fixed core-property date when the sources give none (never the clock). */
const NO_DATE = new Date(Date.UTC(2000, 0, 1));

interface RevisionAttributes {
  id: number;
  author: string;
  date: string;
}

interface Revisions {
  /** The attributes of the next revision. */
  next(): RevisionAttributes;
  /** Whether revisions have a date (moves' range markers need one). */
  dated: boolean;
  comments: ICommentOptions[];
  comment(text: string): number;
  /** The footnotes, by the key of the mark that holds each (its Word id). */
  footnotes: Map<number, Paragraph[]>;
}

function revisions(options: RedlineWordOptions): Revisions {
  let id = 0;
  // A revision without a date is valid (w:date is optional): docx leaves out an undefined attribute.
  const date = (options.date ? `${options.date}T00:00:00Z` : undefined) as string;
  const comments: ICommentOptions[] = [];
  return {
    next: () => ({ id: ++id, author: options.author, date }),
    dated: date !== undefined,
    footnotes: new Map(),
    comments,
    comment(text) {
      const commentId = comments.length;
      comments.push({
        id: commentId,
        author: options.author,
        ...(options.date ? { date: new Date(`${options.date}T00:00:00Z`) } : {}),
        children: [new Paragraph({ children: [new TextRun(text)] })],
      });
      return commentId;
    },
  };
}

/** How a run is tracked: inserted, deleted, moved from or to here. */
type RunChange = Pick<TrackedRun, 'revision' | 'move'>;

const MOVE_ELEMENT: Record<Move, string> = { from: 'w:moveFrom', to: 'w:moveTo' };

const revisionAttributes = (revision: RevisionAttributes) => ({
  id: { key: 'w:id', value: revision.id },
  author: { key: 'w:author', value: revision.author },
  date: { key: 'w:date', value: revision.date },
});

/** A move revision (`w:moveFrom`, `w:moveTo`): around runs, or alone in a paragraph mark's properties. */
function moveRevision(move: Move, revision: RevisionAttributes, children: XmlComponent[] = []): XmlComponent {
  return new BuilderElement({ name: MOVE_ELEMENT[move], attributes: revisionAttributes(revision), children });
}

/** A run, inserted, deleted or moved with its revision (moved-from text stays `w:t`). */
function trackedRun(change: RunChange, options: IRunOptions, track: Revisions): ParagraphChild {
  // A paragraph holds any run-level element; docx's type lists only its own classes.
  if (change.move) return moveRevision(change.move, track.next(), [new TextRun(options)]) as ParagraphChild;
  if (change.revision === 'ins') return new InsertedTextRun({ ...options, ...track.next() });
  if (change.revision === 'del') return new DeletedTextRun({ ...options, ...track.next() });
  return new TextRun(options);
}

/** A run's lines: the first as is, each further one after a line break. */
function runChildren(run: TrackedRun, track: Revisions): ParagraphChild[] {
  if (run.note) return noteChildren(run.note, run, track);
  return run.text.split('\n').map((line, i) => trackedRun(run, { text: line, ...(i > 0 ? { break: 1 } : {}) }, track));
}

const noteBookmark = (key: number): string => `_fnref${key}`;
const fieldChar = (type: 'begin' | 'separate' | 'end') =>
  new BuilderElement({ name: 'w:fldChar', attributes: { type: { key: 'w:fldCharType', value: type } } });

/**
 * A footnote mark: the footnote's reference (its paragraphs added to the
 * document's footnotes under the mark's key), bookmarked for further calls;
 * or a further call, a `NOTEREF` field showing the footnote's number.
 */
function noteChildren(note: TrackedNote, change: RunChange, track: Revisions): ParagraphChild[] {
  if ('key' in note) {
    // The mark of a footnote's last paragraph is never tracked: the footnote comes and goes with its reference, and
    // LibreOffice, removing that mark, joins across the end of the footnote (leaving an empty numbered point in the body).
    const last = note.footnote.length - 1;
    const paragraphs = note.footnote.map((paragraph, i) => (i === last ? withoutMark(paragraph) : paragraph));
    track.footnotes.set(
      note.key,
      paragraphs.map((paragraph) => trackedParagraph(paragraph, false, 'eesc', track)),
    );
    const reference = trackedRun(change, { style: 'FootnoteReference', children: [new FootnoteReference(note.key)] }, track);
    return [new Bookmark({ id: noteBookmark(note.key), children: [reference] })];
  }
  // Moved-from text stays text (`w:instrText`, as `w:t`); a deletion is `w:delInstrText`.
  const deleted = change.revision === 'del' && change.move !== 'from';
  const instruction = new StringContainer(deleted ? 'w:delInstrText' : 'w:instrText', `NOTEREF ${noteBookmark(note.repeats)} \\f \\h`);
  return [
    trackedRun(
      change,
      { style: 'FootnoteReference', children: [fieldChar('begin'), instruction, fieldChar('separate'), note.number, fieldChar('end')] },
      track,
    ),
  ];
}

function withoutMark(paragraph: TrackedParagraph): TrackedParagraph {
  const { mark: _mark, markMove: _move, ...rest } = paragraph;
  return rest;
}

function markOptions(mark: Revision | undefined, track: Revisions): Pick<IParagraphOptions, 'run'> {
  if (mark === 'ins') return { run: { insertion: track.next() } };
  if (mark === 'del') return { run: { deletion: track.next() } };
  return {};
}

/**
 * A paragraph whose mark is moved (`w:pPr/w:rPr/w:moveFrom|w:moveTo`), or
 * whose properties changed (`w:pPr/w:pPrChange`): docx's paragraph options
 * write an inserted or deleted mark only.
 */
class ChangedPropertiesParagraph extends Paragraph {
  constructor(options: IParagraphOptions, mark: XmlComponent | undefined, change: XmlComponent | undefined) {
    super(options);
    // The paragraph's first child is its properties; the mark's run properties, then the change, close them.
    const properties = this.root[0] as ParagraphProperties;
    if (mark) properties.push(new BuilderElement({ name: 'w:rPr', children: [mark] }));
    if (change) properties.push(change);
  }
}

/** The range markers around a moved item's paragraphs at one place: the start opens its first paragraph, the end closes its last. */
interface MoveRange {
  start?: XmlComponent;
  end?: XmlComponent;
}

const RANGE_ELEMENT: Record<Move, string> = { from: 'w:moveFromRange', to: 'w:moveToRange' };

/** The move range markers of each paragraph, one range (and id) per moved item and place; none without a date, which they require. */
function moveRanges(paragraphs: readonly TrackedParagraph[], track: Revisions): MoveRange[] {
  let open = 0;
  const same = (a: TrackedParagraph | undefined, b: TrackedParagraph) => a?.move?.name === b.move?.name && a?.move?.side === b.move?.side;
  return paragraphs.map((paragraph, i) => {
    const move = paragraph.move;
    if (!move || !track.dated) return {};
    const range: MoveRange = {};
    if (!same(paragraphs[i - 1], paragraph)) {
      const revision = track.next();
      open = revision.id;
      const { id, ...signed } = revisionAttributes(revision);
      range.start = new BuilderElement({ name: `${RANGE_ELEMENT[move.side]}Start`, attributes: { id, name: { key: 'w:name', value: move.name }, ...signed } });
    }
    if (!same(paragraphs[i + 1], paragraph))
      range.end = new BuilderElement({ name: `${RANGE_ELEMENT[move.side]}End`, attributes: { id: { key: 'w:id', value: open } } });
    return range;
  });
}

/**
 * Children under a comment; its reference run is moved with a moved paragraph
 * (else LibreOffice keeps the paragraph, empty, after Accept or Reject All),
 * and opens the paragraph: a paragraph that ends with a tracked reference
 * (comment or footnote) is joined to the next one when LibreOffice removes it,
 * and the next paragraph takes its number (a heading after a point moved away
 * from before it shown as a point).
 */
function withComment(children: ParagraphChild[], comment: string | undefined, move: Move | undefined, track: Revisions): ParagraphChild[] {
  if (comment === undefined) return children;
  const id = track.comment(comment);
  const reference = trackedRun(move ? { move } : {}, { children: [new CommentReference(id)] }, track);
  return [reference, new CommentRangeStart(id), ...children, new CommentRangeEnd(id)];
}

/**
 * A space after a paragraph whose last run is a tracked footnote mark:
 * - where the paragraph's own mark is kept, and the mark follows another mark, an
 *   untracked space: LibreOffice, removing that last mark (Reject All of an inserted
 *   one, Accept All of a deleted one), joins the paragraph to the next; the space
 *   keeps them apart (and shows nothing);
 * - where the paragraph's own mark is tracked (inserted, deleted or moved, or lent to
 *   the paragraph before it), a space tracked as the footnote mark is: LibreOffice,
 *   removing such a paragraph whose tracked footnote reference is its last run, leaves
 *   it empty with its number (an empty point before the next heading). The space goes
 *   and comes with the paragraph.
 */
function trailingSpace(paragraph: TrackedParagraph): TrackedRun | undefined {
  const runs = contentRuns(paragraph);
  const last = runs[runs.length - 1];
  if (!last?.note || !(last.revision || last.move)) return undefined;
  const markTracked = (paragraph.mark && !paragraph.lends) || paragraph.markMove || paragraph.markLent;
  if (!markTracked) return runs[runs.length - 2]?.note ? { text: ' ' } : undefined;
  return { text: ' ', ...(last.revision ? { revision: last.revision } : {}), ...(last.move ? { move: last.move } : {}) };
}

const PARAGRAPH_STYLE: Record<TrackedParagraph['role'], string> = {
  chapter: STYLE.chapter,
  heading: STYLE.section,
  point: STYLE.point,
  pointPart: STYLE.pointPart,
  body: STYLE.body,
  footnote: STYLE.footnoteText,
};

function styleOf(paragraph: Pick<TrackedParagraph, 'role' | 'level'>): string {
  if (paragraph.role === 'heading' && (paragraph.level ?? 1) >= 2) return STYLE.subsection;
  return PARAGRAPH_STYLE[paragraph.role];
}

/** A number as written: `1.` for a chapter, `1.1` (`1.1.` in the OJ style), `(3)` for a footnote. */
function display(number: string, paragraph: TrackedParagraph, numbering: Numbering): string {
  if (paragraph.role === 'footnote') return `(${number})`;
  const level = paragraph.level ?? 0;
  return level === 0 || numbering === 'oj' ? `${number}.` : number;
}

/** The literal number and its tab, tracked when the number changed or exists in one version only. */
function literalLead(paragraph: TrackedParagraph, numbering: Numbering, track: Revisions): ParagraphChild[] {
  const { old, new: neu } = paragraph.number ?? {};
  if (old === undefined && neu === undefined) return [];
  const tab = { children: [new Tab()] };
  if (old === neu) return [new TextRun(display(neu as string, paragraph, numbering)), new TextRun(tab)];
  const lead: ParagraphChild[] = [];
  if (old !== undefined) lead.push(new DeletedTextRun({ text: display(old, paragraph, numbering), ...track.next() }));
  if (neu !== undefined) lead.push(new InsertedTextRun({ text: display(neu, paragraph, numbering), ...track.next() }));
  if (old !== undefined && neu !== undefined) lead.push(new TextRun(tab));
  else lead.push(neu !== undefined ? new InsertedTextRun({ ...tab, ...track.next() }) : new DeletedTextRun({ ...tab, ...track.next() }));
  return lead;
}

/** Whether Word's list counting gives the numbers of both versions. */
export function autoNumbering(body: readonly TrackedParagraph[]): boolean {
  const numbers = (side: 'old' | 'new') => body.flatMap((paragraph) => (paragraph.number?.[side] !== undefined ? [paragraph.number[side] as string] : []));
  return planNumbering(numbers('old')).mode === 'auto' && planNumbering(numbers('new')).mode === 'auto';
}

/**
 * Whether the paragraph's mark is written moved: only where its last run is
 * moved too. LibreOffice reads a moved mark after a run of another kind as
 * belonging to the next paragraph (which its Reject All then joins to this
 * one): that mark is written inserted (deleted), as Word allows.
 */
function movedMarkOf(paragraph: TrackedParagraph): Move | undefined {
  const runs = contentRuns(paragraph);
  return paragraph.markMove && runs[runs.length - 1]?.move === paragraph.markMove ? paragraph.markMove : undefined;
}

/**
 * The leading runs that a paragraph shared with a whole paragraph of the other
 * version holds (./marks.ts): deleted runs before moved-to text, inserted runs
 * before moved-from text. They stand outside the move's range and comment.
 */
function outsideRuns(paragraph: TrackedParagraph): number {
  if (!paragraph.move) return 0;
  const other = paragraph.move.side === 'to' ? 'del' : 'ins';
  const inside = paragraph.runs.findIndex((run) => run.revision !== other || run.move);
  return inside === -1 ? paragraph.runs.length : inside;
}

/** A paragraph's style and list level (or, numbered as text, its indentation). */
function layoutOf(paragraph: Pick<TrackedParagraph, 'role' | 'level' | 'number'>, auto: boolean): Pick<IParagraphOptions, 'style' | 'numbering' | 'indent'> {
  const style = styleOf(paragraph);
  if (paragraph.role === 'footnote' || !paragraph.number) return { style };
  if (paragraph.level !== undefined && auto) return { style, numbering: { reference: POINT_LIST, level: paragraph.level } };
  const indent = LEVEL_INDENT[Math.min(paragraph.level ?? 0, LEVEL_INDENT.length - 1)] as number;
  return { style, indent: { left: indent, hanging: indent } };
}

/**
 * A paragraph whose properties were the paragraph's before it in the other
 * version (`formerly`, ./marks.ts): Word's paragraph property change
 * (`w:pPr/w:pPrChange`, after the mark's run properties), holding the former
 * properties whole, so that Reject All gives them back.
 */
function propertyChange(paragraph: TrackedParagraph, auto: boolean, track: Revisions): XmlComponent | undefined {
  const formerly = paragraph.formerly;
  if (!formerly) return undefined;
  const former = new ParagraphProperties(
    layoutOf({ role: formerly.role, ...(formerly.level !== undefined ? { level: formerly.level } : {}), ...(formerly.numbered ? { number: {} } : {}) }, auto),
  );
  return new BuilderElement({ name: 'w:pPrChange', attributes: revisionAttributes(track.next()), children: [former] });
}

function trackedParagraph(paragraph: TrackedParagraph, auto: boolean, numbering: Numbering, track: Revisions, range: MoveRange = {}): Paragraph {
  const markMove = movedMarkOf(paragraph);
  const movedMark = markMove ? moveRevision(markMove, track.next()) : undefined;
  const options: IParagraphOptions = { ...layoutOf(paragraph, auto), ...(movedMark ? {} : markOptions(paragraph.mark, track)) };
  const numbered = paragraph.level !== undefined && paragraph.number !== undefined && paragraph.role !== 'footnote';
  const lead = paragraph.number && !(numbered && auto) ? literalLead(paragraph, numbering, track) : [];
  const space = trailingSpace(paragraph);
  const outside = outsideRuns(paragraph);
  const runs = [...paragraph.runs.slice(outside).flatMap((run) => runChildren(run, track)), ...(space ? runChildren(space, track) : [])];
  const before = paragraph.runs.slice(0, outside).flatMap((run) => runChildren(run, track));
  // The comment's reference is moved with the paragraph's moved text (a paragraph of both versions: with its move).
  const children = withComment(outside > 0 ? runs : [...lead, ...runs], paragraph.comment, paragraph.markMove ?? paragraph.move?.side, track);
  const all = [
    ...(outside > 0 ? [...lead, ...before] : []),
    ...(range.start ? [range.start as ParagraphChild] : []),
    ...children,
    ...(range.end ? [range.end as ParagraphChild] : []),
  ];
  const change = propertyChange(paragraph, auto, track);
  if (movedMark || change) return new ChangedPropertiesParagraph({ ...options, children: all }, movedMark, change);
  return new Paragraph({ ...options, children: all });
}

/** Paragraphs of the body (or of the footnotes listed at the end), moved items within their move ranges. */
function trackedParagraphs(paragraphs: readonly TrackedParagraph[], auto: boolean, numbering: Numbering, track: Revisions): Paragraph[] {
  const ranges = moveRanges(paragraphs, track);
  return paragraphs.map((paragraph, i) => trackedParagraph(paragraph, auto, numbering, track, ranges[i]));
}

function trackedLine(line: TrackedLine, track: Revisions, numbering?: false): Paragraph {
  return new Paragraph({
    style: STYLE[line.style],
    ...(numbering === false ? { numbering } : {}),
    ...markOptions(line.mark, track),
    children: line.runs.flatMap((run) => runChildren(run, track)),
  });
}

/**
 * The lines before the title, laid out as the build does: the banner and the
 * version in one paragraph, the reference and the document number in another,
 * one line after a line break. Lines inserted or deleted whole keep paragraphs
 * of their own, so that the line break never needs a revision of its own.
 */
function headerLines(lines: readonly TrackedLine[], track: Revisions): Paragraph[] {
  const out: Paragraph[] = [];
  let group: TrackedLine[] = [];
  const flush = () => {
    if (group.length === 1) out.push(trackedLine(group[0] as TrackedLine, track));
    else if (group.length > 1) {
      const children = group.flatMap((line, i) => [
        ...(i > 0 ? [new TextRun({ text: '', break: 1 })] : []),
        ...line.runs.flatMap((run) => runChildren(run, track)),
      ]);
      out.push(new Paragraph({ style: STYLE[(group[0] as TrackedLine).style], children }));
    }
    group = [];
  };
  for (const line of lines) {
    const joins = (line.style === 'stage' || line.style === 'reference') && !line.mark;
    if (!joins || group[0]?.style !== line.style) flush();
    group.push(line);
    if (!joins) flush();
  }
  flush();
  return out;
}

/** The header table: label and value per row, a row inserted or deleted as a whole (`w:trPr/w:ins|w:del`). */
function headerTable(header: HeaderModel, track: Revisions): Table {
  const labelWidth = 35;
  return new Table({
    style: STYLE.headerTable,
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: header.rows.map((row) => {
      const revision = row.revision;
      const labelRun: TrackedRun = revision ? { text: row.label, revision } : { text: row.label };
      const cell = (style: string, width: number, runs: TrackedRun[]) =>
        new TableCell({
          width: { size: width, type: WidthType.PERCENTAGE },
          children: [new Paragraph({ style, children: runs.filter((run) => run.text !== '').flatMap((run) => runChildren(run, track)) })],
        });
      return new TableRow({
        ...(revision === 'ins' ? { insertion: track.next() } : revision === 'del' ? { deletion: track.next() } : {}),
        children: [cell(STYLE.headerLabel, labelWidth, [labelRun]), cell(STYLE.headerValue, 100 - labelWidth, row.value)],
      });
    }),
  });
}

/** The redline as a Word document (pack it with the shell's `packWord`). */
export function redlineDocument(model: RedlineModel, options: RedlineWordOptions): Document {
  const track = revisions(options);
  const numbering = options.numbering ?? 'eesc';
  const auto = autoNumbering(model.body);
  const children: FileChild[] = headerLines(model.header.lines, track);
  if (model.header.rows.length > 0) children.push(headerTable(model.header, track));
  children.push(...trackedParagraphs(model.body, auto, numbering, track));
  // Closing lines say they have no number (numId 0): LibreOffice, joining a removed numbered paragraph into one, else numbers it.
  children.push(...model.header.closing.map((line) => trackedLine(line, track, false)));
  // The last paragraph of a document keeps its mark whatever is accepted or rejected: where it is inserted or deleted,
  // an untracked paragraph holding one space closes the document, so that no empty numbered point (or empty closing
  // line) is left. Not empty: LibreOffice, removing a paragraph before an empty one, keeps the removed one's number.
  const last = model.header.closing[model.header.closing.length - 1] ?? model.body[model.body.length - 1];
  // It says it has no number (numId 0): LibreOffice, accepting an inserted numbered paragraph before it, else numbers it.
  if (last?.mark || (last && 'markMove' in last && last.markMove)) children.push(new Paragraph({ numbering: false, children: [new TextRun(' ')] }));
  // Footnotes that no mark shows (called from nowhere, or from a chapter title), listed as before.
  if (model.footnotes.length > 0) {
    children.push(new Paragraph({ style: STYLE.appendixTitle, children: [new TextRun(options.footnotesHeading ?? 'Footnotes')] }));
    children.push(...trackedParagraphs(model.footnotes, false, numbering, track));
  }
  return wordDocument({
    lang: model.lang,
    numbering,
    children,
    title: options.title,
    creator: options.author,
    date: options.date ? new Date(`${options.date}T00:00:00Z`) : NO_DATE,
    reference: options.reference,
    document: options.document,
    comments: track.comments,
    footnotes: track.footnotes,
    trackRevisions: true,
  });
}
