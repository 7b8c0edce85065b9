/**
 * Writing an imported opinion folder all at once: every file goes into a
 * temporary folder next to the target, which is then renamed to the target
 * (a rename is atomic), so there is never a half-written opinion. An existing
 * folder that is not empty is never written into.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, sep } from 'node:path';
import { PACKAGE_ROOT } from '../core/package-root.js';
import { processGone } from '../core/atomic-write.js';
import type { ImportedFile } from './index.js';

export type WriteOutcome = { ok: true } | { ok: false; reason: string };

export interface WriteImportedOptions {
  /** The folder as named to the user in reasons (default: `target`). */
  shown?: string;
  /** Schemas folder the files' `$schema` links point to (default: this package's `schemas/`). */
  schemasDir?: string;
}

/** `@SCHEMAS@` in the files becomes the path from each file to the schemas folder. */
export async function writeImportedFolder(target: string, files: readonly ImportedFile[], options: WriteImportedOptions = {}): Promise<WriteOutcome> {
  const { shown = target, schemasDir = join(PACKAGE_ROOT, 'schemas') } = options;
  try {
    const existing = await readdir(target);
    if (existing.length > 0) return { ok: false, reason: `\`${shown}\` already exists and is not empty; import never writes into an existing folder: choose a new one with --out` };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') return { ok: false, reason: `\`${shown}\` is a file, expected a new folder` };
    if (code !== 'ENOENT') return { ok: false, reason: `cannot use \`${shown}\`: ${(error as Error).message}` };
  }
  const parent = dirname(target);
  await removeStaleImports(parent, basename(target));
  const temporary = join(parent, `.${basename(target)}.import-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    await mkdir(parent, { recursive: true });
    for (const file of files) {
      const path = join(temporary, file.path);
      await mkdir(dirname(path), { recursive: true });
      const schemas = relative(dirname(join(target, file.path)), schemasDir).split(sep).join('/');
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

/** Remove the temporary folders of imports into `name` whose process is gone (a killed import); never a live one's. */
async function removeStaleImports(parent: string, name: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(parent);
  } catch {
    return;
  }
  const prefix = `.${name}.import-`;
  for (const entry of entries) {
    if (!entry.startsWith(prefix)) continue;
    const pid = /^(\d+)-[0-9a-f]+$/.exec(entry.slice(prefix.length))?.[1];
    if (pid !== undefined && processGone(Number(pid))) await rm(join(parent, entry), { recursive: true, force: true });
  }
}
