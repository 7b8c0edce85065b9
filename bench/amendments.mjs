// Benchmark of the amendments cycle, whole process each time, node with
// NODE_EXTRA_CA_CERTS unset (as on a user's machine): `opinion amendments
// sheet` (Markdown to standard output, Markdown + Word files, Word alone) and
// `opinion amendments apply` with 300 amendments on a generated opinion of
// 5,000 points (bench/large-opinion.mjs): amend, delete, insert-after and
// insert-before, a third of them adopted. `opinion validate` of the same
// folder for reference. Target: each under 1 s.
//
// Reports the wall time and the CPU time (user + system, from /usr/bin/time)
// of each run: on a shared machine the wall time mostly measures the other
// processes; the CPU time is what the command itself costs.
// Run: npm run build && node bench/amendments.mjs [node binary]
// The opinion alone: node bench/amendments.mjs --fixture DIR
import { execFileSync, spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { generateOpinion } from './large-opinion.mjs';
import { BENCH_DIR, median, scaledRuns, snapshotCli, table, userEnv } from './lib.mjs';

/**
 * The bench's opinion: 5,000 generated points (bench/large-opinion.mjs) and
 * 300 amendments spread over the text, in `dir`. Deterministic.
 */
export function amendmentsFixture(dir) {
  generateOpinion(dir, 5000);
  const ACTIONS = ['amend', 'amend', 'delete', 'insert-after', 'amend', 'insert-before'];
  const items = [];
  for (let i = 0; i < 300; i++) {
    // Spread over the text, never twice the same point (every 16th point: p-0, p-16, …).
    const point = i * 16;
    const action = ACTIONS[i % ACTIONS.length];
    const adopted = i % 3 === 0;
    const lines = [
      `  - id: am-${i + 1}`,
      `    number: ${i + 1}`,
      '    stage: section',
      `    by: [Member ${String.fromCharCode(65 + (i % 26))}MEMBER]`,
      `    target: p-${point}`,
      `    action: ${action}`,
    ];
    if (action.startsWith('insert')) lines.push(`    new_id: p-new-${i}`);
    if (action !== 'delete')
      lines.push(`    text: The EESC considers that amendment ${i + 1} improves point ${point} with new words about social economy enterprises and migrants.`);
    lines.push(`    reason: Illustrative reason ${i + 1}.`, `    position: ${adopted ? 'accept' : 'reject'}`);
    if (adopted) lines.push('    outcome: adopted', `    vote: { for: ${40 + (i % 9)}, against: ${10 + (i % 5)}, abstentions: ${i % 4} }`);
    items.push(lines.join('\n'));
  }
  writeFileSync(join(dir, 'amendments.yaml'), `# Generated amendments for the benchmark.\namendments:\n${items.join('\n')}\n`);
  return dir;
}

// `node bench/amendments.mjs --fixture DIR` only writes the bench's opinion into DIR (to compare outputs or profile).
if (process.argv[2] === '--fixture') {
  amendmentsFixture(process.argv[3]);
  process.exit(0);
}
const node = process.argv[2] ?? process.execPath;
const bin = snapshotCli('amendments-cli');
const dir = amendmentsFixture(join(BENCH_DIR, 'amendments-5000'));
const out = join(BENCH_DIR, 'amendments-out');
const applied = join(out, 'applied');

/** One run: wall ms, CPU ms (user + system), peak RSS MB. */
function run(args, before) {
  before?.();
  const start = process.hrtime.bigint();
  const result = spawnSync('/usr/bin/time', ['-f', '%U %S %M', node, bin, ...args], { env: userEnv(), encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  const lines = result.stderr.trimEnd().split('\n');
  const [user, system, rss] = lines.pop().split(' ').map(Number);
  if (result.status !== 0) throw new Error(`exit ${result.status}: ${args.join(' ')}\n${lines.join('\n').slice(0, 2000)}`);
  return { wall, cpu: (user + system) * 1000, rss: rss / 1024 };
}

const commands = [
  { name: 'amendments sheet (Markdown, stdout)', args: ['amendments', 'sheet', dir] },
  { name: 'amendments sheet --to md,docx --out', args: ['amendments', 'sheet', dir, '--to', 'md,docx', '--out', join(out, 'sheet')] },
  { name: 'amendments sheet --to docx --out', args: ['amendments', 'sheet', dir, '--to', 'docx', '--out', join(out, 'sheet-docx')] },
  {
    name: 'amendments apply (100 adopted)',
    args: ['amendments', 'apply', dir, '--out', applied],
    before: () => rmSync(applied, { recursive: true, force: true }),
  },
  { name: 'validate (for reference)', args: ['validate', dir] },
];
// At least 5 timed runs whatever the scale: the Word sheet is near the 1 s goal, and a median of 2 is one run's noise.
const RUNS = Math.max(5, scaledRuns(7));
const samples = commands.map(() => []);
for (const c of commands) run(c.args, c.before);
const load = loadavg()[0];
for (let r = 0; r < RUNS; r++) for (const [i, c] of commands.entries()) samples[i].push(run(c.args, c.before));
rmSync(applied, { recursive: true, force: true });
const version = execFileSync(node, ['--version'], { encoding: 'utf8' }).trim();
console.log(`Amendments: 300 on a 5,000-point opinion, whole process, node ${version}, median of ${RUNS} (load average ${load.toFixed(1)} on this machine):\n`);
const ms = (v) => `${v.toFixed(0)} ms`;
console.log(
  table(
    ['command', 'wall (median)', 'wall (min)', 'CPU user+sys (median)', 'RSS'],
    commands.map((c, i) => [
      c.name,
      ms(median(samples[i].map((s) => s.wall))),
      ms(Math.min(...samples[i].map((s) => s.wall))),
      ms(median(samples[i].map((s) => s.cpu))),
      `${Math.max(...samples[i].map((s) => s.rss)).toFixed(0)} MB`,
    ]),
  ),
);
