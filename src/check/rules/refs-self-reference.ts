import { defineRule, describeBlock } from '../rule.js';
import { allBlocks } from '../../text/model.js';

export default defineRule(
  {
    id: 'refs/self-reference',
    description: 'Report a point that refers to itself',
    rationale:
      'A `:ref{#id}` to the point it stands in renders as "see point 1.3" inside point 1.3: a leftover of ' +
      'copying or renumbering. Checked in every language version; a translation is only reported where it ' +
      'differs from the original.',
    severity: 'error',
    examples: [
      {
        title: 'A point referring to itself',
        files: {
          'text/en/01-conclusions.md':
            '# Conclusions\n\n{#c-drivers} SEEs are drivers of inclusion (see :ref{#c-drivers}).\n\n{#c-networks} They build networks (see :ref{#c-drivers}).\n',
        },
        findings: ['text/en/01-conclusions.md:3:49-3:65: Unexpected reference of point 1.1 (`c-drivers`) to itself, expected a reference to another point'],
      },
      {
        title: 'A reference to another point',
        files: {
          'text/en/01-conclusions.md':
            '# Conclusions\n\n{#c-drivers} SEEs are drivers of inclusion.\n\n{#c-networks} They build networks (see :ref{#c-drivers}).\n',
        },
        findings: [],
      },
    ],
  },
  (context, report) => {
    const { text } = context;
    const inOriginal = new Set<string>();
    for (const lang of text.langs) {
      for (const block of allBlocks(text.byLang.get(lang))) {
        if (!block.id) continue;
        for (const ref of block.refs) {
          if (ref.id !== block.id) continue;
          if (lang === text.original) inOriginal.add(block.id);
          else if (inOriginal.has(block.id)) continue;
          report(ref.at, `Unexpected reference of ${describeBlock(block)} to itself, expected a reference to another point`);
        }
      }
    }
  },
);
