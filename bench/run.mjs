// `npm run bench`: every benchmark in turn, each printing its Markdown tables
// as it goes; the figures (with the Node version and the machine) are written
// to docs/benchmarks.md, between the markers below, after each benchmark.
// Whole processes, NODE_EXTRA_CA_CERTS unset (see lib.mjs). Builds first; needs
// Debian's pandoc, wdiff and dwdiff for the comparisons.
// OPINION_BENCH_SCALE (default 0.3 here: about 5 minutes on 2 cores) scales the runs per measurement;
// OPINION_BENCH_NODES=/path/to/node22:/path/to/node24 adds Nodes to the start-up table.
// Run: npm run bench [-- startup check build diff word]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const root = here + '../';
const DOC = root + 'docs/benchmarks.md';
const START = '<!-- bench:start (written by `npm run bench`) -->';
const END = '<!-- bench:end -->';
const ALL = ['startup', 'check', 'build', 'diff', 'word', 'amendments'];
const chosen = process.argv.slice(2).filter((a) => ALL.includes(a));
const benches = chosen.length > 0 ? chosen : ALL;

const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const cpu = cpus();
const machine = `${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} core${cpu.length === 1 ? '' : 's'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, ${process.platform} ${process.arch}`;
const env = { ...process.env, OPINION_BENCH_SCALE: process.env.OPINION_BENCH_SCALE ?? '0.3' };
const sections = [];
const started = Date.now();

for (const bench of benches) {
  const title = `## ${bench}`;
  console.log(`\n${title}\n`);
  const load = loadavg()[0].toFixed(1);
  const sectionStart = Date.now();
  const output = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [here + bench + '.mjs'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
    let text = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      text += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(text) : reject(new Error(`bench/${bench}.mjs exited with ${code}`))));
  });
  // In the document, each benchmark is a section under "Figures": its own headings below it.
  const body = output.trim().replace(/^(#+) /gm, '###$1 ');
  const took = ((Date.now() - sectionStart) / 1000).toFixed(0);
  console.log(`\n(${bench}: ${took} s)`);
  sections.push(`#${title}\n\nLoad average (2 cores) when it started: ${load}; the section took ${took} s.\n\n${body}\n`);
  writeDoc();
}
console.log(`\nWritten to docs/benchmarks.md (${((Date.now() - started) / 60000).toFixed(1)} min).`);

function writeDoc() {
  const figures = [
    START,
    `Measured on ${new Date().toISOString().slice(0, 10)} with Node ${process.version} (other Nodes as named in the tables) on ${machine}; ` +
      `runs scaled by ${env.OPINION_BENCH_SCALE}. Wall times on a shared machine vary with its load: compare ratios measured in the same run, not figures across runs.`,
    '',
    ...sections,
    END,
  ].join('\n');
  mkdirSync(root + 'docs', { recursive: true });
  const current = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '';
  const start = current.indexOf(START);
  const end = current.indexOf(END);
  const next =
    start >= 0 && end > start
      ? current.slice(0, start) + figures + current.slice(end + END.length)
      : (current || '# Benchmarks\n\nWhat `npm run bench` measured: whole processes, as a user runs them. How to read and re-run them: `bench/*.mjs`.\n\n') +
        '\n' +
        figures +
        '\n';
  writeFileSync(DOC, next);
}
