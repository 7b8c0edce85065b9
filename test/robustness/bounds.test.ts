/**
 * Hostile Markdown and YAML (issue 18, items 7, 9, 11): every command ends
 * within the kill-timeout and heap limit of `helpers.ts`, with exit 0–2 and a
 * message about the input (never an engine's words), and `validate` refuses
 * exactly what `build` refuses.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LONG, PATHOLOGICAL } from './cases.js';
import { copyBasic, expectClean, run, tempDir, type Outcome } from './helpers.js';

/** Run `jobs` at most `width` at a time (the machine is shared). */
async function pool<T>(jobs: (() => Promise<T>)[], width = 2): Promise<T[]> {
  const results: T[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < jobs.length) {
        const i = next++;
        results[i] = await jobs[i]!();
      }
    }),
  );
  return results;
}

describe('bounded time and memory, no internal errors', () => {
  it('refuses every pathological input at its place, in every command, and validate agrees with build', async () => {
    const root = tempDir();
    const jobs: (() => Promise<[string, string, Outcome]>)[] = [];
    for (const [i, item] of PATHOLOGICAL.entries()) {
      const dir = copyBasic(root, `case-${i}`);
      item.apply(dir);
      // check and stats load like validate: a few cases are enough to show they refuse too.
      const commands = i % 4 === 0 ? ['validate', 'build', 'check', 'stats'] : ['validate', 'build'];
      for (const command of commands) {
        const args = command === 'build' ? ['build', dir, '--out', join(root, `out-${i}`), '--to', 'md,html,json,docx'] : [command, dir];
        jobs.push(async () => [item.name, command, await run(args)]);
      }
    }
    const outcomes = await pool(jobs, 3);
    const byCase = new Map<string, Map<string, Outcome>>();
    for (const [name, command, outcome] of outcomes) {
      expectClean(outcome, `${name}: ${command}`);
      byCase.set(name, (byCase.get(name) ?? new Map()).set(command, outcome));
    }
    for (const [name, commands] of byCase) {
      const build = commands.get('build')!;
      const validate = commands.get('validate')!;
      expect(build.code, `${name}: build\n${build.stdout.slice(0, 1500)}`).toBe(1);
      expect(validate.code, `${name}: validate agrees with build\n${validate.stdout.slice(0, 1500)}`).toBe(1);
      // The message names the file and a line:column.
      expect(validate.stdout, name).toMatch(/\n {2}\d+:\d+(-\d+:\d+)? +error +.+ (source|yaml|labels)\/[a-z-]+/);
    }
  }, 300_000);

  it('builds long but real Markdown (thousands of footnotes, table rows, points) within the bounds, every command', async () => {
    const root = tempDir();
    const jobs: (() => Promise<[string, string, Outcome]>)[] = [];
    for (const [i, item] of LONG.entries()) {
      const dir = copyBasic(root, `long-${i}`);
      item.apply(dir);
      for (const command of ['validate', 'build', 'check', 'stats']) {
        const args = command === 'build' ? ['build', dir, '--out', join(root, `out-${i}`), '--to', 'md,html,json,docx'] : [command, dir];
        jobs.push(async () => [item.name, command, await run(args, { killAfter: 240_000 })]);
      }
    }
    for (const [name, command, outcome] of await pool(jobs, 2)) {
      expectClean(outcome, `${name}: ${command}`);
      expect(outcome.stdout + outcome.stderr, `${name}: ${command}`).not.toMatch(/source\/limit/);
      if (command !== 'check') expect(outcome.code, `${name}: ${command}\n${outcome.stdout.slice(0, 1500)}${outcome.stderr.slice(0, 1500)}`).toBe(0);
    }
    const html = readFileSync(join(root, 'out-0', 'long-0', 'en', 'opinion.html'), 'utf8');
    expect(html).toContain('Note 4999.');
    const rows = readFileSync(join(root, 'out-1', 'long-1', 'en', 'opinion.md'), 'utf8')
      .split('\n')
      .filter((line) => /^\| \*.*AMIF\)?\* +\| +20 % \|$/.test(line));
    // (the first row's AMIF is written out in full: the glossary expands an acronym at its first use)
    expect(rows).toHaveLength(10_000);
  }, 900_000);

  it('refuses a pathological Markdown draft given to diff, in one line', async () => {
    const root = tempDir();
    const draft = join(root, 'draft.md');
    writeFileSync(draft, '# Title\n\n' + '*a '.repeat(10_000) + 'x' + ' a*'.repeat(10_000) + '\n');
    const outcome = await run(['diff', draft, draft]);
    expectClean(outcome);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(/at 3:1: unexpected (block|paragraph) (of|with) more than/);
  }, 60_000);
});
