/**
 * Writing a new opinion folder all at once: the source folder is copied to
 * a temporary folder next to the destination, the changed files are written
 * there, and the temporary folder is renamed to the destination. An
 * existing destination is never overwritten; on any failure the temporary
 * folder is removed and nothing is left behind.
 */
import { cp, mkdtemp, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';

export class FolderExistsError extends Error {}

export async function writeFolder(source: string, destination: string, changes: ReadonlyMap<string, string>): Promise<void> {
  const target = resolve(destination);
  if (await stat(target).then(() => true, () => false)) throw new FolderExistsError(`\`${destination}\` already exists, expected a new folder (nothing is overwritten)`);
  const from = resolve(source);
  if (target === from || target.startsWith(from + '/')) throw new FolderExistsError(`\`${destination}\` is inside the opinion folder, expected a folder outside it`);
  const temporary = await mkdtemp(join(dirname(target), `.${basename(target)}.tmp-`));
  try {
    await cp(from, temporary, { recursive: true, errorOnExist: true, force: false, filter: (path) => !basename(path).startsWith('.opinion-tmp') });
    for (const [path, content] of changes) {
      const inside = relative(from, resolve(path));
      if (inside.startsWith('..')) throw new Error(`refusing to write outside the folder: ${path}`);
      await writeFile(join(temporary, inside), content);
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    throw error;
  }
}
