/** Amendments in the order of the text: by target point, inserts before/after it, then stage and number. */
import type { TabledAmendment } from '../../core/amendments.js';
import type { PointIndex } from './points.js';

const WITHIN: Record<string, number> = { 'insert-before': 0, amend: 1, delete: 1, 'insert-after': 2 };

export function textOrder(amendments: readonly TabledAmendment[], points: PointIndex): TabledAmendment[] {
  const key = (a: TabledAmendment) => points.points.get(a.target)?.order ?? Number.MAX_SAFE_INTEGER;
  return [...amendments].sort(
    (a, b) =>
      key(a) - key(b) ||
      (WITHIN[a.action] ?? 1) - (WITHIN[b.action] ?? 1) ||
      (a.stage === b.stage ? 0 : a.stage === 'section' ? -1 : 1) ||
      (a.number ?? 0) - (b.number ?? 0) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}
