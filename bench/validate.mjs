// Benchmark of `opinion validate`, whole process (NODE_EXTRA_CA_CERTS unset):
// one opinion (the sample) against `node -e 0`, and 1,000 generated opinions.
// Run: npm run build && node bench/validate.mjs
import { compare, table, fmt, BENCH_DIR, ROOT } from './lib.mjs';
import { generateOpinions } from './generate-opinions.mjs';

const bin = ROOT + 'bin/opinion.js';
const corpus = generateOpinions(BENCH_DIR + 'opinions-1000', 1000);
const ok = (r) => {
  if (r.code !== 0) throw new Error(`validate failed (exit ${r.code}):\n${r.stdout}${r.stderr}`);
};

const one = compare(
  [
    { name: 'node -e 0', argv: ['node', '-e', '0'] },
    { name: 'opinion validate (sample, 4 languages)', argv: ['node', bin, 'validate', 'opinions/see-migrants'], check: ok },
    { name: 'opinion validate (1 generated opinion)', argv: ['node', bin, 'validate', `${corpus}/opinion-0000`], check: ok },
  ],
  { runs: 15, warmup: 2 },
);
const many = compare([{ name: 'opinion validate (1,000 generated opinions)', argv: ['node', bin, 'validate', corpus, '--format', 'json'], check: ok }], {
  runs: 3,
  warmup: 1,
});

const base = one[0].median;
console.log(
  table(
    ['command (whole process, NODE_EXTRA_CA_CERTS unset)', 'median', 'min', '× node -e 0', 'peak RSS'],
    [...one, ...many].map((r) => [r.name, fmt(r.median), fmt(r.min), (r.median / base).toFixed(1) + '×', `${r.rssMb.toFixed(0)} MB`]),
  ),
);
