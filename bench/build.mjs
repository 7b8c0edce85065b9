// Benchmark of `opinion build` to HTML against `pandoc -f markdown -t html`
// on the same content: the sample opinion, a generated 200-point opinion and a
// generated 5,000-point one. Whole process each time, the two alternating in
// one loop; node runs with NODE_EXTRA_CA_CERTS unset (as on a user's machine).
// pandoc converts the Markdown that `opinion build --to md` writes for the same
// opinion (numbered, references and footnotes resolved): the same text.
// `opinion build` runs twice per round: as a rebuild (chapters unchanged since
// the previous build, so their parsed trees come from <out>/.cache/) and with
// --no-cache (every chapter parsed again).
// Run: npm run build && node bench/build.mjs
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compare, table, fmt, BENCH_DIR, ROOT, runOnce } from './lib.mjs';

// A snapshot of the built CLI, so that a rebuild of dist/ during the run cannot disturb it.
const snapshot = join(BENCH_DIR, 'build-cli');
rmSync(snapshot, { recursive: true, force: true });
for (const part of ['bin', 'dist', 'templates', 'schemas', 'package.json']) cpSync(join(ROOT, part), join(snapshot, part), { recursive: true });
const bin = join(snapshot, 'bin', 'opinion.js');
const WORDS = ('social economy enterprises cooperatives migrants integration labour market training local communities networks ' +
  'partnerships public authorities inclusion refugees employment skills support funding access entrepreneurship participation ' +
  'members reception language courses mentoring credit housing procedures subsidiarity democratic governance').split(' ');

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
  writeFileSync(join(dir, 'opinion.yaml'), `reference: INT/999
title: Generated opinion of ${points} points on the social economy
kind: own-initiative
legal_basis: Rule 29(2) of the Rules of Procedure
rapporteurs:
  - name: Maria ROSSI
    role: rapporteur
section: Single Market, Production and Consumption
decision: { by: plenary, date: 2020-01-21 }
language: en
languages: [en]
stage: section
version: 1
version_date: 2020-03-02
closing: { date: 2020-05-20, president: Luca JAHIER }
`);
  writeFileSync(join(dir, 'glossary.yaml'), `glossary:
  - { id: g-see, term: SEE, kind: acronym, variants: [SEEs], expansion: social economy enterprise }
  - { id: g-eesc, term: EESC, kind: acronym, expansion: European Economic and Social Committee }
`);
  writeFileSync(join(dir, 'evidence.yaml'), `evidence:
  - id: ev-study
    kind: study
    title: A study of social economy enterprises
    source: { title: Social economy in Europe, publisher: CIRIEC, url: 'https://www.ciriec.org/', date: 2017-06-01 }
`);
  writeFileSync(join(dir, 'recommendations.yaml'), 'recommendations:\n' + Array.from({ length: 6 }, (_, i) =>
    `  - id: rec-${i}\n    text: The EESC calls on the Commission to support ${words(i, 20)}.\n    addressees: [european-commission]\n`).join(''));
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

const out = join(BENCH_DIR, 'build-out');
const cases = [
  { name: 'sample (see-migrants, en)', dir: join(ROOT, 'opinions', 'see-migrants'), runs: 11 },
  { name: '200 points', dir: generateOpinion(join(BENCH_DIR, 'build-200'), 200), runs: 11 },
  { name: '5,000 points', dir: generateOpinion(join(BENCH_DIR, 'build-5000'), 5000), runs: 3 },
];

const rows = [];
for (const c of cases) {
  // The Markdown pandoc reads: what `opinion build` writes for the same opinion.
  const md = join(out, 'md', `${c.dir.split('/').pop()}.md`);
  const built = runOnce(['node', bin, 'build', c.dir, '--to', 'md', '--out', join(out, 'md-build'), '--force']);
  if (built.code !== 0) throw new Error(`build failed:\n${built.stdout}${built.stderr}`);
  mkdirSync(join(out, 'md'), { recursive: true });
  execFileSync('cp', [join(out, 'md-build', c.dir.split('/').pop(), 'en', 'opinion.md'), md]);
  const ok = (r) => {
    if (r.code !== 0) throw new Error(`failed (exit ${r.code}):\n${r.stdout}${r.stderr}`);
  };
  const [warm, cold, pandoc] = compare(
    [
      // Chapters unchanged since the previous run: their parsed trees come from <out>/.cache/.
      { name: 'opinion build --to html', argv: ['node', bin, 'build', c.dir, '--to', 'html', '--out', join(out, 'html'), '--force', '-q'], check: ok },
      // Every chapter parsed again, as after editing all of them.
      { name: 'opinion build --to html --no-cache', argv: ['node', bin, 'build', c.dir, '--to', 'html', '--out', join(out, 'html-cold'), '--force', '-q', '--no-cache'], check: ok },
      { name: 'pandoc -f markdown -t html', argv: ['pandoc', '-f', 'markdown', '-t', 'html', md, '-o', join(out, 'pandoc.html')], check: ok },
    ],
    { runs: c.runs, warmup: 1 },
  );
  const ratio = (r) => `${(r.median / pandoc.median).toFixed(2)}×`;
  rows.push([
    c.name,
    `${(statSync(md).size / 1024).toFixed(0)} kB`,
    `${fmt(warm.median)} (${ratio(warm)})`,
    `${fmt(cold.median)} (${ratio(cold)})`,
    fmt(pandoc.median),
    `${warm.rssMb.toFixed(0)} / ${cold.rssMb.toFixed(0)} MB`,
    `${pandoc.rssMb.toFixed(0)} MB`,
  ]);
}
const version = execFileSync('pandoc', ['--version'], { encoding: 'utf8' }).split('\n')[0];
console.log(`opinion build vs ${version}, node ${process.version}, whole process, median of alternating runs (NODE_EXTRA_CA_CERTS unset)\n`);
console.log(
  table(
    ['content', 'Markdown size', 'opinion build → HTML (÷ pandoc)', 'same, --no-cache (÷ pandoc)', 'pandoc → HTML', 'opinion peak RSS (cached / no cache)', 'pandoc peak RSS'],
    rows,
  ),
);
