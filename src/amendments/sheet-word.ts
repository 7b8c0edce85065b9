/**
 * The amendment sheet as a `.docx`: each amendment with a two-column Word
 * table, through the project's Word shell; deterministic bytes.
 *
 * docx builds the document from one object per paragraph, run and cell and
 * compiles each into XML: on a sheet of 300 amendments, some 50,000
 * elements, most of the Word sheet's run. The sheet repeats a few shapes
 * (a heading, a labelled line, a table whose header is the same for every
 * amendment, runs plain, bold or struck), so docx compiles each shape once,
 * with marker texts, in the document itself, and the sheet's body is written
 * from those pieces with its texts escaped as docx escapes them; then the
 * pieces are taken out. Every byte of markup is docx's own. A sheet whose
 * texts could meet the markers or docx's `{key}` placeholders, a run both
 * bold and struck, or an escape that is not the expected one, is built
 * object by object as before. test/amendments/sheet-word.test.ts holds both
 * ways to the same bytes.
 */
import type { PhrasingContent } from 'mdast';
import { Paragraph, Table, TextRun, WidthType, type FileChild } from 'docx';
import { STYLE, packWord, wordDocument } from '../word/document.js';
import { cellParagraphs, sheetRow } from '../diff/format/word/amendments.js';
import type { Sheet, SheetEntry } from './sheet.js';

/** What the Word sheet shows of an entry beyond its fields: its two columns and the paragraphs of its reason. */
export interface WordParts {
  columns: (e: SheetEntry) => [PhrasingContent[], PhrasingContent[]];
  reason: (e: SheetEntry) => string[];
}

export interface SheetDocxOptions {
  reference?: string;
  date?: string;
}

const WIDTHS = [50, 50];

const title = (value: string) => new Paragraph({ style: STYLE.title, children: [new TextRun(value)] });
const para = (value: string, bold = false, italics = false) => new Paragraph({ style: STYLE.body, children: [new TextRun({ text: value, bold, italics })] });
const labelledPara = (label: string, value: string) =>
  new Paragraph({ style: STYLE.body, children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });
const subsection = (value: string) => new Paragraph({ style: STYLE.subsection, children: [new TextRun({ text: value, bold: true })] });
const headerCell = (value: string) => [new Paragraph({ style: STYLE.tableText, children: [new TextRun({ text: value, bold: true })] })];
const table = (sheet: Sheet, cells: [Paragraph[], Paragraph[]]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [sheetRow([headerCell(sheet.column), headerCell(sheet.words.amendment)], WIDTHS, true), sheetRow(cells, WIDTHS)],
  });

/** The body, one docx object per element. */
function bodyObjects(sheet: Sheet, parts: WordParts): FileChild[] {
  const { words } = sheet;
  const children: FileChild[] = [title(sheet.title)];
  if (sheet.entries.length === 0) children.push(para(words.none));
  for (const e of sheet.entries) {
    children.push(subsection(`${e.number} – ${e.point}`), labelledPara(words.tabledBy, e.by));
    if (e.compromise) children.push(para(e.compromise, false, true));
    children.push(para(e.action));
    const [before, after] = parts.columns(e);
    children.push(table(sheet, [cellParagraphs(before), cellParagraphs(after)]));
    if (e.reason) {
      children.push(para(words.reason, true));
      for (const paragraph of parts.reason(e)) children.push(para(paragraph));
    }
    if (e.position) children.push(labelledPara(words.position, e.position));
    if (e.outcome) children.push(labelledPara(words.outcome, e.outcome));
  }
  return children;
}

function documentOf(sheet: Sheet, children: FileChild[], options: SheetDocxOptions) {
  return wordDocument({
    lang: sheet.lang,
    numbering: 'eesc',
    children,
    title: sheet.title,
    date: new Date(`${options.date ?? '2000-01-01'}T00:00:00Z`),
    ...(options.reference ? { reference: options.reference } : {}),
  });
}

/** The sheet as a `.docx`, every element through docx's objects (what `sheetDocx` must equal). */
export function sheetDocxByObjects(sheet: Sheet, parts: WordParts, options: SheetDocxOptions = {}): Promise<Uint8Array> {
  return packWord(documentOf(sheet, bodyObjects(sheet, parts), options));
}

// ---------------------------------------------------------------------------
// The body written from the shapes docx compiled once.

/** Marker texts: a private-use character no sheet text may hold (else the sheet goes the object way). */
const FENCE = '\uE000';
const marker = (name: string) => `${FENCE}${name}${FENCE}`;

/** docx's escape of text and attribute values (src/util/xml/stringify.ts of docx): checked on the compiled specimen. */
const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
// biome-ignore lint/suspicious/noControlCharactersInRegex: docx drops these control characters.
const ESCAPED = /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g;
const escapeXml = (value: string) => value.replace(ESCAPED, (c) => ESCAPES[c] ?? '');
const ESCAPE_PROBE = '&"\'<>\u0001';

/** A run's marks in a table cell: plain, bold (added), struck (deleted), each after a line break or not. */
type RunKind = '' | 'b' | 's' | '!' | 'b!' | 's!';
const RUN_KINDS: readonly RunKind[] = ['', 'b', 's', '!', 'b!', 's!'];

interface Shapes {
  title: string[];
  /** Body paragraphs: plain, bold, italic. */
  plain: string[];
  bold: string[];
  italic: string[];
  subsection: string[];
  /** Around the label, between label and value, after the value. */
  labelled: string[];
  /** The table around the paragraphs of its two data cells. */
  table: string[];
  /** A cell paragraph around its runs; one without runs. */
  cellParagraph: string[];
  emptyCellParagraph: string;
  runs: Map<RunKind, string[]>;
}

/** The specimen elements, in order; each is cut out of the compiled body by its markers. */
function specimens(sheet: Sheet): FileChild[] {
  const runs = RUN_KINDS.map(
    (kind) =>
      new TextRun({
        text: marker(`r${kind}`),
        ...(kind.startsWith('b') ? { bold: true } : kind.startsWith('s') ? { strike: true } : {}),
        ...(kind.endsWith('!') ? { break: 1 } : {}),
      }),
  );
  return [
    title(marker('title')),
    para(marker('plain')),
    para(marker('bold'), true),
    para(marker('italic'), false, true),
    subsection(marker('subsection')),
    labelledPara(marker('label'), marker('value')),
    para(`${marker('probe')}${ESCAPE_PROBE}${marker('probe2')}`),
    table(sheet, [
      [new Paragraph({ style: STYLE.tableText, children: runs })],
      [new Paragraph({ style: STYLE.tableText, children: [] }), new Paragraph({ style: STYLE.tableText, children: [new TextRun({ text: marker('cell') })] })],
    ]),
    para(marker('end')),
  ];
}

const PARAGRAPH = /<w:p[ >]/g;
const RUN = /<w:r[ >]/g;

/** Where the last match of `pattern` before `end` starts. */
function lastBefore(xml: string, pattern: RegExp, from: number, end: number): number {
  let found = -1;
  pattern.lastIndex = from;
  for (let match = pattern.exec(xml); match && match.index < end; match = pattern.exec(xml)) found = match.index;
  return found;
}

/** `text` split around the markers named, in order. */
function around(text: string, ...names: string[]): string[] | undefined {
  const pieces: string[] = [];
  let at = 0;
  for (const name of names) {
    const index = text.indexOf(marker(name), at);
    if (index < 0) return undefined;
    pieces.push(text.slice(at, index));
    at = index + marker(name).length;
  }
  pieces.push(text.slice(at));
  return pieces;
}

/**
 * The shapes cut out of the compiled body `xml` (from `<w:body>` to the end
 * of the specimens): undefined when anything is not where it should be.
 */
function shapesOf(xml: string, start: number): { shapes: Shapes; end: number } | undefined {
  // Each specimen ends with the first end tag of its kind after its last marker.
  const ends: number[] = [];
  let at = start;
  for (const name of ['title', 'plain', 'bold', 'italic', 'subsection', 'value', 'probe2', 'cell', 'end']) {
    const m = xml.indexOf(marker(name), at);
    const tag = name === 'cell' ? '</w:tbl>' : '</w:p>';
    const end = m < 0 ? -1 : xml.indexOf(tag, m);
    if (end < 0) return undefined;
    at = end + tag.length;
    ends.push(at);
  }
  const element = (i: number) => xml.slice(i === 0 ? start : ends[i - 1], ends[i]);
  const probe = around(element(6), 'probe', 'probe2');
  if (probe?.[1] !== escapeXml(ESCAPE_PROBE)) return undefined;

  // The table: its data cells' paragraphs, and the runs of the first.
  const tableXml = element(7);
  const firstRun = tableXml.indexOf(marker('r'));
  const cellMarker = tableXml.indexOf(marker('cell'));
  if (firstRun < 0 || cellMarker < 0) return undefined;
  const p1 = lastBefore(tableXml, PARAGRAPH, 0, firstRun);
  const p1End = tableXml.indexOf('</w:p>', firstRun) + '</w:p>'.length;
  PARAGRAPH.lastIndex = p1End;
  const p2 = PARAGRAPH.exec(tableXml)?.index ?? -1;
  const p3 = lastBefore(tableXml, PARAGRAPH, p2 + 1, cellMarker);
  const p3End = tableXml.indexOf('</w:p>', cellMarker) + '</w:p>'.length;
  if (p1 < 0 || p2 < p1End || p3 <= p2) return undefined;
  const cell1 = tableXml.slice(p1, p1End);
  const runs = new Map<RunKind, string[]>();
  let firstRunStart = -1;
  let lastRunEnd = -1;
  for (const kind of RUN_KINDS) {
    const m = cell1.indexOf(marker(`r${kind}`));
    const start = lastBefore(cell1, RUN, 0, m);
    const end = cell1.indexOf('</w:r>', m) + '</w:r>'.length;
    if (m < 0 || start < 0 || end < m) return undefined;
    if (firstRunStart < 0) firstRunStart = start;
    lastRunEnd = end;
    const piece = around(cell1.slice(start, end), `r${kind}`);
    if (!piece) return undefined;
    runs.set(kind, piece);
  }
  const pieces = {
    title: around(element(0), 'title'),
    plain: around(element(1), 'plain'),
    bold: around(element(2), 'bold'),
    italic: around(element(3), 'italic'),
    subsection: around(element(4), 'subsection'),
    labelled: around(element(5), 'label', 'value'),
  };
  if (Object.values(pieces).some((piece) => piece === undefined)) return undefined;
  return {
    shapes: {
      ...(pieces as Record<keyof typeof pieces, string[]>),
      table: [tableXml.slice(0, p1), tableXml.slice(p1End, p2), tableXml.slice(p3End)],
      cellParagraph: [cell1.slice(0, firstRunStart), cell1.slice(lastRunEnd)],
      emptyCellParagraph: tableXml.slice(p2, p3),
      runs,
    },
    end: ends[8]!,
  };
}

const fill = (shape: string[], ...values: string[]) => {
  let out = shape[0]!;
  for (let i = 0; i < values.length; i++) out += escapeXml(values[i]!) + shape[i + 1]!;
  return out;
};

/** A table cell's paragraphs as `cellParagraphs` makes them (`<br>` a line break, `<br><br>` a new paragraph); undefined for a run both bold and struck. */
function cellXml(content: readonly PhrasingContent[], shapes: Shapes): string | undefined {
  const paragraphs: string[] = [''];
  let lineBreak = false;
  const walk = (nodes: readonly PhrasingContent[], marks: '' | 'b' | 's'): boolean => {
    for (const node of nodes) {
      if (node.type === 'html') {
        if (node.value === '<br><br>') paragraphs.push('');
        else if (node.value === '<br>') lineBreak = true;
      } else if (node.type === 'text') {
        paragraphs[paragraphs.length - 1] += fill(shapes.runs.get(`${marks}${lineBreak ? '!' : ''}`)!, node.value);
        lineBreak = false;
      } else if (node.type === 'strong' || node.type === 'delete') {
        const inner = node.type === 'strong' ? 'b' : 's';
        if (marks !== '' && marks !== inner) return false;
        if (!walk(node.children, inner)) return false;
      } else if ('children' in node && !walk(node.children as PhrasingContent[], marks)) return false;
    }
    return true;
  };
  if (!walk(content, '')) return undefined;
  return paragraphs.map((runs) => (runs === '' ? shapes.emptyCellParagraph : shapes.cellParagraph[0] + runs + shapes.cellParagraph[1])).join('');
}

function bodyXml(sheet: Sheet, parts: WordParts, shapes: Shapes): string | undefined {
  const { words } = sheet;
  let out = fill(shapes.title, sheet.title);
  if (sheet.entries.length === 0) out += fill(shapes.plain, words.none);
  for (const e of sheet.entries) {
    out += fill(shapes.subsection, `${e.number} – ${e.point}`) + fill(shapes.labelled, words.tabledBy, e.by);
    if (e.compromise) out += fill(shapes.italic, e.compromise);
    out += fill(shapes.plain, e.action);
    const [before, after] = parts.columns(e);
    const cells = [cellXml(before, shapes), cellXml(after, shapes)];
    if (cells[0] === undefined || cells[1] === undefined) return undefined;
    out += shapes.table[0] + cells[0] + shapes.table[1] + cells[1] + shapes.table[2];
    if (e.reason) {
      out += fill(shapes.bold, words.reason);
      for (const paragraph of parts.reason(e)) out += fill(shapes.plain, paragraph);
    }
    if (e.position) out += fill(shapes.labelled, words.position, e.position);
    if (e.outcome) out += fill(shapes.labelled, words.outcome, e.outcome);
  }
  return out;
}

/** Every text of the sheet: none may hold a marker's character or a brace (docx fills `{key}` placeholders after compiling). */
function plainTexts(sheet: Sheet, parts: WordParts): boolean {
  const texts: string[] = [sheet.title, sheet.column, ...Object.values(sheet.words)];
  const phrasing = (nodes: readonly PhrasingContent[]): void => {
    for (const node of nodes) {
      if ('value' in node) texts.push(node.value);
      if ('children' in node) phrasing(node.children as PhrasingContent[]);
    }
  };
  for (const e of sheet.entries) {
    texts.push(e.number, e.point, e.by, e.action, e.compromise ?? '', e.position ?? '', e.outcome ?? '', ...(e.reason ? parts.reason(e) : []));
    for (const column of parts.columns(e)) phrasing(column);
  }
  return !texts.some((text) => text.includes(FENCE) || text.includes('{') || text.includes('}'));
}

/** The sheet as a `.docx`: deterministic bytes, the same as `sheetDocxByObjects`. */
export async function sheetDocx(sheet: Sheet, parts: WordParts, options: SheetDocxOptions = {}): Promise<Uint8Array> {
  return (await sheetDocxWritten(sheet, parts, options)).bytes;
}

/** `sheetDocx`, saying which way it went: from docx's compiled shapes, or object by object. */
export async function sheetDocxWritten(
  sheet: Sheet,
  parts: WordParts,
  options: SheetDocxOptions = {},
): Promise<{ bytes: Uint8Array; way: 'shapes' | 'objects' }> {
  if (!plainTexts(sheet, parts)) return { bytes: await sheetDocxByObjects(sheet, parts, options), way: 'objects' };
  let written = false;
  const bytes = await packWord(documentOf(sheet, specimens(sheet), options), undefined, (texts) => {
    const xml = texts.get('word/document.xml');
    const start = xml === undefined ? -1 : xml.indexOf('<w:body>');
    if (xml === undefined || start < 0) return;
    const cut = shapesOf(xml, start + '<w:body>'.length);
    const body = cut && bodyXml(sheet, parts, cut.shapes);
    if (!cut || body === undefined) return;
    texts.set('word/document.xml', xml.slice(0, start + '<w:body>'.length) + body + xml.slice(cut.end));
    written = true;
  });
  return written ? { bytes, way: 'shapes' } : { bytes: await sheetDocxByObjects(sheet, parts, options), way: 'objects' };
}
