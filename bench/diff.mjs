// Benchmark of `opinion diff` against `git diff --no-index --word-diff`,
// `wdiff` and `dwdiff` on the same pairs of drafts with KNOWN changes
// (bench/diff-data.mjs): 200 points (about a real opinion's length, and
// more), 1,000 and 5,000 points. For each size:
//
// - time: whole process, the contenders alternating in one loop (median of
//   the runs), with `node -e 0` as the floor of any node command;
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
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { BENCH_DIR, ROOT, compare, fmt, runOnce, table, userEnv } from './lib.mjs';
import { countWords, generatePair } from './diff-data.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at === -1 ? fallback : args[at + 1];
};
const SIZES = option('sizes', '200,1000,5000').split(',').map(Number);
const RUNS = Number(option('runs', '7'));
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
  const found = real.filter((change) => change.probe && (change.probe.inserted || change.probe.deleted) && covered(change.probe.inserted, inserted) && covered(change.probe.deleted, deleted));
  return { found: found.length, of: real.length };
}

const key = (change) => `${change.kind} ${[change.from ?? ''].flat().join('+')}→${[change.to ?? ''].flat().join('+')}${change.edited === undefined ? '' : ` edited=${change.edited}`}`;

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
say(`node ${process.version}, NODE_EXTRA_CA_CERTS unset for every node command (as on a user's machine); ${RUNS} runs per command, alternating; median wall time.`);
say(`Peak memory: maximum resident set size from /usr/bin/time. Machine load when starting: ${(await import('node:os')).loadavg().map((n) => n.toFixed(2)).join(' ')}.`);
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
    ...(has('git') ? [{ name: '`git diff --no-index --word-diff`', argv: ['git', 'diff', '--no-index', '--no-color', '--word-diff=plain', oldFile, newFile], env }] : []),
    ...(has('wdiff') ? [{ name: '`wdiff`', argv: ['wdiff', oldFile, newFile], env }] : []),
    ...(has('dwdiff') ? [{ name: '`dwdiff`', argv: ['dwdiff', oldFile, newFile], env }] : []),
    { name: '`node -e 0`', argv: [process.execPath, '-e', '0'], env },
  ];
  const timings = compare(contenders, { runs: RUNS, warmup: 1 });
  const realChanges = pair.known.filter((change) => change.kind !== 'renumbered').length;
  const rows = timings.map((timing, i) => {
    const contender = contenders[i];
    if (contender.name === '`node -e 0`') return [contender.name, fmt(timing.median), `${timing.rssMb.toFixed(0)} MB`, '–', '–', '–'];
    const output = runOnce(contender.argv, contender).stdout;
    if (i === 0) {
      const ours = checkOurs(output, pair.known);
      if (ours.missed.length || ours.falses.length) say(`opinion diff at ${size} points: missed ${JSON.stringify(ours.missed.slice(0, 10))}, false ${JSON.stringify(ours.falses.slice(0, 10))}`);
      return [contender.name, fmt(timing.median), `${timing.rssMb.toFixed(0)} MB`, `${ours.found} / ${ours.of} (${realChanges} real changes + ${ours.of - realChanges} renumberings)`, String(ours.falses.length), `${ours.words}`];
    }
    const marks = markedWords(output);
    const found = foundByMarks(pair.known, marks);
    return [contender.name, fmt(timing.median), `${timing.rssMb.toFixed(0)} MB`, `${found.found} / ${found.of} located, no kinds`, 'n/a', `${marks.deleted.length + marks.inserted.length}`];
  });
  const floor = timings.find((timing) => timing.name === '`node -e 0`');
  growth.push({ size, ms: timings[0].median, floor: floor?.median ?? 0 });
  say(`## ${size} points (${(pair.old.length / 1024).toFixed(0)} KB; ${pair.trueWords} words truly changed)`);
  say();
  say(table(['command', 'time', 'peak memory', 'known changes found', 'false changes', 'words marked changed'], rows));
  say();
  if (floor) say(`\`opinion diff\` takes ${(timings[0].median / floor.median).toFixed(1)}× \`node -e 0\`.`);
  const wdiff = timings.find((timing) => timing.name === '`wdiff`');
  if (wdiff) say(`\`opinion diff\` takes ${(timings[0].median / wdiff.median).toFixed(2)}× the time of \`wdiff\`.`);
  say();
}

if (growth.length > 1) {
  say('## Growth');
  say();
  say(table(['points', 'time', 'time − node start', 'per 1,000 points'], growth.map((g) => [String(g.size), fmt(g.ms), fmt(g.ms - g.floor), fmt(((g.ms - g.floor) / g.size) * 1000)])));
  say();
}
writeFileSync(join(DIR, 'results.md'), lines.join('\n') + '\n');
console.log(`(written to ${join(DIR, 'results.md')})`);
