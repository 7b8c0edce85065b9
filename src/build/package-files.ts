/**
 * Files shipped with the package that a build reads: the default template and
 * the label files. Found from this module's location, which is `src/build/`
 * when run from source and `dist/` (or `dist/chunks/`) when bundled.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findTemplatesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'templates');
    if (existsSync(join(candidate, 'eesc-opinion.md'))) return candidate;
    dir = dirname(dir);
  }
  return join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'templates');
}

/** `templates/` of the package. */
export const BUILTIN_TEMPLATES_DIR = findTemplatesDir();
/** The default template. */
export const DEFAULT_TEMPLATE = join(BUILTIN_TEMPLATES_DIR, 'eesc-opinion.md');
/** The label files that ship: `templates/languages/<lang>.yaml`. */
export const BUILTIN_LANGUAGES_DIR = join(BUILTIN_TEMPLATES_DIR, 'languages');
