/**
 * A build killed at any moment (SIGKILL, in a child process) leaves the
 * outputs of each opinion all old or all new — or, when killed while
 * renaming, a journal the next build finishes first; the next build never
 * mistakes it for a hand edit, a reader of the built draft (`diff`) refuses it
 * while the journal is there, and no temporary file survives it. Two
 * builds of the same opinion at once both succeed.
 */
import { describe, it, expect } from 'vitest';
import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawn } from 'node:child_process';
import { ROOT } from '../helpers.js';
import { allFiles, expectClean, run, tempDir } from './helpers.js';

const ARGS = ['--lang', 'all'];

function outputs(out: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const { path, bytes } of allFiles(out)) {
    const rel = relative(out, path);
    if (rel.split('/').some((part) => part.startsWith('.'))) continue;
    map.set(rel, createHash('sha256').update(bytes).digest('hex'));
  }
  return map;
}

function hidden(out: string): string[] {
  return allFiles(out)
    .map(({ path }) => relative(out, path))
    .filter((rel) => /\.opinion-tmp$|\.bak$|\.lock$|journal/.test(rel));
}

/** A copy of the four-language fixture, and an output folder next to it. */
function languagesCopy(): { dir: string; src: string; out: string } {
  const dir = tempDir();
  const src = join(dir, 'languages');
  cpSync(join(ROOT, 'test/build/fixtures/languages'), src, { recursive: true });
  return { dir, src, out: join(dir, 'out') };
}

describe('interrupted and concurrent builds', () => {
  it('leaves all-old or all-new outputs after a kill at any moment, and the next build completes without a false "edited by hand"', async () => {
    const dir = tempDir();
    const src = join(dir, 'src', 'languages');
    cpSync(join(ROOT, 'test/build/fixtures/languages'), src, { recursive: true });
    const chapter = join(src, 'text', 'en', readdirSync(join(src, 'text', 'en')).sort()[0]!);
    const original = readFileSync(chapter, 'utf8');
    const versions = [original, original + '\nA paragraph only in version B.\n'];

    // The outputs of each version, built once without interruption.
    const expected: Map<string, string>[] = [];
    let duration = 0;
    for (const [i, text] of versions.entries()) {
      writeFileSync(chapter, text);
      const out = join(dir, `reference-${i}`);
      const outcome = await run(['build', src, '--out', out, ...ARGS]);
      expectClean(outcome, `reference ${i}`);
      expect(outcome.code).toBe(0);
      expected.push(outputs(out));
      duration = Math.max(duration, outcome.ms);
    }
    const out = join(dir, 'out');
    writeFileSync(chapter, versions[0]!);
    expect((await run(['build', src, '--out', out, ...ARGS])).code).toBe(0);

    let journals = 0;
    const ROUNDS = 6;
    for (let round = 1; round <= ROUNDS; round++) {
      const next = round % 2;
      writeFileSync(chapter, versions[next]!);
      // Kill at a random moment (every third round), or as soon as the build starts writing its temporaries,
      // or as soon as its journal appears (the renaming window): the moments that matter, hit every time.
      const moment = round % 3;
      const watched = join(out, 'languages');
      const killed = await run(['build', src, '--out', out, ...ARGS], {
        killAfter: moment === 0 ? Math.floor(duration * Math.random()) : 60_000,
        control: (kill) => {
          if (moment === 0) return;
          const watchers = [watched, ...['en', 'fr', 'it', 'de'].map((l) => join(watched, l))].map((folder) =>
            watch(folder, (_event, name) => {
              if (name && (moment === 1 ? name.endsWith('.opinion-tmp') : name.endsWith('journal.json'))) {
                kill();
                for (const w of watchers) w.close();
              }
            }),
          );
          setTimeout(() => watchers.forEach((w) => w.close()), 60_000).unref();
        },
      });
      const now = outputs(out);
      const journal = existsSync(join(out, 'languages', '.opinion-build.journal.json'));
      if (journal) journals++;
      for (const [path, hash] of now) {
        expect([expected[0]!.get(path), expected[1]!.get(path)], `round ${round}: ${path} is neither old nor new`).toContain(hash);
      }
      if (!journal && !(killed.code === 0)) {
        const same = [0, 1].filter((v) => [...now].every(([path, hash]) => expected[v]!.get(path) === hash));
        expect(same.length, `round ${round}: a mix of old and new outputs without a journal`).toBeGreaterThan(0);
      }
      // A reader of a built draft (diff, import) recognises the interrupted build instead of reading a mix.
      const draft = join(out, 'languages', 'en', 'opinion.md');
      const read = await run(['diff', draft, draft]);
      expectClean(read, `round ${round}: diff of the built draft`);
      if (journal) {
        expect(read.code, read.stdout + read.stderr).toBe(2);
        expect(read.stderr).toMatch(/the build that wrote it was interrupted .*run `opinion build` again/);
      } else expect(read.code, read.stdout + read.stderr).toBe(0);
      // The next build (same sources) finishes or redoes it: exit 0, all new, nothing left over.
      const after = await run(['build', src, '--out', out, ...ARGS]);
      expectClean(after, `round ${round} rebuild`);
      expect(after.code, after.stdout + after.stderr).toBe(0);
      expect(after.stdout + after.stderr).not.toMatch(/edited by hand|did not write/);
      expect(outputs(out)).toEqual(expected[next]);
      expect(hidden(out)).toEqual([]);
    }
    // Whether a kill landed inside the renaming window depends on the machine: said, not asserted.
    console.log(`interrupted builds: ${journals} of ${ROUNDS} killed while renaming (journal recovered)`);
  }, 240_000);

  it('two builds of the same opinion at once both succeed and agree', async () => {
    const { src, out } = languagesCopy();
    for (let round = 0; round < 2; round++) {
      appendFileSync(join(src, 'text', 'en', readdirSync(join(src, 'text', 'en')).sort()[0]!), `\nRound ${round}.\n`);
      const [a, b] = await Promise.all([run(['build', src, '--out', out, ...ARGS]), run(['build', src, '--out', out, ...ARGS])]);
      for (const outcome of [a, b]) {
        expectClean(outcome, `round ${round}`);
        expect(outcome.code, outcome.stdout + outcome.stderr).toBe(0);
      }
      expect(hidden(out)).toEqual([]);
    }
  }, 120_000);

  it('removes the temporaries of a killed build, never those of a live one', async () => {
    const { src, out } = languagesCopy();
    expect((await run(['build', src, '--out', out])).code).toBe(0);
    // A process that is surely gone, and one that is alive (this test's).
    const dead = await new Promise<number>((done) => {
      const child = spawn(process.execPath, ['-e', '0']);
      child.on('close', () => done(child.pid!));
    });
    const lang = join(out, 'languages', 'en');
    writeFileSync(join(lang, `.opinion.md.${dead}.0badc0de.opinion-tmp`), 'stale');
    writeFileSync(join(out, 'languages', `..opinion-build.json.${dead}.0badc0de.opinion-tmp`), 'stale');
    writeFileSync(join(lang, `.opinion.md.${process.pid}.0badc0de.opinion-tmp`), 'live');
    appendFileSync(join(src, 'text', 'en', readdirSync(join(src, 'text', 'en')).sort()[0]!), '\nChanged.\n');
    expect((await run(['build', src, '--out', out])).code).toBe(0);
    expect(hidden(out)).toEqual([`languages/en/.opinion.md.${process.pid}.0badc0de.opinion-tmp`]);
  }, 60_000);
});
