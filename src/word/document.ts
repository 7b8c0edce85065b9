/**
 * The Word document shell shared by every Word output (`opinion build --to
 * docx`, the tracked-change redline of `opinion diff --format docx`): A4 page
 * with the EESC-like margins of the HTML draft, named styles a secretariat's
 * template can restyle, the document language, a footer with the reference
 * and the page number, the stage label as a header line on non-final drafts,
 * real footnotes, optional comments, fixed core properties, and one Word
 * multilevel list for chapter and point numbers.
 *
 * `packWord` gives deterministic bytes: the same document gives the same
 * file (fixed zip times and order, fixed dates, ids renumbered in order).
 */
import {
  AlignmentType,
  BorderStyle,
  BuilderElement,
  Document,
  Footer,
  Header,
  LevelFormat,
  LevelSuffix,
  Packer,
  PageNumber,
  Paragraph,
  StringValueElement,
  Tab,
  TableProperties,
  TextRun,
  WidthType,
  type FileChild,
  type ICommentOptions,
  type ILevelsOptions,
  type IParagraphOptions,
  type IParagraphStyleOptions,
  type ParagraphChild,
} from 'docx';
import { unzipSync, zipSync, strFromU8, strToU8, type Zippable } from 'fflate';
import { isOfficialLanguage } from '../core/languages.js';
import type { Numbering } from '../core/model.js';

/** Ids of the named styles (the names shown in Word are in `STYLE_NAMES`). */
export const STYLE = {
  stage: 'OpinionStage',
  reference: 'OpinionReference',
  title: 'OpinionTitle',
  kind: 'OpinionKind',
  headerTable: 'OpinionHeaderTable',
  headerLabel: 'OpinionHeaderLabel',
  headerValue: 'OpinionHeaderValue',
  chapter: 'OpinionChapterHeading',
  section: 'OpinionSectionHeading',
  subsection: 'OpinionSubsectionHeading',
  point: 'OpinionPoint',
  pointPart: 'OpinionPointContinued',
  body: 'OpinionBody',
  listItem: 'OpinionListItem',
  quote: 'OpinionQuote',
  note: 'OpinionInternalNote',
  closing: 'OpinionClosing',
  signature: 'OpinionSignature',
  appendixTitle: 'OpinionAppendixTitle',
  tableText: 'OpinionTableText',
  footnoteText: 'OpinionFootnoteText',
  header: 'OpinionPageHeader',
  footer: 'OpinionPageFooter',
  /** Character style of inline code. */
  code: 'OpinionCode',
} as const;

export type StyleKey = keyof typeof STYLE;

/** The names shown in Word: each id with spaces between its words ("Opinion Point"), the body's "Opinion Body Text". */
export const STYLE_NAMES = Object.fromEntries(
  Object.entries(STYLE).map(([key, id]) => [key, key === 'body' ? 'Opinion Body Text' : id.replace(/(?<=[a-z])(?=[A-Z])/gu, ' ')]),
) as Record<StyleKey, string>;

/** The reference of the multilevel list of chapter, section and point numbers. */
export const POINT_LIST = 'opinion-points';
/** References of the lists inside points: dashes, and `1.` numbers (each list an instance of its own). */
export const BULLET_LIST = 'opinion-bullets';
export const ORDERED_LIST = 'opinion-ordered';
/** Levels of the lists inside points: as many as Word has (a list nested deeper stays at the last). */
export const LIST_LEVELS = 9;

/** Twips. A4 portrait; margins as the HTML draft's print layout (22 mm 20 mm 22 mm 25 mm). */
const MM = 56.6929;
const twips = (mm: number) => Math.round(mm * MM);
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: twips(22), right: twips(20), bottom: twips(22), left: twips(25), header: twips(10), footer: twips(10), gutter: 0 },
} as const;
/** Width of the text between the margins. */
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

/** Hanging indent of each list level (chapter, x.y, x.y.z, x.y.z.w), in twips. */
export const LEVEL_INDENT = [twips(12), twips(15), twips(15), twips(20)] as const;

const FONT = 'Times New Roman';
const BODY_SIZE = 24; // half-points: 12 pt

export interface WordDocumentOptions {
  /** Language code of the text (`en`, `fr`…): the document language (`w:lang`). */
  lang: string;
  /** `eesc` (`1.1`) or `oj` (`1.1.`): the text of the list levels. */
  numbering: Numbering;
  /** The body: paragraphs and tables. */
  children: readonly FileChild[];
  /** Core property `dc:title`. */
  title: string;
  /** Core property `dc:creator` (default `opinion`). */
  creator?: string;
  /** Fixed date of the core properties (created, modified) and of comments without one: from the sources, never the clock. */
  date: Date;
  /** Reference (`INT/871`) on the left of the footer. */
  reference?: string;
  /** EESC document number, after the reference in the footer. */
  document?: string;
  /** The stage label on a header line of every page; none for a final text. */
  stage?: string;
  /** Footnotes by number (the `FootnoteReferenceRun` id). */
  footnotes?: ReadonlyMap<number, readonly Paragraph[]>;
  /** Comments (the redline names moves with them). */
  comments?: readonly ICommentOptions[];
  /** Turn on "Track changes" when the document is opened (the redline). */
  trackRevisions?: boolean;
}

/** The fixed date of each document made by `wordDocument`, for `packWord`. */
const documentDates = new WeakMap<Document, Date>();

export function wordDocument(options: WordDocumentOptions): Document {
  const locale = wordLanguage(options.lang);
  const footnotes: Record<string, { children: Paragraph[] }> = {};
  for (const [id, children] of options.footnotes ?? []) footnotes[String(id)] = { children: [...children] };
  const doc = new Document({
    title: options.title,
    creator: options.creator ?? 'opinion',
    lastModifiedBy: options.creator ?? 'opinion',
    styles: {
      default: {
        document: {
          run: { font: FONT, size: BODY_SIZE, language: { value: locale } },
          paragraph: { spacing: { after: 180, line: 276 } },
        },
        heading1: { run: { font: FONT, size: BODY_SIZE, bold: true, color: '000000' }, paragraph: { spacing: { before: 360, after: 180 } } },
        heading2: { run: { font: FONT, size: BODY_SIZE, bold: true, italics: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 } } },
        heading3: { run: { font: FONT, size: BODY_SIZE, italics: true, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 } } },
      },
      paragraphStyles: paragraphStyles(),
      characterStyles: [{ id: STYLE.code, name: STYLE_NAMES.code, basedOn: 'DefaultParagraphFont', run: { font: 'Courier New', size: 20 } }],
    },
    numbering: {
      config: [
        { reference: POINT_LIST, levels: pointLevels(options.numbering) },
        { reference: BULLET_LIST, levels: listLevels('bullet') },
        { reference: ORDERED_LIST, levels: listLevels('ordered') },
      ],
    },
    footnotes,
    ...(options.comments && options.comments.length > 0
      ? { comments: { children: options.comments.map((comment) => ({ ...comment, date: comment.date ?? options.date })) } }
      : {}),
    ...(options.trackRevisions ? { features: { trackRevisions: true } } : {}),
    // A line that ends in a line break (a Markdown hard break, the lines of a
    // redlined table or list) is not stretched to the margin in a justified
    // paragraph: Word's "Don't justify lines ending in soft line break",
    // which LibreOffice honours too.
    compatibility: { version: 15, doNotExpandShiftReturn: true },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: { ...PAGE.margin } } },
        ...(options.stage ? { headers: { default: stageHeader(options.stage) } } : {}),
        footers: { default: pageFooter(options) },
        children: [...options.children],
      },
    ],
  });
  // A table style: `styles.importedStyles` would replace docx's default styles, so it is added after.
  doc.Styles.addChildElement(headerTableStyle());
  documentDates.set(doc, options.date);
  return doc;
}

/** The regions of the official languages whose code is not the language's own (`cs-CZ`, `en-GB`…; `fr-FR`, `de-DE` otherwise). */
const REGIONS: Record<string, string> = { cs: 'CZ', da: 'DK', el: 'GR', en: 'GB', et: 'EE', ga: 'IE', sl: 'SI', sv: 'SE' };

/** BCP 47 tag of a language code for `w:lang` (the 24 official EU languages; others as given). */
export function wordLanguage(lang: string): string {
  const code = lang.toLowerCase();
  return isOfficialLanguage(code) ? `${code}-${REGIONS[code] ?? code.toUpperCase()}` : lang;
}

function paragraphStyles(): IParagraphStyleOptions[] {
  const style = (key: StyleKey, rest: Omit<IParagraphStyleOptions, 'id' | 'name'>): IParagraphStyleOptions => ({
    id: STYLE[key],
    name: STYLE_NAMES[key],
    quickFormat: true,
    ...rest,
  });
  const justified = { alignment: AlignmentType.JUSTIFIED };
  return [
    style('body', { basedOn: 'Normal', next: STYLE.body, paragraph: justified }),
    style('stage', { basedOn: 'Normal', paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 280 }, border: box() } }),
    style('reference', { basedOn: 'Normal', run: { bold: true }, paragraph: { spacing: { after: 360 } } }),
    style('title', {
      basedOn: 'Title',
      next: STYLE.kind,
      run: { font: FONT, size: 26, bold: true, color: '000000' },
      paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 480, after: 120 }, indent: { left: twips(8), right: twips(8) } },
    }),
    style('kind', { basedOn: 'Normal', next: STYLE.body, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 400 } } }),
    style('headerLabel', { basedOn: 'Normal', run: { size: 22 }, paragraph: { spacing: { before: 40, after: 40 } } }),
    style('headerValue', { basedOn: STYLE.headerLabel, run: { size: 22 } }),
    // The headings of levels 0 to 2, on Word's Heading 1 to 3.
    ...(['chapter', 'section', 'subsection'] as const).map((key, level) =>
      style(key, {
        basedOn: `Heading${level + 1}`,
        next: STYLE.point,
        paragraph: { outlineLevel: level, keepNext: true, indent: { left: LEVEL_INDENT[level], hanging: LEVEL_INDENT[level] } },
      }),
    ),
    style('point', { basedOn: STYLE.body, next: STYLE.point, paragraph: { ...justified, indent: { left: LEVEL_INDENT[1], hanging: LEVEL_INDENT[1] } } }),
    style('pointPart', { basedOn: STYLE.body, next: STYLE.point, paragraph: { ...justified, indent: { left: LEVEL_INDENT[1] } } }),
    style('listItem', { basedOn: STYLE.body, paragraph: { ...justified, spacing: { after: 80 } } }),
    style('quote', { basedOn: STYLE.body, paragraph: { ...justified, indent: { left: LEVEL_INDENT[1] + twips(6) } }, run: { italics: false } }),
    style('note', {
      basedOn: STYLE.body,
      run: { color: '5A4A00' },
      paragraph: { shading: { type: 'clear', fill: 'FFF3B0', color: 'auto' }, border: box('A08000') },
    }),
    style('closing', { basedOn: 'Normal', paragraph: { spacing: { before: 520, after: 280 } } }),
    style('signature', { basedOn: 'Normal', paragraph: { alignment: AlignmentType.CENTER, indent: { left: Math.round(TEXT_WIDTH * 0.45) } } }),
    style('appendixTitle', { basedOn: 'Heading1', next: STYLE.body, paragraph: { outlineLevel: 0, alignment: AlignmentType.CENTER } }),
    style('tableText', { basedOn: 'Normal', run: { size: 22 }, paragraph: { spacing: { after: 0 } } }),
    style('footnoteText', {
      basedOn: 'FootnoteText',
      run: { font: FONT, size: 20 },
      paragraph: { spacing: { after: 0 }, alignment: AlignmentType.LEFT, indent: { left: twips(5), hanging: twips(5) } },
    }),
    style('header', { basedOn: 'Normal', run: { size: 18, bold: true }, paragraph: { alignment: AlignmentType.RIGHT, spacing: { after: 0 } } }),
    style('footer', { basedOn: 'Normal', run: { size: 16 }, paragraph: { spacing: { after: 0 }, rightTabStop: TEXT_WIDTH } }),
  ];
}

function box(color = '000000') {
  const side = { style: BorderStyle.SINGLE, size: 12, space: 4, color };
  return { top: side, bottom: side, left: side, right: side };
}

/** The header table's style: no borders but a rule above and below, as in the HTML draft. */
function headerTableStyle(): BuilderElement {
  const rule = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
  const none = { style: BorderStyle.NONE, size: 0, color: 'auto' };
  return new BuilderElement({
    name: 'w:style',
    attributes: { type: { key: 'w:type', value: 'table' }, styleId: { key: 'w:styleId', value: STYLE.headerTable } },
    children: [
      new StringValueElement('w:name', STYLE_NAMES.headerTable),
      new StringValueElement('w:basedOn', 'TableNormal'),
      new TableProperties({
        borders: { top: rule, bottom: rule, left: none, right: none, insideHorizontal: none, insideVertical: none },
        cellMargin: { top: 40, bottom: 40, left: 0, right: 170 },
        width: { size: '100%', type: WidthType.PERCENTAGE },
      }),
    ],
  });
}

function stageHeader(stage: string): Header {
  return new Header({ children: [new Paragraph({ style: STYLE.header, children: [new TextRun(stage)] })] });
}

function pageFooter(options: WordDocumentOptions): Footer {
  const left = [options.reference, options.document].filter(Boolean).join(' – ');
  const text = left ? `${left} (${options.lang.toUpperCase()})` : `(${options.lang.toUpperCase()})`;
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        children: [new TextRun(text), new TextRun({ children: [new Tab(), PageNumber.CURRENT, '/', PageNumber.TOTAL_PAGES], size: 20 })],
      }),
    ],
  });
}

// ---------------------------------------------------------------------------
// Point numbering

/** The text of each list level: `%1.`, then `%1.%2`… (`oj`: `%1.%2.`). */
export function levelText(level: number, numbering: Numbering): string {
  const text = Array.from({ length: level + 1 }, (_, i) => `%${i + 1}`).join('.');
  return level === 0 || numbering === 'oj' ? `${text}.` : text;
}

function pointLevels(numbering: Numbering): ILevelsOptions[] {
  return LEVEL_INDENT.map((indent, level) => ({
    level,
    format: LevelFormat.DECIMAL,
    text: levelText(level, numbering),
    alignment: AlignmentType.LEFT,
    suffix: LevelSuffix.TAB,
    style: { paragraph: { indent: { left: indent, hanging: indent } } },
  }));
}

/** Lists inside points: indented from the point's text, a dash or `1.` hanging before each item. */
function listLevels(kind: 'bullet' | 'ordered'): ILevelsOptions[] {
  return Array.from({ length: LIST_LEVELS }, (_, level) => ({
    level,
    format: kind === 'bullet' ? LevelFormat.BULLET : LevelFormat.DECIMAL,
    text: kind === 'bullet' ? '–' : `%${level + 1}.`,
    alignment: AlignmentType.LEFT,
    suffix: LevelSuffix.TAB,
    style: { paragraph: { indent: { left: listIndent(level), hanging: LIST_HANGING } } },
  }));
}

/** The hanging indent of a list item's marker. */
export const LIST_HANGING = twips(6);
/** The left indent of a list item's text at a level. */
export function listIndent(level: number): number {
  return LEVEL_INDENT[1] + LIST_HANGING * (level + 1);
}

export interface NumberingPlan {
  /** `auto`: Word's list numbering gives exactly the build's numbers; `literal`: numbers are written as text. */
  mode: 'auto' | 'literal';
  /** For each item, its list level (0 chapter, 1 `x.y`, 2 `x.y.z`, 3 `x.y.z.w`), or undefined when unnumbered. */
  levels: (number | undefined)[];
}

/**
 * How to number the numbered items of a document (chapters, section
 * headings, points, in order; `""` for an unnumbered one): with Word's
 * automatic list numbering when counting the items level by level gives
 * exactly the numbers of the build, otherwise (gaps, restarts, numbers out
 * of sequence, deeper than the list) as literal text for the whole document.
 */
export function planNumbering(numbers: readonly string[], _numbering?: Numbering): NumberingPlan {
  const levels: (number | undefined)[] = [];
  const counters: number[] = [];
  let auto = true;
  for (const raw of numbers) {
    const number = raw.trim().replace(/\.$/, '');
    if (number === '') {
      levels.push(undefined);
      continue;
    }
    const parts = number.split('.');
    const level = parts.length - 1;
    levels.push(level);
    if (level >= LEVEL_INDENT.length || !parts.every((part) => /^[1-9]\d*$/.test(part))) {
      auto = false;
      continue;
    }
    counters[level] = (counters[level] ?? 0) + 1;
    counters.length = level + 1;
    const counted = Array.from({ length: level + 1 }, (_, i) => counters[i] ?? 0).join('.');
    if (counted !== number) auto = false;
  }
  return { mode: auto ? 'auto' : 'literal', levels };
}

/**
 * The paragraph options and leading runs of a numbered item: in `auto`
 * mode the list level (Word writes the number); in `literal` mode the
 * number as its own run and a tab, with the level's hanging indent. An
 * unnumbered item gets neither.
 */
export function numberedItem(
  plan: NumberingPlan,
  index: number,
  display: string,
): { paragraph: Pick<IParagraphOptions, 'numbering' | 'indent'>; lead: ParagraphChild[] } {
  const level = plan.levels[index];
  if (level === undefined) return { paragraph: {}, lead: [] };
  if (plan.mode === 'auto') return { paragraph: { numbering: { reference: POINT_LIST, level } }, lead: [] };
  const indent = LEVEL_INDENT[Math.min(level, LEVEL_INDENT.length - 1)];
  return { paragraph: { indent: { left: indent, hanging: indent } }, lead: [new TextRun({ text: display }), new TextRun({ children: [new Tab()] })] };
}

// ---------------------------------------------------------------------------
// Packing

/** Fixed zip entry time (local time, so that every time zone writes the same bytes). */
const ZIP_TIME = new Date(1980, 0, 1, 0, 0, 0);

/**
 * The `.docx` bytes of a document, the same for the same document: the core
 * properties' dates are the document's fixed date, the random relationship
 * ids of hyperlinks and the process-wide bookmark ids are renumbered in order,
 * and the zip is rewritten with a fixed entry time in a stable order.
 * `edit` may change the compiled XML parts first (the amendment sheet writes
 * its body into them: src/amendments/sheet-word.ts).
 */
export async function packWord(doc: Document, date?: Date, edit?: (texts: Map<string, string>) => void): Promise<Uint8Array> {
  const entries = await compiledParts(doc);
  const fixed = date ?? documentDates.get(doc) ?? ZIP_TIME;
  const texts = new Map<string, string>();
  for (const [name, data] of Object.entries(entries)) if (/\.(xml|rels)$/.test(name)) texts.set(name, typeof data === 'string' ? data : strFromU8(data));
  // The caller's own edit of the compiled XML parts (by path), before anything else is fixed.
  edit?.(texts);

  // Core properties: created and modified at the fixed date.
  const core = texts.get('docProps/core.xml');
  if (core !== undefined) {
    const stamp = fixed.toISOString().replace(/\.\d{3}Z$/, 'Z');
    texts.set('docProps/core.xml', core.replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g, `$1${stamp}$2`));
  }
  renumberRelationshipIds(texts);
  renumberBookmarkIds(texts);

  const names = Object.keys(entries).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const zippable: Zippable = {};
  for (const name of names) {
    const data = texts.get(name) ?? entries[name]!;
    zippable[name] = [typeof data === 'string' ? strToU8(data) : data, { mtime: ZIP_TIME, level: 6 }];
  }
  return zipSync(zippable);
}

/** What docx's `Packer` compiles a document into before zipping it: the package's files by path. */
type Compiler = { compile(file: Document, prettify?: undefined, overrides?: []): Map<string, string | Uint8Array | ArrayBuffer> };

/**
 * The files of the document's package, by path: XML as text, the rest as
 * bytes. docx's `Packer` compiles them, then deflates them into a zip that
 * `packWord` would only inflate again to rewrite it; its compiler (bundled
 * with this code, so always the one it was built and tested with) gives them
 * before that. Without it, the zip is made and read back.
 */
async function compiledParts(doc: Document): Promise<Record<string, string | Uint8Array>> {
  const compiler = (Packer as unknown as { compiler?: Compiler }).compiler;
  if (typeof compiler?.compile !== 'function') {
    const packed = await Packer.toBuffer(doc);
    return unzipSync(new Uint8Array(packed.buffer, packed.byteOffset, packed.byteLength));
  }
  const parts: Record<string, string | Uint8Array> = {};
  for (const [path, data] of compiler.compile(doc, undefined, [])) {
    parts[path] =
      typeof data === 'string' ? data : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);
  }
  return parts;
}

/** `[Content_Types].xml` first and `_rels/.rels` second, as Word writes them. */
function rank(name: string): number {
  return name === '[Content_Types].xml' ? 0 : name === '_rels/.rels' ? 1 : 2;
}

/** Relationship ids that are not `rIdN` (random ones) become `rIdLinkN`, in order of appearance. */
function renumberRelationshipIds(texts: Map<string, string>): void {
  const map = new Map<string, string>();
  for (const [name, text] of [...texts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (!name.endsWith('.rels')) continue;
    for (const match of text.matchAll(/\bId="([^"]+)"/g)) {
      const id = match[1]!;
      if (!/^rId\d+$/.test(id) && !map.has(id)) map.set(id, `rIdLink${map.size + 1}`);
    }
  }
  if (map.size === 0) return;
  const pattern = new RegExp(`"(${[...map.keys()].map((id) => id.replace(/[^\w-]/g, '\\$&')).join('|')})"`, 'g');
  for (const [name, text] of texts)
    texts.set(
      name,
      text.replace(pattern, (_, id: string) => `"${map.get(id)}"`),
    );
}

/** Bookmark ids come from a process-wide counter: renumber them from 1 in each part. */
function renumberBookmarkIds(texts: Map<string, string>): void {
  for (const [name, text] of texts) {
    if (!text.includes('<w:bookmarkStart')) continue;
    const map = new Map<string, number>();
    texts.set(
      name,
      text.replace(/(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)"/g, (_, head: string, id: string) => {
        if (!map.has(id)) map.set(id, map.size + 1);
        return `${head}${map.get(id)}"`;
      }),
    );
  }
}
