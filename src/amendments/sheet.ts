/**
 * `opinion amendments sheet`: the amendment sheet a meeting works from, in
 * text order. For each amendment: its number, who tabled it, the point, the
 * action, two columns (text of the draft | amendment, deletions struck and
 * additions in bold at word level), the reason, the rapporteur's position
 * and, once decided, the outcome. One data model, three writers: Markdown
 * (GFM table), HTML (the same tree through remark-rehype, styled for
 * print) and Word (a real table, through the project's Word shell).
 */
import type { PhrasingContent, Root, RootContent, TableCell } from 'mdast';
import { unified } from 'unified';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { Paragraph, Table, TextRun, WidthType, type FileChild, type TableRow } from 'docx';
import type { Opinion, Text } from '../core/model.js';
import { isPlaceholder } from '../core/placeholders.js';
import { STYLE, packWord, wordDocument } from '../word/document.js';
import { amendmentCell, plainCell } from '../diff/format/amendments.js';
import { cellParagraphs, sheetRow } from '../diff/format/word/amendments.js';
import { textParagraphs } from '../diff/format/paragraphs.js';
import { tokenize } from '../diff/text/tokenize.js';
import { wordDiff } from '../diff/compare/word-diff.js';
import type { Change } from '../diff/types.js';
import { amendmentsOf, tabledBy, textIn, type TabledAmendment } from '../core/amendments.js';
import { textOrder } from '../validate/amendments/order.js';
import type { PointIndex } from '../validate/amendments/points.js';
import { plainOf } from '../render/amendment-text.js';

export interface SheetEntry {
  id: string;
  stage: string;
  /** "AM 3". */
  number: string;
  /** "Point 1.6", "New point after point 3.1.3". */
  point: string;
  /** "Amend as follows:", "Delete the point.", … */
  action: string;
  by: string;
  /** "Compromise amendment replacing AM 2, AM 3." */
  compromise?: string;
  /** The word-level change from the draft's text to the amendment's. */
  change: Change;
  reason?: string;
  position?: string;
  outcome?: string;
}

export interface Sheet {
  title: string;
  /** "Draft opinion" at section stage, "Section opinion" at plenary. */
  column: string;
  entries: SheetEntry[];
}

const POSITIONS: Record<string, string> = { accept: 'accept', reject: 'reject', compromise: 'compromise proposed' };

export function sheetOf(opinion: Opinion, points: PointIndex, stage?: string): Sheet {
  const lang = points.original;
  const numberOf = (id: string) => points.points.get(id)?.number;
  const all = amendmentsOf(opinion);
  const numbers = new Map(all.map((a) => [a.id, `AM ${a.number}`]));
  const chosen = textOrder(
    all.filter((a) => !stage || a.stage === stage),
    points,
  );
  // A reference still `to be completed` is no name for the opinion: its title is.
  const title = textIn(opinion.meta.title as Text | undefined, lang, lang);
  const reference =
    opinion.meta.reference !== undefined && !isPlaceholder(opinion.meta.reference) ? String(opinion.meta.reference) : title ? `‘${title}’` : opinion.name;
  const column = stage === 'plenary' || (!stage && opinion.meta.stage === 'plenary') ? 'Section opinion' : 'Draft opinion';
  return {
    title: `Amendments to ${reference}${stage ? ` (${stage})` : ''}`,
    column,
    entries: chosen.map((a) => entry(a, points, lang, numberOf, numbers)),
  };
}

function entry(a: TabledAmendment, points: PointIndex, lang: string, numberOf: (id: string) => string | undefined, numbers: Map<string, string>): SheetEntry {
  const target = points.points.get(a.target);
  const shown = target?.number ?? a.target;
  const before = target ? plainOf(target.source, lang, numberOf) : '';
  const proposed = plainOf(textIn(a.text, lang, lang) ?? '', lang, numberOf);
  const side = (text: string, number: string) => ({ number, text });
  let change: Change;
  let point: string;
  let action: string;
  if (a.action === 'delete') {
    change = { kind: 'deleted', element: 'point', old: [side(before, shown)], new: [], ops: [], words: { added: 0, deleted: 0 } };
    point = `Point ${shown}`;
    action = 'Delete the point.';
  } else if (a.action === 'amend') {
    const diff = wordDiff(tokenize(before, lang), tokenize(proposed, lang));
    change = { kind: 'modified', element: 'point', old: [side(before, shown)], new: [side(proposed, shown)], ops: diff.ops, words: diff.words };
    point = `Point ${shown}`;
    action = 'Amend as follows:';
  } else {
    change = { kind: 'added', element: 'point', old: [], new: [side(proposed, '')], ops: [], words: { added: 0, deleted: 0 } };
    const where = a.action === 'insert-after' ? 'after' : 'before';
    point = `New point ${where} point ${shown}`;
    action = `Add a new point ${where} point ${shown}:`;
  }
  const result: SheetEntry = { id: a.id, stage: a.stage, number: `AM ${a.number}`, point, action, by: tabledBy(a), change };
  if (Array.isArray(a.replaces) && a.replaces.length > 0)
    result.compromise = `Compromise amendment replacing ${a.replaces.map((id) => numbers.get(id) ?? id).join(', ')}.`;
  const reason = textIn(a.reason, lang, lang);
  if (reason) result.reason = reason.trim();
  if (a.position) result.position = POSITIONS[a.position] ?? a.position;
  if (a.outcome) result.outcome = a.outcome + (a.vote ? ` (${a.vote.for} for, ${a.vote.against} against, ${a.vote.abstentions} abstentions)` : '');
  return result;
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const cell = (children: PhrasingContent[]): TableCell => ({ type: 'tableCell', children });
const labelled = (label: string, value: string): RootContent => ({
  type: 'paragraph',
  children: [{ type: 'strong', children: [text(`${label}:`)] }, text(` ${value}`)],
});

export function sheetTree(sheet: Sheet): Root {
  const children: RootContent[] = [{ type: 'heading', depth: 1, children: [text(sheet.title)] }];
  if (sheet.entries.length === 0) children.push({ type: 'paragraph', children: [text('No amendments.')] });
  for (const e of sheet.entries) {
    children.push({ type: 'heading', depth: 2, children: [text(`${e.number} – ${e.point}`)] });
    children.push(labelled('Tabled by', e.by));
    if (e.compromise) children.push({ type: 'paragraph', children: [{ type: 'emphasis', children: [text(e.compromise)] }] });
    children.push({ type: 'paragraph', children: [text(e.action)] });
    children.push({
      type: 'table',
      align: [null, null],
      children: [
        { type: 'tableRow', children: [cell([text(sheet.column)]), cell([text('Amendment')])] },
        { type: 'tableRow', children: [cell(plainCell(e.change.old)), cell(amendmentCell(e.change))] },
      ],
    });
    if (e.reason) {
      children.push({ type: 'paragraph', children: [{ type: 'strong', children: [text('Reason')] }] });
      for (const paragraph of textParagraphs(e.reason)) children.push({ type: 'paragraph', children: [text(paragraph)] });
    }
    if (e.position) children.push(labelled("Rapporteur's position", e.position));
    if (e.outcome) children.push(labelled('Outcome', e.outcome));
  }
  return { type: 'root', children };
}

const markdown = unified().use(remarkGfm, { tablePipeAlign: false }).use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', rule: '-' }).freeze();

export function sheetMarkdown(sheet: Sheet): string {
  return markdown.stringify(sheetTree(sheet));
}

const CSS = `body{font-family:"Times New Roman",serif;max-width:60em;margin:2em auto;line-height:1.35}
table{border-collapse:collapse;width:100%;table-layout:fixed;margin:.5em 0}
th,td{border:1px solid #444;padding:.35em .5em;vertical-align:top;text-align:left}
del{text-decoration:line-through}strong{font-weight:bold}
h2{margin-top:1.6em;font-size:1.15em}
@media print{h2{break-after:avoid}table,tr{break-inside:avoid}body{margin:0}}`;

export async function sheetHtml(sheet: Sheet, lang: string): Promise<string> {
  const processor = unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true });
  const hast = await processor.run(sheetTree(sheet));
  const body = processor.stringify(hast);
  return `<!doctype html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(sheet.title)}</title>\n<style>\n${CSS}\n</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

const WIDTHS = [50, 50];

function wordRow(cells: Paragraph[][], header = false): TableRow {
  return sheetRow(cells, WIDTHS, header);
}

const para = (value: string, bold = false, italics = false) => new Paragraph({ style: STYLE.body, children: [new TextRun({ text: value, bold, italics })] });
const labelledPara = (label: string, value: string) =>
  new Paragraph({ style: STYLE.body, children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });

/** The sheet as a `.docx`: each amendment with a two-column Word table; deterministic bytes. */
export async function sheetDocx(sheet: Sheet, options: { lang: string; reference?: string; date?: string }): Promise<Uint8Array> {
  const children: FileChild[] = [new Paragraph({ style: STYLE.title, children: [new TextRun(sheet.title)] })];
  if (sheet.entries.length === 0) children.push(para('No amendments.'));
  for (const e of sheet.entries) {
    children.push(new Paragraph({ style: STYLE.subsection, children: [new TextRun({ text: `${e.number} – ${e.point}`, bold: true })] }));
    children.push(labelledPara('Tabled by', e.by));
    if (e.compromise) children.push(para(e.compromise, false, true));
    children.push(para(e.action));
    children.push(
      new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [
          wordRow(
            [
              [new Paragraph({ style: STYLE.tableText, children: [new TextRun({ text: sheet.column, bold: true })] })],
              [new Paragraph({ style: STYLE.tableText, children: [new TextRun({ text: 'Amendment', bold: true })] })],
            ],
            true,
          ),
          wordRow([cellParagraphs(plainCell(e.change.old)), cellParagraphs(amendmentCell(e.change))]),
        ],
      }),
    );
    if (e.reason) {
      children.push(para('Reason', true));
      for (const paragraph of textParagraphs(e.reason)) children.push(para(paragraph));
    }
    if (e.position) children.push(labelledPara("Rapporteur's position", e.position));
    if (e.outcome) children.push(labelledPara('Outcome', e.outcome));
  }
  const doc = wordDocument({
    lang: options.lang,
    numbering: 'eesc',
    children,
    title: sheet.title,
    date: new Date(`${options.date ?? '2000-01-01'}T00:00:00Z`),
    ...(options.reference ? { reference: options.reference } : {}),
  });
  return packWord(doc);
}
