// Generates N valid opinion folders of realistic shape (one language, three
// chapters of ~6 points, 3 principles, 6 recommendations, 2 evidence items, a
// glossary) for the validate / check / stats benchmarks. Deterministic.
import { mkdirSync, writeFileSync, rmSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { generatedOpinionYaml } from './lib.mjs';

const WORDS =
  'social economy enterprises cooperatives migrants integration labour market training local communities networks partnerships public authorities inclusion refugees employment skills support funding access entrepreneurship participation members'.split(
    ' ',
  );

function sentence(seed, length) {
  const words = [];
  for (let i = 0; i < length; i++) words.push(WORDS[(seed * 7 + i * 13) % WORDS.length]);
  return words.join(' ');
}

function point(id, seed, ref) {
  return `{#${id}} The EESC considers that ${sentence(seed, 24)}${ref ? ` (see :ref{#${ref}})` : ''}. The Committee notes that ${sentence(seed + 3, 18)}.\n`;
}

export function writeOpinion(dir, n) {
  mkdirSync(join(dir, 'text', 'en'), { recursive: true });
  writeFileSync(
    join(dir, 'opinion.yaml'),
    generatedOpinionYaml(`INT/${100 + n}`, `Generated opinion number ${n} on ${sentence(n, 5)}`, 'adopted_in_section: 2020-04-27\nnumbering: eesc\n'),
  );
  writeFileSync(
    join(dir, 'principles.yaml'),
    'principles:\n' + [1, 2, 3].map((i) => `  - id: p-${i}\n    title: Principle ${i}\n    text: ${sentence(n + i, 20)}.\n`).join(''),
  );
  writeFileSync(
    join(dir, 'recommendations.yaml'),
    'recommendations:\n' +
      [1, 2, 3, 4, 5, 6]
        .map(
          (i) =>
            `  - id: rec-${i}\n    text: The EESC calls on the Commission to ${sentence(n + i, 22)}.\n    addressees: [european-commission, member-states]\n    principles: [p-${(i % 3) + 1}]\n    evidence: [ev-${(i % 2) + 1}]\n    priority: high\n`,
        )
        .join(''),
  );
  writeFileSync(
    join(dir, 'evidence.yaml'),
    'evidence:\n' +
      [1, 2]
        .map(
          (i) =>
            `  - id: ev-${i}\n    kind: case-study\n    title: Case ${i}\n    summary: ${sentence(n + i, 30)}.\n    source:\n      title: Report ${i}\n      publisher: Cooperatives Europe\n`,
        )
        .join(''),
  );
  writeFileSync(
    join(dir, 'glossary.yaml'),
    'glossary:\n  - id: g-see\n    term: SEE\n    expansion: social economy enterprise\n    kind: acronym\n  - id: g-eesc\n    term: EESC\n    expansion: European Economic and Social Committee\n    kind: acronym\n',
  );
  const chapters = [
    ['01-conclusions-and-recommendations.md', 'Conclusions and recommendations', 'c'],
    ['02-general-comments.md', 'General comments', 'g'],
    ['03-specific-comments.md', 'Specific comments', 's'],
  ];
  for (const [file, title, prefix] of chapters) {
    let text = `# ${title}\n\n`;
    for (let i = 1; i <= 6; i++) text += point(`${prefix}-${i}`, n + i, i > 1 ? `${prefix}-${i - 1}` : undefined) + '\n';
    if (prefix === 'c') text += '::recommendations\n';
    if (prefix === 'g') text += '::principles\n\nA footnoted point.[^fn-1]\n\n[^fn-1]: A footnote.\n';
    writeFileSync(join(dir, 'text', 'en', file), text);
  }
}

export function generateOpinions(root, count) {
  const marker = join(root, `.count-${count}`);
  if (existsSync(marker)) return root;
  rmSync(root, { recursive: true, force: true });
  for (let n = 0; n < count; n++) writeOpinion(join(root, `opinion-${String(n).padStart(4, '0')}`), n);
  writeFileSync(marker, '');
  return root;
}
