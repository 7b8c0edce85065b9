/**
 * Writing an imported opinion folder all at once (the shared `writeNewFolder`:
 * never half-written, never into an existing folder), with each file's
 * `$schema` link pointing at the schemas folder.
 */
import { dirname, join, relative, sep } from 'node:path';
import { writeNewFolder } from '../core/atomic-write.js';
import { PACKAGE_ROOT } from '../core/package-root.js';
import type { ImportedFile } from './index.js';

export interface WriteImportedOptions {
  /** The folder as named to the user in reasons (default: `target`). */
  shown?: string;
  /** Schemas folder the files' `$schema` links point to (default: this package's `schemas/`). */
  schemasDir?: string;
}

/** `@SCHEMAS@` in the files becomes the path from each file to the schemas folder. Throws an `InputError` when the folder cannot be written. */
export function writeImportedFolder(target: string, files: readonly ImportedFile[], options: WriteImportedOptions = {}): Promise<void> {
  const { shown = target, schemasDir = join(PACKAGE_ROOT, 'schemas') } = options;
  const linked = files.map((file) => {
    const schemas = relative(dirname(join(target, file.path)), schemasDir).split(sep).join('/');
    return { path: file.path, content: file.content.replaceAll('@SCHEMAS@', schemas) };
  });
  return writeNewFolder(target, linked, { shown, refusal: 'import never writes into an existing folder: choose a new one with --out' });
}

