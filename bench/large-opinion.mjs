// A generated opinion of any number of points, for the build and Word
// benchmarks: realistic points (about 420 characters), chapters of up to 500
// points in sections of 25, references, footnotes, citations, lists, and
// recommendations. Deterministic.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatedOpinionYaml } from './lib.mjs';

const WORDS = (
  'social economy enterprises cooperatives migrants integration labour market training local communities networks ' +
  'partnerships public authorities inclusion refugees employment skills support funding access entrepreneurship participation ' +
  'members reception language courses mentoring credit housing procedures subsidiarity democratic governance'
).split(' ');

function words(seed, count) {
  const out = [];
  for (let i = 0; i < count; i++) out.push(WORDS[(seed * 7 + i * 13 + (i >> 3)) % WORDS.length]);
  return out.join(' ');
}

/**
 * A valid opinion of `points` points (about 420 characters each, like a real
 * EESC point): chapters of up to 500 points in sections of 25, a reference
 * every 4th point, a footnote every 10th, a citation every 20th, emphasis, a
 * list every 25th point, recommendations placed in chapter 1.
 */
export function generateOpinion(dir, points) {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'text', 'en'), { recursive: true });
  const chapters = Math.max(2, Math.ceil(points / 500));
  writeFileSync(
    join(dir, 'opinion.yaml'),
    generatedOpinionYaml(
      'INT/999',
      `Generated opinion of ${points} points on the social economy`,
      'version_date: 2020-03-02\nclosing: { date: 2020-05-20, president: Luca JAHIER }\n',
    ),
  );
  writeFileSync(
    join(dir, 'glossary.yaml'),
    `glossary:
  - { id: g-see, term: SEE, kind: acronym, variants: [SEEs], expansion: social economy enterprise }
  - { id: g-eesc, term: EESC, kind: acronym, expansion: European Economic and Social Committee }
`,
  );
  writeFileSync(
    join(dir, 'evidence.yaml'),
    `evidence:
  - id: ev-study
    kind: study
    title: A study of social economy enterprises
    source: { title: Social economy in Europe, publisher: CIRIEC, url: 'https://www.ciriec.org/', date: 2017-06-01 }
`,
  );
  writeFileSync(
    join(dir, 'recommendations.yaml'),
    'recommendations:\n' +
      Array.from(
        { length: 6 },
        (_, i) => `  - id: rec-${i}\n    text: The EESC calls on the Commission to support ${words(i, 20)}.\n    addressees: [european-commission]\n`,
      ).join(''),
  );
  let n = 0;
  const perChapter = Math.ceil(points / chapters);
  for (let c = 1; c <= chapters; c++) {
    const lines = [`# Chapter ${c} on ${words(c, 3)}`, ''];
    const notes = [];
    if (c === 1) lines.push('::recommendations', '');
    for (let p = 0; p < perChapter && n < points; p++, n++) {
      if (p % 25 === 0) lines.push(`## Section ${p / 25 + 1} on ${words(n, 3)} {#s-${c}-${p / 25}}`, '');
      const ref = n % 4 === 3 ? ` (see :ref{#p-${n - 3}})` : '';
      const note = n % 10 === 9 ? `[^fn-${n}]` : '';
      const cite = n % 20 === 19 ? ' :cite{#ev-study}' : '';
      lines.push(`{#p-${n}} The EESC considers that ${words(n, 26)}, and that *${words(n + 1, 3)}* matter${ref}. SEEs ${words(n + 2, 20)}${cite}.${note}`, '');
      if (p % 25 === 24) lines.push(`- ${words(n, 6)};`, `- ${words(n + 5, 6)}.`, '');
      if (note) notes.push(`[^fn-${n}]: Source: ${words(n, 8)}, ${2000 + (n % 20)}.`, '');
    }
    writeFileSync(join(dir, 'text', 'en', `${String(c).padStart(2, '0')}-chapter-${c}.md`), [...lines, ...notes].join('\n'));
  }
  return dir;
}
