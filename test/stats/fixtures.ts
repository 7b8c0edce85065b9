/**
 * A small opinion whose counts were made by hand (see stats.test.ts): two
 * chapters, a section, placed principles and recommendations, a footnote and
 * a citation.
 */
export const HAND_COUNTED = {
  'opinion.yaml': 'reference: INT/900\ntitle: Cats and dogs\nkind: own-initiative\nlanguage: en\nlanguages: [en]\nstage: study-group\n',
  'principles.yaml':
    'principles:\n  - id: p-one\n    title: Inclusion\n    text: SEEs include people.\n  - id: p-two\n    title: Subsidiarity\n    text: Decisions are taken locally.\n',
  'recommendations.yaml':
    'recommendations:\n' +
    '  - id: rec-a\n    text: The EESC calls on the Commission and the Member States to act.\n    addressees: [european-commission, member-states]\n    principles: [p-one]\n    evidence: [ev-one]\n    priority: high\n' +
    '  - id: rec-b\n    text: Member States should fund SEEs.\n    addressees: [member-states]\n    principles: [p-one, p-two]\n    priority: low\n',
  'evidence.yaml': 'evidence:\n  - id: ev-one\n    kind: study\n    title: A report\n    source:\n      title: Report\n      publisher: Eurostat\n',
  'text/en/01-conclusions.md':
    '# Conclusions\n\n{#c-one} The cat sat on the mat.[^fn-one]\n\n{#c-two} Dogs run :cite{#ev-one}.\n\n::recommendations\n\n[^fn-one]: A note.\n',
  'text/en/02-comments.md': '# Comments\n\n## Detail {#s-detail}\n\n{#d-one} See :ref{#p-one} here.\n\n::principles\n',
};
