// Shared helpers for the benchmarks: whole-process timing of commands,
// alternating between the contenders in one loop, with peak memory.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../', import.meta.url));
export const BENCH_DIR = ROOT + '.bench/';
mkdirSync(BENCH_DIR, { recursive: true });

/** The environment node commands run in: NODE_EXTRA_CA_CERTS unset, as on a user's machine. */
export function userEnv() {
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  delete env.FORCE_COLOR;
  env.NO_COLOR = '1';
  return env;
}

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Run a command once: wall time (ms), CPU time (user + sys, ms; 10 ms resolution), peak RSS (MB), exit code, stdout. */
export function runOnce(argv, options = {}) {
  const args = TIME ? ['-f', '%U %S %M', ...argv] : argv.slice(1);
  const command = TIME ?? argv[0];
  const start = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd: options.cwd ?? ROOT, env: options.env ?? userEnv(), encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  let rssMb;
  let cpuMs;
  let stderr = result.stderr ?? '';
  if (TIME) {
    const lines = stderr.trimEnd().split('\n');
    const [user, sys, rss] = lines.pop().split(' ').map(Number);
    rssMb = rss / 1024;
    cpuMs = (user + sys) * 1000;
    stderr = lines.join('\n');
  }
  return { ms, cpuMs, rssMb, code: result.status, stdout: result.stdout, stderr };
}

/**
 * Time several commands, alternating them in one loop so that machine noise
 * hits all alike. Returns per-command median / min wall time and max RSS.
 */
export function compare(commands, { runs = 10, warmup = 1 } = {}) {
  runs = scaledRuns(runs);
  const samples = commands.map(() => []);
  const rss = commands.map(() => 0);
  for (let i = 0; i < warmup; i++) for (const c of commands) runOnce(c.argv, c);
  for (let r = 0; r < runs; r++) {
    for (const [i, c] of commands.entries()) {
      const result = runOnce(c.argv, c);
      if (c.check) c.check(result);
      samples[i].push(result.ms);
      rss[i] = Math.max(rss[i], result.rssMb ?? 0);
    }
  }
  return commands.map((c, i) => ({ name: c.name, median: median(samples[i]), min: Math.min(...samples[i]), rssMb: rss[i] }));
}

/**
 * Runs per measurement, scaled by OPINION_BENCH_SCALE (0.5 = half as many,
 * at least 1; `npm run bench` sets it so that the whole run takes minutes).
 */
export function scaledRuns(runs) {
  const scale = Number(process.env.OPINION_BENCH_SCALE ?? '1');
  return Math.max(1, Math.round(runs * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function table(headers, rows) {
  const line = (cells) => `| ${cells.join(' | ')} |`;
  return [line(headers), line(headers.map(() => '---')), ...rows.map(line)].join('\n');
}

export const fmt = (ms) => `${ms.toFixed(0)} ms`;

/** A copy of the built CLI under .bench/<name>, so that a rebuild of dist/ during the run cannot disturb it; its bin. */
export function snapshotCli(name) {
  const snapshot = join(BENCH_DIR, name);
  rmSync(snapshot, { recursive: true, force: true });
  for (const part of ['bin', 'dist', 'templates', 'schemas', 'package.json']) cpSync(join(ROOT, part), join(snapshot, part), { recursive: true });
  return join(snapshot, 'bin', 'opinion.js');
}

/** The opinion.yaml of a generated opinion (one language, own-initiative, at the section stage), with `extra` keys at the end. */
export function generatedOpinionYaml(reference, title, extra = '') {
  return `reference: ${reference}
title: ${title}
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
${extra}`;
}
