/**
 * `opinion amendments list`: one row per amendment in text order, as data
 * (the JSON output) and as a plain-text table.
 */
import type { Opinion, Vote } from '../core/model.js';
import { table } from '../stats/table.js';
import { amendmentsOf, memberName } from '../core/amendments.js';
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
    by: (Array.isArray(a.by) ? a.by : []).map(memberName),
    position: a.position ?? null,
    outcome: a.outcome ?? null,
    vote: a.vote ? { for: a.vote.for, against: a.vote.against, abstentions: a.vote.abstentions } : null,
  }));
}

/** The list as a terminal table: the target as numbered now (its id when it has no number). */
export function formatListTable(rows: readonly ListRow[], points: PointIndex, opinion: Opinion): string {
  if (rows.length === 0) return 'No amendments.\n';
  const newIds = new Map(opinion.amendments.map((a) => [a.id, a.new_id]));
  const point = (row: ListRow) => {
    const number = points.points.get(row.target)?.number;
    const shown = number ? `${number} (${row.target})` : row.target;
    return row.action === 'insert-after' || row.action === 'insert-before' ? `${shown} → ${newIds.get(row.id) ?? ''}` : shown;
  };
  const lines = table(
    [
      { title: 'AM' },
      { title: 'Stage' },
      { title: 'Point' },
      { title: 'Action' },
      { title: 'Tabled by' },
      { title: 'Position' },
      { title: 'Outcome' },
      { title: 'Vote', align: 'right' },
    ],
    rows.map((row) => [
      String(row.number),
      row.stage,
      point(row),
      row.action,
      row.by.join(', '),
      row.position ?? '–',
      row.outcome ?? 'pending',
      row.vote ? `${row.vote.for}/${row.vote.against}/${row.vote.abstentions}` : '–',
    ]),
  );
  return lines.join('\n') + '\n';
}
