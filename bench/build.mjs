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
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compare, table, fmt, BENCH_DIR, ROOT, runOnce, snapshotCli } from './lib.mjs';
import { generateOpinion } from './large-opinion.mjs';

const bin = snapshotCli('build-cli');
const out = join(BENCH_DIR, 'build-out');
const cases = [
  { name: 'sample (see-migrants, en)', dir: join(ROOT, 'opinions', 'see-migrants'), runs: 11 },
  { name: '200 points', dir: generateOpinion(join(BENCH_DIR, 'build-200'), 200), runs: 11, points: 200 },
  { name: '1,000 points', dir: generateOpinion(join(BENCH_DIR, 'build-1000'), 1000), runs: 5, points: 1000 },
  { name: '5,000 points', dir: generateOpinion(join(BENCH_DIR, 'build-5000'), 5000), runs: 3, points: 5000 },
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
      {
        name: 'opinion build --to html --no-cache',
        argv: ['node', bin, 'build', c.dir, '--to', 'html', '--out', join(out, 'html-cold'), '--force', '-q', '--no-cache'],
        check: ok,
      },
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
    c.points ? `${(cold.median / c.points).toFixed(2)} ms` : '–',
    `${warm.rssMb.toFixed(0)} / ${cold.rssMb.toFixed(0)} MB`,
    `${pandoc.rssMb.toFixed(0)} MB`,
  ]);
}
const version = execFileSync('pandoc', ['--version'], { encoding: 'utf8' }).split('\n')[0];
console.log(`opinion build vs ${version}, node ${process.version}, whole process, median of alternating runs (NODE_EXTRA_CA_CERTS unset)\n`);
console.log(
  table(
    [
      'content',
      'Markdown size',
      'opinion build → HTML (÷ pandoc)',
      'same, --no-cache (÷ pandoc)',
      'pandoc → HTML',
      '--no-cache per point',
      'opinion peak RSS (cached / no cache)',
      'pandoc peak RSS',
    ],
    rows,
  ),
);
