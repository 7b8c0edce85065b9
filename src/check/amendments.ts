/** What the `amendments/*` rules of `opinion check` share: the point index, made once per check. */
import type { CheckContext } from './rule.js';
import type { Located } from '../core/model.js';
import { indexPoints, type PointIndex } from '../validate/amendments/points.js';
import type { Finding } from '../validate/amendments/semantics.js';

const cache = new WeakMap<CheckContext['opinion'], PointIndex>();

export function pointsFor(context: CheckContext): PointIndex {
  let points = cache.get(context.opinion);
  if (!points) {
    points = indexPoints(context.opinion, context.text);
    cache.set(context.opinion, points);
  }
  return points;
}

/** Report findings through a rule's reporter. */
export function reportAll(
  findings: readonly Finding[],
  report: (place: Located | undefined, reason: string, extra?: { note?: string; expected?: string[]; severity?: 'warning' | 'error' }) => void,
): void {
  for (const f of findings) report(f.at, f.reason, { ...(f.note ? { note: f.note } : {}), ...(f.expected?.length ? { expected: f.expected } : {}) });
}
