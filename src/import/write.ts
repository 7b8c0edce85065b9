/**
 * Writing an imported opinion folder all at once (the shared `writeNewFolder`:
 * never half-written, never into an existing folder), with each file's
 * `$schema` link pointing at the published schemas (or a local schemas folder).
 */
import { dirname, join, relative, sep } from 'node:path';
import { writeNewFolder } from '../core/atomic-write.js';
import { SCHEMA_BASE } from '../core/schema-url.js';
import type { ImportedFile } from './index.js';

export interface WriteImportedOptions {
  /** The folder as named to the user in reasons (default: `target`). */
  shown?: string;
  /** A local schemas folder for the files' `$schema` links (default: the published schemas' https addresses, which survive a move). */
  schemasDir?: string;
}

/** `@SCHEMAS@` in the files becomes the schemas' https address, or the path from each file to `schemasDir`. Throws an `InputError` when the folder cannot be written. */
export function writeImportedFolder(target: string, files: readonly ImportedFile[], options: WriteImportedOptions = {}): Promise<void> {
  const { shown = target, schemasDir } = options;
  const linked = files.map((file) => {
    const schemas =
      schemasDir === undefined
        ? SCHEMA_BASE
        : relative(dirname(join(target, file.path)), schemasDir)
            .split(sep)
            .join('/');
    return { path: file.path, content: file.content.replaceAll('@SCHEMAS@', schemas) };
  });
  return writeNewFolder(target, linked, { shown, refusal: 'import never writes into an existing folder: choose a new one with --out' });
}
