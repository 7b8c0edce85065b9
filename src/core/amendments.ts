/**
 * What `amendments.yaml` holds, as render, validate, check and the amendments
 * commands use it: the procedural defaults (documented in docs/amendments.md), the stages
 * and outcomes, and small helpers over the loaded data.
 */
import { STAGES, type AmendmentSettings, type Member, type Opinion, type TabledAmendment, type Text, type Vote } from './model.js';

export type { TabledAmendment } from './model.js';

export const AMENDMENT_STAGES = ['section', 'plenary'] as const;
export type AmendmentStage = (typeof AMENDMENT_STAGES)[number];

/** The defaults of `procedure:` (the Rules of Procedure change: each is data, overridable). */
export const PROCEDURE_DEFAULTS = {
  /** A rejected amendment goes to the appendix with at least this share of the votes cast. */
  appendix_share: 0.25,
  /** Votes cast = for + against (abstentions not counted). */
  abstentions_cast: false,
} as const;

export interface Procedure {
  appendixShare: number;
  abstentionsCast: boolean;
  ruleRejected?: Text;
  ruleSectionText?: Text;
}

export function procedureOf(settings: AmendmentSettings): Procedure {
  const p = settings.procedure ?? {};
  return {
    appendixShare: typeof p.appendix_share === 'number' ? p.appendix_share : PROCEDURE_DEFAULTS.appendix_share,
    abstentionsCast: typeof p.abstentions_cast === 'boolean' ? p.abstentions_cast : PROCEDURE_DEFAULTS.abstentions_cast,
    ...(p.rule_rejected !== undefined ? { ruleRejected: p.rule_rejected } : {}),
    ...(p.rule_section_text !== undefined ? { ruleSectionText: p.rule_section_text } : {}),
  };
}

export function votesCast(vote: Vote, procedure: Procedure): number {
  return vote.for + vote.against + (procedure.abstentionsCast ? vote.abstentions : 0);
}

/** Whether `count` votes reach the appendix share of the votes cast. */
export function reachesShare(count: number, vote: Vote, procedure: Procedure): boolean {
  const cast = votesCast(vote, procedure);
  return cast > 0 && count >= procedure.appendixShare * cast;
}

/** The stage whose amendments an opinion at `stage` is working on (`section` → section amendments). */
export function stageOfOpinion(stage: string | undefined): AmendmentStage | undefined {
  return stage === 'section' || stage === 'plenary' ? stage : undefined;
}

/** The stage that follows once a stage's adopted amendments are applied. */
export const NEXT_STAGE: Record<AmendmentStage, 'plenary' | 'adopted'> = { section: 'plenary', plenary: 'adopted' };

export function memberName(member: Member): string {
  return typeof member === 'string' ? member : member.name;
}

/** The members who tabled an amendment (none while `by` is not a list, which the schema reports). */
export function membersOf(amendment: TabledAmendment): Member[] {
  return Array.isArray(amendment.by) ? amendment.by : [];
}

/** "Jean MARTIN, Eva NOVÁK (Group III)". */
export function tabledBy(amendment: TabledAmendment): string {
  const names = membersOf(amendment).map((m) => (typeof m === 'object' && m.group ? `${m.name} (${m.group})` : memberName(m)));
  return names.join(', ') + (amendment.group ? ` (Group ${amendment.group})` : '');
}

/** An amendment is voted when it was adopted or rejected, unless recorded as decided without a vote. */
/** A stage's place in the order of stages (-1: none). */
export function stageRank(stage: string | undefined): number {
  return (STAGES as readonly (string | undefined)[]).indexOf(stage);
}

/**
 * An amendment still to be decided: not applied, and of the opinion's stage
 * or a later one. Those of a stage the opinion has left are history: what
 * they name may be gone by design.
 */
export function isPending(amendment: TabledAmendment, opinion: Opinion): boolean {
  return typeof amendment.id === 'string' && amendment.applied_in === undefined && stageRank(amendment.stage) >= stageRank(opinion.meta.stage);
}

export function isVoted(amendment: TabledAmendment): boolean {
  return (amendment.outcome === 'adopted' || amendment.outcome === 'rejected') && amendment.without_vote !== true;
}

/** Whitespace-insensitive comparison of two source texts. */
export function sameText(a: string, b: string): boolean {
  return a.replace(/\s+/g, ' ').trim() === b.replace(/\s+/g, ' ').trim();
}

/** Amendments of an opinion that are well-formed enough to work with (the schema reports the others). */
export function amendmentsOf(opinion: Opinion): TabledAmendment[] {
  return opinion.amendments.filter((a) => typeof a.id === 'string' && typeof a.target === 'string');
}

/**
 * What the appendix of an adopted opinion prints (none before stage
 * `adopted`): the plenary amendments rejected with at least the appendix
 * share of the votes cast in favour, and those adopted while the section
 * text they replaced received the share (the votes against).
 */
export function appendixAmendments(opinion: Opinion): { rejected: TabledAmendment[]; replaced: TabledAmendment[] } {
  if (opinion.meta.stage !== 'adopted') return { rejected: [], replaced: [] };
  const procedure = procedureOf(opinion.amendmentSettings);
  const plenary = amendmentsOf(opinion).filter((a) => a.stage === 'plenary' && a.vote && a.without_vote !== true);
  return {
    rejected: plenary.filter((a) => a.outcome === 'rejected' && reachesShare(a.vote!.for, a.vote!, procedure)),
    replaced: plenary.filter(
      (a) => a.outcome === 'adopted' && a.action !== 'insert-after' && a.action !== 'insert-before' && reachesShare(a.vote!.against, a.vote!, procedure),
    ),
  };
}
