// Benchmark of the Word outputs and input, whole process each time, the
// contenders alternating in one loop, node with NODE_EXTRA_CA_CERTS unset (as
// on a user's machine):
//
// - `opinion build --to docx` against `--to md` of the same opinion (what the
//   Word draft adds) and `pandoc -f markdown -t docx` of the Markdown that
//   `opinion build` writes (the same text);
// - `opinion import` of that .docx into a new folder against
//   `pandoc -f docx -t markdown` (reading the same file);
// - `opinion diff --out redline.docx` (tracked changes) against
//   `opinion diff --format json` of the same pair (what writing Word adds).
//
// Content: the sample opinion, generated opinions of 200 and 5,000 points
// (bench/large-opinion.mjs), and for the redline the sample's two versions and
// generated pairs with known changes (bench/diff-data.mjs).
// Run: npm run build && node bench/word.mjs
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generatePair } from './diff-data.mjs';
import { generateOpinion } from './large-opinion.mjs';
import { BENCH_DIR, ROOT, compare, fmt, runOnce, snapshotCli, table } from './lib.mjs';

const bin = snapshotCli('word-cli');
const out = join(BENCH_DIR, 'word');
mkdirSync(out, { recursive: true });
const ok = (expected) => (result) => {
  if (!expected.includes(result.code)) throw new Error(`exit ${result.code}, expected ${expected.join(' or ')}:\n${result.stdout}${result.stderr}`);
};
const kB = (path) => `${(statSync(path).size / 1024).toFixed(0)} kB`;
const rss = (...results) => results.map((r) => r.rssMb.toFixed(0)).join(' / ');

// Build and import.
const opinions = [
  { name: 'sample (see-migrants, en)', dir: join(ROOT, 'opinions', 'see-migrants'), runs: 11 },
  { name: '200 points', dir: generateOpinion(join(BENCH_DIR, 'word-200'), 200), runs: 11 },
  { name: '5,000 points', dir: generateOpinion(join(BENCH_DIR, 'word-5000'), 5000), runs: 3 },
];
const buildRows = [];
for (const c of opinions) {
  const name = c.dir.split('/').pop();
  const built = join(out, 'built');
  const first = runOnce(['node', bin, 'build', c.dir, '--to', 'md,docx', '--out', built, '--force', '-q']);
  ok([0])(first);
  const md = join(out, `${name}.md`);
  const docx = join(out, `${name}.docx`);
  cpSync(join(built, name, 'en', 'opinion.md'), md);
  cpSync(join(built, name, 'en', 'opinion.docx'), docx);
  const imported = join(out, `imported-${name}`);
  const [toDocx, toMd, pandocWrite, importDocx, pandocRead] = compare(
    [
      { name: 'opinion build --to docx', argv: ['node', bin, 'build', c.dir, '--to', 'docx', '--out', join(out, 'docx'), '--force', '-q'], check: ok([0]) },
      { name: 'opinion build --to md', argv: ['node', bin, 'build', c.dir, '--to', 'md', '--out', join(out, 'md'), '--force', '-q'], check: ok([0]) },
      { name: 'pandoc -f markdown -t docx', argv: ['pandoc', '-f', 'markdown', '-t', 'docx', md, '-o', join(out, 'pandoc.docx')], check: ok([0]) },
      // import refuses a folder that is not empty: the folder is removed first (sh and rm cost ~2 ms).
      {
        name: 'opinion import',
        argv: ['sh', '-c', 'rm -rf "$1" && exec node "$2" import "$3" --out "$1" --format json', 'sh', imported, bin, docx],
        check: ok([0]),
      },
      { name: 'pandoc -f docx -t markdown', argv: ['pandoc', '-f', 'docx', '-t', 'markdown', docx, '-o', join(out, 'pandoc.md')], check: ok([0]) },
    ],
    { runs: c.runs, warmup: 1 },
  );
  buildRows.push([
    c.name,
    kB(docx),
    `${fmt(toDocx.median)} (md alone ${fmt(toMd.median)})`,
    fmt(pandocWrite.median),
    fmt(importDocx.median),
    fmt(pandocRead.median),
    `${rss(toDocx, importDocx)} MB`,
  ]);
}

// Redline.
const pairs = [
  {
    name: 'the sample: preliminary → section version',
    old: join(ROOT, 'opinions', 'see-migrants-preliminary'),
    new: join(ROOT, 'opinions', 'see-migrants'),
    runs: 11,
  },
];
for (const [points, runs] of [
  [200, 11],
  [5000, 3],
]) {
  const pair = generatePair(points, 1);
  const oldFile = join(out, `old-${points}.md`);
  const newFile = join(out, `new-${points}.md`);
  writeFileSync(oldFile, pair.old);
  writeFileSync(newFile, pair.new);
  pairs.push({
    name: `${points.toLocaleString('en')} points, ${pair.known.filter((change) => change.kind !== 'renumbered').length} known changes`,
    old: oldFile,
    new: newFile,
    runs,
  });
}
const redlineRows = [];
for (const p of pairs) {
  const redline = join(out, 'redline.docx');
  const [word, json] = compare(
    [
      { name: 'opinion diff --out redline.docx', argv: ['node', bin, 'diff', p.old, p.new, '--out', redline, '--quiet'], check: ok([1]) },
      { name: 'opinion diff --format json', argv: ['node', bin, 'diff', p.old, p.new, '--format', 'json', '--quiet'], check: ok([1]) },
    ],
    { runs: p.runs, warmup: 1 },
  );
  redlineRows.push([p.name, kB(redline), fmt(word.median), fmt(json.median), `${rss(word, json)} MB`]);
}

const version = execFileSync('pandoc', ['--version'], { encoding: 'utf8' }).split('\n')[0];
console.log(`Word outputs and input vs ${version}, node ${process.version}, whole process, median of alternating runs (NODE_EXTRA_CA_CERTS unset)\n`);
console.log(
  table(
    ['content', '.docx size', 'opinion build → docx', 'pandoc md → docx', 'opinion import docx', 'pandoc docx → md', 'peak RSS (build / import)'],
    buildRows,
  ),
);
console.log();
console.log(table(['pair', 'redline size', 'opinion diff → redline.docx', 'opinion diff → JSON', 'peak RSS (docx / JSON)'], redlineRows));
