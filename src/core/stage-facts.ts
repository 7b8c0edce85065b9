/**
 * What a version can know: a version dated 10 April 2018 cannot state that
 * the section adopted the text on 27 April 2018. The facts of the sources
 * dated after the version's own date (`version_date`) are listed here, for
 * `opinion check` (rule `consistency/fact-after-version`) and `opinion build`
 * (a warning at the same place).
 */
import type { Opinion, YamlKind } from './model.js';
import { knownDate } from './placeholders.js';

export interface LateFact {
  kind: YamlKind;
  /** JSON pointer of the date. */
  pointer: string;
  /** How to name it in a message ("`adopted_in_section`", "the date of hearing `h-rome`"). */
  what: string;
  date: string;
}

/** The version's own date and every dated fact after it; none without a version date. */
export function factsAfterVersion(opinion: Opinion): { version?: string; facts: LateFact[] } {
  const meta = opinion.meta;
  const version = knownDate(meta?.version_date);
  if (!version) return { facts: [] };
  const candidates: LateFact[] = [];
  const add = (kind: YamlKind, pointer: string, what: string, value: unknown) => {
    const date = knownDate(value);
    if (date) candidates.push({ kind, pointer, what, date });
  };
  add('opinion', '/decision/date', '`decision.date`', meta.decision?.date);
  (Array.isArray(meta.referrals) ? meta.referrals : []).forEach((referral, i) =>
    add('opinion', `/referrals/${i}/date`, `the date of referral ${i + 1}`, referral?.date),
  );
  add('opinion', '/adopted_in_section', '`adopted_in_section`', meta.adopted_in_section);
  add('opinion', '/adopted_at_plenary', '`adopted_at_plenary`', meta.adopted_at_plenary);
  add('opinion', '/closing/date', '`closing.date`', meta.closing?.date);
  (Array.isArray(opinion.hearings) ? opinion.hearings : []).forEach((hearing, i) =>
    add('hearings', `/hearings/${i}/date`, `the date of hearing \`${String(hearing?.id)}\``, hearing?.date),
  );
  (Array.isArray(opinion.evidence) ? opinion.evidence : []).forEach((item, i) => {
    add('evidence', `/evidence/${i}/source/date`, `the publication date of the source of \`${String(item?.id)}\``, item?.source?.date);
    add('evidence', `/evidence/${i}/source/accessed`, `the date of access to the source of \`${String(item?.id)}\``, item?.source?.accessed);
  });
  return { version, facts: candidates.filter((fact) => fact.date > version) };
}

/** The message for a fact dated after the version. */
export function lateFactMessage(fact: LateFact, version: string, stage: unknown): string {
  return `Unexpected ${fact.what} ${fact.date}, after this version's own date (${version}): a version${typeof stage === 'string' ? ` at stage \`${stage}\`` : ''} states only what was known on its date`;
}
