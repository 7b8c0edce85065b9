/**
 * Writing an imported opinion folder all at once: every file goes into a
 * temporary folder next to the target, which is then renamed to the target
 * (a rename is atomic), so there is never a half-written opinion. An existing
 * folder that is not empty is never written into.
 */
import { SCHEMA_BASE } from '../core/schema-url.js';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import type { ImportedFile } from './index.js';

export type WriteOutcome = { ok: true } | { ok: false; reason: string };

export interface WriteImportedOptions {
  /** The folder as named to the user in reasons (default: `target`). */
  shown?: string;
  /** A local schemas folder for the files' `$schema` links (default: the published schemas' https addresses, which survive a move). */
  schemasDir?: string;
}

/** `@SCHEMAS@` in the files becomes the schemas' https address, or the path from each file to `schemasDir`. */
export async function writeImportedFolder(target: string, files: readonly ImportedFile[], options: WriteImportedOptions = {}): Promise<WriteOutcome> {
  const { shown = target, schemasDir } = options;
  try {
    const existing = await readdir(target);
    if (existing.length > 0) return { ok: false, reason: `\`${shown}\` already exists and is not empty; import never writes into an existing folder: choose a new one with --out` };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') return { ok: false, reason: `\`${shown}\` is a file, expected a new folder` };
    if (code !== 'ENOENT') return { ok: false, reason: `cannot use \`${shown}\`: ${(error as Error).message}` };
  }
  const parent = dirname(target);
  const temporary = join(parent, `.${basename(target)}.import-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(parent, { recursive: true });
    for (const file of files) {
      const path = join(temporary, file.path);
      await mkdir(dirname(path), { recursive: true });
      const schemas = schemasDir === undefined ? SCHEMA_BASE : relative(dirname(join(target, file.path)), schemasDir).split(sep).join('/');
      await writeFile(path, file.content.replaceAll('@SCHEMAS@', schemas), { flag: 'wx' });
    }
    await rmdir(target).catch(() => undefined);
    await rename(temporary, target);
    return { ok: true };
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTEMPTY' || code === 'EEXIST') return { ok: false, reason: `\`${shown}\` appeared while importing; nothing was overwritten` };
    return { ok: false, reason: `cannot write \`${shown}\`: ${(error as Error).message}` };
  }
}
