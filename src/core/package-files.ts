/**
 * Files shipped with the package that a build reads: the default template and
 * the label files, in the package's `templates/`.
 */
import { join } from 'node:path';
import { PACKAGE_ROOT } from './package-root.js';

/** `templates/` of the package. */
export const BUILTIN_TEMPLATES_DIR = join(PACKAGE_ROOT, 'templates');
/** The default template. */
export const DEFAULT_TEMPLATE = join(BUILTIN_TEMPLATES_DIR, 'eesc-opinion.md');
/** The label files that ship (read by `labels/`). */
export const BUILTIN_LANGUAGES_DIR = join(BUILTIN_TEMPLATES_DIR, 'languages');
