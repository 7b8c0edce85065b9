/**
 * Explaining a diff by the amendments that caused it: when the newer
 * version's amendments.yaml records amendments applied in that version
 * (`applied_in` = its `version`), each change of a point is attributed to
 * the adopted amendment on that point (amend, delete) or that inserted it
 * (its `new_id`); renumbering is a consequence, never a finding; any other
 * change of the text is marked unexplained.
 */
import type { Opinion } from '../core/model.js';
import type { Change, DiffResult } from './types.js';
import { amendmentsOf } from '../core/amendments.js';

export interface Attribution {
  /** Amendments applied in the newer version. */
  applied: string[];
  /** Changes no adopted amendment explains. */
  unexplained: Change[];
}

/** Marks the changes of `result` (their `amendment` / `unexplained`); undefined when the newer version records no applied amendment. */
export function attributeChanges(result: DiffResult, newer: Opinion): Attribution | undefined {
  const version = newer.meta.version;
  const applied = amendmentsOf(newer).filter((a) => a.applied_in !== undefined && a.applied_in === version);
  if (applied.length === 0) return undefined;
  const byTarget = new Map<string, string>();
  const byNewId = new Map<string, string>();
  for (const a of applied) {
    if (a.action === 'amend' || a.action === 'delete') byTarget.set(a.target, a.id);
    else if (a.new_id) byNewId.set(a.new_id, a.id);
  }
  const unexplained: Change[] = [];
  for (const change of result.changes) {
    if (change.kind === 'renumbered') continue;
    const ids = [change.id, ...change.old.map((s) => s.id), ...change.new.map((s) => s.id)].filter((id): id is string => typeof id === 'string');
    const found =
      change.kind === 'added'
        ? ids.map((id) => byNewId.get(id)).find(Boolean)
        : change.kind === 'modified' || change.kind === 'deleted'
          ? ids.map((id) => byTarget.get(id)).find(Boolean)
          : undefined;
    if (found) change.amendment = found;
    else {
      change.unexplained = true;
      unexplained.push(change);
    }
  }
  return { applied: applied.map((a) => a.id), unexplained };
}

/** "point 1.3 (`c-networks`) modified" for messages. */
export function describeChange(change: Change): string {
  const side = change.new[0] ?? change.old[0];
  const number = side?.number ? ` ${side.number}` : '';
  const id = change.id ?? side?.id;
  return `${change.element}${number}${id ? ` (\`${id}\`)` : ''} ${change.kind}`;
}
