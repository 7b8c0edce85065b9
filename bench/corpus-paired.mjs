// Per-opinion cost of validate, check or stats, two builds of the package side
// by side in one process (so that both see the same load): each round runs
// every opinion through one build then the other (the order alternating), and
// the median of the per-round ratios of CPU time is printed, after checking that
// both builds give byte-identical results. Worker-thread work, without the
// process start-up and the pool: what a worker spends per opinion once warm.
//
// Run: npm run build && node bench/check.mjs 1000 --generate-only
//      node bench/corpus-paired.mjs <old package folder> <new package folder> validate|check|stats [opinions] [rounds]
// A package folder holds package.json, dist/, schemas/, templates/ and node_modules/
// (e.g. `git archive <commit> | tar -x -C /tmp/old && ln -s $PWD/node_modules /tmp/old/ && (cd /tmp/old && npm run build)`).
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BENCH_DIR } from './lib.mjs';

const [oldPkg, newPkg, kind, count = '60', roundCount = '5'] = process.argv.slice(2);
if (!oldPkg || !newPkg || !['validate', 'check', 'stats'].includes(kind)) {
  console.error('usage: node bench/corpus-paired.mjs <old package> <new package> validate|check|stats [opinions] [rounds]');
  process.exit(2);
}
const corpus = join(BENCH_DIR, 'check-1000');
const folders = readdirSync(corpus)
  .filter((name) => name.startsWith('opinion-'))
  .sort()
  .slice(0, Number(count))
  .map((name) => join(corpus, name));

async function runner(pkg) {
  const lib = await import(pathToFileURL(join(resolve(pkg), 'dist', 'index.js')).href);
  const plain = (files) => files.map((file) => [file.path, file.messages.map((m) => [String(m), m.ruleId, m.fatal])]);
  return async () => {
    const out = [];
    for (const folder of folders) {
      if (kind === 'validate') out.push(plain((await lib.validateOpinion(folder, { markdown: false, labels: true })).files));
      else if (kind === 'check') out.push(plain((await lib.checkOpinion(await lib.openOpinion(folder, lib.CHECK_VALIDATION), {})).files));
      else {
        const result = await lib.statsOfOpinion(await lib.openOpinion(folder), {});
        out.push([result.stats, plain(result.files)]);
      }
    }
    return JSON.stringify(out);
  };
}

const runs = [await runner(oldPkg), await runner(newPkg)];
// The first round warms both up (JIT, label files, compiled validators) and gives the outputs.
const [before, after] = [await runs[0](), await runs[1]()];
if (before !== after) {
  console.error('the two builds give different results');
  process.exit(1);
}
const cpu = [[], []];
const wall = [[], []];
for (let round = 0; round < Number(roundCount); round++) {
  for (const i of round % 2 ? [1, 0] : [0, 1]) {
    const usage = process.cpuUsage();
    const start = performance.now();
    await runs[i]();
    const used = process.cpuUsage(usage);
    wall[i].push((performance.now() - start) / folders.length);
    cpu[i].push((used.user + used.system) / 1000 / folders.length);
  }
}
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const ratio = median(cpu[1].map((value, i) => value / cpu[0][i]));
console.log(
  `${kind}, ${folders.length} opinions, Node ${process.version}, per opinion (median): ` +
    `old ${median(cpu[0]).toFixed(1)} ms CPU / ${median(wall[0]).toFixed(1)} ms wall, ` +
    `new ${median(cpu[1]).toFixed(1)} ms CPU / ${median(wall[1]).toFixed(1)} ms wall; new ÷ old (CPU, median of ${roundCount} pairs) ${ratio.toFixed(2)}; outputs identical`,
);
