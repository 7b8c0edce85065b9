/**
 * The top and bottom of the redline: the stage banner, version, reference
 * and document number, the title and kind lines, the header table and the
 * closing block, each value with its changes tracked. The comparison only
 * lists changed fields, so both drafts are read here, field by field with
 * the comparison's keys (`field` and its rank among rows of that field).
 */
import type { Draft, DraftHeaderField } from '../../../core/draft.js';
import { keyedFields } from '../../compare/header.js';
import { wordDiff } from '../../compare/word-diff.js';
import { tokenize } from '../../text/tokenize.js';
import type { Revision, TrackedRun } from './model.js';

export type LineStyle = 'stage' | 'reference' | 'title' | 'kind' | 'body' | 'closing' | 'signature';

export interface TrackedLine {
  style: LineStyle;
  runs: TrackedRun[];
  mark?: Revision;
}

export interface TrackedRow {
  /** The row's label (as in the newer version); empty for the kind row under the legal basis. */
  label: string;
  value: TrackedRun[];
  /** The whole row inserted or deleted. */
  revision?: Revision;
}

export interface HeaderModel {
  /** Banner, version, reference, title, kind line and other lines before the table. */
  lines: TrackedLine[];
  rows: TrackedRow[];
  closing: TrackedLine[];
}

interface Pair {
  field: string;
  old?: DraftHeaderField;
  new?: DraftHeaderField;
}

/** Fields of both versions in the new order; a deleted field after the field it followed. */
export function pairFields(old: readonly DraftHeaderField[], neu: readonly DraftHeaderField[]): Pair[] {
  const before = keyedFields(old);
  const byKey = new Map(before.map(({ key, field }) => [key, field]));
  const pairs: (Pair & { key: string })[] = keyedFields(neu).map(({ key, field }) => {
    const previous = byKey.get(key);
    return previous ? { key, field: field.field, old: previous, new: field } : { key, field: field.field, new: field };
  });
  const present = new Set(pairs.map((pair) => pair.key));
  let cursor = -1;
  for (const { key, field } of before) {
    if (present.has(key)) {
      cursor = pairs.findIndex((pair) => pair.key === key);
      continue;
    }
    pairs.splice(++cursor, 0, { key, field: field.field, old: field });
  }
  return pairs;
}

/** A text's runs from its old to its new wording, word by word. */
export function textRuns(old: string, neu: string, locale?: string): TrackedRun[] {
  // Spaces written otherwise (a double or non-breaking space) are no change, as in the comparison.
  if (old === neu || (old.trim() === '' && neu.trim() === '')) return [{ text: neu }];
  return wordDiff(tokenize(old, locale), tokenize(neu, locale)).ops.map((op) =>
    op.op === 'equal' ? { text: op.text } : { text: op.text, revision: op.op === 'insert' ? 'ins' : 'del' },
  );
}

/**
 * A header value's runs: kept, changed, inserted or deleted. A value the
 * comparison counts as the same but written otherwise (`27/04/2018` for
 * `27.4.2018`) is tracked too, so that Reject All gives the old text exactly.
 */
export function valueRuns(old: string | undefined, neu: string | undefined, locale?: string): TrackedRun[] {
  if (old === undefined || old === '') return neu ? [{ text: neu, revision: 'ins' }] : [];
  if (neu === undefined || neu === '') return [{ text: old, revision: 'del' }];
  return textRuns(old, neu, locale);
}

/** The mark of a line whose every run is inserted (deleted). */
function lineOf(style: LineStyle, runs: TrackedRun[]): TrackedLine {
  const revisions = new Set(runs.map((run) => run.revision));
  return revisions.size === 1 && runs[0]?.revision ? { style, runs, mark: runs[0].revision } : { style, runs };
}

const STYLE_OF: Record<string, LineStyle> = {
  stage: 'stage',
  version: 'stage',
  reference: 'reference',
  document: 'reference',
  title: 'title',
  kind_line: 'kind',
  preamble: 'body',
  closing: 'closing',
};

const LINE_ORDER: LineStyle[] = ['stage', 'reference', 'title', 'kind', 'body', 'closing'];

export function headerModel(old: Draft, neu: Draft): HeaderModel {
  const locale = neu.lang ?? old.lang;
  const title = (draft: Draft): DraftHeaderField[] => (draft.title ? [{ field: 'title', label: '', value: draft.title }] : []);
  const pairs = pairFields([...title(old), ...old.header], [...title(neu), ...neu.header]);
  const model: HeaderModel = { lines: [], rows: [], closing: [] };
  const purpose = pairs.find((pair) => pair.field === 'stage_purpose');
  for (const pair of pairs) {
    const runs = valueRuns(pair.old?.value, pair.new?.value, locale);
    if (pair.field === 'stage_purpose') continue;
    if (pair.field === 'stage' && purpose) {
      // "DRAFT OPINION – version for the section meeting": the purpose comes and goes with its dash.
      const purposeRuns = valueRuns(purpose.old?.value, purpose.new?.value, locale);
      const dashRevision: Revision | undefined = !purpose.old ? 'ins' : !purpose.new ? 'del' : undefined;
      runs.push(dashRevision ? { text: ' – ', revision: dashRevision } : { text: ' – ' }, ...purposeRuns);
    }
    const style = STYLE_OF[pair.field];
    if (style === 'closing') model.closing.push(lineOf(style, runs));
    else if (style) model.lines.push(lineOf(style, runs));
    else {
      const row: TrackedRow = { label: (pair.new ?? pair.old)?.label ?? '', value: runs };
      if (!pair.old) row.revision = 'ins';
      else if (!pair.new) row.revision = 'del';
      model.rows.push(row);
    }
  }
  if (!pairs.some((pair) => pair.field === 'stage') && purpose) model.lines.unshift(lineOf('stage', valueRuns(purpose.old?.value, purpose.new?.value, locale)));
  // The closing block ends with the President's signature ("The President of …" and the name), set apart as the build sets it.
  const signature = model.closing[model.closing.length - 1];
  if (signature) signature.style = 'signature';
  // As the build lays them out: banner and version, reference and document, title, kind line, the rest.
  model.lines.sort((a, b) => LINE_ORDER.indexOf(a.style) - LINE_ORDER.indexOf(b.style));
  return model;
}
