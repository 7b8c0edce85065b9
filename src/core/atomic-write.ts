/**
 * Writing a file so that it is never seen half-written: the content goes to
 * a temporary file in the same folder, is flushed to disk, then renamed over
 * the target (a rename within a folder is atomic). After a crash or Ctrl-C
 * the target holds either the old or the new content; the stray temporary
 * file is removed by the next build (`removeStaleTemporaries`), once the
 * process that wrote it is gone.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const TEMP_SUFFIX = '.opinion-tmp';

/** The temporary name `writeFileAtomic` uses for `path`: hidden, with this process's id. */
export function temporaryName(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
}

export async function writeFileAtomic(path: string, content: string | Uint8Array, options: { createFolder?: boolean } = {}): Promise<void> {
  const temp = await writeTemporary(path, content, options);
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * The first half of an atomic write: `content` in a flushed temporary file
 * next to `path`, whose name is returned; renaming it over `path` is the
 * second half (see `write-outputs.ts`, which renames several at once).
 */
export async function writeTemporary(path: string, content: string | Uint8Array, options: { createFolder?: boolean } = {}): Promise<string> {
  const dir = dirname(path);
  if (options.createFolder ?? true) await mkdir(dir, { recursive: true });
  const temp = temporaryName(path);
  const handle = await open(temp, 'wx');
  try {
    await handle.writeFile(content, 'utf8');
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  return temp;
}

/**
 * Whether the process `pid` of this machine is gone. A live process of
 * another user answers EPERM: alive. Only what a dead process left is ever
 * cleaned up, so two builds running at once never remove each other's files.
 */
export function processGone(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Remove temporary files left in `dir` by interrupted builds (`.<name>.<pid>.<hex>.opinion-tmp`, `pid` no longer running). */
export async function removeStaleTemporaries(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  const stale = names.filter((n) => {
    if (!n.startsWith('.') || !n.endsWith(TEMP_SUFFIX)) return false;
    const pid = /\.(\d+)\.[0-9a-f]+\.opinion-tmp$/.exec(n)?.[1];
    return pid !== undefined && processGone(Number(pid));
  });
  await Promise.all(stale.map((n) => rm(join(dir, n), { force: true })));
}
