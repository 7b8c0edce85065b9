/**
 * Files shipped with the package that a build reads: the default template and
 * the label files, in the package's `templates/`.
 */
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../core/package-root.js';

/** `templates/` of the package. */
export const BUILTIN_TEMPLATES_DIR = join(PACKAGE_ROOT, 'templates');
/** The default template. */
export const DEFAULT_TEMPLATE = join(BUILTIN_TEMPLATES_DIR, 'eesc-opinion.md');
/** The label files that ship (read by `labels/`). */
export { BUILTIN_LANGUAGES_DIR } from '../labels/load.js';
