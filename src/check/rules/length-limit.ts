import { LENGTH_LIMIT } from '../../core/model.js';
import { defineRule } from '../rule.js';
import { formatCount, formatPercent } from '../format.js';
import { measureLength } from '../length.js';

export interface Options {
  max: number;
  warnAt: number;
}

const DEFAULTS: Options = { max: LENGTH_LIMIT, warnAt: 0.9 };

/** The length from which the rule reports (the warning threshold, or the limit when there is no warning). */
export function lengthThreshold(options: Partial<Options>): number {
  const { max, warnAt } = { ...DEFAULTS, ...options };
  return warnAt < 1 ? Math.floor(max * warnAt) : max;
}

export default defineRule<Options>(
  {
    id: 'length/limit',
    description: 'Warn near and report over the limit of 18,000 characters without spaces',
    rationale:
      'An EESC opinion must not exceed 18,000 characters without spaces, at every stage. ' +
      'What counts is the text of the original language as the build renders it: chapter titles, headings, ' +
      'points (with the principles and recommendations placed from the YAML), and footnotes (Markdown footnotes ' +
      'and the sources of `:cite`); not the header block, the title line, point numbers, the closing block or notes. ' +
      'The finding is placed where the running count passes the limit, so you see how much has to go. ' +
      'A warning comes first at `warnAt` of the limit, to leave room for amendments.',
    severity: 'error',
    options: {
      max: {
        title: 'Limit',
        description: 'The most characters without spaces allowed.',
        default: DEFAULTS.max,
        schema: { type: 'integer', minimum: 1 },
      },
      warnAt: {
        title: 'Warning threshold',
        description: 'Warn once the text reaches this share of the limit (0.9 = 90 %); 1 turns the warning off.',
        default: DEFAULTS.warnAt,
        schema: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
      },
    },
    examples: [
      {
        title: 'Over the limit (here set to 100 characters)',
        options: { max: 100 },
        files: {
          'text/en/01-conclusions.md':
            '# Conclusions\n\n{#c-one} The EESC supports social economy enterprises.\n\n{#c-two} The EESC calls on the Commission to fund them and to simplify its procedures.\n',
        },
        findings: [
          'text/en/01-conclusions.md:5:1-5:87: Unexpected 115 characters without spaces, expected at most 100 (the limit is passed in point 1.2 (`c-two`))',
        ],
      },
      {
        title: 'Near the limit: a warning',
        options: { max: 125 },
        files: {
          'text/en/01-conclusions.md':
            '# Conclusions\n\n{#c-one} The EESC supports social economy enterprises.\n\n{#c-two} The EESC calls on the Commission to fund them and to simplify its procedures.\n',
        },
        findings: [
          'text/en/01-conclusions.md:5:1-5:87: Unexpected 115 characters without spaces, expected at most 112 (90 % of the limit of 125) to leave room for amendments',
        ],
      },
      {
        title: 'Well within the limit',
        files: {
          'text/en/01-conclusions.md': '# Conclusions\n\n{#c-one} The EESC supports social economy enterprises.\n',
        },
        findings: [],
      },
    ],
  },
  (context, report, options) => {
    const length = measureLength(context);
    const { total, entries } = length;
    const warnAt = Math.floor(options.max * options.warnAt);
    const crossing = (limit: number) => {
      let running = 0;
      for (const entry of entries) {
        running += entry.count;
        if (running > limit) return entry;
      }
      return entries[entries.length - 1];
    };
    if (total > options.max) {
      const at = crossing(options.max);
      report(
        at?.at,
        `Unexpected ${formatCount(total)} characters without spaces, expected at most ${formatCount(options.max)} (the limit is passed in ${at?.label ?? 'the text'})`,
        {
          note: length.note,
          actual: String(total),
        },
      );
    } else if (options.warnAt < 1 && total > warnAt) {
      const at = crossing(warnAt);
      report(
        at?.at,
        `Unexpected ${formatCount(total)} characters without spaces, expected at most ${formatCount(warnAt)} (${formatPercent(options.warnAt)} of the limit of ${formatCount(options.max)}) to leave room for amendments`,
        { severity: 'warning', note: length.note, actual: String(total) },
      );
    }
  },
);
