/**
 * The one reader of every file read for an opinion (sources, template, slot
 * files, label files, notes, check.yaml, drafts given to `diff`).
 *
 * A `ReadScope` says where reading is allowed: the opinion folder, the
 * package's own `templates/` (default template, shipped label files), and
 * the files the user named on the command line (`--template`, `--labels`,
 * the drafts given to `diff` or `import`). A path is judged by where it
 * really is (`realpath`: symbolic links followed, `..` resolved), so that a
 * symlink `slots/signature.md → ~/secret.env` or `template: ../secret.env`
 * is refused before a single byte of it is read — a refused file can never
 * appear in a draft or in a message's excerpt.
 *
 * Reading itself is bounded: a size limit checked before reading (and again
 * on the bytes actually read, for files that grow), only regular files.
 */
import { closeSync, openSync, readSync, realpathSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { BUILTIN_TEMPLATES_DIR } from './package-files.js';

export interface ReadScope {
  /** Folders (absolute) whose files may be read, wherever their names point from. */
  readonly folders: readonly string[];
  /** Single files (absolute) the user named explicitly. */
  readonly files: readonly string[];
}

/** Where reading for the opinion in `dir` is allowed; `explicit`: files named on the command line. */
export function opinionScope(dir: string, explicit: readonly string[] = []): ReadScope {
  return { folders: [resolve(dir), BUILTIN_TEMPLATES_DIR], files: explicit.map((file) => resolve(file)) };
}

const realCache = new Map<string, string>();

/**
 * `realpath`, or the path itself when it does not exist (then nothing can be
 * read from it anyway). Synchronous, as below: a corpus opens a new opinion
 * folder (a new root) for each opinion.
 */
function real(path: string): string {
  let cached = realCache.get(path);
  if (cached === undefined) {
    cached = realOrUndefined(path) ?? path;
    // Roots are few; files are not cached (a symlink may be changed between builds in --watch).
    if (realCache.size < 256) realCache.set(path, cached);
  }
  return cached;
}

export type Confined = { ok: true; real: string } | { ok: false; real: string; reason: string };

/**
 * Whether `path` may be read under `scope`. The reason, when not, names the
 * path as written and where it leads, never anything read from it.
 */
export async function confine(path: string, scope: ReadScope): Promise<Confined> {
  const absolute = resolve(path);
  const target = realOrUndefined(absolute);
  if (target === undefined) {
    // Missing (the caller reports "no such file"), or a dangling link: judge the link's own place.
    return { ok: true, real: absolute };
  }
  for (const file of scope.files) if (real(file) === target) return { ok: true, real: target };
  for (const folder of scope.folders) {
    const root = real(folder);
    if (target === root || target.startsWith(root.endsWith(sep) ? root : root + sep)) return { ok: true, real: target };
  }
  const shown = target === absolute ? '' : ` (it leads to \`${target}\`)`;
  return {
    ok: false,
    real: target,
    reason: `Unexpected path outside the opinion${shown}, expected a file inside the opinion folder, the package's templates, or a file given on the command line`,
  };
}

/**
 * The same system call as fs/promises' realpath, made synchronously: files
 * are read synchronously too (below), each far cheaper than a round trip
 * through the thread pool when an opinion has dozens and a corpus thousands.
 */
function realOrUndefined(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

export type BytesRead =
  | { ok: true; bytes: Buffer }
  | { ok: false; code: 'outside' | 'unreadable' | 'folder' | 'special' | 'too-large'; reason: string; size?: number };

/**
 * Read the bytes of a regular file, at most `maxBytes`, if `scope` allows it.
 * Never throws for what is on disk.
 */
export async function readBytes(path: string, options: { maxBytes: number; scope?: ReadScope | undefined }): Promise<BytesRead> {
  if (options.scope) {
    const confined = await confine(path, options.scope);
    if (!confined.ok) return { ok: false, code: 'outside', reason: confined.reason };
  }
  let info;
  try {
    info = statSync(path);
  } catch (error) {
    return { ok: false, code: 'unreadable', reason: describeFsError(error) };
  }
  if (info.isDirectory()) return { ok: false, code: 'folder', reason: 'it is a folder, expected a file' };
  if (!info.isFile()) return { ok: false, code: 'special', reason: 'it is a special file, expected a regular file' };
  if (info.size > options.maxBytes)
    return { ok: false, code: 'too-large', reason: `${formatBytes(info.size)}, expected at most ${formatBytes(options.maxBytes)}`, size: info.size };
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    return { ok: false, code: 'unreadable', reason: describeFsError(error) };
  }
  try {
    // Read at most one byte more than allowed: a file that grew since `stat` is caught too.
    const buffer = Buffer.allocUnsafe(Math.min(options.maxBytes + 1, Math.max(info.size + 1, 1)));
    let length = 0;
    while (length < buffer.length) {
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > options.maxBytes)
      return {
        ok: false,
        code: 'too-large',
        reason: `more than ${formatBytes(options.maxBytes)}, expected at most ${formatBytes(options.maxBytes)}`,
        size: length,
      };
    if (length === buffer.length) return { ok: false, code: 'unreadable', reason: 'it grew while being read; try again' };
    return { ok: true, bytes: buffer.subarray(0, length) };
  } catch (error) {
    return { ok: false, code: 'unreadable', reason: describeFsError(error) };
  } finally {
    closeSync(fd);
  }
}

const FS_ERRORS = new Map([
  ['ENOENT', 'no such file or folder'],
  ['EACCES', 'permission denied'],
  ['EPERM', 'permission denied'],
  ['ENOTDIR', 'a part of the path is a file, not a folder'],
  ['EISDIR', 'it is a folder, not a file'],
  ['ELOOP', 'too many symbolic links'],
  ['EROFS', 'the file system is read-only'],
  ['ENOSPC', 'no space left on the disk'],
]);

/** The error's code as `FS_ERRORS` knows it: `mkdir -p` over a file is that file in the way of a folder. */
function codeOf(error: unknown): string {
  const failure = error as NodeJS.ErrnoException | undefined;
  return failure?.code === 'EEXIST' && failure.syscall === 'mkdir' ? 'ENOTDIR' : (failure?.code ?? '');
}

export function describeFsError(error: unknown): string {
  return FS_ERRORS.get(codeOf(error)) ?? (error instanceof Error ? (error.message.split('\n')[0] ?? error.message) : String(error));
}

/** The system calls that write: their failure is "cannot write". */
const WRITING_CALLS = new Set(['mkdir', 'open', 'write', 'rename', 'unlink', 'rmdir', 'copyfile', 'cp', 'symlink', 'link', 'utime', 'chmod', 'fsync']);

/**
 * A file system failure that reached the top of a command (a folder that
 * cannot be made, a file that cannot be written) in the user's words, naming
 * the place: `cannot write \`build/x\`: permission denied`; undefined for any
 * other error.
 */
export function describeFsFailure(error: unknown): string | undefined {
  const failure = error as NodeJS.ErrnoException;
  if (!(error instanceof Error) || typeof failure.path !== 'string' || !FS_ERRORS.has(codeOf(error))) return undefined;
  return `cannot ${WRITING_CALLS.has(failure.syscall ?? '') ? 'write' : 'read'} \`${failure.path}\`: ${describeFsError(error)}`;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${bytes} bytes`;
}
