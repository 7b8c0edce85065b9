/**
 * The front of a draft, before its first chapter, as header rows: the title
 * line, the banner of a non-final version, the reference, label/value lines
 * ("Rapporteur: Giuseppe GUERINI") and the label/value table; and the lines
 * of the closing block.
 */
import type { Table, TableRow } from 'mdast';
import type { Draft, DraftHeaderField } from '../../core/draft.js';
import { fieldOfLabel, fieldOfLine, isKindValue, isKnownLabel, isTitleLine, splitBanner } from './header-labels.js';
import { inlineText } from '../../render/plain-text.js';

const LABEL_VALUE = /^([^:\n]{1,80}):[ \t]+(\S.*)$/su;

export function addHeaderRow(draft: Draft, field: string, label: string, value: string): void {
  if (value === '' && label === '') return;
  draft.header.push({ field, label, value });
}

/** The lines of a paragraph's text that hold something, trimmed. */
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/**
 * A line of the front as a reader sees it: each run of white space that
 * reads as one space (spaces, tabs, a line break inside a paragraph) one
 * space; a space of another kind (no-break U+00A0, narrow no-break U+202F,
 * thin…) kept as written, since it is the writer's choice and shows;
 * trimmed. The one reading of the title line for the diff and for import,
 * whether the title is a heading or a paragraph (the other lines of the
 * front are values, each space one space).
 */
export function lineText(text: string): string {
  return text.replace(/\s+/gu, (run) => /[^\t\n\v\f\r \u2028\u2029]/u.exec(run)?.[0] ?? ' ').trim();
}

/** Text on one line, each run of white space one space. */
const oneLine = (text: string): string => text.replace(/\s+/gu, ' ').trim();

/** A line of the header other than the title: a banner, its purpose, a version, a reference, a label with or without its value. */
function isHeaderLine(text: string): boolean {
  if (isKnownLabel(text) || splitBanner(text) || fieldOfLine(text) !== undefined) return true;
  const labelled = LABEL_VALUE.exec(text);
  return labelled !== null && isKnownLabel(labelled[1] ?? '');
}

/** A heading before the first chapter that the front reads as one of its lines: the title line (while there is none yet), or a line of the header. */
export function isFrontLine(heading: string, titled: boolean): boolean {
  const text = oneLine(heading);
  return (!titled && isTitleLine(text)) || isHeaderLine(text);
}

/** A heading of the front (see `headingRole`): the title, or a line of the front as a paragraph would be. */
export function addFrontHeading(draft: Draft, heading: string, title: boolean): void {
  if (title) draft.title = lineText(heading);
  else addFrontLine(draft, heading);
}

/** A paragraph before the first chapter: each of its lines (hard breaks) is the title, a banner, a labelled value… */
export function addFrontLine(draft: Draft, paragraph: string): void {
  const lines = linesOf(paragraph);
  const text = oneLine(paragraph);
  // A label over two lines ("Outcome of vote" / "(for/against/abstentions)") stays one line.
  if (lines.length > 1 && !isTitleLine(text) && !isKnownLabel(text)) {
    for (const line of lines) addFrontLine(draft, line);
    return;
  }
  if (text === '') return;
  // The header table as copied from the Official Journal's web page: a label on one line, its value on the next.
  const last = draft.header.at(-1);
  if (isKnownLabel(text)) return addHeaderRow(draft, fieldOfLabel(text), text, '');
  // A label over two paragraphs, as the web page's text gives it ("Outcome of vote", then "(for/against/abstentions)").
  const joined = last && last.label === '' ? `${last.value} ${text}` : '';
  if (joined && isKnownLabel(joined)) {
    draft.header.pop();
    return addHeaderRow(draft, fieldOfLabel(joined), joined, '');
  }
  if (last && last.label !== '' && last.value === '') {
    last.value = text;
    return;
  }
  const labelled = LABEL_VALUE.exec(text);
  if (labelled && isKnownLabel(labelled[1] ?? '')) {
    return addHeaderRow(draft, fieldOfLabel(labelled[1] ?? ''), `${(labelled[1] ?? '').trim()}:`, (labelled[2] ?? '').trim());
  }
  if (draft.title === undefined && isTitleLine(text)) {
    draft.title = lineText(paragraph);
    return;
  }
  const banner = splitBanner(text);
  if (banner) {
    addHeaderRow(draft, 'stage', '', banner.stage);
    return addHeaderRow(draft, 'stage_purpose', '', banner.purpose);
  }
  addHeaderRow(draft, fieldOfLine(text) ?? 'preamble', '', text);
}

/**
 * The label/value table: a row without label continues the row above (or is the kind, "Own-initiative opinion").
 * `read`: told of each row added, with the table row it was read from.
 */
export function addHeaderTable(draft: Draft, table: Table, read?: (added: DraftHeaderField, row: TableRow) => void): void {
  let previous: string | undefined;
  for (const row of table.children) {
    const cells = row.children.map((cell) => inlineText(cell.children).text.trim());
    const label = cells[0] ?? '';
    const value = cells.slice(1).filter(Boolean).join(' ');
    if (label === '' && value === '') continue;
    const field = label !== '' ? fieldOfLabel(label) : isKindValue(value) ? 'kind' : (previous ?? 'preamble');
    previous = field;
    addHeaderRow(draft, field, label, value);
    read?.(draft.header.at(-1)!, row);
  }
}
