// `npm run bench`: every benchmark in turn, each printing a Markdown table.
// Whole processes, NODE_EXTRA_CA_CERTS unset (see lib.mjs). Needs `npm run build`
// first, and Debian's pandoc, wdiff and dwdiff for the comparisons.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('.', import.meta.url));
const build = spawnSync('npm', ['run', 'build'], { cwd: here + '..', stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
for (const bench of ['validate.mjs', 'check.mjs', 'build.mjs', 'diff.mjs', 'word.mjs', 'amendments.mjs']) {
  console.log(`\n## ${bench.replace('.mjs', '')}\n`);
  const result = spawnSync(process.execPath, [here + bench], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
