/** Every rule of `opinion check`, in the order they are documented and run. */
import type { Rule } from '../rule.js';
import lengthLimit from './length-limit.js';
import principleUnused from './coverage-principle-unused.js';
import recommendationUnsupported from './coverage-recommendation-unsupported.js';
import evidenceUncited from './coverage-evidence-uncited.js';
import glossaryUnused from './coverage-glossary-unused.js';
import acronymUndefined from './glossary-acronym-undefined.js';
import acronymBeforeExpansion from './glossary-acronym-before-expansion.js';
import selfReference from './refs-self-reference.js';
import cycle from './refs-cycle.js';
import repeatedCall from './refs-repeated-call.js';
import doubledWord from './refs-doubled-word.js';
import noAddressee from './recommendation-no-addressee.js';
import noAction from './recommendation-no-action.js';
import sentenceLength from './writing-sentence-length.js';
import pointLength from './writing-point-length.js';
import duplicateSentence from './writing-duplicate-sentence.js';
import nearDuplicatePoint from './writing-near-duplicate-point.js';
import termSpelling from './consistency-term-spelling.js';
import stageMetadata from './consistency-stage-metadata.js';
import translationStructure from './consistency-translation-structure.js';
import amendmentsTargetChanged from './amendments-target-changed.js';
import amendmentsUnknownTarget from './amendments-unknown-target.js';
import amendmentsVoteFigures from './amendments-vote-figures.js';
import amendmentsNotApplied from './amendments-not-applied.js';
import amendmentsUnexplained from './amendments-unexplained-change.js';
import amendmentsDuplicateNumber from './amendments-duplicate-number.js';
import amendmentsLate from './amendments-late.js';

export const RULES: readonly Rule<any>[] = [
  lengthLimit,
  principleUnused,
  recommendationUnsupported,
  evidenceUncited,
  glossaryUnused,
  acronymUndefined,
  acronymBeforeExpansion,
  selfReference,
  cycle,
  repeatedCall,
  doubledWord,
  noAddressee,
  noAction,
  sentenceLength,
  pointLength,
  duplicateSentence,
  nearDuplicatePoint,
  termSpelling,
  stageMetadata,
  translationStructure,
  amendmentsTargetChanged,
  amendmentsUnknownTarget,
  amendmentsVoteFigures,
  amendmentsNotApplied,
  amendmentsUnexplained,
  amendmentsDuplicateNumber,
  amendmentsLate,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule<any>> = new Map(RULES.map((rule) => [rule.meta.id, rule]));
