/**
 * Every ```console example in README.md and docs/**\/*.md is run against the
 * real bin, and its output must be exactly what the page shows, so the docs
 * cannot drift from the tool. Each page runs top to bottom in its own
 * sandbox (a clone of the repository: git revisions exist, and nothing a page
 * creates, such as `init opinions/new-opinion`, is left in the repository).
 *
 * After an intended change of output: `UPDATE_DOCS=1 npx vitest run test/docs`
 * rewrites the outputs in the pages (review the diff); the commands are kept.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, BIN } from '../helpers.js';
import { consoleExamples, documentedPages, makeSandbox, matches, removeSandbox, runExample } from './examples.js';

const UPDATE = Boolean(process.env.UPDATE_DOCS);

for (const page of documentedPages(ROOT)) {
  const text = readFileSync(join(ROOT, page), 'utf8');
  const examples = consoleExamples(text);
  if (examples.length === 0) continue;
  describe(page, () => {
    let sandbox = '';
    const updates: { start: number; end: number; lines: string[] }[] = [];
    beforeAll(() => {
      sandbox = makeSandbox(ROOT);
    }, 120_000);
    afterAll(() => {
      if (sandbox) removeSandbox(sandbox);
      if (UPDATE && updates.length > 0) {
        const lines = readFileSync(join(ROOT, page), 'utf8').split('\n');
        for (const update of updates.sort((a, b) => b.start - a.start)) lines.splice(update.start, update.end - update.start, ...update.lines);
        writeFileSync(join(ROOT, page), lines.join('\n'));
      }
    });
    for (const example of examples) {
      it(`the example at line ${example.line} prints what the page shows`, () => {
        expect(example.steps.length).toBeGreaterThan(0);
        const { outputs, error } = runExample(example, sandbox, BIN);
        expect(error).toBeUndefined();
        const indent = /^(\s*)/.exec(text.split('\n')[example.line - 1]!)![1]!;
        const rewritten: string[] = [];
        let same = true;
        for (const [i, step] of example.steps.entries()) {
          const actual = outputs[i] ?? [];
          const ok = matches(step.expected, actual);
          same &&= ok;
          rewritten.push(...`$ ${step.command}`.split('\n').map((line, k, all) => indent + line + (k < all.length - 1 ? '\\' : '')));
          rewritten.push(...(ok ? step.expected : actual).map((line) => (line === '' ? '' : indent + line)));
          if (!UPDATE && !ok) expect(actual.join('\n'), `output of \`${step.command}\` (${page}:${example.line})`).toBe(step.expected.join('\n'));
        }
        if (UPDATE && !same) updates.push({ start: example.start, end: example.end, lines: rewritten });
      }, 300_000);
    }
  });
}
