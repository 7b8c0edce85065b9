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
import { textIn, type Opinion, type Text } from '../core/model.js';
import { isPlaceholder } from '../core/placeholders.js';
import { report } from '../core/messages.js';
import { amendmentsFile } from '../validate/amendments/validate.js';
import { amendmentCell, originalCell } from '../diff/format/amendments.js';
import { textParagraphs } from '../diff/format/paragraphs.js';
import { tokenize } from '../diff/text/tokenize.js';
import { wordDiff } from '../diff/compare/word-diff.js';
import type { Change } from '../diff/types.js';
import { amendmentsOf, tabledBy, type TabledAmendment } from '../core/amendments.js';
import { textOrder } from '../validate/amendments/order.js';
import type { PointIndex, PointInfo } from '../validate/amendments/points.js';
import { fillText, type LabelKey, type Labels } from '../labels/labels.js';
import { plainOf } from '../render/amendment-text.js';
import { text as textHandler } from '../render/stringify-text.js';
import { writeSheetMarkdown } from './sheet-markdown.js';
import type { SheetDocxOptions, WordParts } from './sheet-word.js';

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
  /** Set when the two columns are in another language than the sheet's (no translation): that language, marked in the sheet. */
  textLang?: string;
  reason?: string;
  /** Set when the reason is in another language than the sheet's (no translation): that language, marked in the sheet. */
  reasonLang?: string;
  position?: string;
  outcome?: string;
}

export interface Sheet {
  /** The language of the sheet: its wording and, where they exist, its texts. */
  lang: string;
  title: string;
  /** "Draft opinion" at section stage, "Section opinion" at plenary. */
  column: string;
  /** The sheet's own headings, in its language. */
  words: { amendment: string; tabledBy: string; reason: string; position: string; outcome: string; none: string };
  entries: SheetEntry[];
  /** Amendments whose texts or reason are shown in another language than `lang`, because they have no version in it. */
  untranslated: string[];
}

const POSITIONS: Record<string, LabelKey> = { accept: 'sheet.position-accept', reject: 'sheet.position-reject', compromise: 'sheet.compromise-proposed' };
const OUTCOMES: Record<string, LabelKey> = {
  adopted: 'sheet.outcome-adopted',
  rejected: 'sheet.outcome-rejected',
  withdrawn: 'sheet.outcome-withdrawn',
  fallen: 'sheet.outcome-fallen',
};

/**
 * The sheet of an opinion's amendments (of `stage`, or all of them) in the
 * language of `labels`. `points` must hold that language's texts (an index of
 * every language, unless it is the original one).
 */
export function sheetOf(opinion: Opinion, points: PointIndex, labels: Labels, stage?: string): Sheet {
  const lang = labels.lang;
  const original = points.original;
  const numberOf = (id: string) => points.points.get(id)?.number;
  const amNumber = (n: number | string) => fillText(labels, 'sheet.number', { number: n });
  const all = amendmentsOf(opinion);
  const numbers = new Map(all.map((a) => [a.id, amNumber(a.number)]));
  const chosen = textOrder(
    all.filter((a) => !stage || a.stage === stage),
    points,
  );
  // A reference still `to be completed` is no name for the opinion: its title is.
  const titles = opinion.meta.title as Text | undefined;
  const ownTitle = textIn(titles, lang, original);
  const title = ownTitle ?? textIn(titles, original, original);
  const named = opinion.meta.reference !== undefined && !isPlaceholder(opinion.meta.reference);
  const reference = named ? String(opinion.meta.reference) : title ? fillText(labels, 'typography.quote', { text: title }) : opinion.name;
  const meta = opinion.files.find((f) => /(^|[\\/])opinion\.yaml$/.test(f.path ?? ''));
  if (!named && title !== undefined && ownTitle === undefined && meta)
    report(meta, `Missing title in \`${lang}\`: the sheet's title quotes it in \`${original}\`, expected a translation`, {
      ruleId: 'amendments/translation',
      severity: 'warning',
      place: opinion.locate('opinion', '/title')?.position,
    });
  const plenary = stage === 'plenary' || (!stage && opinion.meta.stage === 'plenary');
  const untranslated: string[] = [];
  return {
    lang,
    title:
      stage === 'section' || stage === 'plenary'
        ? fillText(labels, 'sheet.title-stage', { reference, stage: labels.text[stage === 'section' ? 'sheet.stage-section' : 'sheet.stage-plenary'] })
        : fillText(labels, 'sheet.title', { reference }),
    column: labels.text[plenary ? 'sheet.section-opinion' : 'sheet.draft-opinion'],
    words: {
      amendment: labels.text['sheet.amendment'],
      tabledBy: labels.text['sheet.tabled-by'],
      reason: labels.text['sheet.reason'],
      position: labels.text['sheet.position'],
      outcome: labels.text['sheet.outcome'],
      none: labels.text['sheet.none'],
    },
    entries: chosen.map((a) => entry(a, { opinion, points, labels, numberOf, numbers, untranslated })),
    untranslated,
  };
}

interface EntryContext {
  opinion: Opinion;
  points: PointIndex;
  labels: Labels;
  numberOf: (id: string) => string | undefined;
  numbers: Map<string, string>;
  untranslated: string[];
}

/** The point's text and the amendment's in the sheet's language, or both in the original when either is missing. */
function textsOf(a: TabledAmendment, target: PointInfo | undefined, context: EntryContext): { lang: string; before: string; proposed: string } {
  const { points, labels } = context;
  const original = points.original;
  const source = (lang: string) => (lang === original ? target?.source : target?.texts.get(lang));
  const lang = labels.lang;
  if (lang !== original) {
    const before = source(lang);
    const proposed = textIn(a.text, lang, original);
    const needsBefore = target !== undefined && a.action !== 'insert-after' && a.action !== 'insert-before';
    const needsProposed = a.action !== 'delete';
    if ((!needsBefore || before !== undefined) && (!needsProposed || proposed !== undefined)) return { lang, before: before ?? '', proposed: proposed ?? '' };
    const missing = needsProposed && proposed === undefined ? `text in \`${lang}\` of amendment \`${a.id}\`` : `\`${lang}\` text of point \`${a.target}\``;
    untranslated(
      a,
      a.text === undefined ? 'action' : 'text',
      `Missing ${missing}: the sheet shows the texts of ${context.numbers.get(a.id)} in \`${original}\` (marked ${languageMark(original)}), expected a translation`,
      context,
    );
  }
  return { lang: original, before: source(original) ?? '', proposed: textIn(a.text, original, original) ?? '' };
}

/** The mark of a text shown in another language than the sheet's: its code, as EU documents tag a text left in its language ("(EN)"). */
export const languageMark = (lang: string): string => `(${lang.toUpperCase()})`;

/** A text of amendment `a` is shown in another language than the sheet's: a warning at `field`. */
function untranslated(a: TabledAmendment, field: string, reason: string, context: EntryContext): void {
  if (!context.untranslated.includes(a.id)) context.untranslated.push(a.id);
  const file = amendmentsFile(context.opinion);
  if (!file) return;
  const at = context.opinion.locate('amendments', `/amendments/${context.opinion.amendments.indexOf(a)}/${field}`);
  report(file, reason, { ruleId: 'amendments/translation', severity: 'warning', place: at?.position });
}

/**
 * The reason in the sheet's language; else in the original language, else in
 * the first other language that has it (never dropped, never shown in
 * another language without a mark and a warning).
 */
function reasonOf(a: TabledAmendment, context: EntryContext): { text: string; lang: string } | undefined {
  const sheetLang = context.labels.lang;
  const original = context.points.original;
  const given = (lang: string) => {
    const value = textIn(a.reason, lang, original)?.trim();
    return value ? value : undefined;
  };
  const own = given(sheetLang);
  if (own !== undefined) return { text: own, lang: sheetLang };
  const others = a.reason !== null && typeof a.reason === 'object' ? Object.keys(a.reason).sort() : [];
  for (const lang of [original, ...others]) {
    const text = given(lang);
    if (text === undefined) continue;
    untranslated(
      a,
      'reason',
      `Missing reason in \`${sheetLang}\` of amendment \`${a.id}\`: the sheet shows the reason of ${context.numbers.get(a.id)} in \`${lang}\` (marked ${languageMark(lang)}), expected a translation`,
      context,
    );
    return { text, lang };
  }
  return undefined;
}

function entry(a: TabledAmendment, context: EntryContext): SheetEntry {
  const { points, labels, numberOf, numbers } = context;
  const target = points.points.get(a.target);
  const shown = target?.number ?? a.target;
  const texts = textsOf(a, target, context);
  const lang = texts.lang;
  // With links' addresses: an amendment that changes only an address changes the columns.
  const before = target ? plainOf(texts.before, lang, numberOf, { urls: true }) : '';
  const proposed = plainOf(texts.proposed, lang, numberOf, { urls: true });
  const side = (text: string, number: string) => ({ number, text });
  let change: Change;
  let point: string;
  let action: string;
  if (a.action === 'delete') {
    change = { kind: 'deleted', element: 'point', old: [side(before, shown)], new: [], ops: [], words: { added: 0, deleted: 0 } };
    point = fillText(labels, 'sheet.point', { number: shown });
    action = labels.text['sheet.delete'];
  } else if (a.action === 'amend') {
    const diff = wordDiff(tokenize(before, lang), tokenize(proposed, lang));
    change = { kind: 'modified', element: 'point', old: [side(before, shown)], new: [side(proposed, shown)], ops: diff.ops, words: diff.words };
    point = fillText(labels, 'sheet.point', { number: shown });
    action = labels.text['sheet.amend'];
  } else {
    change = { kind: 'added', element: 'point', old: [], new: [side(proposed, '')], ops: [], words: { added: 0, deleted: 0 } };
    const after = a.action === 'insert-after';
    point = fillText(labels, after ? 'sheet.new-point-after' : 'sheet.new-point-before', { number: shown });
    action = fillText(labels, after ? 'sheet.insert-after' : 'sheet.insert-before', { number: shown });
  }
  const result: SheetEntry = { id: a.id, stage: a.stage, number: numbers.get(a.id)!, point, action, by: tabledBy(a), change };
  if (lang !== labels.lang) result.textLang = lang;
  if (Array.isArray(a.replaces) && a.replaces.length > 0)
    result.compromise = fillText(labels, 'sheet.compromise', { numbers: a.replaces.map((id) => numbers.get(id) ?? id).join(', ') });
  const reason = reasonOf(a, context);
  if (reason) {
    // Its Markdown as a reader sees it, paragraphs apart: `:ref{#id}` as "point 1.2", no markup.
    result.reason = plainOf(reason.text, reason.lang, numberOf);
    if (reason.lang !== labels.lang) result.reasonLang = reason.lang;
  }
  if (a.position) result.position = POSITIONS[a.position] ? labels.text[POSITIONS[a.position]!] : a.position;
  if (a.outcome) {
    const outcome = OUTCOMES[a.outcome] ? labels.text[OUTCOMES[a.outcome]!] : a.outcome;
    result.outcome = a.vote ? fillText(labels, 'sheet.vote', { outcome, for: a.vote.for, against: a.vote.against, abstentions: a.vote.abstentions }) : outcome;
  }
  return result;
}

const text = (value: string): PhrasingContent => ({ type: 'text', value });
const cell = (children: PhrasingContent[]): TableCell => ({ type: 'tableCell', children });
/** A column's text, marked with its language when it is not the sheet's. */
const marked = (children: PhrasingContent[], lang: string | undefined): PhrasingContent[] =>
  lang === undefined ? children : [text(`${languageMark(lang)} `), ...children];
/**
 * The two columns of an entry (the draft's text | the amendment, deletions
 * struck and additions in bold), made once for every format written (the
 * writers only read them).
 */
const made = new WeakMap<SheetEntry, [PhrasingContent[], PhrasingContent[]]>();
function columns(e: SheetEntry): [PhrasingContent[], PhrasingContent[]] {
  let both = made.get(e);
  if (!both) made.set(e, (both = [marked(originalCell(e.change), e.textLang), marked(amendmentCell(e.change), e.textLang)]));
  return both;
}
/** The paragraphs of an entry's reason, the first marked with its language when it is not the sheet's. */
function reasonParagraphs(e: SheetEntry): string[] {
  return textParagraphs(e.reason ?? '').map((paragraph, i) => (i === 0 && e.reasonLang ? `${languageMark(e.reasonLang)} ${paragraph}` : paragraph));
}
const labelled = (label: string, value: string): RootContent => ({
  type: 'paragraph',
  children: [{ type: 'strong', children: [text(`${label}:`)] }, text(` ${value}`)],
});

export function sheetTree(sheet: Sheet): Root {
  const { words } = sheet;
  const children: RootContent[] = [{ type: 'heading', depth: 1, children: [text(sheet.title)] }];
  if (sheet.entries.length === 0) children.push({ type: 'paragraph', children: [text(words.none)] });
  for (const e of sheet.entries) {
    children.push({ type: 'heading', depth: 2, children: [text(`${e.number} – ${e.point}`)] });
    children.push(labelled(words.tabledBy, e.by));
    if (e.compromise) children.push({ type: 'paragraph', children: [{ type: 'emphasis', children: [text(e.compromise)] }] });
    children.push({ type: 'paragraph', children: [text(e.action)] });
    children.push({
      type: 'table',
      align: [null, null],
      children: [
        { type: 'tableRow', children: [cell([text(sheet.column)]), cell([text(words.amendment)])] },
        { type: 'tableRow', children: [cell(columns(e)[0]), cell(columns(e)[1])] },
      ],
    });
    if (e.reason) {
      children.push({ type: 'paragraph', children: [{ type: 'strong', children: [text(words.reason)] }] });
      for (const paragraph of reasonParagraphs(e)) children.push({ type: 'paragraph', children: [text(paragraph)] });
    }
    if (e.position) children.push(labelled(words.position, e.position));
    if (e.outcome) children.push(labelled(words.outcome, e.outcome));
  }
  return { type: 'root', children };
}

// The library's writer; texts that need no escape skip its pattern scan (see stringify-text.ts).
const markdown = unified()
  .use(remarkGfm, { tablePipeAlign: false })
  .use(remarkStringify, { bullet: '-', emphasis: '*', strong: '*', rule: '-', handlers: { text: textHandler } })
  .freeze();

/** The sheet as Markdown: remark-stringify's bytes, its plain blocks written directly (see sheet-markdown.ts). */
export function sheetMarkdown(sheet: Sheet): string {
  return writeSheetMarkdown(sheetTree(sheet), libraryMarkdown);
}

/** A tree written by the library alone (what `sheetMarkdown` must equal). */
export function libraryMarkdown(tree: Root): string {
  return markdown.stringify(tree);
}

const CSS = `body{font-family:"Times New Roman",serif;max-width:60em;margin:2em auto;line-height:1.35}
table{border-collapse:collapse;width:100%;table-layout:fixed;margin:.5em 0}
th,td{border:1px solid #444;padding:.35em .5em;vertical-align:top;text-align:left}
del{text-decoration:line-through}strong{font-weight:bold}
h2{margin-top:1.6em;font-size:1.15em}
@media print{h2{break-after:avoid}table,tr{break-inside:avoid}body{margin:0}}`;

export async function sheetHtml(sheet: Sheet): Promise<string> {
  // Loaded when asked for, as the Word writer is: a Markdown sheet (or apply, list) does without them.
  const [{ default: remarkRehype }, { default: rehypeStringify }] = await Promise.all([import('remark-rehype'), import('rehype-stringify')]);
  const processor = unified().use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true });
  const hast = await processor.run(sheetTree(sheet));
  const body = processor.stringify(hast);
  return `<!doctype html>\n<html lang="${sheet.lang}">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(sheet.title)}</title>\n<style>\n${CSS}\n</style>\n</head>\n<body>\n${body}\n</body>\n</html>\n`;
}

function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The sheet as a `.docx`: each amendment with a two-column Word table; deterministic bytes (see sheet-word.ts). */
export async function sheetDocx(sheet: Sheet, options: SheetDocxOptions = {}): Promise<Uint8Array> {
  return (await import('./sheet-word.js')).sheetDocx(sheet, WORD_PARTS, options);
}

/** The same, every element through docx's objects (what `sheetDocx` must equal). */
export async function sheetDocxByObjects(sheet: Sheet, options: SheetDocxOptions = {}): Promise<Uint8Array> {
  return (await import('./sheet-word.js')).sheetDocxByObjects(sheet, WORD_PARTS, options);
}

const WORD_PARTS: WordParts = { columns, reason: reasonParagraphs };
