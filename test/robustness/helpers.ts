/**
 * Running the real bin on hostile input in a child process, with the bounds
 * every robustness test shares: a kill-timeout and a heap limit (generous —
 * these catch hangs and blow-ups, they do not measure speed), and the
 * checks every run must pass whatever the input.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { BIN, ROOT } from '../helpers.js';

/** Kill a run after this long: each case takes well under a second or two when bounded. */
export const KILL_AFTER_MS = 30_000;
/** The V8 heap a run may use: a run over it dies with "heap out of memory" (exit 134), which fails the test. */
export const HEAP_MB = 768;

export interface Outcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  timedOut: boolean;
}

export function run(
  args: string[],
  options: {
    cwd?: string;
    killAfter?: number;
    heapMb?: number /** Called once started, with a way to SIGKILL the run. */;
    control?: (kill: () => void) => void;
  } = {},
): Promise<Outcome> {
  return new Promise((done) => {
    const started = Date.now();
    const child = spawn(process.execPath, [`--max-old-space-size=${options.heapMb ?? HEAP_MB}`, '--stack-size=984', BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => void (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString('utf8')));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.killAfter ?? KILL_AFTER_MS);
    options.control?.(() => child.kill('SIGKILL'));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      done({ code, signal, stdout, stderr, ms: Date.now() - started, timedOut });
    });
  });
}

/** Words that only an engine says: never shown to a user. */
const ENGINE_WORDS = [
  /internal error/i,
  /Maximum call stack/i,
  /heap out of memory/i,
  /RangeError/,
  /TypeError/,
  /ReferenceError/,
  /\n\s+at .+:\d+:\d+\)?\n/,
  /Incorrect locale information/,
  /ENOENT|EEXIST|EPERM|EISDIR|ENOTDIR|EACCES|EROFS/,
];

/** What every run must show, whatever the input: an exit code of 0, 1 or 2, within the bounds, in the user's words. */
export function expectClean(outcome: Outcome, label = ''): void {
  expect(outcome.timedOut, `${label}: killed after ${KILL_AFTER_MS} ms`).toBe(false);
  expect([0, 1, 2], `${label}: exit ${outcome.code} (${outcome.signal ?? ''})\n${outcome.stderr.slice(0, 2000)}`).toContain(outcome.code);
  for (const word of ENGINE_WORDS) {
    expect(outcome.stdout + outcome.stderr, `${label}: engine wording ${word}`).not.toMatch(word);
  }
}

export function tempDir(prefix = 'opinion-robust-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A copy of a small valid opinion (the build fixture `basic`) at `<parent>/<name>`. */
export function copyBasic(parent: string, name = 'o'): string {
  const dir = join(parent, name);
  cpSync(join(ROOT, 'test/build/fixtures/basic'), dir, { recursive: true });
  return dir;
}

/** Every file under `dir`, as bytes (for "no byte of the secret in any output"). */
export function allFiles(dir: string): { path: string; bytes: Buffer }[] {
  const found: { path: string; bytes: Buffer }[] = [];
  const walk = (folder: string) => {
    let names: string[];
    try {
      names = readdirSync(folder);
    } catch {
      return;
    }
    for (const name of names) {
      const path = join(folder, name);
      const info = statSync(path, { throwIfNoEntry: false });
      if (info?.isDirectory()) walk(path);
      else if (info?.isFile()) found.push({ path, bytes: readFileSync(path) });
    }
  };
  walk(dir);
  return found;
}
