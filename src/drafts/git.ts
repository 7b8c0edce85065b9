/**
 * Reading a path at a git revision: a file with `git cat-file`, a folder
 * extracted with `git archive` into a temporary folder. Every failure becomes
 * a one-line `InputError` naming the revision or path.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, posix, relative, sep } from 'node:path';
import { InputError } from '../core/errors.js';

const MAX_BUFFER = 256 * 1024 * 1024;

function run(command: string, args: readonly string[], cwd: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { cwd, encoding: 'buffer', maxBuffer: MAX_BUFFER, windowsHide: true }, (error, stdout, stderr) => {
      if (error) {
        const detail = Buffer.isBuffer(stderr) ? stderr.toString('utf8').trim().split('\n')[0] : '';
        const reason =
          (error as NodeJS.ErrnoException).code === 'ENOENT' ? `\`${command}\` is not installed or not on the PATH` : detail || error.message.split('\n')[0];
        reject(new Error(reason));
      } else resolve(stdout);
    });
  });
}

const git = (cwd: string, ...args: string[]): Promise<Buffer> => run('git', args, cwd);

export interface RepoPath {
  /** The repository's top folder. */
  root: string;
  /** The path inside the repository, with forward slashes ('' for the top). */
  path: string;
}

/** The nearest existing folder at or above `absolute` (a path deleted since the revision still has its parent). */
async function nearestFolder(absolute: string): Promise<string> {
  for (let dir = absolute; ; dir = dirname(dir)) {
    const info = await stat(dir).catch(() => undefined);
    if (info?.isDirectory()) return dir;
    if (dirname(dir) === dir) return dir;
  }
}

/**
 * Where `absolute` (which need not exist any more) is in its repository: git
 * runs in the path's own folder, not in the current directory, so a folder
 * in another repository (or run from outside any) is found in its own.
 */
export async function repoPath(absolute: string, shown: string): Promise<RepoPath> {
  const folder = await nearestFolder(absolute);
  let prefix: string;
  let root: string;
  try {
    const lines = (await git(folder, 'rev-parse', '--show-toplevel', '--show-prefix')).toString('utf8').split('\n');
    root = lines[0] ?? '';
    prefix = lines[1] ?? '';
  } catch (error) {
    throw new InputError(`cannot use --from/--to: \`${shown}\` is not in a git repository (${(error as Error).message})`);
  }
  const inside = posix.normalize(prefix + relative(folder, absolute).split(sep).join('/'));
  if (inside === '..' || inside.startsWith('../')) throw new InputError(`cannot use --from/--to: \`${shown}\` is outside the git repository \`${root}\``);
  return { root, path: inside === '.' ? '' : inside.replace(/\/$/, '') };
}

/** The commit a revision names; a clear error when it names none. */
export async function commitOf(root: string, revision: string): Promise<string> {
  if (revision.startsWith('-')) throw new InputError(`unknown revision \`${revision}\``);
  try {
    return (await git(root, 'rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`)).toString('utf8').trim();
  } catch {
    throw new InputError(`unknown revision \`${revision}\`: no such branch, tag or commit in \`${root}\``);
  }
}

/** What a path is at a commit: a file (`blob`), a folder (`tree`), or nothing. */
export async function typeAt(root: string, commit: string, path: string): Promise<'blob' | 'tree' | undefined> {
  try {
    const type = (await git(root, 'cat-file', '-t', `${commit}:${path}`)).toString('utf8').trim();
    return type === 'blob' || type === 'tree' ? type : undefined;
  } catch {
    return undefined;
  }
}

export async function readAt(root: string, commit: string, path: string): Promise<Buffer> {
  return git(root, 'cat-file', 'blob', `${commit}:${path}`);
}

/**
 * Extract a folder as it is at a commit into a new temporary folder; returns
 * that folder (the extracted path inside it is `path`). Remove it with `removeTemporary`.
 */
export async function extractAt(root: string, commit: string, path: string, shown: string): Promise<string> {
  const into = await mkdtemp(join(tmpdir(), 'opinion-diff-'));
  const archive = join(into, '.archive.tar');
  try {
    await git(root, 'archive', '--format=tar', `--output=${archive}`, commit, ...(path ? ['--', path] : []));
    await run('tar', ['-xf', archive, '-C', into], into);
    await rm(archive, { force: true });
    return into;
  } catch (error) {
    await removeTemporary(into);
    throw new InputError(`cannot extract \`${shown}\` at \`${commit.slice(0, 12)}\`: ${(error as Error).message}`);
  }
}

export async function removeTemporary(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
