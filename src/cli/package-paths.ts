/** Folders shipped with the package. */
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../core/package-root.js';

export { PACKAGE_ROOT };
export const TEMPLATES_DIR = join(PACKAGE_ROOT, 'templates');
