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
      // Candidate pairs share at least one sequence: count shared sequences through an inverted index.
      const postings = new Map<number, number[]>();
      points.forEach((point, i) => {
        for (const s of point.set) {
          const list = postings.get(s);
          if (list) list.push(i);
          else postings.set(s, [i]);
        }
      });
      const reported = new Set<number>();
      for (let j = 1; j < points.length; j++) {
        const shared = new Map<number, number>();
        for (const s of points[j]!.set) for (const i of postings.get(s)!) if (i < j) shared.set(i, (shared.get(i) ?? 0) + 1);
        let best: { i: number; similarity: number } | undefined;
        for (const [i, count] of shared) {
          const similarity = count / (points[i]!.set.size + points[j]!.set.size - count);
          if (similarity >= options.threshold && (!best || similarity > best.similarity)) best = { i, similarity };
        }
        if (!best || reported.has(j)) continue;
        reported.add(j);
        const earlier = points[best.i]!.block;
        const later = points[j]!.block;
        report(
          later.at,
          `Unexpected ${describeBlock(later)} nearly identical to ${describeBlock(earlier)} (${formatPercent(best.similarity)} of word sequences shared), expected each point to say something new`,
          { note: `The other point is at ${shortPlace(context, earlier.at)}` },
        );
      }
    }
  },
);
