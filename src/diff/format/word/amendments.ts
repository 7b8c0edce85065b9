/**
 * The amendment sheet as one Word table (`opinion diff --format amendments
 * --out sheet.docx`): a row per amendment with its number, the point and
 * action, the section opinion's text, the amendment (deletions struck,
 * additions in bold, as in the Markdown sheet) and the reason; the header
 * row is repeated on every page. The wording and cells are those of the
 * Markdown sheet (src/diff/format/amendments.ts), turned into Word runs.
 */
import type { PhrasingContent } from 'mdast';
import { AlignmentType, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, type FileChild } from 'docx';
import {
  action,
  amendedChanges,
  amendedName,
  amendmentCell,
  originalCell,
  reasonOf,
  sheetLanguage,
  sheetWords,
  target,
  type SheetWords,
} from '../amendments.js';
import { textParagraphs } from '../paragraphs.js';
import type { DiffResult } from '../../types.js';
import { STYLE, packWord, wordDocument } from '../../../word/document.js';
import type { Draft } from '../../../core/draft.js';
import { defaultDate, headerValue } from './defaults.js';

interface Marks {
  bold?: boolean;
  strike?: boolean;
}

/** Phrasing of a Markdown sheet cell as paragraphs of Word runs: `<br>` a line break, `<br><br>` a new paragraph. */
export function cellParagraphs(content: readonly PhrasingContent[]): Paragraph[] {
  const paragraphs: TextRun[][] = [[]];
  let lineBreak = false;
  const walk = (nodes: readonly PhrasingContent[], marks: Marks): void => {
    for (const node of nodes) {
      if (node.type === 'html') {
        if (node.value === '<br><br>') paragraphs.push([]);
        else if (node.value === '<br>') lineBreak = true;
      } else if (node.type === 'text') {
        (paragraphs[paragraphs.length - 1] as TextRun[]).push(new TextRun({ text: node.value, ...marks, ...(lineBreak ? { break: 1 } : {}) }));
        lineBreak = false;
      } else if (node.type === 'strong') walk(node.children, { ...marks, bold: true });
      else if (node.type === 'delete') walk(node.children, { ...marks, strike: true });
      else if ('children' in node) walk(node.children as PhrasingContent[], marks);
    }
  };
  walk(content, {});
  return paragraphs.map((children) => new Paragraph({ style: STYLE.tableText, children }));
}

const textCell = (lines: readonly string[], bold = false): Paragraph[] =>
  lines.map((line) => new Paragraph({ style: STYLE.tableText, children: [new TextRun({ text: line, bold })] }));

/** Column widths in per cent: number, point, section opinion, amendment, reason. */
const WIDTHS = [8, 18, 28, 28, 18] as const;
const HEADINGS = ['column-number', 'column-point', 'section-opinion', 'amendment', 'reason'] as const;

/** A row of an amendment sheet's table: cells of the given widths (percent); a header row repeats on each page and is not split. */
export function sheetRow(cells: Paragraph[][], widths: readonly number[], header = false): TableRow {
  return new TableRow({
    ...(header ? { tableHeader: true } : {}),
    cantSplit: header,
    // A cell needs a paragraph, even an empty one.
    children: cells.map(
      (children, i) =>
        new TableCell({
          width: { size: widths[i] as number, type: WidthType.PERCENTAGE },
          children: children.length > 0 ? children : [new Paragraph({ style: STYLE.tableText })],
        }),
    ),
  });
}

export interface AmendmentsOptions {
  /** Fixed date of the document (`YYYY-MM-DD`); none: a fixed date, never the clock. */
  date?: string;
  lang?: string;
  /** The opinion's reference (`INT/871`): in the introduction and the footer. */
  reference?: string;
  /** Document numbers of the amended text and of the text proposed, in place of the paths compared. */
  oldDocument?: string;
  newDocument?: string;
  /** Typographic-only changes get amendments too. */
  typography?: boolean;
}

/** The two versions compared: "INT/871, EESC-…-APA-TRA → EESC-…-AS-TRA" (the paths compared where there are no document numbers). */
function introduction(result: DiffResult, options: AmendmentsOptions): string {
  const amended = [options.reference, options.oldDocument ?? result.old.origin].filter(Boolean).join(', ');
  return `${amended} → ${options.newDocument ?? result.new.origin}`;
}

/** The amendment sheet of a comparison as a `.docx`, worded as the Markdown sheet (in the language of the texts compared): deterministic bytes. */
export async function amendmentsDocx(result: DiffResult, options: AmendmentsOptions = {}): Promise<Uint8Array> {
  const w: SheetWords = sheetWords(sheetLanguage(result, options.lang));
  const changes = amendedChanges(result, options.typography ? { typography: true } : {});
  const title = w.word('title', { reference: result.old.title ? amendedName(result) : (options.reference ?? result.old.origin) });
  const children: FileChild[] = [
    new Paragraph({ style: STYLE.title, children: [new TextRun(title)] }),
    // Ranged left: paths and document numbers spread badly across a justified line.
    new Paragraph({ style: STYLE.body, alignment: AlignmentType.LEFT, children: [new TextRun(introduction(result, options))] }),
  ];
  if (changes.length === 0) children.push(new Paragraph({ style: STYLE.body, children: [new TextRun(w.word('none'))] }));
  else {
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          sheetRow(
            HEADINGS.map((heading) => textCell([w.word(heading)], true)),
            WIDTHS,
            true,
          ),
          ...changes.map((change, i) =>
            sheetRow(
              [
                textCell([String(i + 1)]),
                [...textCell([target(change, w)], true), ...textCell([action(change, w)])],
                cellParagraphs(originalCell(change)),
                cellParagraphs(amendmentCell(change)),
                textCell(textParagraphs(reasonOf(change) ?? '')),
              ],
              WIDTHS,
            ),
          ),
        ],
      }),
    );
  }
  const doc = wordDocument({
    lang: sheetLanguage(result, options.lang) ?? 'en',
    numbering: 'eesc',
    children,
    title,
    date: new Date(`${options.date ?? '2000-01-01'}T00:00:00Z`),
    reference: options.reference,
    document: options.oldDocument,
  });
  return packWord(doc);
}

/** `opinion diff --format amendments --out FILE.docx`: the sheet of two drafts, its date, reference and document numbers from them unless given. */
export function amendmentSheetDocx(
  result: DiffResult,
  drafts: { old: Draft; new: Draft },
  options: { date?: string; typography?: boolean; lang?: string },
): Promise<Uint8Array> {
  return amendmentsDocx(result, {
    typography: options.typography,
    ...(options.lang ? { lang: options.lang } : {}),
    date: options.date ?? defaultDate(drafts.new),
    reference: headerValue(drafts.new, 'reference') ?? headerValue(drafts.old, 'reference'),
    // An empty document number is none: the paths compared stand in for it.
    oldDocument: headerValue(drafts.old, 'document') || undefined,
    newDocument: headerValue(drafts.new, 'document') || undefined,
  });
}
