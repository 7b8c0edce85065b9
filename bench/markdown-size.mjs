#!/usr/bin/env node
/**
 * Long but real Markdown (issue 18, item 7): time and peak memory of
 * `opinion build` (md, html, json, docx) and `validate` on a copy of the
 * build fixture with, added to one chapter, N footnotes, a table of N rows, or
 * N points; at two sizes, so that one sees the growth is linear.
 *
 *   node bench/markdown-size.mjs            # every case
 *   node bench/markdown-size.mjs footnotes  # one case
 *
 * Uses /usr/bin/time for the peak memory (Linux). Unset NODE_EXTRA_CA_CERTS when timing.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'opinion.js');
const CASES = {
  footnotes: [5_000, 20_000].map((n) => [
    `${n.toLocaleString('en-GB')} footnotes`,
    Array.from({ length: n }, (_, i) => `{#p-f${i}} Point.[^f${i}]\n\n[^f${i}]: Note ${i}.`).join('\n\n'),
  ]),
  table: [25_000, 100_000 - 2].map((n) => [`a table of ${n.toLocaleString('en-GB')} rows`, '| a | b |\n|---|---|\n' + '| x | y |\n'.repeat(n)]),
  points: [1_500, 6_000].map((n) => [
    `${n.toLocaleString('en-GB')} points`,
    Array.from(
      { length: n },
      (_, i) =>
        `{#p-l${i}} The Committee *considers* that social economy enterprises, as set out in [the report](https://example.org/${i}), need **access** to finance and to markets; point ${i} goes on for a while.`,
    ).join('\n\n'),
  ]),
};
const only = process.argv[2];
const root = mkdtempSync(join(tmpdir(), 'opinion-bench-md-'));
console.log(`Node ${process.version}`);
try {
  for (const [kind, sizes] of Object.entries(CASES)) {
    if (only && only !== kind) continue;
    for (const [name, text] of sizes) {
      const dir = join(root, 'o');
      rmSync(dir, { recursive: true, force: true });
      cpSync(join(ROOT, 'test/build/fixtures/basic'), dir, { recursive: true });
      appendFileSync(join(dir, 'text/en/02-specific-comments.md'), `\n${text}\n`);
      for (const args of [
        ['validate', dir],
        ['build', dir, '--out', join(root, 'out'), '--to', 'md,html,json,docx', '--quiet'],
      ]) {
        const run = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
        const [seconds, kb] = run.stderr.trim().split('\n').at(-1).split(' ');
        console.log(
          `${name.padEnd(28)} ${args[0].padEnd(9)} exit ${run.status}  ${Number(seconds).toFixed(1).padStart(6)} s  ${Math.round(Number(kb) / 1024)
            .toString()
            .padStart(5)} MB`,
        );
      }
    }
  }
} finally {
  rmSync(root, { recursive: true, force: true });
}
