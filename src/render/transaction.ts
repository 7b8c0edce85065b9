/**
 * The outputs of one build of an opinion change together or not at all.
 *
 * In `<out>/<opinion>/`:
 * - `.opinion-build.lock` (created exclusively, holding the process id) is
 *   held for the whole write: a second build of the same opinion waits for
 *   it; a lock whose process is gone (killed build) is taken over;
 * - every new file (outputs and manifest) is first written in full to a
 *   flushed temporary file next to its target;
 * - then `.opinion-build.journal.json` lists the renames to make, and is
 *   itself written atomically: from this moment the build counts as done;
 * - the temporaries are renamed over their targets, and the journal removed.
 *
 * Killed before the journal exists, the build changed nothing (its
 * temporaries are removed by the next build). Killed after, the next build
 * finds the journal and finishes the renames first (`recoverInterrupted`):
 * the outputs and manifest are then all of the interrupted build, and
 * nothing looks "edited by hand".
 *
 * The files are read and written with synchronous calls, as in
 * `core/atomic-write.ts` (why: there); only the wait for another build's lock
 * gives the event loop back.
 */
import { mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { removeFile, removeStaleTemporaries, writeFileAtomic, writeTemporary } from '../core/atomic-write.js';
import { processGone } from '../core/process-gone.js';
import { InputError } from '../core/errors.js';

export const LOCK_NAME = '.opinion-build.lock';
export const JOURNAL_NAME = '.opinion-build.journal.json';

/** How long a build waits for another build of the same opinion before giving up. */
const LOCK_WAIT_MS = 120_000;

/** Another build holds the lock too long: `writeOutputs` reports it on the opinion; anywhere else it is an `InputError` (exit code 2). */
export class OutputBusyError extends InputError {}

/** Run `work` holding the lock of the output folder `root`. */
export async function withOutputLock<T>(root: string, work: () => Promise<T>): Promise<T> {
  mkdirSync(root, { recursive: true });
  const lock = join(root, LOCK_NAME);
  const started = Date.now();
  let delay = 20;
  for (;;) {
    try {
      // Created exclusively (fails with EEXIST when held), written and closed.
      writeFileSync(lock, `${process.pid}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(readOrEmpty(lock), 10);
    if (Number.isNaN(holder)) {
      // Being written right now, or left empty by a kill between create and write: give it a moment.
      let age = 0;
      try {
        age = Date.now() - statSync(lock).mtimeMs;
      } catch {}
      if (age > 5_000) removeFile(lock);
    } else if (processGone(holder)) {
      // Remove only the lock of that dead process: another waiter may have replaced it already.
      const again = Number.parseInt(readOrEmpty(lock), 10);
      if (again === holder) removeFile(lock);
      continue;
    }
    if (Date.now() - started > LOCK_WAIT_MS) {
      throw new OutputBusyError(
        `another build (process ${Number.isNaN(holder) ? '?' : holder}) has been writing \`${root}\` for more than ${LOCK_WAIT_MS / 1000} s`,
      );
    }
    await new Promise((done) => setTimeout(done, delay));
    delay = Math.min(delay * 2, 250);
  }
  try {
    return await work();
  } finally {
    removeFile(lock);
  }
}

/** The text of `path`, or '' when it cannot be read. */
function readOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

interface Journal {
  renames: { from: string; to: string }[];
}

/**
 * Finish a build that was killed after its journal was written; remove the
 * temporaries of builds killed before. Call holding the lock. Returns
 * whether an interrupted build was completed.
 */
export function recoverInterrupted(root: string, folders: Iterable<string>): boolean {
  const path = join(root, JOURNAL_NAME);
  let journal: Journal | undefined;
  try {
    journal = JSON.parse(readFileSync(path, 'utf8')) as Journal;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') removeFile(path);
  }
  let recovered = false;
  if (journal && Array.isArray(journal.renames)) {
    for (const { from, to } of journal.renames) {
      const source = inside(root, from);
      const target = inside(root, to);
      if (!source || !target) continue;
      try {
        renameSync(source, target);
      } catch (error) {
        // Already renamed before the kill.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      }
    }
    removeFile(path);
    recovered = true;
  }
  for (const dir of new Set([root, ...folders])) removeStaleTemporaries(dir);
  return recovered;
}

/** Write `files` (absolute paths inside `root`) all together; see the module comment. Call holding the lock. */
export function commitFiles(root: string, files: readonly { path: string; content: string | Uint8Array }[]): void {
  const renames: { from: string; to: string }[] = [];
  try {
    for (const file of files) renames.push({ from: writeTemporary(file.path, file.content), to: file.path });
  } catch (error) {
    for (const { from } of renames) removeFile(from);
    throw error;
  }
  const key = (path: string) => relative(root, path).split(sep).join('/');
  writeFileAtomic(join(root, JOURNAL_NAME), JSON.stringify({ renames: renames.map(({ from, to }) => ({ from: key(from), to: key(to) })) }) + '\n');
  for (const { from, to } of renames) renameSync(from, to);
  removeFile(join(root, JOURNAL_NAME));
}

/**
 * The journal of an interrupted build that `file` (a built output) is part of,
 * or undefined: while one is there, the outputs of that build may be part old,
 * part new, so a reader must not take them as one draft. Looks in the folder of
 * the file and the two above it (`<out>/<opinion>/<lang>/opinion.md`).
 */
export async function interruptedBuildOf(file: string): Promise<string | undefined> {
  let root = dirname(file);
  for (let up = 0; up < 3; up++, root = dirname(root)) {
    const path = join(root, JOURNAL_NAME);
    let journal: Journal;
    try {
      journal = JSON.parse(await readFile(path, 'utf8')) as Journal;
    } catch {
      continue;
    }
    const key = relative(root, file).split(sep).join('/');
    if (Array.isArray(journal.renames) && journal.renames.some((entry) => entry?.to === key)) return path;
  }
  return undefined;
}

/** `path` (relative to `root`, `/`-separated) when it stays inside `root`; a journal never leads elsewhere. */
function inside(root: string, path: unknown): string | undefined {
  if (typeof path !== 'string') return undefined;
  const full = resolve(root, path);
  return full.startsWith(resolve(root) + sep) && dirname(full) !== full ? full : undefined;
}
