/**
 * `opinion amendments list`: one row per amendment in text order, as data
 * (the JSON output) and as a plain-text table.
 */
import type { Opinion, Vote } from '../core/model.js';
import { table } from '../stats/table.js';
import type { LabelKey, Labels } from '../labels/labels.js';
import { amendmentsOf, memberName, membersOf } from '../core/amendments.js';
import { textOrder } from '../validate/amendments/order.js';
import type { PointIndex } from '../validate/amendments/points.js';

export interface ListRow {
  id: string;
  number: number;
  stage: string;
  /** The stable id of the target point. */
  target: string;
  action: string;
  by: string[];
  position: string | null;
  outcome: string | null;
  vote: Vote | null;
}

export function listAmendments(opinion: Opinion, points: PointIndex, stage?: string): ListRow[] {
  return textOrder(
    amendmentsOf(opinion).filter((a) => !stage || a.stage === stage),
    points,
  ).map((a) => ({
    id: a.id,
    number: a.number,
    stage: a.stage,
    target: a.target,
    action: a.action,
    by: membersOf(a).map(memberName),
    position: a.position ?? null,
    outcome: a.outcome ?? null,
    vote: a.vote ? { for: a.vote.for, against: a.vote.against, abstentions: a.vote.abstentions } : null,
  }));
}

/** The list as a terminal table in the language of `labels`: the target as numbered now (its id when it has no number). */
export function formatListTable(rows: readonly ListRow[], points: PointIndex, opinion: Opinion, labels: Labels): string {
  const word = (key: LabelKey) => labels.text[key];
  if (rows.length === 0) return word('sheet.none') + '\n';
  const newIds = new Map(opinion.amendments.map((a) => [a.id, a.new_id]));
  const point = (row: ListRow) => {
    const number = points.points.get(row.target)?.number;
    const shown = number ? `${number} (${row.target})` : row.target;
    return row.action === 'insert-after' || row.action === 'insert-before' ? `${shown} → ${newIds.get(row.id) ?? ''}` : shown;
  };
  const value = (prefix: string, raw: string) => {
    const key = `sheet.${prefix}-${raw}`;
    return key in labels.text ? word(key as LabelKey) : raw;
  };
  const lines = table(
    [
      { title: word('sheet.column-number') },
      { title: word('sheet.column-stage') },
      { title: word('sheet.column-point') },
      { title: word('sheet.column-action') },
      { title: word('sheet.tabled-by') },
      { title: word('sheet.column-position') },
      { title: word('sheet.outcome') },
      { title: word('sheet.column-vote'), align: 'right' },
    ],
    rows.map((row) => [
      String(row.number),
      value('stage', row.stage),
      point(row),
      value('action', row.action),
      row.by.join(', '),
      row.position ? value('position', row.position) : '–',
      row.outcome ? value('outcome', row.outcome) : word('sheet.pending'),
      row.vote ? `${row.vote.for}/${row.vote.against}/${row.vote.abstentions}` : '–',
    ]),
  );
  return lines.join('\n') + '\n';
}
