import { defineRule, describeBlock, shortPlace } from '../rule.js';
import { pointsOf, type TextBlock } from '../../text/model.js';
import { normaliseWords, shingles } from '../../text/normalise.js';
import { formatPercent } from '../format.js';
import { LANGUAGES_OPTION, languagesOf } from '../languages.js';

export default defineRule(
  {
    id: 'writing/near-duplicate-point',
    description: 'Report two points that say nearly the same thing in nearly the same words',
    rationale:
      'Two points that share most of their wording are one point written twice, usually after a restructuring. ' +
      'Each point is cut into overlapping sequences of `shingle` words; two points whose sets of sequences overlap ' +
      'by at least `threshold` (Jaccard similarity: shared sequences over all sequences) are reported, at the later ' +
      'one. Points shorter than `minWords` words are not compared.',
    severity: 'warning',
    options: {
      threshold: {
        title: 'Similarity threshold',
        description: 'Jaccard similarity of word sequences (0 to 1) from which two points count as near duplicates.',
        default: 0.8,
        schema: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
      },
      shingle: {
        title: 'Sequence length',
        description: 'Number of words in each compared sequence.',
        default: 3,
        schema: { type: 'integer', minimum: 1 },
      },
      minWords: {
        title: 'Shortest point compared',
        description: 'Points with fewer words than this are not compared.',
        default: 12,
        schema: { type: 'integer', minimum: 1 },
      },
      languages: LANGUAGES_OPTION,
    },
    examples: [
      {
        title: 'A point repeated with a small change',
        files: {
          'text/en/01-conclusions.md':
            '# Conclusions\n\n{#c-one} Small SEEs find it difficult to access EU funding because of the administrative burden of applications and late payments.\n\n{#c-two} Small SEEs find it difficult to access EU funding because of the administrative burden of applications and late payments in particular.\n',
        },
        findings: [
          'text/en/01-conclusions.md:5:1-5:145: Unexpected point 1.2 (`c-two`) nearly identical to point 1.1 (`c-one`) (89 % of word sequences shared), expected each point to say something new',
        ],
      },
      {
        title: 'Two points on the same subject in different words',
        files: {
          'text/en/01-conclusions.md':
            '# Conclusions\n\n{#c-one} Small SEEs find it difficult to access EU funding because of the administrative burden of applications.\n\n{#c-two} The EESC calls for simpler procedures and grants of a size suited to local projects run by small SEEs.\n',
        },
        findings: [],
      },
    ],
  },
  (context, report, options) => {
    for (const lang of languagesOf(context.text, options.languages)) {
      const points: { block: TextBlock; set: Set<number> }[] = [];
      const ids = new Map<string, number>();
      for (const block of pointsOf(context.text.byLang.get(lang))) {
        const words = normaliseWords(block.prose.text);
        if (words.length >= options.minWords) points.push({ block, set: shingles(words, options.shingle, ids) });
      }
      for (const [j, i, similarity] of nearDuplicates(
        points.map((point) => point.set),
        options.threshold,
      )) {
        const earlier = points[i]!.block;
        const later = points[j]!.block;
        report(
          later.at,
          `Unexpected ${describeBlock(later)} nearly identical to ${describeBlock(earlier)} (${formatPercent(similarity)} of word sequences shared), expected each point to say something new`,
          { note: `The other point is at ${shortPlace(context, earlier.at)}` },
        );
      }
    }
  },
);

/**
 * For each set, the most similar earlier one whose Jaccard similarity is at
 * least `threshold` (on a tie, the one sharing the set's earliest sequence,
 * then the first): `[later, earlier, similarity]`, in order. Candidates come
 * from prefix filtering (Bayardo et al., "Scaling up all pairs similarity
 * search", 2007): with the sequences of every set ordered rarest first, two
 * sets this similar share a sequence among the first |s| − ⌈threshold·|s|⌉ + 1
 * of each, so only those are indexed. Each candidate is then measured
 * exactly. Counting every shared sequence instead took time quadratic in the
 * number of points, since common sequences ("the EESC calls") are in most.
 */
export function nearDuplicates(sets: readonly Set<number>[], threshold: number): [number, number, number][] {
  const frequency = new Map<number, number>();
  for (const set of sets) for (const s of set) frequency.set(s, (frequency.get(s) ?? 0) + 1);
  const index = new Map<number, number[]>();
  const found: [number, number, number][] = [];
  sets.forEach((set, j) => {
    const sorted = rarestFirst(set, frequency);
    // Rounding down the overlap a match needs (0.7 × 10 is 7.000000000000001) only lengthens the prefix: safe.
    const prefix = sorted.length - Math.ceil(threshold * sorted.length - 1e-9) + 1;
    const candidates = new Set<number>();
    for (let k = 0; k < prefix; k++) for (const i of index.get(sorted[k]!) ?? []) candidates.add(i);
    let best: { i: number; similarity: number; first: number } | undefined;
    for (const i of candidates) {
      const other = sets[i] as Set<number>;
      let shared = 0;
      let first = Number.POSITIVE_INFINITY;
      let position = 0;
      for (const s of set) {
        if (other.has(s)) {
          shared++;
          if (first === Number.POSITIVE_INFINITY) first = position;
        }
        position++;
      }
      const similarity = shared / (other.size + set.size - shared);
      if (similarity < threshold) continue;
      if (!best || similarity > best.similarity || (similarity === best.similarity && (first < best.first || (first === best.first && i < best.i))))
        best = { i, similarity, first };
    }
    if (best) found.push([j, best.i, best.similarity]);
    for (let k = 0; k < prefix; k++) {
      const list = index.get(sorted[k]!);
      if (list) list.push(j);
      else index.set(sorted[k]!, [j]);
    }
  });
  return found;
}

const PAIR = 2 ** 32;
const HALF = 2 ** 31;

/**
 * The sequences of `set` rarest first, equally rare ones by value: sorted as
 * one number each (frequency × 2³² + the hash made non-negative, exact in a
 * double for fewer than 2²¹ sets), by the typed array's own sort — a quarter
 * of the rule's time went to a comparator's map look-ups.
 */
function rarestFirst(set: Set<number>, frequency: Map<number, number>): Float64Array {
  const keys = new Float64Array(set.size);
  let k = 0;
  for (const s of set) keys[k++] = (frequency.get(s) as number) * PAIR + (s + HALF);
  keys.sort();
  for (let i = 0; i < keys.length; i++) keys[i] = (keys[i]! % PAIR) - HALF;
  return keys;
}
