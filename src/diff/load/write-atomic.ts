/**
 * Writing an output file so that it is never seen half-written: the text goes
 * to a temporary file beside it, is flushed, then renamed over the target.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DiffInputError, reasonOf } from './errors.js';

export async function writeFileAtomic(path: string, text: string, shown = path): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new DiffInputError(`cannot write \`${shown}\`: ${reasonOf(error)}`);
  }
}
