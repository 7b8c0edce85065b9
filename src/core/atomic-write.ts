/**
 * The one atomic writer of the package: nothing it writes is ever seen
 * half-written, and nothing is silently overwritten.
 *
 * - `writeFileAtomic`: the content goes to a temporary file in the same
 *   folder, is flushed to disk, then renamed over the target (a rename within
 *   a folder is atomic). After a crash or Ctrl-C the target holds either the
 *   old or the new content; the stray temporary file is removed by the next
 *   build (`removeStaleTemporaries`), once the process that wrote it is gone.
 *   `writeTemporary` is its first half, for writers renaming several files at
 *   once (`render/write-outputs.ts`).
 * - `writeNewFolder`: a new folder (`opinion init`, `opinion import`, the
 *   next version of `opinion amendments apply`, a copy of a folder with some
 *   files changed) written whole into a temporary folder beside the target,
 *   then renamed to it: there is never a half-written folder, and an existing
 *   folder that is not empty is never written into.
 */
import {
  accessSync,
  closeSync,
  constants,
  fchmodSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { cp, mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { InputError } from './errors.js';
import { processGone } from './process-gone.js';
import { describeFsError } from './safe-read.js';

const TEMP_SUFFIX = '.opinion-tmp';
const NEW_FOLDER_SUFFIX = '.opinion-new';

/** The temporary name `writeFileAtomic` uses for `path`: hidden, with this process's id. */
export function temporaryName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomHex()}${TEMP_SUFFIX}`);
}

/**
 * Eight random hex digits (32 bits, as randomBytes(4) gave), to tell apart the
 * temporary names of one process. Not a secret: a temporary file is opened
 * with `wx`, so a name already taken fails instead of being followed. Math.random
 * spares loading node:crypto (5–13 ms of CPU on Node 20–24) in every command
 * that writes a file.
 */
function randomHex(): string {
  return Math.floor(Math.random() * 0x100000000)
    .toString(16)
    .padStart(8, '0');
}

export function writeFileAtomic(path: string, content: string | Uint8Array, options: { createFolder?: boolean } = {}): void {
  const temp = writeTemporary(path, content, options);
  try {
    renameSync(temp, path);
  } catch (error) {
    removeFile(temp);
    throw error;
  }
}

/**
 * The first half of an atomic write: `content` in a flushed temporary file
 * next to `path`, whose name is returned; renaming it over `path` is the
 * second half (see `write-outputs.ts`, which renames several at once).
 * Synchronous calls, as the rest of the write path (`render/transaction.ts`):
 * a one-shot command has nothing else to do meanwhile, and each asynchronous
 * call (a promise, a round trip through libuv's threads) cost more CPU than
 * the work it waited for (about 5 ms of the 13 ms a small build spent writing,
 * on Node 24).
 */
export function writeTemporary(path: string, content: string | Uint8Array, options: { createFolder?: boolean } = {}): string {
  const dir = dirname(path);
  if (options.createFolder ?? true) mkdirSync(dir, { recursive: true });
  const temp = temporaryName(path);
  const mode = existingMode(path);
  let fd: number;
  try {
    fd = openSync(temp, 'wx');
  } catch (error) {
    // Failing to create the temporary file is failing to write `path`: the message names it.
    throw Object.assign(error as NodeJS.ErrnoException, { path });
  }
  try {
    // The file it replaces keeps its permissions (a private file stays private), as an editor's save does.
    if (mode !== undefined) fchmodSync(fd, mode);
    writeFileSync(fd, content, 'utf8');
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    removeFile(temp);
    // A full disk or an I/O error while writing: the message names the file being written.
    throw Object.assign(error as NodeJS.ErrnoException, { path });
  }
  closeSync(fd);
  return temp;
}

/**
 * The permissions of the file at `path`, undefined when there is none; a file
 * this process may not write is refused (EACCES), as the shell's `>` refuses
 * it: renaming over it would replace a file its owner made read-only.
 */
function existingMode(path: string): number | undefined {
  let mode: number;
  try {
    mode = statSync(path).mode & 0o7777;
  } catch {
    return undefined;
  }
  try {
    accessSync(path, constants.W_OK);
  } catch (error) {
    // Refused as writing it would be refused (`cannot write …`), not as a read.
    throw Object.assign(error as NodeJS.ErrnoException, { syscall: 'open' });
  }
  return mode;
}

/** Remove the file `path`; one already gone is no error (as `rm` with `force`). */
export function removeFile(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/** Remove temporary files left in `dir` by interrupted builds (`.<name>.<pid>.<hex>.opinion-tmp`, `pid` no longer running). */
export function removeStaleTemporaries(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    if (!n.startsWith('.') || !n.endsWith(TEMP_SUFFIX)) continue;
    const pid = /\.(\d+)\.[0-9a-f]+\.opinion-tmp$/.exec(n)?.[1];
    if (pid !== undefined && processGone(Number(pid))) removeFile(join(dir, n));
  }
}

/**
 * Write `files` (paths relative to `target`) as the new folder `target`, or
 * throw an `InputError` saying why not. `shown` names the folder in the
 * message; `refusal` says why a non-empty folder is refused (`init never
 * overwrites anything: choose a new folder`). With `copyOf`, the new folder
 * is a copy of that folder (temporary files of interrupted writes left out)
 * with `files` written over it; `target` must then lie outside `copyOf`.
 */
export async function writeNewFolder(
  target: string,
  files: readonly { path: string; content: string | Uint8Array }[],
  options: { shown?: string; refusal: string; copyOf?: string },
): Promise<void> {
  const shown = options.shown ?? target;
  const copyOf = options.copyOf === undefined ? undefined : resolve(options.copyOf);
  if (copyOf !== undefined && !isOutside(resolve(target), copyOf))
    throw new InputError(`\`${shown}\` is inside the folder it copies, expected a folder outside \`${options.copyOf}\``);
  for (const file of files) {
    if (isAbsolute(file.path) || isOutside(join(target, file.path), target) || relative(target, join(target, file.path)) === '')
      throw new InputError(`cannot write \`${file.path}\` into \`${shown}\`: expected a path inside the new folder`);
  }
  const existing = await readdir(target).catch((error: NodeJS.ErrnoException) => {
    // ENOTDIR: the target is a file, or a folder above it is.
    if (error.code === 'ENOTDIR' && isFile(target)) throw new InputError(`\`${shown}\` is a file, expected a new folder`);
    if (error.code !== 'ENOENT') throw new InputError(`cannot write \`${shown}\`: ${describeFsError(error)}`);
    return [];
  });
  if (existing.length > 0) throw new InputError(`\`${shown}\` already exists and is not empty; ${options.refusal}`);
  const parent = dirname(target);
  await removeStaleNewFolders(parent, basename(target));
  const temporary = join(parent, `.${basename(target)}.${process.pid}-${randomHex()}${NEW_FOLDER_SUFFIX}`);
  try {
    await mkdir(parent, { recursive: true });
    if (copyOf !== undefined)
      await cp(copyOf, temporary, { recursive: true, errorOnExist: true, force: false, filter: (path) => !isTemporary(basename(path)) });
    for (const file of files) {
      const path = join(temporary, file.path);
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.content, { flag: copyOf === undefined ? 'wx' : 'w' });
    }
    await rmdir(target).catch(() => undefined);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') throw new InputError(`\`${shown}\` appeared while writing; nothing was overwritten`);
    throw new InputError(`cannot write \`${shown}\`: ${describeFsError(error)}`);
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Whether `path` lies outside `folder` (neither the folder nor inside it). */
function isOutside(path: string, folder: string): boolean {
  const inside = relative(folder, path);
  return inside.startsWith('..') || isAbsolute(inside);
}

/** A file left by an interrupted `writeFileAtomic` or `writeNewFolder`. */
function isTemporary(name: string): boolean {
  return name.startsWith('.') && (name.endsWith(TEMP_SUFFIX) || name.endsWith(NEW_FOLDER_SUFFIX));
}

/** Remove the temporary folders `writeNewFolder` left for `name` in `parent` when its process was killed; never a live process's. */
async function removeStaleNewFolders(parent: string, name: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(parent);
  } catch {
    return;
  }
  const prefix = `.${name}.`;
  for (const entry of entries) {
    if (!entry.startsWith(prefix) || !entry.endsWith(NEW_FOLDER_SUFFIX)) continue;
    const pid = /^(\d+)-[0-9a-f]+$/.exec(entry.slice(prefix.length, -NEW_FOLDER_SUFFIX.length))?.[1];
    if (pid !== undefined && processGone(Number(pid))) await rm(join(parent, entry), { recursive: true, force: true });
  }
}
