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

/** A paragraph before the first chapter: each of its lines (hard breaks) is the title, a banner, a labelled value… */
export function addFrontLine(draft: Draft, paragraph: string): void {
  const lines = linesOf(paragraph);
  const text = paragraph.replace(/\s+/gu, ' ').trim();
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
    draft.title = text;
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
