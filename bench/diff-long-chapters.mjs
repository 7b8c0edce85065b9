// Benchmark of `opinion diff` on long chapters (issue 15): a pair of 5,000
// points in 5 chapters of about 1,000 points each (numbers up to x.1000),
// with 700 known changes of every kind (edits, deletions, additions, moves
// with and without edits, splits, merges) plus the renumberings they cause
// (bench/diff-data.mjs). Next to it, `wdiff` and `git diff --word-diff` on the
// same two files.
//
// For each command: median wall time and CPU time (user + system) of the
// runs, alternating; peak memory (maximum resident set size, GNU time). For
// `opinion diff`: its JSON change list compared exactly with the known list
// (every change found, nothing false). The word-diff tools have no kinds: a
// change counts as located when at least half of the words it touched are
// marked (a split or merge changes no word; renumbering is not looked for).
//
// node runs with NODE_EXTRA_CA_CERTS unset, as on a user's machine.
//
// Run: npm run build && node bench/diff-long-chapters.mjs [--runs 5]
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { BENCH_DIR, ROOT, runOnce, userEnv } from './lib.mjs';
import { generatePair } from './diff-data.mjs';

const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const RUNS = at === -1 ? 5 : Number(args[at + 1]);
const BIN = join(ROOT, 'bin', 'opinion.js');
if (!existsSync(join(ROOT, 'dist', 'cli.js'))) {
  console.error('bench/diff-long-chapters.mjs: dist/cli.js is missing; run `npm run build` first.');
  process.exit(2);
}
const TIME = '/usr/bin/time';
if (!existsSync(TIME)) {
  console.error('bench/diff-long-chapters.mjs: GNU time (/usr/bin/time) is needed for peak memory.');
  process.exit(2);
}
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;

const PLAN = { edits: 200, deletions: 100, additions: 100, moves: 50, movedEdited: 50, splits: 100, merges: 100 };
const pair = generatePair(5000, 1, { chapters: 5, plan: PLAN });
const DIR = join(BENCH_DIR, 'diff-long-chapters');
mkdirSync(DIR, { recursive: true });
const oldFile = join(DIR, 'old.md');
const newFile = join(DIR, 'new.md');
writeFileSync(oldFile, pair.old);
writeFileSync(newFile, pair.new);

function measure(argv, env) {
  const start = process.hrtime.bigint();
  const result = spawnSync(TIME, ['-f', '%U %S %M', ...argv], { env, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const [user, system, kb] = (result.stderr ?? '').trim().split('\n').pop().split(' ').map(Number);
  return { ms, cpu: (user + system) * 1000, mb: kb / 1024 };
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const env = userEnv();
const contenders = [
  { name: 'opinion diff --format json', argv: [process.execPath, BIN, 'diff', oldFile, newFile, '--format', 'json'] },
  ...(has('wdiff') ? [{ name: 'wdiff', argv: ['wdiff', oldFile, newFile] }] : []),
  ...(has('git')
    ? [{ name: 'git diff --no-index --word-diff', argv: ['git', 'diff', '--no-index', '--no-color', '--word-diff=plain', oldFile, newFile] }]
    : []),
  { name: 'node -e 0', argv: [process.execPath, '-e', '0'] },
];
for (const contender of contenders) measure(contender.argv, env);
const samples = contenders.map(() => ({ ms: [], cpu: [], mb: 0 }));
for (let run = 0; run < RUNS; run++) {
  contenders.forEach((contender, i) => {
    const result = measure(contender.argv, env);
    samples[i].ms.push(result.ms);
    samples[i].cpu.push(result.cpu);
    samples[i].mb = Math.max(samples[i].mb, result.mb);
  });
}

const key = (change) =>
  `${change.kind} ${[change.from ?? ''].flat().join('+')}→${[change.to ?? ''].flat().join('+')}${change.edited === undefined ? '' : ` edited=${change.edited}`}`;
const WORD = /[\p{L}\p{N}]+(?:[.'’-][\p{L}\p{N}]+)*/gu;
function marked(output) {
  const count = (pattern) => {
    const counts = new Map();
    for (const match of output.matchAll(pattern)) for (const word of match[1].match(WORD) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
    return counts;
  };
  return { deleted: count(/\[-([\s\S]*?)-\]/g), inserted: count(/\{\+([\s\S]*?)\+\}/g) };
}
function located(known, marks) {
  const covered = (words, pool) => {
    if (!words || words.length === 0) return true;
    const need = new Map();
    for (const word of words) need.set(word, (need.get(word) ?? 0) + 1);
    let hit = 0;
    for (const [word, count] of need) hit += Math.min(count, pool.get(word) ?? 0);
    return hit >= words.length / 2;
  };
  return known.filter(
    (change) =>
      change.probe &&
      (change.probe.inserted || change.probe.deleted) &&
      covered(change.probe.inserted, marks.inserted) &&
      covered(change.probe.deleted, marks.deleted),
  ).length;
}

const real = pair.known.filter((change) => change.kind !== 'renumbered');
const lines = [];
const say = (text = '') => {
  lines.push(text);
  console.log(text);
};
say(`# opinion diff on long chapters: 5,000 points in 5 chapters, ${real.length} changes`);
say();
say(
  `node ${process.version} (NODE_EXTRA_CA_CERTS unset); ${RUNS} runs per command, alternating; ${cpus().length} CPUs, load ${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')} at the start.`,
);
say(
  `Pair: ${(pair.old.length / 1024).toFixed(0)} KB; ${real.length} changes (${Object.entries(PLAN)
    .map(([k, v]) => `${v} ${k}`)
    .join(', ')}) and ${pair.known.length - real.length} renumberings.`,
);
say();
say('| command | wall time (median) | CPU time (median) | peak memory | changes |');
say('| - | - | - | - | - |');
contenders.forEach((contender, i) => {
  const s = samples[i];
  let found = '–';
  if (contender.name.startsWith('opinion')) {
    const output = runOnce(contender.argv, { env }).stdout;
    const reported = new Set(JSON.parse(output).changes.map(key));
    const expected = new Set(pair.known.map(key));
    const hits = [...expected].filter((k) => reported.has(k)).length;
    const falses = [...reported].filter((k) => !expected.has(k)).length;
    found = `${hits} / ${expected.size} found (all kinds and numbers exact), ${falses} false`;
  } else if (!contender.name.startsWith('node')) {
    found = `${located(real, marked(runOnce(contender.argv, { env }).stdout))} / ${real.length} located, no kinds`;
  }
  say(`| \`${contender.name}\` | ${median(s.ms).toFixed(0)} ms | ${median(s.cpu).toFixed(0)} ms | ${s.mb.toFixed(0)} MB | ${found} |`);
});
writeFileSync(join(DIR, 'result.md'), lines.join('\n') + '\n');
