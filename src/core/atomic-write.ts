/**
 * Writing a file so that it is never seen half-written: the content goes to
 * a temporary file in the same folder, is flushed to disk, then renamed over
 * the target (a rename within a folder is atomic). After a crash or Ctrl-C
 * the target holds either the old or the new content; the stray temporary
 * file is removed by the next build (`removeStaleTemporaries`).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const TEMP_SUFFIX = '.opinion-tmp';

export async function writeFileAtomic(path: string, content: string | Uint8Array, options: { createFolder?: boolean } = {}): Promise<void> {
  const dir = dirname(path);
  if (options.createFolder ?? true) await mkdir(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}${TEMP_SUFFIX}`);
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
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** Remove temporary files left in `dir` by an interrupted build. */
export async function removeStaleTemporaries(dir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  await Promise.all(names.filter((n) => n.startsWith('.') && n.endsWith(TEMP_SUFFIX)).map((n) => rm(join(dir, n), { force: true })));
}
