/**
 * The amendments part of `opinion validate`: the structure of
 * amendments.yaml and, unless `opinion check` runs them as its own
 * configurable rules, unknown targets, duplicate numbers and vote figures.
 * Messages go on amendments.yaml's file, at their place.
 */
import type { VFile } from 'vfile';
import type { Opinion } from '../../core/model.js';
import { report } from '../../core/messages.js';
import { indexPoints, type PointIndex } from './points.js';
import { duplicateNumbers, structure, unknownFootnotes, unknownTargets, voteFigures, type Finding } from './semantics.js';

export interface AmendmentValidation {
  /** Also report what `opinion check` reports as rules (default true). */
  rules?: boolean;
}

export function validateAmendments(opinion: Opinion, definedIds: ReadonlySet<string>, options: AmendmentValidation = {}): PointIndex | undefined {
  if (opinion.amendments.length === 0) return undefined;
  const file = amendmentsFile(opinion);
  if (!file) return undefined;
  const points = indexPoints(opinion, undefined, { originalOnly: true });
  const findings = [...structure(opinion, points, definedIds), ...unknownFootnotes(opinion, points)];
  if (options.rules !== false) findings.push(...unknownTargets(opinion, points), ...duplicateNumbers(opinion), ...voteFigures(opinion));
  reportFindings(file, findings);
  return points;
}

export function amendmentsFile(opinion: Opinion): VFile | undefined {
  return opinion.files.find((f) => /(^|[\\/])amendments\.yaml$/.test(f.path ?? ''));
}

export function reportFindings(file: VFile, findings: readonly Finding[]): void {
  for (const finding of findings) {
    report(file, finding.reason, {
      ruleId: finding.ruleId,
      severity: finding.severity,
      place: finding.at?.position,
      ...(finding.note ? { note: finding.note } : {}),
      ...(finding.expected?.length ? { expected: finding.expected } : {}),
    });
  }
}
