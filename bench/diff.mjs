// Benchmark of `opinion diff` against `git diff --no-index --word-diff`,
// `wdiff` and `dwdiff` on the same pairs of drafts with KNOWN changes
// (bench/diff-data.mjs): 200 points (about a real opinion's length, and
// more), 1,000 and 5,000 points. For each size:
//
// - time: whole process, the contenders alternating in one loop (median of
//   the runs), with `node -e 0` as the floor of any node command; and the
//   CPU time (user + system, all threads) of the same runs, which depends
//   less on what else the machine is doing;
// - peak memory (maximum resident set size, from /usr/bin/time);
// - how many of the known changes each finds: for `opinion diff`, its JSON
//   change list compared exactly with the known list (kind, numbers, edited),
//   and any change it reports that is not known is a false change; the other
//   tools have no kinds, so a known change counts as found when the words it
//   touched are marked (a split or a merge changes no word: they cannot show
//   it, and a renumbering is not a change to find);
// - how many words each marks as inserted or deleted, against the words
//   that truly changed.
//
// node runs with NODE_EXTRA_CA_CERTS unset (these machines set it, which adds
// about 100 ms to every node start; users' machines do not).
//
// Run: npm run build && node bench/diff.mjs [--sizes 200,1000,5000] [--runs 7]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { BENCH_DIR, ROOT, fmt, median, runOnce, scaledRuns, table, userEnv } from './lib.mjs';
import { countWords, generatePair } from './diff-data.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : args[at + 1];
};
const SIZES = option('sizes', '200,1000,5000').split(',').map(Number);
const RUNS = scaledRuns(Number(option('runs', '7')));
const BIN = join(ROOT, 'bin', 'opinion.js');
if (!existsSync(join(ROOT, 'dist', 'cli.js'))) {
  console.error('bench/diff.mjs: dist/cli.js is missing; run `npm run build` first.');
  process.exit(2);
}
const has = (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const DIR = join(BENCH_DIR, 'diff');
mkdirSync(DIR, { recursive: true });

/** Words inside wdiff-style markers `[-…-]` and `{+…+}` (git --word-diff=plain, wdiff and dwdiff all write them). */
function markedWords(output) {
  const deleted = [];
  const inserted = [];
  for (const match of output.matchAll(/\[-([\s\S]*?)-\]/g)) deleted.push(...(match[1].match(/[\p{L}\p{N}]+(?:[.'’-][\p{L}\p{N}]+)*/gu) ?? []));
  for (const match of output.matchAll(/\{\+([\s\S]*?)\+\}/g)) inserted.push(...(match[1].match(/[\p{L}\p{N}]+(?:[.'’-][\p{L}\p{N}]+)*/gu) ?? []));
  return { deleted, inserted };
}

function multiset(words) {
  const counts = new Map();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** A known change is found by a word-diff tool when at least half of the words it touched are marked. */
function foundByMarks(known, marks) {
  const deleted = multiset(marks.deleted);
  const inserted = multiset(marks.inserted);
  const covered = (words, pool) => {
    if (!words || words.length === 0) return true;
    const need = multiset(words);
    let hit = 0;
    for (const [word, count] of need) hit += Math.min(count, pool.get(word) ?? 0);
    return hit >= words.length / 2;
  };
  const real = known.filter((change) => change.kind !== 'renumbered');
  const found = real.filter(
    (change) =>
      change.probe && (change.probe.inserted || change.probe.deleted) && covered(change.probe.inserted, inserted) && covered(change.probe.deleted, deleted),
  );
  return { found: found.length, of: real.length };
}

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const TICKS = 100; // clock ticks per second of /proc/<pid>/stat on Linux

/**
 * One run: wall time, CPU time (user + system) and peak memory, from GNU
 * /usr/bin/time; without it, from /proc/<pid> read while the command runs.
 */
async function measure(argv, env) {
  const start = process.hrtime.bigint();
  if (TIME) {
    const result = spawnSync(TIME, ['-f', '%U %S %M', ...argv], { env, encoding: 'utf8', maxBuffer: 1 << 30 });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const [user, system, kb] = (result.stderr ?? '').trim().split('\n').pop().split(' ').map(Number);
    return { ms, cpu: (user + system) * 1000, rssMb: kb / 1024 };
  }
  const child = spawn(argv[0], argv.slice(1), { env, stdio: ['ignore', 'ignore', 'ignore'] });
  let peakKb = 0;
  let cpu = 0;
  const poll = setInterval(() => {
    try {
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
      peakKb = Math.max(peakKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
      const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      cpu = ((Number(stat[11]) + Number(stat[12])) / TICKS) * 1000;
    } catch {
      // The process has ended between two readings.
    }
  }, 2);
  await new Promise((resolve) => child.on('exit', resolve));
  clearInterval(poll);
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, cpu, rssMb: peakKb / 1024 };
}

/** The contenders alternating in one loop: medians of wall and CPU time, largest peak memory. */
async function compareAll(contenders, runs) {
  for (const contender of contenders) await measure(contender.argv, contender.env);
  const samples = contenders.map(() => ({ ms: [], cpu: [], rss: 0 }));
  for (let run = 0; run < runs; run++) {
    for (const [i, contender] of contenders.entries()) {
      const result = await measure(contender.argv, contender.env);
      samples[i].ms.push(result.ms);
      samples[i].cpu.push(result.cpu);
      samples[i].rss = Math.max(samples[i].rss, result.rssMb);
    }
  }
  return contenders.map((contender, i) => ({ name: contender.name, median: median(samples[i].ms), cpu: median(samples[i].cpu), rssMb: samples[i].rss }));
}

/** CPU time as GNU time gives it: to the hundredth of a second. */
const fmtCpu = (ms) => (ms < 10 ? '< 10 ms' : fmt(ms));
const ratio = (a, b) => (b < 10 ? 'n/a' : `${(a / b).toFixed(1)}×`);

const key = (change) =>
  `${change.kind} ${[change.from ?? ''].flat().join('+')}→${[change.to ?? ''].flat().join('+')}${change.edited === undefined ? '' : ` edited=${change.edited}`}`;

function checkOurs(stdout, known) {
  const ours = JSON.parse(stdout).changes;
  const expected = new Set(known.map(key));
  const reported = new Set(ours.map(key));
  const found = [...expected].filter((k) => reported.has(k));
  const falses = [...reported].filter((k) => !expected.has(k));
  const words = ours.reduce((n, change) => n + change.words.added + change.words.deleted, 0);
  return { found: found.length, of: expected.size, falses, missed: [...expected].filter((k) => !reported.has(k)), words };
}

const lines = [];
const say = (text = '') => {
  lines.push(text);
  console.log(text);
};

say('# `opinion diff` benchmark');
say();
say(
  `node ${process.version}, NODE_EXTRA_CA_CERTS unset for every node command (as on a user's machine); ${RUNS} runs per command, alternating; median wall time.`,
);
const os = await import('node:os');
say(
  `Peak memory: maximum resident set size (${TIME ? 'GNU /usr/bin/time' : 'VmHWM read from /proc while running'}). Machine: ${os.cpus().length} CPUs, load ${os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')} when starting.`,
);
say();

const growth = [];
for (const size of SIZES) {
  const pair = generatePair(size, 1);
  const oldFile = join(DIR, `old-${size}.md`);
  const newFile = join(DIR, `new-${size}.md`);
  writeFileSync(oldFile, pair.old);
  writeFileSync(newFile, pair.new);
  const env = userEnv();
  const contenders = [
    { name: '`opinion diff --format json`', argv: [process.execPath, BIN, 'diff', oldFile, newFile, '--format', 'json'], env },
    ...(has('git')
      ? [{ name: '`git diff --no-index --word-diff`', argv: ['git', 'diff', '--no-index', '--no-color', '--word-diff=plain', oldFile, newFile], env }]
      : []),
    ...(has('wdiff') ? [{ name: '`wdiff`', argv: ['wdiff', oldFile, newFile], env }] : []),
    ...(has('dwdiff') ? [{ name: '`dwdiff`', argv: ['dwdiff', oldFile, newFile], env }] : []),
    { name: '`node -e 0`', argv: [process.execPath, '-e', '0'], env },
  ];
  const timings = await compareAll(contenders, RUNS);
  const realChanges = pair.known.filter((change) => change.kind !== 'renumbered').length;
  const rows = timings.map((timing, i) => {
    const contender = contenders[i];
    if (contender.name === '`node -e 0`') return [contender.name, fmt(timing.median), fmtCpu(timing.cpu), `${timing.rssMb.toFixed(0)} MB`, '–', '–', '–'];
    const output = runOnce(contender.argv, contender).stdout;
    if (i === 0) {
      const ours = checkOurs(output, pair.known);
      if (ours.missed.length || ours.falses.length)
        say(`opinion diff at ${size} points: missed ${JSON.stringify(ours.missed.slice(0, 10))}, false ${JSON.stringify(ours.falses.slice(0, 10))}`);
      return [
        contender.name,
        fmt(timing.median),
        fmtCpu(timing.cpu),
        `${timing.rssMb.toFixed(0)} MB`,
        `${ours.found} / ${ours.of} (${realChanges} real changes + ${ours.of - realChanges} renumberings)`,
        String(ours.falses.length),
        `${ours.words}`,
      ];
    }
    const marks = markedWords(output);
    const found = foundByMarks(pair.known, marks);
    return [
      contender.name,
      fmt(timing.median),
      fmtCpu(timing.cpu),
      `${timing.rssMb.toFixed(0)} MB`,
      `${found.found} / ${found.of} located, no kinds`,
      'n/a',
      `${marks.deleted.length + marks.inserted.length}`,
    ];
  });
  const floor = timings.find((timing) => timing.name === '`node -e 0`');
  growth.push({ size, ms: timings[0].median, cpu: timings[0].cpu, floor: floor?.median ?? 0 });
  say(`## ${size} points (${(pair.old.length / 1024).toFixed(0)} KB; ${pair.trueWords} words truly changed)`);
  say();
  say(table(['command', 'wall time', 'CPU time', 'peak memory', 'known changes found', 'false changes', 'words marked changed'], rows));
  say();
  if (floor)
    say(
      `\`opinion diff\` takes ${(timings[0].median / floor.median).toFixed(1)}× the wall time of \`node -e 0\` (CPU time: ${ratio(timings[0].cpu, floor.cpu)}).`,
    );
  const wdiff = timings.find((timing) => timing.name === '`wdiff`');
  if (wdiff)
    say(`\`opinion diff\` takes ${(timings[0].median / wdiff.median).toFixed(2)}× the wall time of \`wdiff\` (CPU time: ${ratio(timings[0].cpu, wdiff.cpu)}).`);
  say();
}

if (growth.length > 1) {
  say('## Growth');
  say();
  say(
    table(
      ['points', 'wall time', 'CPU time', 'wall time − node start', 'per 1,000 points'],
      growth.map((g) => [String(g.size), fmt(g.ms), fmtCpu(g.cpu), fmt(g.ms - g.floor), fmt(((g.ms - g.floor) / g.size) * 1000)]),
    ),
  );
  say();
}
writeFileSync(join(DIR, 'results.md'), lines.join('\n') + '\n');
console.log(`(written to ${join(DIR, 'results.md')})`);
