/**
 * Writing a new opinion folder without ever replacing a file: each file is
 * written to a temporary name, then hard-linked to its final name (which
 * fails if the name exists) — so a file is either whole or absent.
 */
import { link, mkdir, readdir, unlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ScaffoldFile } from './index.js';

export type WriteOutcome = { ok: true; written: string[] } | { ok: false; reason: string };

export async function writeNewFolder(dir: string, files: readonly ScaffoldFile[]): Promise<WriteOutcome> {
  try {
    const existing = await readdir(dir);
    if (existing.length > 0) return { ok: false, reason: `\`${dir}\` already exists and is not empty; init never overwrites anything: choose a new folder` };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOTDIR') return { ok: false, reason: `\`${dir}\` is a file, expected a new folder` };
    if (code !== 'ENOENT') return { ok: false, reason: `cannot use \`${dir}\`: ${(error as Error).message}` };
  }
  const written: string[] = [];
  for (const file of files) {
    const target = join(dir, file.path);
    const temp = join(dirname(target), `.${file.path.split('/').pop()}.${process.pid}.tmp`);
    try {
      await mkdir(dirname(target), { recursive: true });
      await writeFile(temp, file.content, { flag: 'wx' });
      await link(temp, target);
      written.push(target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return { ok: false, reason: code === 'EEXIST' ? `\`${target}\` appeared while writing; nothing was overwritten` : `cannot write \`${target}\`: ${(error as Error).message}` };
    } finally {
      await unlink(temp).catch(() => undefined);
    }
  }
  return { ok: true, written };
}
