/**
 * What rests on what: the principle × recommendation matrix, the evidence
 * each recommendation rests on, and for every principle and evidence item
 * what cites it — recommendations and principles through their YAML lists,
 * points of the original text through `:ref` and `:cite`.
 */
import type { Opinion } from '../core/model.js';
import { findCited, pointsOf, type LangText } from '../text/model.js';
import type { Citation, Coverage } from './types.js';

export function coverage(opinion: Opinion, numberOf: (id: string) => string | undefined): Coverage {
  const principles = opinion.principles.map((p) => p.id).filter((id): id is string => typeof id === 'string');
  const rows = opinion.recommendations
    .filter((r) => typeof r.id === 'string')
    .map((r) => {
      const own = new Set(Array.isArray(r.principles) ? r.principles : []);
      const number = numberOf(r.id);
      return {
        recommendation: r.id,
        ...(number ? { number } : {}),
        principles: principles.filter((p) => own.has(p)),
        evidence: Array.isArray(r.evidence) ? [...r.evidence] : [],
      };
    });
  return { principles, rows };
}

export function citedBy(
  opinion: Opinion,
  original: LangText | undefined,
  numberOf: (id: string) => string | undefined,
): { principles: Citation[]; evidence: Citation[] } {
  const points = pointsOf(original);
  const label = (block: { id?: string; number?: string }) => (block.id ? numberOf(block.id) : undefined) ?? block.number ?? block.id ?? '?';
  const principles: Citation[] = opinion.principles
    .filter((p) => typeof p.id === 'string')
    .map((p) => ({
      id: p.id,
      recommendations: opinion.recommendations.filter((r) => Array.isArray(r.principles) && r.principles.includes(p.id)).map((r) => r.id),
      principles: [],
      points: unique(points.filter((b) => b.refs.some((m) => m.id === p.id)).map(label)),
    }));
  const evidenceOf = (id: string) => findCited(opinion.evidence, id)?.evidenceId ?? id;
  const evidence: Citation[] = opinion.evidence
    .filter((e) => typeof e.id === 'string')
    .map((e) => ({
      id: e.id,
      recommendations: opinion.recommendations.filter((r) => Array.isArray(r.evidence) && r.evidence.some((id) => evidenceOf(id) === e.id)).map((r) => r.id),
      principles: opinion.principles.filter((p) => Array.isArray(p.evidence) && p.evidence.some((id) => evidenceOf(id) === e.id)).map((p) => p.id),
      points: unique(points.filter((b) => [...b.cites, ...b.refs].some((m) => evidenceOf(m.id) === e.id)).map(label)),
    }));
  return { principles, evidence };
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}
