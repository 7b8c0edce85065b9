// Benchmark of one-shot start-up: every command on the sample opinion against
// `node -e 0`, as ratios measured in pairs (the two commands alternate; the
// figure is the median of the per-pair ratios), NODE_EXTRA_CA_CERTS unset.
// Runs on the Node that runs this script, or on each `--node <binary>` given.
// The code cache is warmed by one run before timing, as after a user's first run.
// Run: npm run build && node bench/startup.mjs [--node /path/to/node ...] [--runs N] [--only validate,diff]
// (OPINION_BENCH_NODES, a list of node binaries separated by ':', adds them too.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { ROOT, median, runOnce, scaledRuns, table, userEnv, snapshotCli } from './lib.mjs';

const args = process.argv.slice(2);
const nodes = [];
let runs = scaledRuns(15);
let only;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--node') nodes.push(args[++i]);
  else if (args[i] === '--runs') runs = Number(args[++i]);
  else if (args[i] === '--only') only = args[++i].split(',');
}
if (nodes.length === 0) nodes.push(process.execPath, ...(process.env.OPINION_BENCH_NODES ?? '').split(':').filter(Boolean));

const bin = snapshotCli('startup-cli');
const out = mkdtempSync(join(tmpdir(), 'opinion-startup-'));
const cache = mkdtempSync(join(tmpdir(), 'opinion-startup-cache-'));
const opinion = join(ROOT, 'opinions', 'see-migrants');
const preliminary = join(ROOT, 'opinions', 'see-migrants-preliminary');
const commands = [
  ['validate', ['validate', opinion]],
  ['check', ['check', opinion]],
  ['stats', ['stats', opinion]],
  ['build --to md', ['build', opinion, '--to', 'md', '--out', join(out, 'md'), '--force', '-q']],
  ['build --to html', ['build', opinion, '--to', 'html', '--out', join(out, 'html'), '--force', '-q']],
  ['diff (two sample versions)', ['diff', preliminary, opinion]],
].filter(([name]) => !only || only.some((o) => name.startsWith(o)));

export function pairedRatio(node, argv, env, count) {
  const ratios = [];
  const ms = [];
  const base = [];
  const cpu = [];
  const baseCpu = [];
  for (let i = 0; i < count; i++) {
    const a = runOnce([node, '-e', '0'], { env });
    const b = runOnce([node, ...argv], { env });
    if (b.code !== 0 && b.code !== 1) throw new Error(`${argv.join(' ')} failed (exit ${b.code}):\n${b.stderr}`);
    ratios.push(b.ms / a.ms);
    ms.push(b.ms);
    base.push(a.ms);
    if (a.cpuMs !== undefined && b.cpuMs !== undefined) {
      cpu.push(b.cpuMs);
      baseCpu.push(a.cpuMs);
    }
  }
  return { ratio: median(ratios), ms: median(ms), base: median(base), ...(cpu.length ? { cpu: median(cpu), baseCpu: median(baseCpu) } : {}) };
}

for (const node of nodes) {
  const version = execFileSync(node, ['-v'], { encoding: 'utf8' }).trim();
  const env = { ...userEnv(), OPINION_CACHE_DIR: cache };
  const rows = [];
  for (const [name, argv] of commands) {
    runOnce([node, bin, ...argv], { env }); // writes the code cache, as a user's first run does
    const r = pairedRatio(node, [bin, ...argv], env, runs);
    const cpu = r.cpu === undefined ? ['–', '–'] : [`${r.cpu.toFixed(0)} / ${r.baseCpu.toFixed(0)} ms`, `${(r.cpu / Math.max(r.baseCpu, 10)).toFixed(1)}×`];
    rows.push([`opinion ${name}`, `${r.ms.toFixed(0)} ms`, `${r.base.toFixed(0)} ms`, `${r.ratio.toFixed(2)}×`, ...cpu]);
  }
  console.log(`\nNode ${version}, ${runs} pairs per command, median of per-pair ratios (NODE_EXTRA_CA_CERTS unset)\n`);
  // CPU time (user + sys, from GNU time, 10 ms steps) depends less on the machine's load than wall time.
  console.log(table(['command (sample opinion)', 'median', '`node -e 0`', '× `node -e 0`', 'CPU, command / `node -e 0`', 'CPU ×'], rows));
}
rmSync(out, { recursive: true, force: true });
rmSync(cache, { recursive: true, force: true });
